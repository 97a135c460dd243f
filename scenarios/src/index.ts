// Public API of @factory-twin/scenarios: the scenario format, the loader, the run pipeline and the tools
// around it (Node only: it reads files and starts worker threads). The browser-safe part is browser.ts's list
// (the `./browser` entry the viewer imports), re-exported here whole: one list serves both entries.

export * from './browser';
export { DEFAULT_SCENARIO } from './cli/paths';
// Types that members of the exports above refer to, exported so that the API reference documents them.
export type { CliIo } from './cli/program';
export { runCli } from './cli/program';
export type { KpiDifference, PrecisionOption, TargetResult } from './compare/compare';
export {
  type CompareOptions,
  type CompareTarget,
  type Comparison,
  compareTargets,
  comparisonMarkdown,
  type ReplicationRow,
  rowsCsv,
  rowsTable,
} from './compare/compare';
export type { CaseInput, CaseOptions, Interval, PaybackVerdict, VariantCase } from './cost/business-case';
export {
  annuityFactor,
  type BusinessCase,
  businessCase,
  type SensitivityBar,
  sensitivity,
  type VersusBaseline,
} from './cost/business-case';
export { COST_DEFAULTS, type CostAssumptions } from './cost/cost-defaults';
export type { CostLine } from './cost/cost-line';
export type { CostBreakdown, VariantEconomics } from './cost/cost-model';
export {
  capex,
  costAssumptions,
  economics,
  marginEurPerHour,
  opexPerYear,
  type Payback,
  payback,
  type ValueDrivers,
  valueDrivers,
  valueEurPerHour,
} from './cost/cost-model';
export {
  MAX_BODY_BYTES,
  type OptimiseApi,
  type OptimiseApiOptions,
  optimiseApi,
} from './optimise/api/http';
export type { CliCommand } from './optimise/api/job';
export { DecisionSpace } from './optimise/decision-space';
export { type OptimiseOptions, type OptimiseResult, optimise } from './optimise/optimise';
export { Screening, type ScreeningResult } from './optimise/screening';
export {
  type Agreement,
  agreement,
  type CheckCandidate,
  checkCandidates,
  type Simulated,
  simulatedOf,
  spearman,
} from './optimise/screening-check';
export { type FrontMember, type SearchOutcome, searchLayouts } from './optimise/search';
export { loadOptimiseSpec, type OptimiseSpec } from './optimise/spec';
export { compareReport } from './report/compare-report';
export { htmlReport } from './report/html-report';
export { executeJob, InProcessBackend, type RunBackend, type RunJob, type RunJobResult } from './run/backend';
export { LocalWorkerBackend } from './run/local-backend';
export {
  type LiveTwin,
  type ModelRunResult,
  type RunModelOptions,
  runModel,
} from './run/run-model';
export {
  runLoadedScenario,
  runScenarioFile,
  type ScenarioRun,
  type ScenarioRunOptions,
  type WarmupSetting,
} from './run/run-scenario';
export { type RunSummary, runSummary, summaryMarkdown } from './run/summary';
export { formatIssues, ScenarioError, type ScenarioIssue } from './scenario/errors';
export { scenarioJsonSchema, scenarioJsonSchemaText } from './scenario/json-schema';
export {
  type LoadedScenario,
  type LoadOptions,
  listVariants,
  loadScenario,
  scenarioHash,
} from './scenario/load';
export { type DeploymentMode, scenarioFileSchema } from './scenario/schema';
export { runSweep, type SweepOutcome, type SweepRecord } from './sweep/run-sweep';
export type { SweepPoint, SweepSpecOptions } from './sweep/spec';
export { loadSweepSpec, type SweepSpec, sweepPoints } from './sweep/spec';
export { tableCsv } from './table/csv';
export { encodeTable, type TableFormat, tableFormatName, tableFormats } from './table/formats';
export { tableParquet } from './table/parquet';
export type { Cell, Column, ColumnType, Table } from './table/table';
export { type CostEstimate, type CostTerm, costProblems, estimateCost } from './validate/cost-guard';
export {
  assertRunnable,
  loadRunnableScenario,
  type RunnableOptions,
  runnableIssues,
  type ValidationResult,
  validateBatch,
  validateScenario,
} from './validate/runnable';
export { SOFTWARE_VERSION } from './version';
