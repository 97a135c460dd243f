import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatPath, parseScenarioText, validateScenarioData } from './browser';
import { validateScenario } from './validate/runnable';

const here = dirname(fileURLToPath(import.meta.url));

/** Every package a module imports at run time (type-only imports left out), following relative imports. */
function runtimeImports(entry: string): Set<string> {
  const seen = new Set<string>();
  const external = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const text = readFileSync(file, 'utf8');
    for (const m of text.matchAll(/^(import|export)(?!\s+type\b)[^;]*?from\s+'([^']+)'/gms)) {
      const spec = m[2];
      if (spec.startsWith('.')) visit(resolve(dirname(file), `${spec}.ts`));
      else external.add(spec);
    }
  };
  visit(entry);
  return external;
}

const plant = (name: string) => readFileSync(resolve(here, `../plants/${name}/scenario.json`), 'utf8');

describe('the browser entry (browser.ts)', () => {
  it('imports no Node module and no Node-only package', () => {
    const node = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);
    const used = [...runtimeImports(resolve(here, 'browser.ts'))];
    expect(used.filter((m) => node.has(m) || m.startsWith('node:'))).toEqual([]);
    expect(used.sort()).toEqual(['@factory-twin/sim-core', 'yaml', 'zod']);
  });

  it('finds a plant valid, as validate does', () => {
    const parsed = parseScenarioText('scenario.json', plant('ground-support-equipment'));
    expect(parsed.ok).toBe(true);
    expect(validateScenarioData(parsed.ok ? parsed.data : null).problems).toEqual([]);
  });

  // The same rules as `validate`: the problems of a broken scenario, path and message, equal the CLI's.
  type Plant = {
    machines: { xM: number; inputBufferId: string }[];
    paths: { nodes: unknown[] };
    network: { gnbs: { carrier?: unknown }[] };
  };
  const breakages: [string, (s: Plant) => void][] = [
    [
      'a machine off the floor and a dangling buffer',
      (s) => {
        s.machines[0].xM = -50;
        s.machines[1].inputBufferId = 'NOPE';
      },
    ],
    [
      'an AGV path node cut off (not strongly connected)',
      (s) => {
        s.paths.nodes.push({ id: 'LONELY', xM: 5, yM: 5 });
      },
    ],
    [
      'a gNB with a bad TDD pattern',
      (s) => {
        s.network.gnbs[0].carrier = { tddPattern: 'DDXU' };
      },
    ],
  ];
  for (const [what, breakIt] of breakages) {
    it(`reports ${what} at the paths validate reports`, () => {
      const data = JSON.parse(plant('ground-support-equipment'));
      breakIt(data);
      const text = JSON.stringify(data);
      const file = resolve(here, '../plants/ground-support-equipment/edited.json');
      const cli = validateScenario(file, { readText: (f) => (f === file ? text : readFileSync(f, 'utf8')) });
      expect(cli.ok).toBe(false);
      const expected = cli.ok ? [] : cli.issues.map((i) => `${i.path}: ${i.message}`).sort();
      const mine = validateScenarioData(data).problems.map((p) => `${formatPath(p.path)}: ${p.message}`);
      expect(mine.sort()).toEqual(expected);
      expect(mine.length).toBeGreaterThan(0);
    });
  }

  it('says where a YAML or JSON syntax error is', () => {
    const y = parseScenarioText('a.yaml', 'name: x\n  bad: [1,');
    expect(y.ok).toBe(false);
    expect(y.ok ? '' : y.message).toMatch(/YAML syntax error \(line \d+, column \d+\)/);
    expect(parseScenarioText('a.json', '{"a": 1,}').ok).toBe(false);
    expect(parseScenarioText('a.yml', 'name: x\nfloor: {widthM: 3}').ok).toBe(true);
  });

  it('refuses a JSON duplicate key as the loader does, at its line and column', () => {
    const text = '{\n  "name": "x",\n  "name": "y"\n}';
    const j = parseScenarioText('a.json', text);
    expect(j).toEqual({ ok: false, message: 'JSON syntax error (line 3, column 3): duplicate key "name"' });
    const cli = validateScenario('/t/a.json', { readText: () => text });
    expect(cli.ok ? [] : cli.issues).toEqual([
      { file: '/t/a.json', path: '', message: 'JSON syntax error: duplicate key "name"', line: 3, column: 3 },
    ]);
    expect(parseScenarioText('a.json', '{"a": 1,}')).toEqual({
      ok: false,
      message: "JSON syntax error (line 1, column 9): trailing comma before '}'",
    });
  });
});
