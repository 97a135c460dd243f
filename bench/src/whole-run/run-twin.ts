// Builds a whole twin (factory, AGV fleet, ideal or 5G network) with sim-core's buildTwin, as the scenario
// pipeline does, runs it and measures the wall clock and CPU time of the run alone.
import {
  type AgvConfig,
  type AgvFleetStats,
  buildTwin,
  type FactoryConfig,
  fleetTimeShares,
  type NetworkConfig,
  type OutageConfig,
  type RunResult,
  Simulation,
  type StreamSpec,
} from '@factory-twin/sim-core';
import { since, stamp } from '../clock';

export interface TwinSpec {
  factory: FactoryConfig;
  agv?: AgvConfig;
  positions: ReadonlyMap<string, { xM: number; yM: number }>;
  /** Omitted: the ideal network. */
  network?: { config: NetworkConfig; streams: readonly StreamSpec[] };
  /** Core / WAN outages over the network (a public or slice deployment's default); omitted, none. */
  outages?: OutageConfig;
  durationMs: number;
  seed: number | string;
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

/** Runs the twin in slices of simulated time (as the scenario pipeline does); its result and the time taken. */
export function simulateTwin(spec: TwinSpec): { result: RunResult; wallMs: number; cpuMs: number } {
  const sim = new Simulation();
  const twin = buildTwin(sim, {
    name: 'bench',
    factory: spec.factory,
    ...(spec.agv === undefined ? {} : { agv: spec.agv }),
    ...(spec.network === undefined ? {} : { network: spec.network.config, streams: spec.network.streams }),
    ...(spec.outages === undefined ? {} : { outages: spec.outages }),
    positions: spec.positions,
    seed: spec.seed,
    durationMs: spec.durationMs,
  });
  const start = stamp();
  const slices = 100;
  for (let i = 1; i <= slices; i++) sim.run({ untilMs: (spec.durationMs * i) / slices });
  const elapsed = since(start);
  return { result: twin.result(), wallMs: elapsed.elapsedNs / 1e6, cpuMs: elapsed.cpuNs / 1e6 };
}

/** Runs the twin and reports what it did. */
export function runTwin(spec: TwinSpec): TwinRun {
  const { result, wallMs, cpuMs } = simulateTwin(spec);
  const run: TwinRun = {
    simulatedMs: spec.durationMs,
    events: result.events,
    wallMs,
    cpuMs,
    partsCompleted: result.factory.parts.completed,
    partsCreated: result.factory.parts.created,
    agvDeliveries: result.agv?.delivered ?? 0,
    ...fleetShares(result.agv),
  };
  const n = result.network;
  if (n !== undefined) {
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
  stats: AgvFleetStats | undefined,
): Pick<TwinRun, 'agvBusyShare' | 'agvWaitingTrafficShare' | 'agvPendingAtEnd'> {
  if (stats === undefined) return { agvBusyShare: 0, agvWaitingTrafficShare: 0, agvPendingAtEnd: 0 };
  const shares = fleetTimeShares(stats);
  return {
    agvBusyShare: 1 - shares.idle,
    agvWaitingTrafficShare: shares.waitingTraffic,
    agvPendingAtEnd: stats.pendingRequests,
  };
}
