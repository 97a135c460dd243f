import type { ConnectivityKpis } from '../connectivity/connectivity';
import type { ClassDeliveryKpis } from '../connectivity/delivery-stats';
import { type AgvFleetStats, fleetTimeShares } from '../factory/agv/fleet';
import type { FactoryKpis } from '../factory/kpi';
import { CREW_STATES } from '../factory/maintenance/crew-pool';
import { MACHINE_STATES } from '../factory/probes';
import type { OutageStats } from '../network/outage/outage-process';
import { TRAFFIC_CLASSES } from '../network/traffic-classes';
import type { NetworkKpis } from '../network/types';

/**
 * The one flattening of a run's KPIs into name → number pairs (for summaries, comparisons, sweeps and
 * `replicate`, a KpiSummary). Every name it emits has metadata in the KPI catalog (kpi-catalog.ts; a test checks).
 * Factory: `throughputPerHour`, `throughputPerHour.P1`, `leadTime.meanMs`, `wip.mean`, `orders.onTimeRate`,
 * `machine.M1.oee`, `machine.M1.time.blocked` (fraction of the window), `buffer.B1.meanLevel`; with
 * maintenance crews `maintenance.meanDowntimeMs` and its parts, `maintenance.crewUtilization`, `maintenance.crew.<state>`;
 * with quality control `quality.defects`, `.caught`, `.escaped`, `.lateReworked`, …, `inspection.<id>.fallbackShare`.
 * Network (when modelled): `net.<class>.reliability`, `.p99Ms`, …, `cell.<id>.ulUtilization`, `net.handovers`,
 * `net.pingPongRate` (share of handovers back to the previous cell within the ping-pong window; packet fidelity).
 * Core / WAN outages (when modelled): `net.outage.count`, `net.outage.downShare`.
 * AGV fleet (when there is one): `agv.delivered`, `agv.share.<state>`, `agv.utilization`, …
 * Connectivity (Wi-Fi, wired: its ConnectivityKpis): `net.<class>.*` from its classes (replacing the 5G
 * model's, which then carries only part of the traffic), `net.survivalFailures`, and its own (`ap.<id>.airtime`, `net.roams`).
 */
export function flattenKpis(
  f: FactoryKpis,
  n?: NetworkKpis,
  agv?: AgvFleetStats,
  c?: ConnectivityKpis,
  outage?: OutageStats,
): Record<string, number> {
  const out = factoryKpis(f);
  if (n !== undefined) networkKpis(n, out);
  if (c !== undefined) connectivityKpis(c, out);
  if (agv !== undefined) agvKpis(agv, out);
  if (outage !== undefined) {
    out['net.outage.count'] = outage.count;
    out['net.outage.downShare'] = outage.downShare;
  }
  return out;
}

function factoryKpis(k: FactoryKpis): Record<string, number> {
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
  const q = k.quality;
  if (q !== undefined) {
    out['quality.defects'] = q.defects;
    out['quality.caught'] = q.caught;
    out['quality.escaped'] = q.escaped;
    out['quality.foundLate'] = q.foundLate;
    out['quality.lateReworked'] = q.lateReworked;
    out['quality.lateScrapped'] = q.lateScrapped;
    out['quality.shippedDefective'] = q.shippedDefective;
    if (Object.keys(q.inspections).length > 0) out['quality.fallbackShare'] = q.fallbackShare;
    for (const [id, p] of Object.entries(q.inspections)) {
      out[`inspection.${id}.caught`] = p.caught;
      out[`inspection.${id}.escaped`] = p.escaped;
      out[`inspection.${id}.manual`] = p.manual;
      out[`inspection.${id}.uninspected`] = p.uninspected;
      out[`inspection.${id}.fallbackShare`] = p.fallbackShare;
      out[`inspection.${id}.onTimeShare`] = p.meanOnTimeShare;
      out[`inspection.${id}.manualTimeMs`] = p.manualTimeMs;
    }
  }
  return out;
}

function classKpis(c: ClassDeliveryKpis, lost: number, out: Record<string, number>): void {
  const pre = `net.${c.trafficClass}`;
  out[`${pre}.reliability`] = c.reliability;
  out[`${pre}.meanMs`] = c.latency.meanMs;
  out[`${pre}.p50Ms`] = c.latency.p50Ms;
  out[`${pre}.p95Ms`] = c.latency.p95Ms;
  out[`${pre}.p99Ms`] = c.latency.p99Ms;
  out[`${pre}.p999Ms`] = c.latency.p999Ms;
  out[`${pre}.lost`] = lost;
}

function connectivityKpis(k: ConnectivityKpis, out: Record<string, number>): void {
  const classes = new Set<string>(TRAFFIC_CLASSES);
  for (const name of Object.keys(out))
    if (name.startsWith('net.') && classes.has(name.split('.')[1]!)) delete out[name];
  for (const c of k.classes) if (c.finished > 0) classKpis(c, c.lost, out);
  for (const [name, v] of Object.entries(k.flat)) out[name] = v;
  out['net.survivalFailures'] = k.survivalFailures;
}

function networkKpis(n: NetworkKpis, out: Record<string, number>): void {
  for (const c of n.classes) if (c.finished > 0) classKpis(c, c.lost + c.discarded, out);
  for (const cell of n.cells) {
    out[`cell.${cell.cellId}.ulUtilization`] = cell.ul.prbUtilization;
    out[`cell.${cell.cellId}.dlUtilization`] = cell.dl.prbUtilization;
    out[`cell.${cell.cellId}.ulMbps`] = cell.ul.throughputMbps;
    out[`cell.${cell.cellId}.dlMbps`] = cell.dl.throughputMbps;
  }
  out['net.handovers'] = n.handovers;
  if (n.pingPongs !== undefined) out['net.pingPongRate'] = n.handovers > 0 ? n.pingPongs / n.handovers : 0;
  out['net.survivalFailures'] = n.survivalFailures;
}

function agvKpis(agv: AgvFleetStats, out: Record<string, number>): void {
  out['agv.delivered'] = agv.delivered;
  out['agv.meanWaitForPickupMs'] = agv.meanWaitForPickupMs;
  out['agv.meanLeadTimeMs'] = agv.meanLeadTimeMs;
  // Fleet time shares by state: agv.share.movingLoaded, .movingEmpty, .waitingTraffic, .charging, ...
  const shares = fleetTimeShares(agv);
  for (const [state, share] of Object.entries(shares)) out[`agv.share.${state}`] = share;
  out['agv.utilization'] = 1 - shares.idle;
  out['agv.safetyStopShare'] = shares.stopped;
}
