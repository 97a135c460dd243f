// The built-in KPIs (everything flattenKpis emits) and the series the recorder samples, with their metadata.
import { AGV_STATES, type AgvState } from '../factory/agv/state-clock';
import { MACHINE_STATES, type MachineState } from '../factory/probes';
import { type KpiDirection, type KpiMeta, KpiRegistry, type ResolvedKpi } from './kpi-registry';

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

const BUILT_IN: KpiMeta[] = [
  // Factory (FactoryKpis).
  { name: 'throughputPerHour', unit: 'parts/h', better: 'higher', aggregation: 'rate', label: 'throughput' },
  {
    name: 'parts.created',
    unit: 'parts',
    better: 'neutral',
    aggregation: 'count',
    label: 'parts created',
    display: { digits: 0 },
  },
  {
    name: 'parts.completed',
    unit: 'parts',
    better: 'higher',
    aggregation: 'count',
    label: 'parts completed',
    display: { digits: 0 },
  },
  {
    name: 'parts.scrapped',
    unit: 'parts',
    better: 'lower',
    aggregation: 'count',
    label: 'parts scrapped',
    display: { digits: 0 },
  },
  {
    name: 'leadTime.meanMs',
    unit: 'ms',
    better: 'lower',
    aggregation: 'mean',
    label: 'mean lead time',
    display: MIN,
  },
  {
    name: 'leadTime.p50Ms',
    unit: 'ms',
    better: 'lower',
    aggregation: 'percentile',
    label: 'median lead time',
    display: MIN,
  },
  {
    name: 'leadTime.p95Ms',
    unit: 'ms',
    better: 'lower',
    aggregation: 'percentile',
    label: 'lead time p95',
    display: MIN,
  },
  {
    name: 'wip.mean',
    unit: 'parts',
    better: 'lower',
    aggregation: 'mean',
    label: 'mean WIP',
    display: { digits: 1 },
  },
  {
    name: 'wip.max',
    unit: 'parts',
    better: 'lower',
    aggregation: 'max',
    label: 'max WIP',
    display: { digits: 0 },
  },
  {
    name: 'orders.onTimeRate',
    unit: 'share',
    better: 'higher',
    aggregation: 'ratio',
    label: 'orders on time',
  },
  {
    name: 'orders.meanTardinessMs',
    unit: 'ms',
    better: 'lower',
    aggregation: 'mean',
    label: 'mean order tardiness',
    display: MIN,
  },
  {
    name: 'throughputPerHour.*',
    unit: 'parts/h',
    better: 'higher',
    aggregation: 'rate',
    label: 'throughput of {id}',
  },
  {
    name: 'leadTime.*.meanMs',
    unit: 'ms',
    better: 'lower',
    aggregation: 'mean',
    label: 'mean lead time of {id}',
    display: MIN,
  },
  {
    name: 'leadTime.*.p50Ms',
    unit: 'ms',
    better: 'lower',
    aggregation: 'percentile',
    label: 'median lead time of {id}',
    display: MIN,
  },
  {
    name: 'leadTime.*.p95Ms',
    unit: 'ms',
    better: 'lower',
    aggregation: 'percentile',
    label: 'lead time p95 of {id}',
    display: MIN,
  },
  {
    name: 'machine.*.utilization',
    unit: 'share',
    better: 'higher',
    aggregation: 'timeShare',
    label: '{id} utilization',
  },
  {
    name: 'machine.*.availability',
    unit: 'share',
    better: 'higher',
    aggregation: 'timeShare',
    label: '{id} availability',
  },
  {
    name: 'machine.*.performance',
    unit: 'share',
    better: 'higher',
    aggregation: 'ratio',
    label: '{id} performance',
  },
  { name: 'machine.*.quality', unit: 'share', better: 'higher', aggregation: 'ratio', label: '{id} quality' },
  { name: 'machine.*.oee', unit: 'share', better: 'higher', aggregation: 'ratio', label: '{id} OEE' },
  {
    name: 'machine.*.meanContents',
    unit: 'parts',
    better: 'neutral',
    aggregation: 'mean',
    label: '{id} mean contents',
  },
  {
    name: 'machine.*.meanSojournMs',
    unit: 'ms',
    better: 'lower',
    aggregation: 'mean',
    label: '{id} mean time per part',
    display: MIN,
  },
  ...MACHINE_STATES.map(
    (s): KpiMeta => ({
      name: `machine.*.time.${s}`,
      unit: 'share',
      better: MACHINE_STATE_BETTER[s],
      aggregation: 'timeShare',
      label: `{id} time ${s}`,
    }),
  ),
  {
    name: 'buffer.*.meanLevel',
    unit: 'parts',
    better: 'neutral',
    aggregation: 'mean',
    label: '{id} mean level',
  },
  {
    name: 'buffer.*.maxLevel',
    unit: 'parts',
    better: 'neutral',
    aggregation: 'max',
    label: '{id} max level',
    display: { digits: 0 },
  },
  {
    name: 'buffer.*.meanSojournMs',
    unit: 'ms',
    better: 'lower',
    aggregation: 'mean',
    label: '{id} mean wait',
    display: MIN,
  },
  // Network (NetworkKpis), per traffic class and per cell.
  {
    name: 'net.*.reliability',
    unit: 'share',
    better: 'higher',
    aggregation: 'ratio',
    label: '{id} on time',
    display: { digits: 3 },
  },
  { name: 'net.*.meanMs', unit: 'ms', better: 'lower', aggregation: 'mean', label: '{id} mean latency' },
  { name: 'net.*.p50Ms', unit: 'ms', better: 'lower', aggregation: 'percentile', label: '{id} p50 latency' },
  { name: 'net.*.p95Ms', unit: 'ms', better: 'lower', aggregation: 'percentile', label: '{id} p95 latency' },
  {
    name: 'net.*.p99Ms',
    unit: 'ms',
    better: 'lower',
    aggregation: 'percentile',
    label: '{id} p99 latency',
    display: { digits: 1 },
  },
  {
    name: 'net.*.p999Ms',
    unit: 'ms',
    better: 'lower',
    aggregation: 'percentile',
    label: '{id} p99.9 latency',
  },
  {
    name: 'net.*.lost',
    unit: 'count',
    better: 'lower',
    aggregation: 'count',
    label: '{id} packets lost or discarded',
  },
  {
    name: 'cell.*.ulUtilization',
    unit: 'share',
    better: 'neutral',
    aggregation: 'timeShare',
    label: '{id} UL PRB use',
  },
  {
    name: 'cell.*.dlUtilization',
    unit: 'share',
    better: 'neutral',
    aggregation: 'timeShare',
    label: '{id} DL PRB use',
  },
  {
    name: 'cell.*.ulMbps',
    unit: 'Mbit/s',
    better: 'neutral',
    aggregation: 'rate',
    label: '{id} UL throughput',
    display: { digits: 1 },
  },
  {
    name: 'cell.*.dlMbps',
    unit: 'Mbit/s',
    better: 'neutral',
    aggregation: 'rate',
    label: '{id} DL throughput',
    display: { digits: 1 },
  },
  { name: 'net.handovers', unit: 'count', better: 'neutral', aggregation: 'count', label: 'handovers' },
  {
    name: 'net.survivalFailures',
    unit: 'count',
    better: 'lower',
    aggregation: 'count',
    label: 'network survival-time failures',
  },
  // AGV fleet (AgvFleetStats).
  { name: 'agv.delivered', unit: 'count', better: 'higher', aggregation: 'count', label: 'AGV deliveries' },
  {
    name: 'agv.meanWaitForPickupMs',
    unit: 'ms',
    better: 'lower',
    aggregation: 'mean',
    label: 'AGV mean wait for pickup',
    display: SEC,
  },
  {
    name: 'agv.meanLeadTimeMs',
    unit: 'ms',
    better: 'lower',
    aggregation: 'mean',
    label: 'AGV mean transport lead time',
    display: SEC,
  },
  ...AGV_STATES.map(
    (s): KpiMeta => ({
      name: `agv.share.${s}`,
      unit: 'share',
      better: AGV_STATE_BETTER[s],
      aggregation: 'timeShare',
      label: `AGV time ${AGV_STATE_LABEL[s]}`,
    }),
  ),
  {
    name: 'agv.utilization',
    unit: 'share',
    better: 'higher',
    aggregation: 'timeShare',
    label: 'AGV utilization',
  },
  {
    name: 'agv.safetyStopShare',
    unit: 'share',
    better: 'lower',
    aggregation: 'timeShare',
    label: 'AGV time in safety stop',
    display: { digits: 2 },
  },
];

/** The KPIs of a run by flat name (see flattenKpis). Models with KPIs of their own register them here. */
export const KPIS = new KpiRegistry('KPI');
for (const meta of BUILT_IN) KPIS.register(meta);

/**
 * The series a recording samples over time (the recorder's names), for the viewer's charts: the same
 * metadata as KPIs (an AGV count is a number of vehicles, a PRB use a share).
 */
export const RECORDED_SERIES = new KpiRegistry('recorded series')
  .register({
    name: 'throughput_parts_per_h',
    unit: 'parts/h',
    better: 'higher',
    aggregation: 'rate',
    label: 'throughput',
  })
  .register({
    name: 'wip_parts',
    unit: 'parts',
    better: 'lower',
    aggregation: 'mean',
    label: 'WIP',
    display: { digits: 0 },
  })
  .register({
    name: 'prb_util_ul/*',
    unit: 'share',
    better: 'neutral',
    aggregation: 'timeShare',
    label: '{id} UL PRB use',
  })
  .register({
    name: 'prb_util_dl/*',
    unit: 'share',
    better: 'neutral',
    aggregation: 'timeShare',
    label: '{id} DL PRB use',
  })
  .register({
    name: 'agv_count/*',
    unit: 'count',
    better: 'neutral',
    aggregation: 'mean',
    label: 'AGVs {id}',
  });

/** Metadata of a KPI by its flat name (undefined when none is registered). */
export const kpiMeta = (name: string): ResolvedKpi | undefined => KPIS.lookup(name);
