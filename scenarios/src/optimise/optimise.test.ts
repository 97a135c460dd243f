import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../cli/program';
import { InProcessBackend } from '../run/backend';
import { ScenarioError } from '../scenario/errors';
import { loadRunnableScenario } from '../validate/runnable';
import { DecisionSpace } from './decision-space';
import { dominates } from './dominance';
import { score } from './objectives';
import { optimise } from './optimise';
import { searchLayouts } from './search';
import { loadOptimiseSpec } from './spec';
import { corridorPlantDir, loadScreening, writeSpec } from './test-plant';

/** 9 mounting points across the corridor (x 10 / 60 / 110, y 2 / 6 / 10), two carriers, two modes. */
const specFile = (dir: string, extra: Record<string, unknown> = {}) =>
  writeSpec(dir, {
    base: 'scenario.json',
    seed: 5,
    mounts: {
      points: [10, 60, 110].flatMap((x) => [2, 6, 10].map((y) => ({ id: `M${x}-${y}`, xM: x, yM: y }))),
    },
    gnbs: { min: 1, max: 3 },
    carriers: [
      { label: 'n78', frequencyGHz: 3.5 },
      { label: 'n79', frequencyGHz: 4.9 },
    ],
    deployments: ['public', 'private'],
    // A strict DL target: one gNB covers the whole corridor only from its middle (the centre is nearest to
    // both ends); the floor target is nearly all of it.
    coverage: { sinrDb: 22, direction: 'DL', floorShare: 0.99, pathShare: 1 },
    search: { populationSize: 12, generations: 12 },
    front: { max: 6 },
    confirm: { members: 0 },
    ...extra,
  });

/** Every layout of the space (all subsets of up to max mounts × carrier options × modes). */
function* allGenomes(space: DecisionSpace): Generator<number[]> {
  const m = space.mounts.length;
  const g = new Array<number>(space.length).fill(0);
  function* place(from: number, placed: number): Generator<number[]> {
    if (placed >= space.minGnbs)
      for (let d = 0; d < space.deployments.length; d++) {
        g[m] = d;
        yield [...g];
      }
    if (placed === space.maxGnbs) return;
    for (let i = from; i < m; i++)
      for (let k = 1; k <= space.carriers.length; k++) {
        g[i] = k;
        yield* place(i + 1, placed + 1);
        g[i] = 0;
      }
  }
  yield* place(0, 0);
}

describe('optimise on a corridor plant with a known best answer', { timeout: 120_000 }, () => {
  it('finds the cheapest layout meeting the targets (by exhaustive search) within a tenth of the space', () => {
    const { spec, base, space, screening } = loadScreening(specFile(corridorPlantDir().dir));
    // Ground truth: every layout scored.
    const seen = new Set<string>();
    let bestCost = Number.POSITIVE_INFINITY;
    const best: string[] = [];
    for (const g of allGenomes(space)) {
      // Genomes that build the same layout (an operator-run mode ignores the carrier gene) count once.
      if (seen.has(space.key(g))) continue;
      seen.add(space.key(g));
      const s = score(screening.evaluate(space.decode(g)), spec, true);
      if (s.violation > 0) continue;
      if (s.objectives[0] < bestCost) {
        bestCost = s.objectives[0];
        best.length = 0;
      }
      if (s.objectives[0] === bestCost) best.push(space.key(g));
    }
    const size = seen.size;
    // Private: 1–3 of 9 mounts, each with n78, n79 or the operator's carrier; public: the operator's only.
    expect(size).toBe(9 * 3 + 36 * 9 + 84 * 27 + (9 + 36 + 84));
    // The known answer: one gNB on public, in the middle of the corridor (x = 60), never at an end.
    expect(best.length).toBeGreaterThan(0);
    for (const key of best) {
      const c = space.decode(key.split('.').map(Number));
      expect(c.gnbs).toHaveLength(1);
      expect(c.gnbs[0].xM).toBe(60);
      expect(c.deployment).toBe('public');
    }
    const outcome = searchLayouts(spec, base);
    expect(outcome.evaluations).toBeLessThan(size / 10);
    const cheapest = outcome.members.filter((m) => m.feasible)[0];
    expect(cheapest.score.objectives[0]).toBe(bestCost);
    expect(best).toContain(cheapest.candidate.key);
  });

  it('returns a front no screened layout dominates, its members not dominating each other', () => {
    const { dir } = corridorPlantDir();
    const spec = loadOptimiseSpec(specFile(dir, { seed: 11 }));
    const base = loadRunnableScenario(spec.baseFile).scenario;
    const outcome = searchLayouts(spec, base);
    expect(outcome.members.length).toBeGreaterThan(1);
    for (const m of outcome.members) {
      for (const other of outcome.archive) expect(dominates(other.score, m.score)).toBe(false);
      for (const n of outcome.members) if (n !== m) expect(dominates(n.score, m.score)).toBe(false);
    }
  });
});

describe('optimise outputs', { timeout: 180_000 }, () => {
  it('are byte-identical for a seed, and the variant files pass validation as they are', async () => {
    const { dir } = corridorPlantDir();
    const spec = specFile(dir);
    const a = await optimise(spec, { out: join(dir, 'out-a') });
    await optimise(spec, { out: join(dir, 'out-b') });
    const files = (d: string) =>
      readdirSync(d, { recursive: true, withFileTypes: true })
        .filter((e) => e.isFile())
        .map((e) => join(e.parentPath, e.name).slice(d.length))
        .sort();
    const names = files(join(dir, 'out-a'));
    expect(names).toEqual(files(join(dir, 'out-b')));
    expect(names).toEqual(
      expect.arrayContaining([
        '/front.csv',
        '/front.json',
        '/front.md',
        '/report.html',
        '/variants/opt-01.json',
      ]),
    );
    for (const f of names)
      expect(readFileSync(join(dir, 'out-b', f)).equals(readFileSync(join(dir, 'out-a', f))), f).toBe(true);
    // A variant file is the member's layout on the base, accepted by the validation of `validate` and `run`.
    const m = a.search.members[0];
    const loaded = loadRunnableScenario(join(dir, 'out-a', 'variants', `${m.id}.json`));
    expect(loaded.scenario.network.gnbs).toEqual(m.candidate.gnbs);
    expect(loaded.scenario.network.deployment).toBe(m.candidate.deployment);
    expect(loaded.scenario.machines).toEqual(
      loadRunnableScenario(join(dir, 'scenario.json')).scenario.machines,
    );
    const html = readFileSync(join(dir, 'out-a', 'report.html'), 'utf8');
    expect(html).toContain('<svg');
    expect(html).not.toContain('<script');
  });

  it('confirms the first members by simulation against the base (flow fidelity)', async () => {
    const { dir } = corridorPlantDir();
    const r = await optimise(
      specFile(dir, { confirm: { members: 1, replications: 2, hours: 0.1, fidelity: 'flow' } }),
      {
        out: join(dir, 'out'),
        backend: async () => new InProcessBackend(),
      },
    );
    expect(r.confirmation?.targets.map((t) => t.label)).toEqual(['base', 'opt-01']);
    const row = r.rows[0].confirmed!;
    expect(row.runs).toBe(2);
    expect(row.failures).toBe(0);
    expect(row.throughputPerHour?.mean).toBeGreaterThan(0);
    expect(row.npvEur).toBeDefined();
    const flow = JSON.parse(readFileSync(join(dir, 'out', 'confirm', 'opt-01.json'), 'utf8'));
    expect(flow).toEqual({ extends: '../variants/opt-01.json', network: { fidelity: 'flow' } });
    expect(readFileSync(join(dir, 'out', 'front.csv'), 'utf8').split('\n')[1]).toMatch(/^opt-01,.*,2,\d/);
    // The confirmation's comparison names its files relative to the output folder: no absolute path.
    const compare = readFileSync(join(dir, 'out', 'confirm', 'compare.json'), 'utf8');
    expect(compare).not.toContain(dir);
    expect(JSON.parse(compare).targets.map((t: { target: { file: string } }) => t.target.file)).toEqual([
      'confirm/base.json',
      'confirm/opt-01.json',
    ]);
  });
});

describe('a bad spec', () => {
  const problems = (extra: Record<string, unknown>) => {
    const { dir } = corridorPlantDir();
    try {
      const spec = loadOptimiseSpec(specFile(dir, extra));
      const base = loadRunnableScenario(spec.baseFile).scenario;
      searchLayouts(spec, base);
    } catch (error) {
      if (error instanceof ScenarioError) return error.issues.map((i) => `${i.path}: ${i.message}`);
      throw error;
    }
    return [];
  };

  it('is reported at the JSON path of the field, with what was expected and what came', () => {
    expect(problems({ gnbs: { min: 4, max: 3 } })).toEqual([
      'gnbs.min: expected at most gnbs.max (3), got 4',
    ]);
    expect(problems({ carriers: [{ label: 'x', tddPattern: 'DDXU' }] })[0]).toMatch(
      /^carriers\[0\]\.tddPattern: /,
    );
    expect(problems({ mounts: { points: [{ id: 'A', xM: 500, yM: 2 }] }, gnbs: { max: 1 } })).toEqual([
      'mounts.points[0]: expected a point on the floor (0–120 m × 0–12 m), got (500, 2)',
    ]);
    expect(problems({ onTime: { video: 0.99, telemetry: 2 } })[0]).toMatch(/^onTime\.telemetry: /);
    expect(problems({ deployments: ['public', 'cloud'] })[0]).toMatch(/^deployments\[1\]: /);
    expect(problems({ base: '../../../etc/passwd' })[0]).toMatch(/^base: .*outside the spec's folder tree/);
  });

  it('makes the command exit with code 2 and the file, path and message on stderr', async () => {
    const { dir } = corridorPlantDir();
    const err: string[] = [];
    const code = await runCli(['optimise', specFile(dir, { gnbs: { max: 10 } }), '--out', join(dir, 'out')], {
      out: () => {},
      err: (s) => err.push(s),
    });
    expect(code).toBe(2);
    expect(err.join('')).toContain('optimise.json');
    expect(err.join('')).toContain('gnbs.max: expected at most the number of mounting points (9), got 10');
  });

  it('runs from the command line, screening only', async () => {
    const { dir } = corridorPlantDir();
    const out: string[] = [];
    const code = await runCli(['optimise', specFile(dir), '--out', join(dir, 'cli'), '--confirm', '0'], {
      out: (s) => out.push(s),
      err: () => {},
    });
    expect(code).toBe(0);
    expect(out.join('')).toMatch(/screened \d+ layouts/);
    expect(readFileSync(join(dir, 'cli', 'front.md'), 'utf8')).toContain('| opt-01 |');
  });
});

describe('decision space: who picks the carrier', () => {
  it("puts an operator-run mode's gNBs on the operator's carrier, a private one's on the option chosen", () => {
    const { dir } = corridorPlantDir();
    const spec = loadOptimiseSpec(specFile(dir));
    const base = loadRunnableScenario(spec.baseFile).scenario;
    const space = new DecisionSpace(spec, base);
    expect(space.carriers.map((c) => c.label)).toEqual(['n78', 'n79', 'operator']);
    const m = space.mounts.length;
    const genome = (option: number, mode: number) => [option, ...new Array(m - 1).fill(0), mode];
    const publicN79 = space.decode(genome(2, 0));
    const privateN79 = space.decode(genome(2, 1));
    expect(space.deployments).toEqual(['public', 'private']);
    expect(publicN79.carrierIndex).toEqual([2]);
    expect(publicN79.gnbs[0]).not.toHaveProperty('carrier'); // the base's network.carrier
    expect(publicN79.key).toBe(space.decode(genome(1, 0)).key);
    expect(privateN79.carrierIndex).toEqual([1]);
    expect(privateN79.gnbs[0]?.carrier?.frequencyGHz).toBe(4.9);
  });
});
