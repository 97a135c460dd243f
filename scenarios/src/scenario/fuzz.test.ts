import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { validateScenario } from '../validate/runnable';
import { isPlainObject } from './merge';
import { tinyScenario } from './test-fixtures';

type Path = (string | number)[];

/** Every path in a JSON value (objects and arrays included). */
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

const PATHS = allPaths(tinyScenario()).filter((p) => p.length > 0);

type Mutation = { path: Path; op: 'delete' | 'set'; value?: unknown };

function apply(data: Record<string, unknown>, m: Mutation): void {
  let node: unknown = data;
  for (const key of m.path.slice(0, -1)) {
    if (typeof node !== 'object' || node === null) return;
    node = (node as Record<string | number, unknown>)[key];
  }
  if (typeof node !== 'object' || node === null) return;
  const last = m.path[m.path.length - 1];
  const holder = node as Record<string | number, unknown>;
  if (m.op === 'delete') {
    if (Array.isArray(holder) && typeof last === 'number') holder.splice(last, 1);
    else delete holder[last];
  } else holder[last] = m.value;
}

const ids = fc.constantFrom(
  'M1',
  'M2',
  'M9',
  'IN',
  'B1',
  'OUT',
  'N1',
  'N4',
  'N77',
  'GW1',
  'AGV1',
  'G1',
  'P1',
  'X',
);
const mutation: fc.Arbitrary<Mutation> = fc.record({
  path: fc.constantFrom(...PATHS),
  op: fc.constantFrom('delete' as const, 'set' as const),
  value: fc.oneof(
    ids,
    fc.jsonValue({ maxDepth: 2 }),
    fc.constantFrom(
      -1,
      0,
      1e308,
      Number.NaN,
      '',
      null,
      [],
      {},
      { kind: 'normal', mean: 1, sd: 2 },
      { $replace: 3 },
    ),
  ),
});

function missing(file: string): never {
  throw Object.assign(new Error(`ENOENT ${file}`), { code: 'ENOENT' });
}

/** The whole validation (schema, references, model checks, cost guard): a result, never another exception. */
function expectClearOutcome(file: string, files: Record<string, string>, variant?: string): void {
  let result: ReturnType<typeof validateScenario>;
  try {
    result = validateScenario(file, { readText: (f) => files[f] ?? missing(f), variant });
  } catch (error) {
    throw new Error(`not a validation result: ${String((error as Error)?.stack ?? error)}`);
  }
  if (result.ok) return;
  expect(result.issues.length).toBeGreaterThan(0);
  for (const issue of result.issues) {
    expect(typeof issue.path).toBe('string');
    expect(issue.message.length).toBeGreaterThan(0);
    expect(issue.file.length).toBeGreaterThan(0);
  }
}

describe('validation fuzz: broken scenarios always give a validation result, never another exception', {
  timeout: 60_000,
}, () => {
  it('structural mutations (deleted fields, wrong types, dangling references), JSON and YAML', () => {
    fc.assert(
      fc.property(
        fc.array(mutation, { minLength: 1, maxLength: 4 }),
        fc.boolean(),
        fc.constantFrom(undefined, 'slice', 'twoGnb+noInterference', 'x'),
        (ms, yaml, variant) => {
          const data = tinyScenario();
          for (const m of ms) apply(data, m);
          const file = yaml ? '/f/s.yaml' : '/f/s.json';
          expectClearOutcome(file, { [file]: yaml ? stringify(data) : JSON.stringify(data) }, variant);
        },
      ),
      { numRuns: 1200, seed: 42 },
    );
  });

  it('mutated variant files (extends plus a broken patch)', () => {
    fc.assert(
      fc.property(fc.array(mutation, { minLength: 1, maxLength: 3 }), (ms) => {
        const patch: Record<string, unknown> = { extends: './base.json' };
        for (const m of ms) {
          if (m.op === 'set') apply(patch, { ...m, path: m.path.slice(0, 1) });
        }
        const files = { '/f/base.json': JSON.stringify(tinyScenario()), '/f/v.json': JSON.stringify(patch) };
        expectClearOutcome('/f/v.json', files);
      }),
      { numRuns: 500, seed: 7 },
    );
  });

  it('garbage bytes: random splices, truncations and binary noise', () => {
    const text = JSON.stringify(tinyScenario(), null, 2);
    const yamlText = stringify(tinyScenario());
    fc.assert(
      fc.property(
        fc.boolean(),
        fc.nat(),
        fc.nat({ max: 40 }),
        fc.oneof(
          fc.string({ maxLength: 20 }),
          fc.uint8Array({ maxLength: 30 }).map((b) => Buffer.from(b).toString('latin1')),
        ),
        (yaml, at, cut, noise) => {
          const source = yaml ? yamlText : text;
          const i = at % source.length;
          const broken = source.slice(0, i) + noise + source.slice(i + cut);
          const file = yaml ? '/g/s.yaml' : '/g/s.json';
          expectClearOutcome(file, { [file]: broken });
        },
      ),
      { numRuns: 1200, seed: 3 },
    );
  });

  it('whole files of noise', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), fc.boolean(), (bytes, yaml) => {
        const file = yaml ? '/n/s.yml' : '/n/s.json';
        expectClearOutcome(file, { [file]: Buffer.from(bytes).toString('utf8') });
      }),
      { numRuns: 500, seed: 11 },
    );
  });
});
