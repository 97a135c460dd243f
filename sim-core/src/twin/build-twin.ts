import type { ConnectivityConfig, ConnectivityKpis, PlantNetwork } from '../connectivity/connectivity';
import { connectivities } from '../connectivity/registry';
import type { ControlNetwork, StreamSpec } from '../control/seam';
import { RandomStreams, type Seed } from '../engine/random';
import type { Simulation } from '../engine/simulation';
import type { AgvConfig } from '../factory/agv/config';
import { type AgvFleet, buildAgvFleet } from '../factory/agv/fleet';
import { buildFactory, type Factory } from '../factory/build-factory';
import type { FactoryConfig, Position } from '../factory/config';
import { flattenKpis } from '../kpi/flat-kpis';
import { LatencyCdfCollector } from '../kpi/latency-cdf';
import type { NetworkConfig } from '../network/config';
import { applyDeploymentOutages, type OutageConfig } from '../network/outage/index';
import type { NetworkKpis, NetworkModel } from '../network/types';
import type { RunResult } from './run-result';

/** One run's models: the factory, its AGV fleet and the network between them. */
export interface TwinConfig {
  /** Names the run in its result. */
  name: string;
  /** The plant; its `warmUpMs` is the warm-up of every model (factory, network, fleet). */
  factory: FactoryConfig;
  /** Present when parts move by AGV. */
  agv?: AgvConfig;
  /**
   * The plant's radio description: the 5G model's config (sites, devices, clutter, classes). With no
   * `connectivity`, the plant runs on this 5G network, or on the ideal one when it is omitted.
   */
  network?: NetworkConfig;
  /** How the plant is connected: a name from `connectivities` and its parameters (see connectivity/). */
  connectivity?: ConnectivityConfig;
  /** Periodic flows opened once the models are built (telemetry, video); AGVs open their own. */
  streams?: readonly StreamSpec[];
  /** Core / WAN outages (network/outage/); omitted, none. */
  outages?: OutageConfig;
  /** Where the endpoints that never move stand (machines, gateways, cameras, buffers), for the network. */
  positions: ReadonlyMap<string, Position>;
  seed: Seed;
  /** The run's length: the network's statistics end here, and `result()` reports up to here. */
  durationMs: number;
}

export interface TwinOptions {
  /** Collect latency CDFs per traffic class (5G network only), reset at the end of the warm-up. */
  latencyCdfs?: boolean;
}

/** The models of one run, wired; run `sim` to `config.durationMs`, then read `result()`. */
export interface Twin<Net extends NetworkModel | undefined = NetworkModel | undefined> {
  readonly sim: Simulation;
  readonly config: TwinConfig;
  readonly factory: Factory;
  readonly fleet: AgvFleet | undefined;
  /** The 5G model; undefined when no part of the plant runs on one. */
  readonly network: Net;
  /** What the models send through: the connectivity's network (the 5G model, Wi-Fi, Ethernet, the ideal one…). */
  readonly control: ControlNetwork;
  /** The connectivity's name ('5g', 'wifi', …) and what it built. */
  readonly connectivity: string;
  readonly plantNetwork: PlantNetwork;
  /** KPIs, event counts (and latency CDFs) at `durationMs`; stops counting. Call once the run is over. */
  result(): RunResult<Net extends NetworkModel ? NetworkKpis : NetworkKpis | undefined>;
}

/**
 * The one place that wires factory, AGV fleet and network on a simulation, with one set of random streams
 * (the config's seed), the warm-up reset of every model, notable-event counts and the end-of-run marker.
 * The scenario pipeline and the benchmarks build their runs here.
 */
export function buildTwin(
  sim: Simulation,
  config: TwinConfig & { network: NetworkConfig; connectivity?: { kind: '5g' } },
  options?: TwinOptions,
): Twin<NetworkModel>;
export function buildTwin(sim: Simulation, config: TwinConfig, options?: TwinOptions): Twin;
export function buildTwin(sim: Simulation, config: TwinConfig, options: TwinOptions = {}): Twin {
  const streams = new RandomStreams(config.seed);
  const { positions, durationMs } = config;
  const kind = config.connectivity?.kind ?? (config.network === undefined ? 'ideal' : '5g');
  const connectivity = connectivities.get(kind);
  const input = {
    factory: config.factory,
    ...(config.agv === undefined ? {} : { agv: config.agv }),
    ...(config.network === undefined ? {} : { network: config.network }),
    connectivity: config.connectivity ?? { kind },
  };
  const problems = connectivity.problems?.(input) ?? [];
  if (problems.length > 0) throw new RangeError(problems.join('; '));
  const factoryConfig = connectivity.factory?.(config.factory, input.connectivity) ?? config.factory;
  // The network asks where an endpoint is only while the simulation runs; the fleet needs the network
  // when it is built. So the network comes first and finds AGVs through the fleet, which is bound (once,
  // below) before anything runs.
  const plant = connectivity.build({
    ...input,
    factory: factoryConfig,
    sim,
    streams,
    mobileEndpoints: new Set((config.agv?.fleet ?? []).map((v) => v.id)),
    locate: (id, timeMs) => positions.get(id) ?? fleet?.locate(id, timeMs),
    movedByMs: (id, timeMs, distanceM) =>
      positions.has(id) ? Number.POSITIVE_INFINITY : fleet?.movedByMs(id, timeMs, distanceM),
  });
  const network = plant.fiveG;
  const outages =
    config.outages === undefined
      ? undefined
      : applyDeploymentOutages(sim, plant.control, config.outages, streams, durationMs);
  const control: ControlNetwork = outages ?? plant.control;
  const fleet =
    config.agv === undefined ? undefined : buildAgvFleet(sim, config.agv, { network: control, streams });
  const factory = buildFactory(sim, factoryConfig, {
    streams,
    network: control,
    ...(fleet === undefined ? {} : { transport: fleet }),
  });
  for (const spec of config.streams ?? []) control.openStream(spec, factory.streamListener(spec));

  const eventCounts: Record<string, number> = {};
  const count = (e: { kind: string }) => {
    eventCounts[e.kind] = (eventCounts[e.kind] ?? 0) + 1;
  };
  const subs = [
    factory.probes.event.stream$.subscribe(count),
    ...(plant.probes === undefined ? [] : [plant.probes.notable.stream$.subscribe(count)]),
    ...(fleet === undefined ? [] : [fleet.probes.events.stream$.subscribe(count)]),
  ];
  const cdf = options.latencyCdfs && plant.probes !== undefined ? new LatencyCdfCollector() : undefined;
  if (cdf !== undefined && plant.probes !== undefined)
    subs.push(
      plant.probes.linkSamples.stream$.subscribe((s) => cdf.add(s.trafficClass, s.latencyMs, s.lost)),
    );

  // The factory resets its own KPIs at the end of its warm-up; the network and the fleet reset here.
  const warmUpMs = config.factory.warmUpMs ?? 0;
  if (warmUpMs > 0) {
    sim.at(
      warmUpMs,
      () => {
        plant.resetStats?.(warmUpMs);
        fleet?.resetStats(warmUpMs);
        cdf?.reset();
        outages?.process.resetStats(warmUpMs);
      },
      { label: 'warm-up end (network, AGVs)' },
    );
  }
  // A marker at the end: the 5G MAC driver, which runs ahead while nothing else is due, stops there, so
  // end-of-run statistics cover exactly the run. (The others run nothing ahead and need none.)
  if (plant.runsAhead) sim.at(durationMs, () => {}, { label: 'end of run', priority: 2047 });

  return {
    sim,
    config,
    factory,
    fleet,
    network,
    control,
    connectivity: kind,
    plantNetwork: plant,
    result() {
      for (const sub of subs) sub.unsubscribe();
      const factoryKpis = factory.kpis(durationMs);
      const networkKpis = network?.kpis(durationMs);
      const connectivityKpis: ConnectivityKpis | undefined = plant.kpis?.(durationMs);
      const agv = fleet?.stats(durationMs);
      const outage =
        outages === undefined ? undefined : { ...outages.process.stats(durationMs), ...outages.effects };
      return {
        name: config.name,
        seed: config.seed,
        durationMs,
        warmUpMs,
        events: sim.eventCount,
        kpis: flattenKpis(factoryKpis, networkKpis, agv, connectivityKpis, outage),
        factory: factoryKpis,
        network: networkKpis,
        ...(outage === undefined ? {} : { outage }),
        ...(config.connectivity === undefined
          ? {}
          : { connectivity: { kind, kpis: connectivityKpis ?? null } }),
        ...(agv === undefined ? {} : { agv }),
        ...(cdf === undefined ? {} : { latencyCdfs: cdf.cdfs() }),
        eventCounts: Object.fromEntries(Object.entries(eventCounts).sort(([a], [b]) => a.localeCompare(b))),
      };
    },
  };
}

/** The fixed endpoints of a layout (machines, gateways, cameras, buffers) by id, for TwinConfig.positions. */
export function fixedPositions(layout: {
  machines: readonly (Position & { id: string })[];
  gateways: readonly (Position & { id: string })[];
  cameras: readonly (Position & { id: string })[];
  buffers: readonly (Position & { id: string })[];
}): Map<string, Position> {
  const out = new Map<string, Position>();
  for (const p of [...layout.machines, ...layout.gateways, ...layout.cameras, ...layout.buffers])
    out.set(p.id, { xM: p.xM, yM: p.yM });
  return out;
}
