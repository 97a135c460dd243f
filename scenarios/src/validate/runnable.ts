import { withLength } from '../run/scenario-length';
import { formatPath, ScenarioError, type ScenarioIssue } from '../scenario/errors';
import { type LoadedScenario, type LoadOptions, loadScenario } from '../scenario/load';
import type { SchemaProblem } from '../scenario/zod-issues';
import {
  type CostEstimate,
  type CostLimits,
  costProblems,
  DEFAULT_COST_LIMITS,
  estimateCost,
} from './cost-guard';
import { modelProblems } from './model-checks';

/**
 * What validation checks beyond the file's own rules. Stage 1 (the schema with its bounds, and the
 * cross-references) runs in the loader; these are stages 2 and 3.
 */
export interface RunnableOptions {
  /** The cost guard's limits; false turns it off (`--no-cost-guard`). Default: DEFAULT_COST_LIMITS. */
  costGuard?: CostLimits | false;
  /** The run length actually simulated, hours (`--hours`, a sweep's `lengthH`), when not the scenario's. */
  lengthH?: number;
}

export type ValidationResult =
  | { ok: true; loaded: LoadedScenario; cost: CostEstimate }
  | { ok: false; issues: readonly ScenarioIssue[] };

/** Resolves the `--max-events` / `--no-cost-guard` pair of the command line. */
export function costLimits(o: { costGuard?: boolean; maxEvents?: number }): CostLimits | false {
  if (o.costGuard === false) return false;
  return { ...DEFAULT_COST_LIMITS, ...(o.maxEvents === undefined ? {} : { maxEventsPerRun: o.maxEvents }) };
}

/**
 * Stages 2 and 3 on a scenario the loader accepted: sim-core's model checks (the models are built as `run`
 * builds them), then the cost guard. Problems are placed in the file and at the JSON path at fault.
 */
export function runnableIssues(loaded: LoadedScenario, options: RunnableOptions = {}): ScenarioIssue[] {
  const scenario = withLength(loaded.scenario, options.lengthH);
  const problems = modelProblems(scenario);
  if (problems.length === 0 && options.costGuard !== false) {
    const overridden = options.lengthH !== undefined && options.lengthH !== loaded.scenario.run.lengthH;
    for (const p of costProblems(scenario, options.costGuard ?? DEFAULT_COST_LIMITS)) {
      problems.push(
        overridden ? { ...p, message: `${p.message} (run length ${options.lengthH} h from the command)` } : p,
      );
    }
  }
  return problems.map((p) => locate(loaded, p));
}

/** Throws ScenarioError when the scenario cannot run (see runnableIssues). */
export function assertRunnable(loaded: LoadedScenario, options: RunnableOptions = {}): void {
  const issues = runnableIssues(loaded, options);
  if (issues.length > 0) throw new ScenarioError(issues);
}

/**
 * The one validation `validate`, `run`, `compare`, `sweep` and the workers share: load (stage 1), then
 * stages 2 and 3. Throws ScenarioError listing the problems; never another error for bad input.
 */
export function loadRunnableScenario(
  file: string,
  options: LoadOptions & RunnableOptions = {},
): LoadedScenario {
  const loaded = loadScenario(file, options);
  assertRunnable(loaded, options);
  return loaded;
}

/** Validates one scenario without throwing for bad input: the result says what is wrong. */
export function validateScenario(
  file: string,
  options: LoadOptions & RunnableOptions = {},
): ValidationResult {
  try {
    const loaded = loadScenario(file, options);
    const issues = runnableIssues(loaded, options);
    if (issues.length > 0) return { ok: false, issues };
    return { ok: true, loaded, cost: estimateCost(withLength(loaded.scenario, options.lengthH)) };
  } catch (error) {
    if (error instanceof ScenarioError) return { ok: false, issues: error.issues };
    throw error;
  }
}

/** Validates many scenarios in this thread (tests, tools): one result per input, in order. */
export function validateBatch(
  inputs: readonly ({ file: string } & LoadOptions)[],
  options: RunnableOptions = {},
): ValidationResult[] {
  return inputs.map(({ file, ...load }) => validateScenario(file, { ...options, ...load }));
}

function locate(loaded: LoadedScenario, p: SchemaProblem): ScenarioIssue {
  return loaded.locate?.(p) ?? { file: loaded.file, path: formatPath(p.path), message: p.message };
}
