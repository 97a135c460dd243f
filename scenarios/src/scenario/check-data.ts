import { validateBounded } from './bounded-validation';
import { referenceProblems } from './references';
import { type Scenario, scenarioSchema } from './schema';
import type { SchemaProblem } from './zod-issues';

export interface DataCheck {
  /** What was checked: the data without `extends`, `variants` and `$schema` (which the schema does not take). */
  candidate: Record<string, unknown>;
  problems: SchemaProblem[];
  /** The schema check stopped at MAX_SCHEMA_PROBLEMS; the cross-references were then left unchecked. */
  stopped: boolean;
  /** The scenario when the schema accepted it, even if the cross-references have problems. */
  scenario?: Scenario;
}

/**
 * Stage 1 of validation on merged scenario data (the loader's, and the editor's through validate-data.ts):
 * the schema with its bounds and the cross-references, their problems reported together. No file system.
 */
export function checkScenarioData(data: Record<string, unknown>): DataCheck {
  const { extends: _e, variants: _v, $schema: _s, ...candidate } = data;
  const problems: SchemaProblem[] = [];
  const parsed = validateBounded(scenarioSchema, candidate);
  if (!parsed.success) for (const p of parsed.problems) problems.push(p);
  const stopped = !parsed.success && parsed.stopped;
  if (!stopped) for (const p of referenceProblems(candidate)) problems.push(p);
  return { candidate, problems, stopped, ...(parsed.success ? { scenario: parsed.data as Scenario } : {}) };
}
