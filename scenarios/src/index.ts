// Public API of @factory-twin/scenarios: the scenario format, the loader, the run pipeline and the tools
// around it (Node only: it reads files and starts worker threads).

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
export { CONTROL, type ModelConfig, toModelConfig } from './model/to-model-config';
export {
  MAX_BODY_BYTES,
  type OptimiseApi,
  type OptimiseApiOptions,
  optimiseApi,
} from './optimise/api/http';
export type { CliCommand } from './optimise/api/job';
export {
  type CheckedRequest,
  checkOptimiseRequest,
  type OptimiseRequest,
} from './optimise/api/request';
export {
  type ApiError,
  type ApiProbe,
  type FrontJson,
  type FrontMemberJson,
  type JobProgress,
  type JobResult,
  type JobState,
  type JobStatus,
  OPTIMISE_API_PATH,
  type RequestProblem,
} from './optimise/api/wire';
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
export { checkOptimiseSpecData } from './optimise/spec-schema';
export { compareReport } from './report/compare-report';
export { htmlReport } from './report/html-report';
export { executeJob, InProcessBackend, type RunBackend, type RunJob, type RunJobResult } from './run/backend';
export { LocalWorkerBackend } from './run/local-backend';
export {
  buildModels,
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
export { LIMITS } from './scenario/limits';
export {
  type LoadedScenario,
  type LoadOptions,
  listVariants,
  loadScenario,
  scenarioHash,
} from './scenario/load';
export type { MergeProblem } from './scenario/merge';
export { mergePatch } from './scenario/merge';
export { type DeploymentMode, type Scenario, scenarioFileSchema, scenarioSchema } from './scenario/schema';
export type { SchemaProblem } from './scenario/zod-issues';
export { runSweep, type SweepOutcome, type SweepRecord } from './sweep/run-sweep';
export type { SweepPoint, SweepSpecOptions } from './sweep/spec';
export { loadSweepSpec, type SweepSpec, sweepPoints } from './sweep/spec';
export { tableCsv } from './table/csv';
export { encodeTable, type TableFormat, tableFormatName, tableFormats } from './table/formats';
export { tableParquet } from './table/parquet';
export type { Cell, Column, ColumnType, Table } from './table/table';
export {
  type CostEstimate,
  type CostLimits,
  type CostTerm,
  costProblems,
  DEFAULT_COST_LIMITS,
  estimateCost,
} from './validate/cost-guard';
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
