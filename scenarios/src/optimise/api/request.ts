// The body of `POST /api/optimise`: the scenario in the editor's view and an optimise spec without its
// `base` (the job's scenario file is the base). Checked with the rules the CLI applies: the scenario by
// `validate`'s stages on data (validateScenarioData), the spec by its own schema and cross-field rules
// (checkOptimiseSpecData). Every problem is reported at its JSON path in the request body.
import { formatPath, quote } from '../../scenario/errors';
import { isPlainObject } from '../../scenario/merge';
import { validateScenarioData } from '../../validate/validate-data';
import { checkOptimiseSpecData } from '../spec-schema';
import type { RequestProblem } from './wire';

/** The job folder's file names: the spec's `base` names the scenario beside it. */
export const JOB_SCENARIO_FILE = 'scenario.json';
export const JOB_SPEC_FILE = 'spec.json';

export interface OptimiseRequest {
  scenario: Record<string, unknown>;
  /** The spec as the job folder holds it (`base` set to the job's scenario file). */
  spec: Record<string, unknown>;
}

export type CheckedRequest =
  | { ok: true; request: OptimiseRequest }
  | { ok: false; problems: RequestProblem[] };

const at = (prefix: string, path: readonly PropertyKey[], message: string): RequestProblem => ({
  path: formatPath([prefix, ...path]),
  message,
});

const kind = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'an array' : typeof v);

/** Checks a request body (already parsed from JSON). */
export function checkOptimiseRequest(body: unknown): CheckedRequest {
  if (!isPlainObject(body))
    return {
      ok: false,
      problems: [{ path: '', message: `expected an object { scenario, spec }, got ${kind(body)}` }],
    };
  const problems: RequestProblem[] = [];
  for (const key of Object.keys(body))
    if (key !== 'scenario' && key !== 'spec')
      problems.push({
        path: formatPath([key]),
        message: `unknown field ${quote(key)} (expected scenario and spec)`,
      });
  const { scenario, spec } = body;
  if (!isPlainObject(scenario))
    problems.push({
      path: 'scenario',
      message: `expected the scenario as an object, got ${scenario === undefined ? 'nothing' : kind(scenario)}`,
    });
  else if ('extends' in scenario)
    // A whole scenario only: `extends` would name a file, and the job's folder holds just this one.
    problems.push(
      at(
        'scenario',
        ['extends'],
        'expected a whole scenario (the editor sends the one in view), got a variant with extends',
      ),
    );
  else
    for (const p of validateScenarioData(scenario).problems) problems.push(at('scenario', p.path, p.message));
  let jobSpec: Record<string, unknown> | undefined;
  if (!isPlainObject(spec))
    problems.push({
      path: 'spec',
      message: `expected the optimise spec as an object, got ${spec === undefined ? 'nothing' : kind(spec)}`,
    });
  else if ('base' in spec)
    problems.push(
      at(
        'spec',
        ['base'],
        'leave base out: the base is the scenario of this request (the job folder holds it)',
      ),
    );
  else {
    const { $schema: _s, ...rest } = spec;
    jobSpec = { base: JOB_SCENARIO_FILE, ...rest };
    const checked = checkOptimiseSpecData(jobSpec);
    if (!checked.ok) for (const p of checked.problems) problems.push(at('spec', p.path, p.message));
  }
  if (problems.length > 0 || !isPlainObject(scenario) || jobSpec === undefined)
    return { ok: false, problems };
  return { ok: true, request: { scenario, spec: jobSpec } };
}
