import { checkScenarioData } from '../scenario/check-data';
import { isPlainObject } from '../scenario/merge';
import type { Scenario } from '../scenario/schema';
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
 * the loader's stage 1 (checkScenarioData: the schema with its bounds and the cross-references), sim-core's
 * model checks, then the cost guard (as runnable.ts). Browser-safe: no file system.
 */
export function validateScenarioData(
  data: unknown,
  options: { costGuard?: CostLimits | false } = {},
): DataValidation {
  if (!isPlainObject(data)) return { problems: [{ path: [], message: 'a scenario is an object' }] };
  const { problems, scenario } = checkScenarioData(data);
  if (problems.length > 0 || scenario === undefined)
    return { problems: unique(problems), ...(scenario === undefined ? {} : { scenario }) };
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
