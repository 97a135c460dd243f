// The browser-safe part of @factory-twin/scenarios (no file system, no worker threads): the scenario schema,
// validation of scenario data in memory, the variant patch rules (merge and write), the model config, the
// coverage maps, the optimise spec's rules and what the local optimise API sends and receives (optimise/api/).
// The viewer's layout editor uses it; a test checks that nothing here imports a Node module. index.ts (the
// Node entry) re-exports this list whole: what is browser-safe is listed here only.

export { CONTROL, type ModelConfig, toModelConfig } from './model/to-model-config';
export { type CheckedRequest, checkOptimiseRequest, type OptimiseRequest } from './optimise/api/request';
export {
  type ApiError,
  type ApiProbe,
  type FrontGnb,
  type FrontJson,
  type FrontMemberJson,
  type JobProgress,
  type JobResult,
  type JobState,
  type JobStatus,
  OPTIMISE_API_PATH,
  type OptimiseApiRequest,
  type RequestProblem,
} from './optimise/api/wire';
export { checkOptimiseSpecData } from './optimise/spec-schema';
export { coverageMaps } from './run/coverage-maps';
export { buildModels } from './run/run-model';
export { formatPath } from './scenario/errors';
export { LIMITS } from './scenario/limits';
export { isPlainObject, type MergeProblem, mergePatch } from './scenario/merge';
export { parseScenarioText, type TextParse } from './scenario/parse-text';
export { deepEqual, writePatch } from './scenario/patch-writer';
export { deploymentModes, type Scenario, scenarioSchema, trafficClasses } from './scenario/schema';
export type { SchemaProblem } from './scenario/zod-issues';
export { type CostLimits, DEFAULT_COST_LIMITS } from './validate/cost-guard';
export { type DataValidation, validateScenarioData } from './validate/validate-data';
