import { ScenarioError } from '../scenario/errors';
import type { Scenario } from '../scenario/schema';

/** A fixed warm-up in hours, or 'auto' (MSER-5 per replication). */
export type WarmupSetting = number | 'auto';

/**
 * The scenario with the run length and warm-up given on the command line: a new length caps the
 * scenario's warm-up at a quarter of it; an explicit warm-up (hours) replaces it and must be shorter than
 * the run ('auto' leaves the scenario's as the starting point). As is when neither is given. `file` names
 * the scenario in the error.
 */
export function withLength(
  scenario: Scenario,
  lengthH: number | undefined,
  warmupH?: WarmupSetting,
  file = '',
): Scenario {
  const length = lengthH ?? scenario.run.lengthH;
  let warmup = lengthH === undefined ? scenario.run.warmupH : Math.min(scenario.run.warmupH, lengthH / 4);
  if (typeof warmupH === 'number') {
    if (!(warmupH >= 0 && warmupH < length))
      throw new ScenarioError([
        {
          file,
          path: 'run.warmupH',
          message: `the warm-up (--warmup ${warmupH} h) must be at least 0 and shorter than the run (${length} h)`,
        },
      ]);
    warmup = warmupH;
  }
  if (length === scenario.run.lengthH && warmup === scenario.run.warmupH) return scenario;
  return { ...scenario, run: { ...scenario.run, lengthH: length, warmupH: warmup } };
}
