import { type ControlNetwork, IdealNetwork, type Message, type StreamHandle } from '../control/seam';
import type { DistributionSpec } from '../engine/distributions';
import { type RandomStream, RandomStreams, type Seed } from '../engine/random';
import { Simulation } from '../engine/simulation';
import { buildFactory, type Factory } from './build-factory';
import type { FactoryConfig, MachineConfig } from './config';
import type { TransportService } from './transport';

export const SEC = 1000;
export const MIN = 60_000;

export const exponential = (meanMs: number): DistributionSpec => ({ kind: 'exponential', mean: meanMs });
export const constant = (ms: number): DistributionSpec => ({ kind: 'constant', value: ms });

export function machine(id: string, extra: Partial<MachineConfig> = {}): MachineConfig {
  return { id, type: 'cnc', position: { xM: 0, yM: 0 }, sizeM: { w: 2, d: 2 }, ...extra };
}

export const SINK = { id: 'SINK', position: { xM: 50, yM: 0 } };

/** One machine `M1` fed by source `S` (arrivals straight into M1's input), finished parts to SINK. */
export function singleMachine(
  cycleTime: DistributionSpec,
  source: Partial<FactoryConfig['sources'][number]>,
  extra: Partial<MachineConfig> = {},
): FactoryConfig {
  return {
    products: [{ id: 'P', routing: [{ operation: 'op', machines: ['M1'], cycleTime }] }],
    machines: [machine('M1', { outputBufferId: 'SINK', ...extra })],
    sinks: [SINK],
    sources: [{ id: 'S', stationId: 'M1.in', ...source }],
  };
}

export interface RunOptions {
  seed?: Seed;
  untilMs?: number;
  network?: (sim: Simulation) => ControlNetwork;
  transport?: (sim: Simulation) => TransportService;
  /** Called after building, before running (subscribe to probes here). */
  before?: (factory: Factory, sim: Simulation) => void;
}

export function runFactory(
  config: FactoryConfig,
  options: RunOptions = {},
): { sim: Simulation; factory: Factory } {
  const sim = new Simulation();
  const factory = buildFactory(sim, config, {
    streams: new RandomStreams(options.seed ?? 1),
    network: options.network?.(sim) ?? new IdealNetwork(sim),
    transport: options.transport?.(sim),
  });
  options.before?.(factory, sim);
  sim.run(options.untilMs !== undefined ? { untilMs: options.untilMs } : {});
  return { sim, factory };
}

const NO_STREAM: StreamHandle = { setActive() {}, close() {} };

/**
 * A test network: every message arrives `delayMs()` after it is sent (a function, so delays may vary
 * and messages overtake each other), or, with probability `lossProbability`, is lost (the sender
 * hears of it after `delayMs()`).
 */
export class TestNetwork implements ControlNetwork {
  sent = 0;
  lost = 0;
  readonly log: { atMs: number; from: string; to: string; trafficClass: string }[] = [];

  constructor(
    private readonly sim: Simulation,
    private readonly delayMs: () => number,
    private readonly lossProbability = 0,
    private readonly random?: RandomStream,
  ) {}

  send<P>(message: Message<P>, onDelivered: (m: Message<P>) => void, onLost?: (m: Message<P>) => void): void {
    this.sent++;
    this.log.push({
      atMs: this.sim.now(),
      from: message.from,
      to: message.to,
      trafficClass: message.trafficClass,
    });
    const lose = this.lossProbability > 0 && this.random!.next() < this.lossProbability;
    if (lose) this.lost++;
    this.sim.after(this.delayMs(), () => (lose ? onLost?.(message) : onDelivered(message)), {
      label: 'test network',
    });
  }

  openStream(): StreamHandle {
    return NO_STREAM;
  }
}

export function delayedNetwork(delayMs: number): (sim: Simulation) => TestNetwork {
  return (sim) => new TestNetwork(sim, () => delayMs);
}

/** Every probe event as one line, in emission order. */
export function probeLog(factory: Factory): string[] {
  const log: string[] = [];
  const p = factory.probes;
  p.machineState.stream$.subscribe((e) => log.push(`state ${JSON.stringify(e)}`));
  p.bufferLevel.stream$.subscribe((e) => log.push(`buffer ${JSON.stringify(e)}`));
  p.part.stream$.subscribe((e) => log.push(`part ${JSON.stringify(e)}`));
  p.event.stream$.subscribe((e) => log.push(`event ${JSON.stringify(e)}`));
  return log;
}
