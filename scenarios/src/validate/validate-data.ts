import { validateBounded } from '../scenario/bounded-validation';
import { isPlainObject } from '../scenario/merge';
import { referenceProblems } from '../scenario/references';
import { type Scenario, scenarioSchema } from '../scenario/schema';
import type { SchemaProblem } from '../scenario/zod-issues';
import { type CostLimits, costProblems, DEFAULT_COST_LIMITS } from './cost-guard';
import { modelProblems } from './model-checks';

export interface DataValidation {
  /** Every problem, each at the JSON path of the scenario it concerns; empty when the scenario can run. */
  problems: SchemaProblem[];
  /** The scenario when the schema accepted it (stage 1), even if a later stage found problems. */
  scenario?: Scenario;
}

/**
 * `validate`'s three stages on scenario data already in memory (an editor's, no file, no `extends`):
 * the schema with its bounds and the cross-references (as the loader checks them), sim-core's model
 * checks, then the cost guard (as runnable.ts). `extends`, `variants` and `$schema` are left out as the
 * loader leaves them out. Browser-safe: no file system.
 */
export function validateScenarioData(
  data: unknown,
  options: { costGuard?: CostLimits | false } = {},
): DataValidation {
  if (!isPlainObject(data)) return { problems: [{ path: [], message: 'a scenario is an object' }] };
  const { extends: _e, variants: _v, $schema: _s, ...candidate } = data;
  const problems: SchemaProblem[] = [];
  const parsed = validateBounded(scenarioSchema, candidate);
  if (!parsed.success) problems.push(...parsed.problems);
  if (parsed.success || !parsed.stopped) problems.push(...referenceProblems(candidate));
  if (!parsed.success || problems.length > 0)
    return { problems: unique(problems), ...(parsed.success ? { scenario: parsed.data as Scenario } : {}) };
  const scenario = parsed.data as Scenario;
  const model = modelProblems(scenario);
  if (model.length > 0 || options.costGuard === false) return { problems: model, scenario };
  return { problems: costProblems(scenario, options.costGuard ?? DEFAULT_COST_LIMITS), scenario };
}

function unique(problems: SchemaProblem[]): SchemaProblem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = `${p.path.map(String).join('.')}|${p.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
