// Public API of sim-core: framework-free and I/O-free (no fs, no DOM, no React). Test helpers (example
// configurations, fake networks, synthetic recordings) are not here: see '@factory-twin/sim-core/testing'.

export * from './connectivity/index';
export * from './control/index';
export * from './engine/index';
export * from './factory/agv/index';
export * from './factory/index';
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
export * from './network/index';
export * from './network/outage/index';
export * as radio from './network/radio/index';
export * from './network/wifi/index';
export { Registry, RegistryError } from './plugins/registry';
export * from './record/index';
export * from './twin/index';
