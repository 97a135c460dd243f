import {
  type AgvFleet,
  type AgvFleetStats,
  buildAgvFleet,
  buildFactory,
  buildNetwork,
  type Factory,
  type FactoryKpis,
  flattenKpis,
  fleetTimeShares,
  type NetworkKpis,
  type NetworkModel,
  RandomStreams,
  type Seed,
  Simulation,
} from '@factory-twin/sim-core';
import type { ModelConfig } from '../model/to-model-config';
import { type LatencyCdf, LatencyCdfCollector } from './latency-cdf';
import { Recorder } from './recorder';

export interface RunModelOptions {
  /** Overrides the scenario's seed (replications use sim-core's replicationSeed). */
  seed?: Seed;
  /** Write a recording: its bytes go to `sink` in file order. */
  recording?: {
    sink: (bytes: Uint8Array) => void;
    metadata: Record<string, unknown> & { softwareVersion: string; scenario: unknown };
  };
  /** Called after each slice of simulated time (for progress bars). */
  onProgress?: (simulatedMs: number, totalMs: number) => void;
  /** Collect latency CDFs per traffic class (for reports). */
  latencyCdfs?: boolean;
  /** Compute UL/DL coverage grids into the layout (for recordings and reports). */
  coverageCellSizeM?: number;
  /** Also stops at these simulated times (ms), after every event at that time, and shows the live models. */
  pauses?: { atMs: readonly number[]; onPause: (twin: LiveTwin) => void };
}

/** The models of a run while it is paused (for end-to-end checks of recordings against the simulator). */
export interface LiveTwin {
  sim: Simulation;
  factory: Factory;
  network: NetworkModel;
  fleet: AgvFleet | undefined;
}

export interface RunResult {
  name: string;
  seed: Seed;
  durationMs: number;
  warmUpMs: number;
  events: number;
  /** Flat KPI map (name → number) for comparisons and sweeps. */
  kpis: Record<string, number>;
  factory: FactoryKpis;
  network: NetworkKpis;
  agv?: AgvFleetStats;
  latencyCdfs?: Record<string, LatencyCdf>;
  /** Notable events by kind (failures, AGV deadlocks, safety stops, handovers…), over the whole run. */
  eventCounts: Record<string, number>;
  /** The static layout, with coverage grids when asked for. */
  layout: ModelConfig['layout'];
}

const PROGRESS_SLICES = 100;

/**
 * Builds the models of one run on a fresh simulation, nothing run yet: the network, the AGV fleet, the
 * factory, and the streams opened. Throws what sim-core's builders throw for an unusable config (validation
 * builds the models this way before any run, see src/validate/model-checks.ts).
 */
export function buildModels(model: ModelConfig, seed: Seed): LiveTwin & { streams: RandomStreams } {
  const sim = new Simulation();
  const streams = new RandomStreams(seed);
  const fixed = new Map<string, { xM: number; yM: number }>();
  const l = model.layout;
  for (const p of [...l.machines, ...l.gateways, ...l.cameras, ...l.buffers])
    fixed.set(p.id, { xM: p.xM, yM: p.yM });
  let fleet: AgvFleet | undefined;
  const vehicles = new Map<string, { position(t: number): { xM: number; yM: number } }>();
  const network = buildNetwork(sim, model.network, {
    streams,
    locate: (id, timeMs) => fixed.get(id) ?? vehicles.get(id)?.position(timeMs),
  });
  if (model.agv !== undefined) {
    fleet = buildAgvFleet(sim, model.agv, { network, streams });
    for (const v of fleet.vehicles) vehicles.set(v.id, v);
  }
  const factory = buildFactory(sim, model.factory, {
    streams,
    network,
    ...(fleet === undefined ? {} : { transport: fleet }),
  });
  for (const spec of model.streams) network.openStream(spec);
  return { sim, streams, network, fleet, factory };
}

/** Builds the models of one run on a fresh simulation, runs it to the end and collects its KPIs. */
export function runModel(model: ModelConfig, options: RunModelOptions = {}): RunResult {
  const seed = options.seed ?? model.run.seed;
  const { durationMs, warmUpMs } = model.run;
  const { sim, network, fleet, factory } = buildModels(model, seed);

  const cellSize = options.coverageCellSizeM;
  if (cellSize !== undefined)
    model = { ...model, layout: { ...model.layout, coverage: coverage(network, model, cellSize) } };

  const eventCounts: Record<string, number> = {};
  const count = (e: { kind: string }) => {
    eventCounts[e.kind] = (eventCounts[e.kind] ?? 0) + 1;
  };
  const countSubs = [
    factory.probes.event.stream$.subscribe(count),
    network.probes.notable.stream$.subscribe(count),
    ...(fleet === undefined ? [] : [fleet.probes.events.stream$.subscribe(count)]),
  ];
  const cdf = options.latencyCdfs ? new LatencyCdfCollector() : undefined;
  const cdfSub =
    cdf && network.probes.linkSamples.stream$.subscribe((s) => cdf.add(s.trafficClass, s.latencyMs, s.lost));
  if (warmUpMs > 0) {
    sim.at(
      warmUpMs,
      () => {
        network.resetStats(warmUpMs);
        fleet?.resetStats(warmUpMs);
        cdf?.reset();
      },
      { label: 'warm-up end (network, AGVs)' },
    );
  }
  const recorder =
    options.recording === undefined
      ? undefined
      : new Recorder({
          sim,
          model,
          factory,
          network,
          fleet,
          metadata: { ...options.recording.metadata, seed },
          sink: options.recording.sink,
        });
  // A marker at the end: models that run ahead while nothing else is due (the network's MAC driver)
  // stop there, so end-of-run statistics cover exactly the run.
  sim.at(durationMs, () => {}, { label: 'end of run', priority: 2047 });
  const pauses = [...(options.pauses?.atMs ?? [])].sort((a, b) => a - b);
  let nextPause = 0;
  for (let i = 1; i <= PROGRESS_SLICES; i++) {
    const sliceEndMs = (durationMs * i) / PROGRESS_SLICES;
    for (; nextPause < pauses.length && pauses[nextPause] <= sliceEndMs; nextPause++) {
      sim.run({ untilMs: pauses[nextPause] });
      options.pauses?.onPause({ sim, factory, network, fleet });
    }
    sim.run({ untilMs: sliceEndMs });
    options.onProgress?.(sim.now(), durationMs);
  }
  recorder?.finish(durationMs);
  cdfSub?.unsubscribe();
  for (const sub of countSubs) sub.unsubscribe();

  const factoryKpis = factory.kpis(durationMs);
  const networkKpis = network.kpis(durationMs);
  const agv = fleet?.stats(durationMs);
  return {
    name: model.name,
    seed,
    durationMs,
    warmUpMs,
    events: sim.eventCount,
    kpis: flatKpis(factoryKpis, networkKpis, agv),
    factory: factoryKpis,
    network: networkKpis,
    ...(agv === undefined ? {} : { agv }),
    ...(cdf === undefined ? {} : { latencyCdfs: cdf.cdfs() }),
    eventCounts: Object.fromEntries(Object.entries(eventCounts).sort(([a], [b]) => a.localeCompare(b))),
    layout: model.layout,
  };
}

/** Factory KPIs (sim-core's flattening) plus the network's and the AGV fleet's headline figures. */
export function flatKpis(
  f: FactoryKpis,
  n: NetworkKpis,
  agv: AgvFleetStats | undefined,
): Record<string, number> {
  const out: Record<string, number> = { ...flattenKpis(f) };
  for (const c of n.classes) {
    if (c.finished === 0) continue;
    const pre = `net.${c.trafficClass}`;
    out[`${pre}.reliability`] = c.reliability;
    out[`${pre}.meanMs`] = c.latency.meanMs;
    out[`${pre}.p50Ms`] = c.latency.p50Ms;
    out[`${pre}.p95Ms`] = c.latency.p95Ms;
    out[`${pre}.p99Ms`] = c.latency.p99Ms;
    out[`${pre}.p999Ms`] = c.latency.p999Ms;
    out[`${pre}.lost`] = c.lost + c.discarded;
  }
  for (const cell of n.cells) {
    out[`cell.${cell.cellId}.ulUtilization`] = cell.ul.prbUtilization;
    out[`cell.${cell.cellId}.dlUtilization`] = cell.dl.prbUtilization;
    out[`cell.${cell.cellId}.ulMbps`] = cell.ul.throughputMbps;
    out[`cell.${cell.cellId}.dlMbps`] = cell.dl.throughputMbps;
  }
  out['net.handovers'] = n.handovers;
  out['net.survivalFailures'] = n.survivalFailures;
  if (agv !== undefined) {
    out['agv.delivered'] = agv.delivered;
    out['agv.meanWaitForPickupMs'] = agv.meanWaitForPickupMs;
    out['agv.meanLeadTimeMs'] = agv.meanLeadTimeMs;
    // Fleet time shares by state: agv.share.movingLoaded, .movingEmpty, .waitingTraffic, .charging, ...
    const shares = fleetTimeShares(agv);
    for (const [state, share] of Object.entries(shares)) out[`agv.share.${state}`] = share;
    out['agv.utilization'] = 1 - shares.idle;
    out['agv.safetyStopShare'] = shares.stopped;
  }
  return out;
}

function coverage(network: ReturnType<typeof buildNetwork>, model: ModelConfig, cellSizeM: number) {
  const { widthM, depthM } = model.layout.floor;
  const grid = (direction: 'ul' | 'dl') => {
    const g = network.coverageGrid({
      direction: direction === 'ul' ? 'UL' : 'DL',
      cellSizeM,
      bounds: { minXM: 0, minYM: 0, maxXM: widthM, maxYM: depthM },
    });
    return {
      x0M: g.originXM,
      y0M: g.originYM,
      cellSizeM: g.cellSizeM,
      cols: g.cols,
      rows: g.rows,
      sinrDb: Array.from(g.sinrDb, (v) => Math.round(v * 10) / 10),
    };
  };
  return { ul: grid('ul'), dl: grid('dl') };
}
