import type { ControlNetwork, Message, StreamHandle, StreamListener, StreamSpec } from '../../control/seam';
import { Simulation } from '../../engine/simulation';
import type { TransportRequest } from '../transport';
import type { AgvConfig, AgvEdgeConfig, AgvNodeConfig, AgvVehicleConfig } from './config';

/**
 * A scripted ControlNetwork for tests: messages arrive after `messageDelayMs`; each stream's
 * listener is called at the times given by `failStream` (while the stream is active); every
 * setActive call is logged.
 */
export class FakeControlNetwork implements ControlNetwork {
  readonly sent: Message<unknown>[] = [];
  readonly activity: { timeMs: number; streamId: string; active: boolean }[] = [];
  private readonly streams = new Map<
    string,
    { spec: StreamSpec; listener?: StreamListener; active: boolean }
  >();

  constructor(
    private readonly sim: Simulation,
    private readonly messageDelayMs = 0,
  ) {}

  send<P>(message: Message<P>, onDelivered: (message: Message<P>) => void): void {
    this.sent.push(message);
    this.sim.after(this.messageDelayMs, () => onDelivered(message), { label: 'fake network delivery' });
  }

  openStream(spec: StreamSpec, listener?: StreamListener): StreamHandle {
    const stream = { spec, listener, active: true };
    this.streams.set(spec.to, stream);
    return {
      setActive: (active) => {
        stream.active = active;
        this.activity.push({ timeMs: this.sim.now(), streamId: spec.id, active });
      },
      close: () => {
        stream.active = false;
      },
    };
  }

  /** The stream to `to` exceeds its survival time at `failAtMs` and recovers at `recoverAtMs`. */
  failStream(to: string, failAtMs: number, recoverAtMs: number): void {
    this.sim.at(failAtMs, () => {
      const s = this.streams.get(to)!;
      if (s.active) s.listener?.onSurvivalTimeExceeded?.(failAtMs);
    });
    this.sim.at(recoverAtMs, () => this.streams.get(to)!.listener?.onRecovered?.(recoverAtMs));
  }

  spec(to: string): StreamSpec | undefined {
    return this.streams.get(to)?.spec;
  }
}

export const TEST_VEHICLE: Readonly<Omit<AgvVehicleConfig, 'id' | 'startNodeId'>> = Object.freeze({
  maxSpeedMps: 2,
  accelMps2: 1,
  decelMps2: 1,
  loadTimeMs: 5000,
  unloadTimeMs: 3000,
  battery: Object.freeze({ capacityWh: 1000, consumptionWhPerM: 0.01, chargeThreshold: 0, chargeRateW: 500 }),
});

/** Nodes `prefix0..prefixN` on the x axis at the given x positions, joined in order. */
export function lineNetwork(xs: number[], twoWay = true): { nodes: AgvNodeConfig[]; edges: AgvEdgeConfig[] } {
  const nodes = xs.map((xM, i) => ({ id: `N${i}`, xM, yM: 0 }));
  const edges = nodes.slice(1).map((n, i) => ({ from: nodes[i]!.id, to: n.id, twoWay }));
  return { nodes, edges };
}

/**
 * A cols × rows street grid (`spacingM` apart): rows are one-way streets alternating east and west
 * (except the two outer rows, two-way), columns are two-way, except every third inner column, which is
 * one-way alternating north and south; row 1 has a 1 m/s speed limit. Strongly connected, and every
 * node has at least two ways out.
 */
export function gridNetwork(cols: number, rows: number, spacingM: number): AgvConfig['network'] {
  const id = (c: number, r: number) => `G${c}_${r}`;
  const nodes: AgvNodeConfig[] = [];
  for (let r = 0; r < rows; r++)
    for (let c = 0; c < cols; c++) nodes.push({ id: id(c, r), xM: c * spacingM, yM: r * spacingM });
  const edges: AgvEdgeConfig[] = [];
  for (let r = 0; r < rows; r++) {
    const outer = r === 0 || r === rows - 1;
    for (let c = 0; c + 1 < cols; c++) {
      const east = r % 2 === 0;
      edges.push({
        from: id(east ? c : c + 1, r),
        to: id(east ? c + 1 : c, r),
        twoWay: outer,
        ...(r === 1 ? { speedLimitMps: 1 } : {}),
      });
    }
  }
  for (let c = 0; c < cols; c++) {
    const oneWay = c % 3 === 1 && c < cols - 1;
    const north = c % 2 === 0;
    for (let r = 0; r + 1 < rows; r++) {
      edges.push({ from: id(c, north ? r : r + 1), to: id(c, north ? r + 1 : r), twoWay: !oneWay });
    }
  }
  return { nodes, edges, stations: [] };
}

export interface GridRunOptions {
  seed: number;
  cols: number;
  rows: number;
  spacingM: number;
  vehicles: number;
  stations: number;
  requests: number;
  meanInterarrivalMs: number;
  dispatch: AgvConfig['dispatch'];
  /** Random motion-stream failures per AGV (safety stops), each lasting up to 5 s. */
  streamFailuresPerVehicle?: number;
}

export interface GridRun {
  sim: Simulation;
  config: AgvConfig;
  network: FakeControlNetwork;
  /** Per request: [requestedAtMs, pickedUpMs, deliveredMs] (NaN until it happens); -1 marks a duplicate call. */
  times: number[][];
  lastRequestMs: number;
}

/**
 * A random transport workload on gridNetwork: stations and vehicle starts drawn from the seeded
 * streams, requests between random stations with exponential inter-arrival times and random priorities.
 * Returns before running; build the fleet with `build(run)` to attach probes first.
 */
export function gridRun(
  options: GridRunOptions,
  streams: { stream(entity: string, purpose: string): { next(): number } },
): GridRun {
  const sim = new Simulation();
  const network = gridNetwork(options.cols, options.rows, options.spacingM);
  const layout = streams.stream('layout', 'nodes');
  const order = network.nodes.map((n) => n.id);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(layout.next() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  const stationNodes = order.slice(0, options.stations);
  const chargerNodes = order.slice(options.stations, options.stations + 2);
  const startNodes = order.slice(options.stations + 2, options.stations + 2 + options.vehicles);
  network.stations = [
    ...stationNodes.map((nodeId, i) => ({ id: `B${i}`, nodeId, kind: 'buffer' as const })),
    ...chargerNodes.map((nodeId, i) => ({ id: `C${i}`, nodeId, kind: 'charger' as const })),
  ];
  const config: AgvConfig = {
    network,
    fleet: startNodes.map((startNodeId, i) => ({
      ...TEST_VEHICLE,
      id: `AGV${i}`,
      startNodeId,
      maxSpeedMps: 1.5 + (i % 3) * 0.25,
      battery: { capacityWh: 400, consumptionWhPerM: 0.05, chargeThreshold: 0.3, chargeRateW: 2000 },
    })),
    dispatch: options.dispatch,
  };
  return { sim, config, network: new FakeControlNetwork(sim), times: [], lastRequestMs: 0 };
}

/** Schedules the run's requests on `service` and its stream failures on the fake network. */
export function scheduleGridWorkload(
  run: GridRun,
  options: GridRunOptions,
  service: { request(req: TransportRequest): void },
  streams: { stream(entity: string, purpose: string): { next(): number } },
): void {
  const { sim, times } = run;
  const arrivals = streams.stream('workload', 'arrivals');
  const picks = streams.stream('workload', 'stations');
  // Like a plant: parts go from output buffers (even stations) to input buffers (odd stations).
  const stationIds = run.config.network.stations.filter((s) => s.kind === 'buffer').map((s) => s.id);
  const outputs = stationIds.filter((_, i) => i % 2 === 0);
  const inputs = stationIds.filter((_, i) => i % 2 === 1);
  let t = 0;
  for (let id = 0; id < options.requests; id++) {
    t += -Math.log(1 - arrivals.next()) * options.meanInterarrivalMs;
    const from = outputs[Math.floor(picks.next() * outputs.length)]!;
    const to = inputs[Math.floor(picks.next() * inputs.length)]!;
    const priority = Math.floor(picks.next() * 4);
    sim.at(t, () => {
      const row = [sim.now(), Number.NaN, Number.NaN];
      times[id] = row;
      service.request({
        requestId: id,
        partId: id,
        productId: 'P',
        fromStationId: from,
        toStationId: to,
        priority,
        requestedAtMs: sim.now(),
        onPickedUp: (ms) => {
          if (!Number.isNaN(row[1]) || !Number.isNaN(row[2])) row[1] = -1;
          else row[1] = ms;
        },
        onDelivered: (ms) => {
          if (Number.isNaN(row[1]) || !Number.isNaN(row[2])) row[2] = -1;
          else row[2] = ms;
        },
      });
    });
  }
  run.lastRequestMs = t;
  const failures = options.streamFailuresPerVehicle ?? 0;
  for (const v of run.config.fleet) {
    const r = streams.stream(v.id, 'stream failures');
    for (let k = 0; k < failures; k++) {
      const at = Math.floor(r.next() * t);
      run.network.failStream(v.id, at, at + 1 + Math.floor(r.next() * 5000));
    }
  }
}
