// The metrics the validation compares, from one run's result: throughput, safety stops per AGV-hour, per
// class on-time rate and p50 / p99 latency, PRB use per cell and direction.
import type { RunResult } from '@factory-twin/sim-core';
import type { Metrics } from './compare';

export function validationMetrics(result: RunResult, agvCount: number): Metrics {
  const k = result.kpis;
  const hours = (result.durationMs - result.warmUpMs) / 3.6e6;
  const m: Metrics = { throughputPerHour: k.throughputPerHour };
  if (agvCount > 0 && result.network !== undefined)
    m.safetyStopsPerAgvHour = result.network.survivalFailures / (agvCount * hours);
  for (const c of result.network?.classes ?? []) {
    if (c.finished === 0) continue;
    m[`${c.trafficClass}.onTime`] = c.reliability;
    m[`${c.trafficClass}.p50Ms`] = c.latency.p50Ms;
    m[`${c.trafficClass}.p99Ms`] = c.latency.p99Ms;
  }
  for (const cell of result.network?.cells ?? []) {
    m[`${cell.cellId}.ulPrbUse`] = cell.ul.prbUtilization;
    m[`${cell.cellId}.dlPrbUse`] = cell.dl.prbUtilization;
  }
  return m;
}
