// Builds a whole twin (factory, AGV fleet, ideal or 5G network) from sim-core configs, the way
// scenarios/src/run/run-model.ts does, runs it and measures the wall clock and CPU time of the run alone.
import {
  type AgvConfig,
  type AgvFleet,
  type AgvFleetStats,
  buildAgvFleet,
  buildFactory,
  buildNetwork,
  type ControlNetwork,
  type FactoryConfig,
  fleetTimeShares,
  IdealNetwork,
  type NetworkConfig,
  RandomStreams,
  Simulation,
  type StreamSpec,
} from '@factory-twin/sim-core';
import { since, stamp } from '../clock';

export interface TwinSpec {
  factory: FactoryConfig;
  agv: AgvConfig;
  positions: Map<string, { xM: number; yM: number }>;
  /** Omitted: the ideal network. */
  network?: { config: NetworkConfig; streams: StreamSpec[] };
  durationMs: number;
  seed: number;
}

export interface TwinRun {
  simulatedMs: number;
  events: number;
  wallMs: number;
  cpuMs: number;
  /** Parts completed and created (a stalled AGV fleet shows as few completed parts). */
  partsCompleted: number;
  partsCreated: number;
  agvDeliveries: number;
  /** Shares of the fleet's time not idle and waiting for traffic; requests still waiting for an AGV at the end. */
  agvBusyShare: number;
  agvWaitingTrafficShare: number;
  agvPendingAtEnd: number;
  /** Network only: motion-control and video on-time shares, UL PRB use per cell. */
  network?: {
    motionControlOnTime: number;
    videoOnTime: number;
    packets: number;
    ulPrbUtilization: number[];
    survivalFailures: number;
  };
}

/** Runs the twin in slices of simulated time (as the scenario pipeline does) and reports what it did. */
export function runTwin(spec: TwinSpec): TwinRun {
  const sim = new Simulation();
  const streams = new RandomStreams(spec.seed);
  // The network needs AGV positions, the fleet needs the network: vehicles are filled in once built.
  const vehicles = new Map<string, AgvFleet['vehicles'][number]>();
  const locate = (id: string, timeMs: number) => spec.positions.get(id) ?? vehicles.get(id)?.position(timeMs);
  const network5g =
    spec.network === undefined ? undefined : buildNetwork(sim, spec.network.config, { streams, locate });
  const network: ControlNetwork = network5g ?? new IdealNetwork(sim);
  const fleet = buildAgvFleet(sim, spec.agv, { network, streams });
  for (const v of fleet.vehicles) vehicles.set(v.id, v);
  const factory = buildFactory(sim, spec.factory, { streams, network, transport: fleet });
  for (const s of spec.network?.streams ?? []) network.openStream(s);

  const start = stamp();
  const slices = 100;
  for (let i = 1; i <= slices; i++) sim.run({ untilMs: (spec.durationMs * i) / slices });
  const elapsed = since(start);

  const kpis = factory.kpis(spec.durationMs);
  const fleetStats = fleet.stats(spec.durationMs);
  const run: TwinRun = {
    simulatedMs: spec.durationMs,
    events: sim.eventCount,
    wallMs: elapsed.elapsedNs / 1e6,
    cpuMs: elapsed.cpuNs / 1e6,
    partsCompleted: kpis.parts.completed,
    partsCreated: kpis.parts.created,
    agvDeliveries: fleetStats.delivered,
    ...fleetShares(fleetStats),
  };
  if (network5g !== undefined) {
    const n = network5g.kpis(spec.durationMs);
    const share = (cls: string) => {
      const c = n.classes.find((x) => x.trafficClass === cls);
      return c === undefined || c.finished === 0 ? Number.NaN : c.onTime / c.finished;
    };
    run.network = {
      motionControlOnTime: share('motionControl'),
      videoOnTime: share('video'),
      packets: n.classes.reduce((a, c) => a + c.finished, 0),
      ulPrbUtilization: n.cells.map((c) => c.ul.prbUtilization),
      survivalFailures: n.survivalFailures,
    };
  }
  return run;
}

function fleetShares(
  stats: AgvFleetStats,
): Pick<TwinRun, 'agvBusyShare' | 'agvWaitingTrafficShare' | 'agvPendingAtEnd'> {
  const shares = fleetTimeShares(stats);
  return {
    agvBusyShare: 1 - shares.idle,
    agvWaitingTrafficShare: shares.waitingTraffic,
    agvPendingAtEnd: stats.pendingRequests,
  };
}
