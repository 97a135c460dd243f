// The browser-safe part of @factory-twin/scenarios (no file system, no worker threads): the scenario schema,
// validation of scenario data in memory, the variant patch rules (merge and write), the model config and the
// coverage maps. The viewer's layout editor uses it; a test checks that nothing here imports a Node module.

export { CONTROL, type ModelConfig, toModelConfig } from './model/to-model-config';
export { coverageMaps } from './run/coverage-maps';
export { buildModels } from './run/run-model';
export { formatPath } from './scenario/errors';
export { LIMITS } from './scenario/limits';
export { isPlainObject, type MergeProblem, mergePatch } from './scenario/merge';
export { parseScenarioText, type TextParse } from './scenario/parse-text';
export { deepEqual, writePatch } from './scenario/patch-writer';
export { type Scenario, scenarioSchema } from './scenario/schema';
export type { SchemaProblem } from './scenario/zod-issues';
export { type CostLimits, DEFAULT_COST_LIMITS } from './validate/cost-guard';
export { type DataValidation, validateScenarioData } from './validate/validate-data';
