import type { ControlNetwork } from '../control/seam';
import type { RandomStreams } from '../engine/random';
import type { Simulation } from '../engine/simulation';
import type { ControlSystem } from './control-system';
import type { KpiCollector } from './kpi';
import type { FactoryProbes } from './probes';

/** What every entity of one factory shares. */
export interface FactoryContext {
  readonly sim: Simulation;
  readonly streams: RandomStreams;
  readonly network: ControlNetwork;
  readonly probes: FactoryProbes;
  readonly kpi: KpiCollector;
  readonly control: ControlSystem;
  readonly statusBytes: number;
  readonly orderBytes: number;
  readonly resendDelayMs: number;
}
