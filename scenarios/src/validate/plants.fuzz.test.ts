import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runLoadedScenario } from '../run/run-scenario';
import { isPlainObject } from '../scenario/merge';
import { validateBatch } from './runnable';

const PLANTS = fileURLToPath(new URL('../../plants', import.meta.url));

type Path = (string | number)[];
// biome-ignore lint/suspicious/noExplicitAny: mutations reach anywhere in a plant
type Data = Record<string, any>;

/** The plants' files by path (base scenarios and variant files), read once. */
const FILES: Record<string, string> = {};
for (const plant of readdirSync(PLANTS)) {
  const base = join(PLANTS, plant, 'scenario.json');
  FILES[base] = readFileSync(base, 'utf8');
  for (const v of readdirSync(join(PLANTS, plant, 'variants'))) {
    const file = join(PLANTS, plant, 'variants', v);
    FILES[file] = readFileSync(file, 'utf8');
  }
}
const BASES = Object.keys(FILES).filter((f) => f.endsWith('scenario.json'));

/** Paths into a document, sampled: every object and array, and the leaves under them. */
function allPaths(value: unknown, prefix: Path = []): Path[] {
  const out: Path[] = [prefix];
  if (Array.isArray(value)) {
    value.forEach((v, i) => {
      out.push(...allPaths(v, [...prefix, i]));
    });
  } else if (isPlainObject(value))
    for (const [k, v] of Object.entries(value)) out.push(...allPaths(v, [...prefix, k]));
  return out;
}
const PATHS = new Map(BASES.map((f) => [f, allPaths(JSON.parse(FILES[f])).filter((p) => p.length > 0)]));

type Mutation = { at: number; op: 'delete' | 'set' | 'scale' | 'duplicate'; value: unknown; factor: number };

const mutation: fc.Arbitrary<Mutation> = fc.record({
  at: fc.nat(),
  op: fc.constantFrom('delete' as const, 'set' as const, 'scale' as const, 'duplicate' as const),
  value: fc.oneof(
    fc.constantFrom(-1, 0, 1e-9, 0.5, 1, 3.5e9, 1e308, -1e308, '', null, [], {}, true),
    fc.constantFrom('OP10-1', 'EMB-01', 'N1', 'A-IN', 'G1', 'P1', 'AGV1', 'X', 'control'),
    fc.jsonValue({ maxDepth: 2 }),
    fc.constantFrom(
      { kind: 'exponential', mean: 1e-9 },
      { kind: 'normal', mean: 1, sd: 2 },
      { kind: 'weibull', shape: 1e-3, scale: 1 },
      { $replace: [] },
      { $delete: true },
    ),
  ),
  factor: fc.constantFrom(0, 1e-9, 1e-3, 0.5, 2, 1e3, 1e9, -1),
});

function apply(data: Data, paths: Path[], m: Mutation): void {
  const path = paths[m.at % paths.length];
  let node: unknown = data;
  for (const key of path.slice(0, -1)) {
    if (typeof node !== 'object' || node === null) return;
    node = (node as Data)[key];
  }
  if (typeof node !== 'object' || node === null) return;
  const holder = node as Record<string | number, unknown>;
  const last = path[path.length - 1];
  if (m.op === 'delete') {
    if (Array.isArray(holder) && typeof last === 'number') holder.splice(last, 1);
    else delete holder[last];
  } else if (m.op === 'duplicate') {
    if (Array.isArray(holder) && typeof last === 'number' && last < holder.length)
      holder.push(structuredClone(holder[last]));
  } else if (m.op === 'scale') {
    const v = holder[last];
    if (typeof v === 'number') holder[last] = v * m.factor;
  } else holder[last] = m.value;
}

const MUTANTS = 1_000;
/** Accepted mutants that also run (one simulated minute each): one in this many, at most MAX_RUNS. */
const RUN_EVERY = 25;
const MAX_RUNS = 8;

describe('fuzz: mutated plants get a validation result, never an exception', { timeout: 180_000 }, () => {
  it(`${MUTANTS} mutants of the three plants through one batched validate; accepted ones run`, () => {
    const plan = fc.sample(
      fc.record({
        base: fc.constantFrom(...BASES),
        variant: fc.constantFrom(undefined, 'slice', 'gnb4', 'tdd-ul+no-interference'),
        mutations: fc.array(mutation, { minLength: 1, maxLength: 3 }),
      }),
      { numRuns: MUTANTS, seed: 16 },
    );
    const inputs = plan.map((p, i) => {
      const data = JSON.parse(FILES[p.base]) as Data;
      for (const m of p.mutations) apply(data, PATHS.get(p.base)!, m);
      const text = JSON.stringify(data);
      const file = p.base.replace('scenario.json', `mutant-${i}.json`);
      return {
        file,
        ...(p.variant === undefined ? {} : { variant: p.variant }),
        readText: (f: string) => (f === file ? text : (FILES[f] ?? missing(f))),
      };
    });
    // The batch throws only for an exception that is not a validation result: the property under test.
    const results = validateBatch(inputs);
    expect(results).toHaveLength(MUTANTS);
    let accepted = 0;
    let ran = 0;
    results.forEach((r, i) => {
      if (!r.ok) {
        expect(r.issues.length).toBeGreaterThan(0);
        for (const issue of r.issues) {
          expect(issue.file.length).toBeGreaterThan(0);
          expect(typeof issue.path).toBe('string');
          expect(issue.message).not.toMatch(/\n\s+at /);
        }
        return;
      }
      accepted++;
      if (accepted % RUN_EVERY === 1 && ran < MAX_RUNS) {
        ran++;
        const run = runLoadedScenario(r.loaded, { lengthH: 1 / 60 });
        expect(run.result.durationMs, inputs[i].file).toBe(60_000);
      }
    });
    // Many mutations leave a plant valid (a changed label, a scaled time): both outcomes are exercised.
    expect(accepted).toBeGreaterThan(50);
    expect(accepted).toBeLessThan(MUTANTS - 50);
    expect(ran).toBeGreaterThan(0);
  });
});

function missing(file: string): never {
  throw Object.assign(new Error(`ENOENT ${file}`), { code: 'ENOENT' });
}
