// Public API of sim-core: framework-free and I/O-free (no fs, no DOM, no React).

export * from './control/index';
export * from './engine/index';
export * from './factory/agv/index';
export * from './factory/index';
export { MSER_MIN_BATCHES, type MserResult, mser } from './kpi/mser';
export { erlangC, jacksonTandem, mm1, mmc, type QueueMetrics } from './kpi/queueing';
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
export * as radio from './network/radio/index';
export { Registry, RegistryError } from './plugins/registry';
export * from './record/index';
