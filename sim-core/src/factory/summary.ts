import type { KpiSummary } from '../kpi/replicate';
import type { FactoryKpis } from './kpi';
import { CREW_STATES } from './maintenance/crew-pool';
import { MACHINE_STATES } from './probes';

/**
 * Flattens FactoryKpis into name → number pairs for `replicate`, e.g. `throughputPerHour`,
 * `throughputPerHour.P1`, `leadTime.meanMs`, `wip.mean`, `orders.onTimeRate`,
 * `machine.M1.oee`, `machine.M1.time.blocked` (fraction of the window), `buffer.B1.meanLevel`; with
 * maintenance crews `maintenance.meanDowntimeMs` (and its parts `.meanDetectionMs`, `.meanWaitForCrewMs`,
 * `.meanTravelMs`, `.meanRepairMs`), `maintenance.crewUtilization`, `maintenance.crew.repairing` (share).
 */
export function flattenKpis(k: FactoryKpis): KpiSummary {
  const out: Record<string, number> = {
    throughputPerHour: k.throughputPerHour,
    'parts.created': k.parts.created,
    'parts.completed': k.parts.completed,
    'parts.scrapped': k.parts.scrapped,
    'leadTime.meanMs': k.leadTime.meanMs,
    'leadTime.p50Ms': k.leadTime.p50Ms,
    'leadTime.p95Ms': k.leadTime.p95Ms,
    'wip.mean': k.wip.mean,
    'wip.max': k.wip.max,
    'orders.onTimeRate': k.orders.onTimeRate,
    'orders.meanTardinessMs': k.orders.meanTardinessMs,
  };
  for (const [p, v] of Object.entries(k.throughputPerHourByProduct)) out[`throughputPerHour.${p}`] = v;
  for (const [p, lt] of Object.entries(k.leadTimeByProduct)) {
    out[`leadTime.${p}.meanMs`] = lt.meanMs;
    out[`leadTime.${p}.p50Ms`] = lt.p50Ms;
    out[`leadTime.${p}.p95Ms`] = lt.p95Ms;
  }
  for (const [id, m] of Object.entries(k.machines)) {
    const pre = `machine.${id}`;
    out[`${pre}.utilization`] = m.utilization;
    out[`${pre}.availability`] = m.availability;
    out[`${pre}.performance`] = m.performance;
    out[`${pre}.quality`] = m.quality;
    out[`${pre}.oee`] = m.oee;
    out[`${pre}.meanContents`] = m.meanContents;
    out[`${pre}.meanSojournMs`] = m.meanSojournMs;
    for (const s of MACHINE_STATES) out[`${pre}.time.${s}`] = m.timeInStateMs[s] / k.durationMs;
  }
  for (const [id, b] of Object.entries(k.buffers)) {
    out[`buffer.${id}.meanLevel`] = b.meanLevel;
    out[`buffer.${id}.maxLevel`] = b.maxLevel;
    out[`buffer.${id}.meanSojournMs`] = b.meanSojournMs;
  }
  const m = k.maintenance;
  if (m !== undefined) {
    out['maintenance.repairs'] = m.repairs;
    out['maintenance.meanDowntimeMs'] = m.meanDowntimeMs;
    out['maintenance.meanDetectionMs'] = m.meanDetectionMs;
    out['maintenance.meanWaitForCrewMs'] = m.meanWaitForCrewMs;
    out['maintenance.meanTravelMs'] = m.meanTravelMs;
    out['maintenance.meanRepairMs'] = m.meanRepairMs;
    out['maintenance.crewUtilization'] = m.crewUtilization;
    for (const s of CREW_STATES) out[`maintenance.crew.${s}`] = m.crewTimeShares[s];
  }
  return out;
}
