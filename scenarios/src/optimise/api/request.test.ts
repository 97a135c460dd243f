import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatPath } from '../../scenario/errors';
import { validateScenarioData } from '../../validate/validate-data';
import { optimiseSpecSchema } from '../spec-schema';
import { corridorPlantDir } from '../test-plant';
import { checkOptimiseRequest } from './request';

// The body of POST /api/optimise: refused with every problem at its JSON path in the body, by the rules the
// CLI applies (the scenario's validation, the spec's schema and cross-field rules).

const PLANT = readFileSync(corridorPlantDir().file, 'utf8');
// biome-ignore lint/suspicious/noExplicitAny: tests reach into the plant freely to break it
const plant = () => JSON.parse(PLANT) as Record<string, any>;
const spec = (extra: Record<string, unknown> = {}) => ({
  mounts: { grid: { spacingM: 20, spacingYM: 4 } },
  gnbs: { max: 2 },
  search: { populationSize: 8, generations: 2 },
  confirm: { members: 0 },
  ...extra,
});
const problemsOf = (body: unknown) => {
  const r = checkOptimiseRequest(body);
  return r.ok ? [] : r.problems;
};

describe('checkOptimiseRequest', () => {
  it('accepts the scenario in view and a spec without base, which then names the job scenario', () => {
    const r = checkOptimiseRequest({ scenario: plant(), spec: { $schema: 'x', ...spec() } });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.request.spec).toEqual({ base: 'scenario.json', ...spec() });
    expect(r.request.scenario).toEqual(plant());
  });

  it('refuses a body that is not { scenario, spec }', () => {
    expect(problemsOf([1, 2])).toEqual([
      { path: '', message: 'expected an object { scenario, spec }, got an array' },
    ]);
    expect(problemsOf({ spec: spec(), extra: 1 })).toEqual([
      { path: 'extra', message: 'unknown field "extra" (expected scenario and spec)' },
      { path: 'scenario', message: 'expected the scenario as an object, got nothing' },
    ]);
    expect(problemsOf({ scenario: plant(), spec: 'x' })).toEqual([
      { path: 'spec', message: 'expected the optimise spec as an object, got string' },
    ]);
  });

  it("places the spec's schema problems under spec., as the spec's own schema words them", () => {
    const bad = spec({ gnbs: { max: 0 }, carriers: [{ label: 'a', tddPattern: 'DDXU' }] });
    const expected = optimiseSpecSchema.safeParse({ base: 'scenario.json', ...bad });
    expect(expected.success).toBe(false);
    const paths = problemsOf({ scenario: plant(), spec: bad }).map((p) => p.path);
    expect(paths).toEqual(['spec.gnbs.max', 'spec.carriers[0].tddPattern']);
    expect(paths).toEqual(expected.error!.issues.map((i) => formatPath(['spec', ...i.path])));
  });

  it("places the spec's cross-field rules (min ≤ max, duplicate labels) under spec.", () => {
    const bad = spec({
      gnbs: { min: 3, max: 2 },
      carriers: [
        { label: 'n78', frequencyGHz: 3.5 },
        { label: 'n78', frequencyGHz: 4.9 },
      ],
    });
    expect(problemsOf({ scenario: plant(), spec: bad })).toEqual([
      { path: 'spec.gnbs.min', message: 'expected at most gnbs.max (2), got 3' },
      { path: 'spec.carriers[1].label', message: 'duplicate carrier label "n78"' },
    ]);
  });

  it('refuses a base in the spec and extends in the scenario: no file outside the job folder is named', () => {
    expect(problemsOf({ scenario: plant(), spec: { base: '../../../etc/passwd', ...spec() } })).toEqual([
      {
        path: 'spec.base',
        message: 'leave base out: the base is the scenario of this request (the job folder holds it)',
      },
    ]);
    const variant = { extends: '../plants/engine-parts/scenario.json', name: 'x' };
    expect(problemsOf({ scenario: variant, spec: spec() }).map((p) => p.path)).toEqual(['scenario.extends']);
  });

  it("places the scenario's validation problems under scenario., as validate reports them", () => {
    const s = plant();
    s.machines[0].xM = 'left';
    s.network.gnbs[0].heightM = -3;
    const own = validateScenarioData(s).problems;
    expect(own.length).toBeGreaterThan(0);
    const problems = problemsOf({ scenario: s, spec: spec() });
    expect(problems).toEqual(
      own.map((p) => ({ path: formatPath(['scenario', ...p.path]), message: p.message })),
    );
    expect(problems.map((p) => p.path)).toContain('scenario.machines[0].xM');
    expect(problems.map((p) => p.path)).toContain('scenario.network.gnbs[0].heightM');
  });
});
