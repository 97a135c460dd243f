// A front member's layout: its variant patch (network.deployment, network.gnbs $replace) merged onto the
// scenario the optimisation ran on, by the loader's own merge rules (the same as `run` of its variant file).
import { isPlainObject, type MergeProblem, mergePatch } from '@factory-twin/scenarios/browser';
import type { Data } from '../model/data';

export function memberLayout(base: Data, patch: Data): Data {
  const problems: MergeProblem[] = [];
  const merged = mergePatch(base, patch, problems);
  if (problems.length > 0 || !isPlainObject(merged))
    throw new Error(
      problems.map((p) => p.message).join('; ') || 'the member does not apply to this scenario',
    );
  return merged;
}
