import { toModelConfig } from '../../model/to-model-config';
import { ScenarioError, type ScenarioIssue } from '../../scenario/errors';
import { listVariants, loadScenario } from '../../scenario/load';

/** `validate`: checks the scenario and every inline variant (or only the one given); all problems at once. */
export function validateCommand(
  file: string,
  variant?: string,
): { checked: string[]; name: string; machines: number } {
  const names = variant === undefined ? [undefined, ...listVariants(file)] : [variant];
  const issues: ScenarioIssue[] = [];
  const checked: string[] = [];
  let name = '';
  let machines = 0;
  for (const v of names) {
    try {
      const loaded = loadScenario(file, v === undefined ? {} : { variant: v });
      toModelConfig(loaded.scenario);
      name = loaded.scenario.name;
      machines = loaded.scenario.machines.length;
      checked.push(v ?? '(base)');
    } catch (error) {
      if (!(error instanceof ScenarioError)) throw error;
      for (const issue of error.issues) {
        issues.push(v === undefined ? issue : { ...issue, message: `[variant ${v}] ${issue.message}` });
      }
      if (v === undefined) break; // the variants inherit the base's problems
    }
  }
  if (issues.length > 0) throw new ScenarioError(issues);
  return { checked, name, machines };
}
