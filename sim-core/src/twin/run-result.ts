import type { ConnectivityKpis } from '../connectivity/connectivity';
import type { Seed } from '../engine/random';
import type { AgvFleetStats } from '../factory/agv/fleet';
import type { FactoryKpis } from '../factory/kpi';
import type { LatencyCdf } from '../kpi/latency-cdf';
import type { Layout } from '../layout';
import type { OutageStats } from '../network/outage/outage-process';
import type { OutageEffects } from '../network/outage/with-outages';
import type { NetworkKpis } from '../network/types';

/**
 * What one run of the twin produced: the one result type of the scenario pipeline, sweeps and benchmarks.
 * `N` is the 5G model's KPIs: NetworkKpis when (part of) the plant runs on it, else undefined.
 */
export interface RunResult<N extends NetworkKpis | undefined = NetworkKpis | undefined> {
  name: string;
  seed: Seed;
  durationMs: number;
  warmUpMs: number;
  /** Events the simulation processed. */
  events: number;
  /** Flat KPI map (name → number; see flattenKpis and the KPI catalog) for comparisons and sweeps. */
  kpis: Record<string, number>;
  factory: FactoryKpis;
  network: N;
  /** Present when the twin named its connectivity: which, and its delivery KPIs (null when it keeps none). */
  connectivity?: { kind: string; kpis: ConnectivityKpis | null };
  agv?: AgvFleetStats;
  /** Core / WAN outages and what they cut, when modelled (counts over the whole run, shares after the warm-up). */
  outage?: OutageStats & OutageEffects;
  /** Latency CDFs per traffic class, when asked for (5G network only). */
  latencyCdfs?: Record<string, LatencyCdf>;
  /** Notable events by kind (failures, AGV deadlocks, safety stops, handovers…), over the whole run. */
  eventCounts: Record<string, number>;
  /** The static layout (with coverage grids when computed), for runs built from a scenario. */
  layout?: Layout;
}
