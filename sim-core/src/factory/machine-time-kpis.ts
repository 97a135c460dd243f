import type { MachineState } from './probes';

/** The time-based machine KPIs: the one definition for the model (Machine.kpis) and for recordings. */
export interface MachineTimeKpis {
  utilization: number;
  /** Operating time / planned time (ISO 22400-2:2014 KPI 1200's availability); NaN with no planned time. */
  availability: number;
  /** Operating time: planned time less breakdowns and changeovers. */
  operatingMs: number;
}

/** Utilisation (busy share of the window) and availability from the time spent in each state over a window. */
export function machineTimeKpis(
  timeInStateMs: Record<MachineState, number>,
  windowMs: number,
): MachineTimeKpis {
  const planned = windowMs - timeInStateMs['off-shift'];
  const operatingMs = planned - timeInStateMs.down - timeInStateMs.setup;
  return {
    utilization: timeInStateMs.busy / windowMs,
    availability: planned > 0 ? operatingMs / planned : Number.NaN,
    operatingMs,
  };
}
