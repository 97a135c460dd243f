// Public API of sim-core: framework-free and I/O-free (no fs, no DOM, no React).

export * from './control/index';
export * from './engine/index';
export {
  type ConfidenceInterval,
  confidenceInterval,
  percentiles,
  quantile,
  RunningStats,
  studentTQuantile,
  TimeWeighted,
  type WelchTTestResult,
  welchTTest,
} from './kpi/stats';
export * from './layout';
export * as radio from './network/radio/index';
