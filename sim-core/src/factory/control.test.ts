import { describe, expect, it } from 'vitest';
import { RandomStreams } from '../engine/random';
import { Simulation } from '../engine/simulation';
import { buildFactory } from './build-factory';
import type { FactoryConfig } from './config';
import {
  constant,
  delayedNetwork,
  exponential,
  MIN,
  machine,
  probeLog,
  runFactory,
  SEC,
  SINK,
  singleMachine,
  TestNetwork,
} from './factory.test-helpers';
import type { MachineStateEvent, NotableEvent } from './probes';

/** A three-step line with two products, shared machines, finite buffers, failures, setups and scrap. */
function line(): FactoryConfig {
  return {
    products: [
      {
        id: 'A',
        routing: [
          { operation: 'cut', machines: ['M1', 'M2'], cycleTime: exponential(2 * MIN) },
          {
            operation: 'sew',
            machines: ['M3'],
            cycleTime: { M3: { kind: 'uniform', min: 0.5 * MIN, max: 1.5 * MIN } },
          },
        ],
      },
      { id: 'B', routing: [{ operation: 'sew', machines: ['M3'], cycleTime: exponential(MIN) }] },
    ],
    buffers: [{ id: 'RAW', capacity: null, position: { xM: 0, yM: 0 } }],
    machines: [
      machine('M1', { inputBufferId: 'RAW', outputCapacity: 2, scrapProbability: 0.05 }),
      machine('M2', {
        inputBufferId: 'RAW',
        outputCapacity: 2,
        failures: { kind: 'time', mtbfMs: 30 * MIN, mttrMs: 3 * MIN },
      }),
      machine('M3', { inputCapacity: 3, outputBufferId: 'SINK', setupTimes: { default: constant(MIN) } }),
    ],
    sinks: [SINK],
    sources: [
      {
        id: 'S',
        stationId: 'RAW',
        interarrival: exponential(1.5 * MIN),
        productMix: { A: 3, B: 1 },
        stopMs: 600 * MIN,
        orders: { dueInMs: 20 * MIN },
      },
    ],
    transport: { fixedDelayMs: 10 * SEC },
  };
}

describe('control system and network seam', () => {
  it('idle machines schedule nothing', () => {
    const sim = new Simulation();
    const config: FactoryConfig = { ...line(), sources: [] };
    buildFactory(sim, config, { streams: new RandomStreams(1), network: new TestNetwork(sim, () => 5) });
    expect(sim.pendingCount).toBe(0); // failures run on operating time: no work, no failure events
    expect(sim.run().events).toBe(0);

    // One scheduled part: the factory runs it through and falls silent again.
    const { sim: sim2, factory } = runFactory(
      singleMachine(constant(MIN), { schedule: [{ atMs: 10 * MIN, productId: 'P', count: 1 }] }),
    );
    expect(factory.partCounts().completed).toBe(1);
    expect(sim2.pendingCount).toBe(0);
    expect(sim2.now()).toBe(11 * MIN);
    expect(sim2.eventCount).toBeLessThanOrEqual(5); // release, order delivery, cycle end, report delivery
  });

  it('a machine starts only on a start order that came over the network', () => {
    const net: TestNetwork[] = [];
    const { factory } = runFactory(line(), {
      seed: 5,
      network: (sim) => {
        const n = new TestNetwork(sim, () => 0);
        net.push(n);
        return n;
      },
    });
    const orders = net[0].log.filter((m) => m.trafficClass === 'controlOrder');
    const k = factory.kpis();
    const starts = Object.values(k.machines).reduce((sum, m) => sum + m.departures, 0);
    expect(starts).toBeGreaterThan(500);
    // Every job started on one order (no refusals on a zero-delay network) and every order came from 'control'.
    expect(orders.length).toBe(starts);
    expect(orders.every((m) => m.from === 'control')).toBe(true);
    expect(
      net[0].log.filter((m) => m.trafficClass === 'machineStatus').every((m) => m.to === 'control'),
    ).toBe(true);
  });

  it('with a delayed network all work still completes, just later', () => {
    const ideal = runFactory(line(), { seed: 2 });
    const delayed = runFactory(line(), { seed: 2, network: delayedNetwork(20 * SEC) });
    for (const { factory } of [ideal, delayed]) {
      const c = factory.partCounts();
      expect(c.inProcess).toBe(0);
      expect(c.completed + c.scrapped).toBe(c.created);
    }
    expect(delayed.factory.partCounts().created).toBe(ideal.factory.partCounts().created);
    const ki = ideal.factory.kpis();
    const kd = delayed.factory.kpis();
    expect(kd.leadTime.meanMs).toBeGreaterThan(ki.leadTime.meanMs + 40 * SEC); // ≥ 1 round trip per step
    expect(delayed.sim.now()).toBeGreaterThan(ideal.sim.now());
    // Waiting for orders shows as 'idle' (parts at the input, no order yet).
    expect(kd.machines.M3.timeInStateMs.idle).toBeGreaterThan(ki.machines.M3.timeInStateMs.idle);
  });

  it('survives reordering and lost messages (random delays, 30 % loss, senders re-send)', () => {
    const random = new RandomStreams('net').stream('net', 'delay');
    let network: TestNetwork | undefined;
    const lost: NotableEvent[] = [];
    const { factory } = runFactory(line(), {
      seed: 4,
      network: (sim) => {
        network = new TestNetwork(sim, () => 50 + 30 * SEC * random.next(), 0.3, random);
        return network;
      },
      before: (f) => f.probes.event.stream$.subscribe((e) => e.kind === 'messageLost' && lost.push(e)),
    });
    const c = factory.partCounts();
    expect(c.created).toBeGreaterThan(300);
    expect(c.inProcess).toBe(0);
    expect(c.completed + c.scrapped).toBe(c.created);
    expect(network!.lost).toBeGreaterThan(100);
    expect(lost.length).toBe(network!.lost);
  });

  it('a start order that arrives when the machine can no longer start is refused and dispatched again', () => {
    // On shift [0, 5) min of every 10; messages take 30 s; a part arrives at 4.8 min. The order
    // reaches the machine at 5.3 min, off shift: refused. At the next shift (10 min) the machine
    // reports it is idle, the order is sent again and arrives at 10.5 min.
    const config: FactoryConfig = {
      ...singleMachine(constant(MIN), { schedule: [{ atMs: 4.8 * MIN, productId: 'P', count: 1 }] }),
      calendar: { cycleMs: 10 * MIN, periods: [{ startMs: 0, endMs: 5 * MIN }] },
    };
    const events: NotableEvent[] = [];
    const states: MachineStateEvent[] = [];
    const { factory } = runFactory(config, {
      untilMs: 30 * MIN,
      network: delayedNetwork(30 * SEC),
      before: (f) => {
        f.probes.event.stream$.subscribe((e) => events.push(e));
        f.probes.machineState.stream$.subscribe((e) => states.push(e));
      },
    });
    const rejected = events.filter((e) => e.kind === 'startRejected');
    expect(rejected.map((e) => e.timeMs)).toEqual([5.3 * MIN]);
    expect(states.find((e) => e.state === 'busy')?.timeMs).toBe(11 * MIN);
    expect(factory.partCounts().completed).toBe(1);
  });

  it("a legacy machine's status reaches the control system through its gateway after the conversion delay", () => {
    const config: FactoryConfig = {
      ...singleMachine(
        constant(1000),
        { schedule: [{ atMs: 0, productId: 'P', count: 2 }] },
        {
          legacy: true,
          gatewayId: 'GW',
        },
      ),
      gateways: [{ id: 'GW', conversionDelayMs: 200 }],
    };
    const sim = new Simulation();
    const network = new TestNetwork(sim, () => 0);
    const factory = buildFactory(sim, config, { streams: new RandomStreams(1), network });
    const log = probeLog(factory);
    const believed: [number, string | undefined][] = [];
    for (const t of [100, 250, 1250, 1350, 1450]) {
      sim.run({ untilMs: t });
      believed.push([t, factory.control.believedState('M1')]);
    }
    sim.run();
    // Order: control → GW over the network at 0, converted, reaches M1 at 200; busy until 1200; the
    // report is converted until 1400; the second order reaches M1 at 1600.
    const states = log.filter((l) => l.startsWith('state ')).map((l) => JSON.parse(l.slice(6)));
    expect(states).toEqual([
      { timeMs: 0, machineId: 'M1', state: 'idle' },
      { timeMs: 200, machineId: 'M1', state: 'busy', productId: 'P' },
      { timeMs: 1200, machineId: 'M1', state: 'idle' },
      { timeMs: 1600, machineId: 'M1', state: 'busy', productId: 'P' },
      { timeMs: 2600, machineId: 'M1', state: 'starved' },
    ]);
    expect(believed).toEqual([
      [100, 'starved'],
      [250, 'starved'],
      [1250, 'busy'],
      [1350, 'busy'],
      [1450, 'idle'],
    ]);
    // Every message of M1 went through the gateway's endpoint.
    expect(network.log.every((m) => m.from !== 'M1' && m.to !== 'M1')).toBe(true);
    expect(network.log.filter((m) => m.from === 'GW').length).toBe(4); // busy, idle, busy, starved
    expect(factory.kpis().machines.M1.timeInStateMs.idle).toBe(600);
  });

  it('a gateway with an aggregation interval batches reports on its ticks', () => {
    const config: FactoryConfig = {
      ...singleMachine(
        constant(300),
        { schedule: [{ atMs: 0, productId: 'P', count: 3 }] },
        {
          legacy: true,
          gatewayId: 'GW',
        },
      ),
      gateways: [{ id: 'GW', conversionDelayMs: 50, aggregationIntervalMs: 1000 }],
    };
    const sim = new Simulation();
    const network = new TestNetwork(sim, () => 0);
    buildFactory(sim, config, { streams: new RandomStreams(1), network });
    sim.run();
    const fromGw = network.log.filter((m) => m.from === 'GW').map((m) => m.atMs);
    // Start at 50 (busy report converted at 100: sent at tick 1000); each next order waits for a tick.
    expect(fromGw.every((t) => t % 1000 === 0)).toBe(true);
    expect(fromGw[0]).toBe(1000);
    expect(sim.now()).toBeGreaterThan(2000);
  });

  it('is deterministic: same seed ⇒ same probe log; another seed ⇒ a different one', () => {
    const logOf = (seed: number) => {
      let log: string[] = [];
      runFactory(line(), {
        seed,
        untilMs: 300 * MIN,
        network: delayedNetwork(2 * SEC),
        before: (f) => {
          log = probeLog(f);
        },
      });
      return log;
    };
    const a = logOf(11);
    expect(a.length).toBeGreaterThan(1000);
    expect(logOf(11)).toEqual(a);
    expect(logOf(12)).not.toEqual(a);
  });

  it('reports order on-time delivery', () => {
    // Three one-part orders at time 0, due after 25 min, on a 10-minute machine: 10, 20 on time, 30 late.
    const config = singleMachine(constant(10 * MIN), {
      schedule: [
        { atMs: 0, productId: 'P', count: 1 },
        { atMs: 0, productId: 'P', count: 1 },
        { atMs: 0, productId: 'P', count: 1 },
      ],
      orders: { dueInMs: 25 * MIN },
    });
    const { factory } = runFactory(config);
    const o = factory.kpis().orders;
    expect(o.completed).toBe(3);
    expect(o.onTime).toBe(2);
    expect(o.onTimeRate).toBeCloseTo(2 / 3, 12);
    expect(o.meanTardinessMs).toBeCloseTo((5 * MIN) / 3, 6);
    expect(o.open).toBe(0);
  });

  it('drops the warm-up from every KPI with one event', () => {
    const config: FactoryConfig = {
      ...singleMachine(constant(MIN), { interarrival: constant(2 * MIN) }),
      warmUpMs: 100 * MIN,
    };
    const events: NotableEvent[] = [];
    const { factory } = runFactory(config, {
      untilMs: 300 * MIN,
      before: (f) => f.probes.event.stream$.subscribe((e) => events.push(e)),
    });
    const k = factory.kpis();
    expect(events.filter((e) => e.kind === 'warmUpEnd').map((e) => e.timeMs)).toEqual([100 * MIN]);
    expect(k.startMs).toBe(100 * MIN);
    expect(k.durationMs).toBe(200 * MIN);
    expect(k.parts.completed).toBe(100);
    expect(k.machines.M1.utilization).toBeCloseTo(0.5, 12);
    expect(k.throughputPerHour).toBeCloseTo(30, 12);
    expect(k.leadTime).toEqual({ n: 100, meanMs: MIN, p50Ms: MIN, p95Ms: MIN });
  });
});
