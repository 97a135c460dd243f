import type { ControlNetwork, StreamListener, StreamSpec } from '../control/seam';
import type { DistributionSpec } from '../engine/distributions';
import type { RandomStreams } from '../engine/random';
import type { Simulation } from '../engine/simulation';
import { Station } from './buffer';
import { Calendar } from './calendar';
import type { FactoryConfig, Position } from './config';
import type { FactoryContext } from './context';
import { ControlSystem } from './control-system';
import { Gateway } from './gateway';
import { QualityControl } from './inspection/quality-control';
import { type FactoryKpis, KpiCollector } from './kpi';
import { Machine } from './machine';
import { Maintenance } from './maintenance/maintenance';
import { CONTROL_ENDPOINT, type MachineReport, ReliableSender } from './messages';
import { type Operation, type Order, Part, type Product } from './part';
import { FactoryProbes, type MachineState } from './probes';
import { Source } from './source';
import { FixedDelayTransport, InstantTransport, type TransportService } from './transport';
import { isDistribution, validateFactoryConfig } from './validate';

export interface BuildFactoryOptions {
  streams: RandomStreams;
  network: ControlNetwork;
  /** Used when given (required for `transport: 'agv'`); otherwise built from `config.transport`. */
  transport?: TransportService;
}

/** Everything a recorder needs to draw the plant at one instant. */
export interface FactorySnapshot {
  timeMs: number;
  machines: { id: string; state: MachineState; productId?: string; partId?: number }[];
  buffers: { id: string; level: number; reserved: number }[];
  partsInProcess: number;
}

export class Factory {
  constructor(
    private readonly sim: Simulation,
    readonly config: FactoryConfig,
    readonly probes: FactoryProbes,
    /** @internal The dispatcher the twin wires the fleet and the network to. */
    readonly control: ControlSystem,
    private readonly kpi: KpiCollector,
    private readonly machineList: readonly Machine[],
    private readonly stationList: readonly Station[],
    private readonly sources: readonly Source[],
    /** Failure detection and repair crews, when the config has `maintenance`. */
    readonly maintenance: Maintenance | null = null,
    /**
     * Inspection points and the late check, when the config has `quality` or machines make defects.
     * @internal
     */
    readonly quality: QualityControl | null = null,
  ) {}

  /**
   * The listener the twin gives the network for a stream it opens (`TwinConfig.streams`): an inspection
   * point's, for the video of its camera; undefined for the others.
   */
  streamListener(spec: StreamSpec): StreamListener | undefined {
    return this.quality?.streamListener(spec);
  }

  /** KPIs from the end of the warm-up to `endMs` (default: now). */
  kpis(endMs = this.sim.now()): FactoryKpis {
    return this.kpi.compute(endMs);
  }

  /** Parts released and not yet completed or scrapped (in buffers, machines, on carriers, in source backlogs). */
  partsInProcess(): number {
    return this.kpi.partsInProcess;
  }

  /** Totals since time 0: created = completed + scrapped + inProcess. */
  partCounts(): { created: number; completed: number; scrapped: number; inProcess: number } {
    return { ...this.kpi.totals, inProcess: this.kpi.partsInProcess };
  }

  /** ∫ parts in process dt from time 0 to `atMs` (part·ms; not reset at warm-up), for steady-state series. */
  wipIntegral(atMs = this.sim.now()): number {
    return this.kpi.wipIntegral(atMs);
  }

  /** Parts waiting in source backlogs because the source's station was full. */
  sourceBacklog(): number {
    let n = 0;
    for (const s of this.sources) n += s.backlogSize;
    return n;
  }

  snapshot(): FactorySnapshot {
    return {
      timeMs: this.sim.now(),
      machines: this.machineList.map((m) => {
        const part = m.part;
        return part === null
          ? { id: m.id, state: m.state }
          : { id: m.id, state: m.state, productId: part.product.id, partId: part.id };
      }),
      buffers: this.stationList
        .filter((s) => !s.isSink)
        .map((s) => ({ id: s.id, level: s.level, reserved: s.reserved })),
      partsInProcess: this.kpi.partsInProcess,
    };
  }

  /** Station ids with their positions (buffers and sinks), for transport and the viewer. */
  stations(): { id: string; position: Position; capacity: number | null; isSink: boolean }[] {
    return this.stationList.map((s) => ({
      id: s.id,
      position: s.position,
      capacity: s.capacity === Number.POSITIVE_INFINITY ? null : s.capacity,
      isSink: s.isSink,
    }));
  }
}

/**
 * Builds the production model on `sim`. Throws an Error listing every problem if the config is
 * inconsistent. Nothing is scheduled for machines until work arrives (idle machines cost no events).
 */
export function buildFactory(sim: Simulation, config: FactoryConfig, options: BuildFactoryOptions): Factory {
  const problems = validateFactoryConfig(config, options.transport !== undefined);
  if (problems.length > 0) throw new Error(`invalid factory config:\n- ${problems.join('\n- ')}`);

  const probes = new FactoryProbes();
  const kpi = new KpiCollector(
    sim,
    probes,
    config.products.map((p) => p.id),
  );
  const control = config.control ?? {};
  const ctx = {
    sim,
    streams: options.streams,
    network: options.network,
    probes,
    kpi,
    // Assumptions (no standard size): an OPC UA / MQTT status report of a few fields, a short start order.
    statusBytes: control.statusBytes ?? 128,
    orderBytes: control.orderBytes ?? 64,
    resendDelayMs: control.resendDelayMs ?? 0,
  } as FactoryContext & { control: ControlSystem };

  // Stations
  const stations = new Map<string, Station>();
  const addStation = (
    id: string,
    capacity: number | null | undefined,
    position: Position,
    isSink = false,
  ) => {
    const cap = capacity === null || capacity === undefined ? Number.POSITIVE_INFINITY : capacity;
    const s = new Station(id, cap, position, isSink, sim, probes, (part) => kpi.partCompleted(part));
    stations.set(id, s);
    return s;
  };
  for (const b of config.buffers ?? []) addStation(b.id, b.capacity, b.position);
  for (const s of config.sinks) addStation(s.id, null, s.position, true);
  // Auto buffers first, so any machine or source may name another machine's `<id>.in` / `<id>.out`.
  for (const m of config.machines) {
    const { xM, yM } = m.position;
    const half = m.sizeM.w / 2 + 1;
    if (m.inputBufferId === undefined) addStation(`${m.id}.in`, m.inputCapacity, { xM: xM - half, yM });
    if (m.outputBufferId === undefined) addStation(`${m.id}.out`, m.outputCapacity, { xM: xM + half, yM });
  }
  for (const s of config.sources) {
    if (s.stationId === undefined) addStation(s.id, null, s.position ?? { xM: 0, yM: 0 });
  }
  const machineStations = config.machines.map((m) => ({
    input: stations.get(m.inputBufferId ?? `${m.id}.in`)!,
    output: stations.get(m.outputBufferId ?? `${m.id}.out`)!,
  }));
  const sourceStations = config.sources.map((s) => stations.get(s.stationId ?? s.id)!);

  // Transport and control
  let transport = options.transport;
  if (transport === undefined) {
    const t = config.transport;
    transport =
      typeof t === 'object' ? new FixedDelayTransport(sim, t.fixedDelayMs) : new InstantTransport(sim);
  }
  ctx.control = new ControlSystem(ctx, stations, transport);

  // Machines and gateways
  const calendar = config.calendar !== undefined ? new Calendar(config.calendar) : null;
  const gateways = new Map((config.gateways ?? []).map((g) => [g.id, new Gateway(ctx, g)]));
  const machines = config.machines.map((m, i) => {
    const machine = new Machine(ctx, m, machineStations[i]!.input, machineStations[i]!.output);
    if (calendar !== null) machine.initOffShift(!calendar.isOnShift(sim.now()));
    const gateway = m.legacy ? gateways.get(m.gatewayId!)! : null;
    if (gateway !== null) gateway.attach(machine);
    else {
      const sender = new ReliableSender<MachineReport>(sim, ctx.network, probes, ctx.resendDelayMs, (msg) =>
        ctx.control.onReport(msg.payload),
      );
      const { statusBytes } = ctx;
      machine.uplink = (report) =>
        sender.send({
          from: m.id,
          to: CONTROL_ENDPOINT,
          sizeBytes: statusBytes,
          trafficClass: 'machineStatus',
          payload: report,
        });
    }
    ctx.control.addMachine(machine, gateway);
    return machine;
  });
  const machineById = new Map(machines.map((m) => [m.id, m]));
  const maintenance =
    config.maintenance === undefined
      ? null
      : new Maintenance(sim, options.streams, probes.event, config.maintenance, calendar);
  if (maintenance !== null) {
    for (const m of machines) m.maintenance = maintenance;
    ctx.control.maintenance = maintenance;
  }
  kpi.maintenance = maintenance;
  const makesDefects = config.machines.some((m) => (m.defectProbability ?? 0) > 0);
  const quality =
    config.quality !== undefined || makesDefects
      ? new QualityControl(sim, options.streams, probes.event, config.quality ?? {})
      : null;
  if (quality !== null) for (const m of machines) m.quality = quality;
  kpi.quality = quality;
  kpi.machines = machines;
  kpi.stations = [...stations.values()];

  // Products
  const defaultSink = stations.get(config.sinks[0]!.id)!;
  const products = new Map<string, Product>();
  for (const p of config.products) {
    const operations: Operation[] = p.routing.map((op, index) => {
      const eligible = op.machines.map((id) => machineById.get(id)!);
      const cycle = op.cycleTime; // validated: a cycle time for every eligible machine
      return {
        index,
        name: op.operation,
        machineIds: new Set(op.machines),
        stations: [...new Set(eligible.map((m) => m.input))],
        cycleTime: isDistribution(cycle) ? () => cycle : (id: string): DistributionSpec => cycle[id]!,
      };
    });
    products.set(p.id, {
      id: p.id,
      operations,
      sink: p.sinkId !== undefined ? stations.get(p.sinkId)! : defaultSink,
      transportPriority: p.transportPriority ?? 0,
    });
  }

  // Sources
  let partSeq = 0;
  const createPart = (product: Product, order: Order | null): Part => {
    const part = new Part(++partSeq, product, sim.now(), order);
    kpi.partCreated(part);
    return part;
  };
  const sources = config.sources.map((s, i) => new Source(ctx, s, sourceStations[i]!, products, createPart));

  // Calendar
  if (calendar !== null) {
    calendar.start(sim, (onShift, timeMs) => {
      if (probes.event.active) {
        probes.event.emit({ timeMs, entityId: 'factory', kind: onShift ? 'shiftStart' : 'shiftEnd' });
      }
      for (const m of machines) m.setOffShift(!onShift);
    });
  }

  // Warm-up: one event resets every accumulator.
  const warmUpMs = config.warmUpMs ?? 0;
  if (warmUpMs > 0) sim.at(warmUpMs, () => kpi.reset(sim.now()), { label: 'end of warm-up' });

  return new Factory(
    sim,
    config,
    probes,
    ctx.control,
    kpi,
    machines,
    [...stations.values()],
    sources,
    maintenance,
    quality,
  );
}
