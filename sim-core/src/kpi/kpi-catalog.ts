// The built-in KPIs (everything flattenKpis emits) and the series the recorder samples, with their metadata.
import { AGV_STATES, type AgvState } from '../factory/agv/state-clock';
import { CREW_STATES, type CrewState } from '../factory/maintenance/crew-pool';
import { MACHINE_STATES, type MachineState } from '../factory/probes';
import {
  type KpiAggregation,
  type KpiDirection,
  type KpiMeta,
  KpiRegistry,
  type ResolvedKpi,
} from './kpi-registry';

const MIN = { unit: 'min', digits: 1 } as const;
const SEC = { unit: 's', digits: 1 } as const;

/** Which way time in each machine state is better (a Record, so a new state needs a direction here). */
const MACHINE_STATE_BETTER: Record<MachineState, KpiDirection> = {
  idle: 'neutral',
  setup: 'lower',
  busy: 'higher',
  blocked: 'lower',
  starved: 'lower',
  down: 'lower',
  'off-shift': 'neutral',
};

const AGV_STATE_BETTER: Record<AgvState, KpiDirection> = {
  idle: 'neutral',
  movingEmpty: 'lower',
  movingLoaded: 'higher',
  waitingTraffic: 'lower',
  loadUnload: 'neutral',
  charging: 'neutral',
  stopped: 'lower',
};

const AGV_STATE_LABEL: Record<AgvState, string> = {
  idle: 'idle',
  movingEmpty: 'moving empty',
  movingLoaded: 'moving loaded',
  waitingTraffic: 'waiting for traffic',
  loadUnload: 'loading or unloading',
  charging: 'charging',
  stopped: 'in safety stop',
};

const CREW_STATE_BETTER: Record<CrewState, KpiDirection> = {
  idle: 'neutral',
  toJob: 'lower',
  repairing: 'neutral',
  toHome: 'lower',
};

const CREW_STATE_LABEL: Record<CrewState, string> = {
  idle: 'idle',
  toJob: 'walking to a repair',
  repairing: 'repairing',
  toHome: 'walking home',
};

const kpi = (
  name: string,
  unit: string,
  better: KpiDirection,
  aggregation: KpiAggregation,
  label: string,
  display?: KpiMeta['display'],
): KpiMeta => ({ name, unit, better, aggregation, label, ...(display === undefined ? {} : { display }) });

const INT = { digits: 0 } as const;

const BUILT_IN: KpiMeta[] = [
  // Factory (FactoryKpis).
  kpi('throughputPerHour', 'parts/h', 'higher', 'rate', 'throughput'),
  kpi('parts.created', 'parts', 'neutral', 'count', 'parts created', INT),
  kpi('parts.completed', 'parts', 'higher', 'count', 'parts completed', INT),
  kpi('parts.scrapped', 'parts', 'lower', 'count', 'parts scrapped', INT),
  kpi('leadTime.meanMs', 'ms', 'lower', 'mean', 'mean lead time', MIN),
  kpi('leadTime.p50Ms', 'ms', 'lower', 'percentile', 'median lead time', MIN),
  kpi('leadTime.p95Ms', 'ms', 'lower', 'percentile', 'lead time p95', MIN),
  kpi('wip.mean', 'parts', 'lower', 'mean', 'mean WIP', { digits: 1 }),
  kpi('wip.max', 'parts', 'lower', 'max', 'max WIP', INT),
  kpi('orders.onTimeRate', 'share', 'higher', 'ratio', 'orders on time'),
  kpi('orders.meanTardinessMs', 'ms', 'lower', 'mean', 'mean order tardiness', MIN),
  kpi('throughputPerHour.*', 'parts/h', 'higher', 'rate', 'throughput of {id}'),
  kpi('leadTime.*.meanMs', 'ms', 'lower', 'mean', 'mean lead time of {id}', MIN),
  kpi('leadTime.*.p50Ms', 'ms', 'lower', 'percentile', 'median lead time of {id}', MIN),
  kpi('leadTime.*.p95Ms', 'ms', 'lower', 'percentile', 'lead time p95 of {id}', MIN),
  kpi('machine.*.utilization', 'share', 'higher', 'timeShare', '{id} utilization'),
  kpi('machine.*.availability', 'share', 'higher', 'timeShare', '{id} availability'),
  kpi('machine.*.performance', 'share', 'higher', 'ratio', '{id} performance'),
  kpi('machine.*.quality', 'share', 'higher', 'ratio', '{id} quality'),
  kpi('machine.*.oee', 'share', 'higher', 'ratio', '{id} OEE'),
  kpi('machine.*.meanContents', 'parts', 'neutral', 'mean', '{id} mean contents'),
  kpi('machine.*.meanSojournMs', 'ms', 'lower', 'mean', '{id} mean time per part', MIN),
  ...MACHINE_STATES.map((s) =>
    kpi(`machine.*.time.${s}`, 'share', MACHINE_STATE_BETTER[s], 'timeShare', `{id} time ${s}`),
  ),
  kpi('buffer.*.meanLevel', 'parts', 'neutral', 'mean', '{id} mean level'),
  kpi('buffer.*.maxLevel', 'parts', 'neutral', 'max', '{id} max level', INT),
  kpi('buffer.*.meanSojournMs', 'ms', 'lower', 'mean', '{id} mean wait', MIN),
  // Maintenance (FactoryKpis.maintenance, with a maintenance section).
  kpi('maintenance.repairs', 'count', 'neutral', 'count', 'repairs', INT),
  kpi('maintenance.meanDowntimeMs', 'ms', 'lower', 'mean', 'mean downtime per breakdown', MIN),
  kpi('maintenance.meanDetectionMs', 'ms', 'lower', 'mean', 'mean time to notice a breakdown', MIN),
  kpi('maintenance.meanWaitForCrewMs', 'ms', 'lower', 'mean', 'mean wait for a repair crew', MIN),
  kpi('maintenance.meanTravelMs', 'ms', 'lower', 'mean', 'mean crew travel', MIN),
  kpi('maintenance.meanRepairMs', 'ms', 'lower', 'mean', 'mean repair', MIN),
  kpi('maintenance.crewUtilization', 'share', 'neutral', 'timeShare', 'repair crew utilization'),
  ...CREW_STATES.map((s) =>
    kpi(
      `maintenance.crew.${s}`,
      'share',
      CREW_STATE_BETTER[s],
      'timeShare',
      `crew time ${CREW_STATE_LABEL[s]}`,
    ),
  ),
  // Quality control (FactoryKpis.quality: latent defects, video inspection points, the late check).
  kpi('quality.defects', 'parts', 'lower', 'count', 'latent defects made', INT),
  kpi('quality.caught', 'parts', 'higher', 'count', 'defects caught at inspection', INT),
  kpi('quality.escaped', 'parts', 'lower', 'count', 'defects that passed inspection', INT),
  kpi('quality.foundLate', 'parts', 'lower', 'count', 'defects found at the late check', INT),
  kpi('quality.lateReworked', 'parts', 'lower', 'count', 'late-found defects reworked', INT),
  kpi('quality.lateScrapped', 'parts', 'lower', 'count', 'late-found defects scrapped', INT),
  kpi('quality.shippedDefective', 'parts', 'lower', 'count', 'defective parts shipped', INT),
  kpi('quality.fallbackShare', 'share', 'lower', 'timeShare', 'inspection time in fallback'),
  kpi('inspection.*.caught', 'parts', 'higher', 'count', '{id} defects caught', INT),
  kpi('inspection.*.escaped', 'parts', 'lower', 'count', '{id} defects missed', INT),
  kpi('inspection.*.manual', 'parts', 'neutral', 'count', '{id} manual inspections', INT),
  kpi('inspection.*.uninspected', 'parts', 'lower', 'count', '{id} parts not inspected', INT),
  kpi('inspection.*.fallbackShare', 'share', 'lower', 'timeShare', '{id} time in fallback'),
  kpi('inspection.*.onTimeShare', 'share', 'higher', 'mean', '{id} camera frames on time', { digits: 3 }),
  kpi('inspection.*.manualTimeMs', 'ms', 'lower', 'count', '{id} manual inspection time', MIN),
  // Network (NetworkKpis), per traffic class and per cell.
  kpi('net.*.reliability', 'share', 'higher', 'ratio', '{id} on time', { digits: 3 }),
  kpi('net.*.meanMs', 'ms', 'lower', 'mean', '{id} mean latency'),
  kpi('net.*.p50Ms', 'ms', 'lower', 'percentile', '{id} p50 latency'),
  kpi('net.*.p95Ms', 'ms', 'lower', 'percentile', '{id} p95 latency'),
  kpi('net.*.p99Ms', 'ms', 'lower', 'percentile', '{id} p99 latency', { digits: 1 }),
  kpi('net.*.p999Ms', 'ms', 'lower', 'percentile', '{id} p99.9 latency'),
  kpi('net.*.lost', 'count', 'lower', 'count', '{id} packets lost or discarded'),
  kpi('cell.*.ulUtilization', 'share', 'neutral', 'timeShare', '{id} UL PRB use'),
  kpi('cell.*.dlUtilization', 'share', 'neutral', 'timeShare', '{id} DL PRB use'),
  kpi('cell.*.ulMbps', 'Mbit/s', 'neutral', 'rate', '{id} UL throughput', { digits: 1 }),
  kpi('cell.*.dlMbps', 'Mbit/s', 'neutral', 'rate', '{id} DL throughput', { digits: 1 }),
  kpi('net.handovers', 'count', 'neutral', 'count', 'handovers'),
  kpi('net.pingPongRate', 'share', 'lower', 'ratio', 'handovers back to the previous cell within 5 s', {
    digits: 3,
  }),
  kpi('net.survivalFailures', 'count', 'lower', 'count', 'network survival-time failures'),
  kpi('net.outage.count', 'count', 'lower', 'count', 'core / WAN outages', INT),
  kpi('net.outage.downShare', 'share', 'lower', 'ratio', 'time in a core / WAN outage', { digits: 4 }),
  // Wi-Fi (connectivity 'wifi', or the moving part of 'wired').
  kpi('net.roams', 'count', 'neutral', 'count', 'Wi-Fi roams'),
  kpi('ap.*.airtime', 'share', 'neutral', 'timeShare', '{id} airtime'),
  kpi('ap.*.accessDelayMs', 'ms', 'lower', 'mean', '{id} mean access delay', { digits: 2 }),
  kpi('ap.*.collisionProbability', 'share', 'lower', 'ratio', '{id} collision probability'),
  // AGV fleet (AgvFleetStats).
  kpi('agv.delivered', 'count', 'higher', 'count', 'AGV deliveries'),
  kpi('agv.meanWaitForPickupMs', 'ms', 'lower', 'mean', 'AGV mean wait for pickup', SEC),
  kpi('agv.meanLeadTimeMs', 'ms', 'lower', 'mean', 'AGV mean transport lead time', SEC),
  ...AGV_STATES.map((s) =>
    kpi(`agv.share.${s}`, 'share', AGV_STATE_BETTER[s], 'timeShare', `AGV time ${AGV_STATE_LABEL[s]}`),
  ),
  kpi('agv.utilization', 'share', 'higher', 'timeShare', 'AGV utilization'),
  kpi('agv.safetyStopShare', 'share', 'lower', 'timeShare', 'AGV time in safety stop', { digits: 2 }),
];

/** The KPIs of a run by flat name (see flattenKpis). Models with KPIs of their own register them here. */
export const KPIS = new KpiRegistry('KPI');
for (const meta of BUILT_IN) KPIS.register(meta);

/**
 * The series a recording samples over time (the recorder's names), for the viewer's charts: the same
 * metadata as KPIs (an AGV count is a number of vehicles, a PRB use a share).
 */
export const RECORDED_SERIES = new KpiRegistry('recorded series');
for (const meta of [
  kpi('throughput_parts_per_h', 'parts/h', 'higher', 'rate', 'throughput'),
  kpi('wip_parts', 'parts', 'lower', 'mean', 'WIP', INT),
  kpi('prb_util_ul/*', 'share', 'neutral', 'timeShare', '{id} UL PRB use'),
  kpi('prb_util_dl/*', 'share', 'neutral', 'timeShare', '{id} DL PRB use'),
  kpi('agv_count/*', 'count', 'neutral', 'mean', 'AGVs {id}'),
  kpi('ontime/*', 'share', 'higher', 'ratio', '{id} on time'),
])
  RECORDED_SERIES.register(meta);

/** Metadata of a KPI by its flat name (undefined when none is registered). */
export const kpiMeta = (name: string): ResolvedKpi | undefined => KPIS.lookup(name);
