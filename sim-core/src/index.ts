// Public API of sim-core: framework-free and I/O-free (no fs, no DOM, no React). Test helpers (example
// configurations, fake networks, synthetic recordings) are not here: see '@factory-twin/sim-core/testing'.

export * from './connectivity/index';
export * from './control/index';
export * from './engine/index';
export * from './factory/agv/index';
// Types that members of the exports above refer to (a fleet's probes, the MAC and channel plug-in contexts,
// maintenance jobs, Wi-Fi propagation), exported so that the API reference documents them.
export type { AgvProbes } from './factory/agv/vehicle';
export * from './factory/index';
export type { Crew } from './factory/maintenance/crew-pool';
export type { RepairableMachine } from './factory/maintenance/repair-job';
export { flattenKpis } from './kpi/flat-kpis';
export { KPIS, kpiMeta, RECORDED_SERIES } from './kpi/kpi-catalog';
export {
  type KpiAggregation,
  type KpiDirection,
  type KpiDisplay,
  type KpiMeta,
  KpiRegistry,
  type ResolvedKpi,
} from './kpi/kpi-registry';
export { type LatencyCdf, LatencyCdfCollector, poolLatencyCdfs } from './kpi/latency-cdf';
export { MSER_MIN_BATCHES, type MserResult, mser } from './kpi/mser';
export { erlangC, jacksonTandem, mm1, mmc, type QueueMetrics } from './kpi/queueing';
export {
  type RecordingKpis,
  type RecordingWindow,
  recordingKpis,
  recordingWindow,
} from './kpi/recording-kpis';
export { type KpiSummary, type ReplicatedKpi, replicate } from './kpi/replicate';
export {
  type PrecisionStatus,
  type PrecisionTarget,
  precisionStatus,
  replicateToPrecision,
} from './kpi/sequential';
export {
  type ConfidenceInterval,
  confidenceInterval,
  type PairedTTestResult,
  pairedTTest,
  percentiles,
  quantile,
  RunningStats,
  studentTQuantile,
  TimeWeighted,
  type WelchTTestResult,
  welchTTest,
} from './kpi/stats';
export { type TrendOptions, type TrendResult, upwardTrend } from './kpi/trend';
export * from './layout';
export type { DeviceStats, LinkQuality, NormalSource, PerDir } from './network/device';
export * from './network/index';
export type { McsChoice } from './network/link-adaptation';
export * from './network/outage/index';
export type { Packet } from './network/packet';
export * as radio from './network/radio/index';
export type { CellRadio } from './network/radio-environment';
export { type Dir, DL, type TddGrid, UL } from './network/tdd-grid';
export type { ClassProfile } from './network/traffic-classes';
export * from './network/wifi/index';
export type { RadioPoint } from './network/wifi/propagation';
export { Registry, RegistryError } from './plugins/registry';
export * from './record/index';
export * from './twin/index';
