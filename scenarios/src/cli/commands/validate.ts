import { ScenarioError, type ScenarioIssue } from '../../scenario/errors';
import { listVariants } from '../../scenario/load';
import type { CostEstimate, CostLimits } from '../../validate/cost-guard';
import { validateScenario } from '../../validate/runnable';

/**
 * `validate`: checks the scenario and every inline variant (or only the one given), all problems at once:
 * the schema and its bounds, the cross-references, sim-core's model checks and the cost guard, the same
 * validation `run` does before it starts.
 */
export function validateCommand(
  file: string,
  variant?: string,
  options: { costGuard?: CostLimits | false } = {},
): { checked: string[]; name: string; machines: number; cost: CostEstimate | undefined } {
  const names = variant === undefined ? [undefined, ...listVariants(file)] : [variant];
  const issues: ScenarioIssue[] = [];
  const checked: string[] = [];
  let name = '';
  let machines = 0;
  let cost: CostEstimate | undefined;
  for (const v of names) {
    const result = validateScenario(file, {
      ...(v === undefined ? {} : { variant: v }),
      ...(options.costGuard === undefined ? {} : { costGuard: options.costGuard }),
    });
    if (result.ok) {
      name = result.loaded.scenario.name;
      machines = result.loaded.scenario.machines.length;
      if (cost === undefined || result.cost.eventsPerRun > cost.eventsPerRun) cost = result.cost;
      checked.push(v ?? '(base)');
      continue;
    }
    for (const issue of result.issues) {
      issues.push(v === undefined ? issue : { ...issue, message: `[variant ${v}] ${issue.message}` });
    }
    if (v === undefined) break; // the variants inherit the base's problems
  }
  if (issues.length > 0) throw new ScenarioError(issues);
  return { checked, name, machines, cost };
}
