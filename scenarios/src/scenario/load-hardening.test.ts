import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { Deadline } from './deadline';
import { MAX_REPORTED_ISSUES, ScenarioError, type ScenarioIssue } from './errors';
import { jsonLocator } from './json-locate';
import { type LoadOptions, loadScenario } from './load';
import { ReadRefused, readBoundedText } from './read-file';
import { parseSourceFile } from './source-file';
import { tinyScenario } from './test-fixtures';

const json = (v: unknown) => JSON.stringify(v, null, 2);

function memory(files: Record<string, string>, reads: string[] = []) {
  return (file: string) => {
    reads.push(file);
    if (!(file in files)) throw Object.assign(new Error(`ENOENT: ${file}`), { code: 'ENOENT' });
    return files[file];
  };
}

function issuesOf(file: string, options: LoadOptions): ScenarioIssue[] {
  try {
    loadScenario(file, options);
  } catch (error) {
    expect(error).toBeInstanceOf(ScenarioError);
    return [...(error as ScenarioError).issues];
  }
  throw new Error('expected a ScenarioError');
}

/** 1-based number of the first line of `text` that contains `needle`. */
const lineOf = (text: string, needle: string) => text.split('\n').findIndex((l) => l.includes(needle)) + 1;

describe('problems are reported in the file and at the path that caused them', () => {
  const base = json(tinyScenario());

  it('a bad value in a $replace of a variant file is the variant file’s, not the base’s', () => {
    const variant = json({
      extends: '../scenario.json',
      network: { gnbs: { $replace: [{ id: 'G1', xM: 'far', yM: 1, heightM: 8, txPowerDbm: 24 }] } },
    });
    const files = { '/s/scenario.json': base, '/s/variants/v.json': variant };
    const issues = issuesOf('/s/variants/v.json', { readText: memory(files) });
    expect(issues).toEqual([
      {
        file: '/s/variants/v.json',
        path: 'network.gnbs[0].xM',
        message: 'expected number, got "far"',
        line: lineOf(variant, '"far"'),
        column: expect.any(Number),
      },
    ]);
  });

  it('an inline variant of the base, patched by a variant file, is blamed on the variant file', () => {
    const variant = json({
      extends: '../scenario.json',
      variants: { slice: { network: { deployment: 'bogus' } } },
    });
    const files = { '/s/scenario.json': base, '/s/variants/v.json': variant };
    const [issue, ...rest] = issuesOf('/s/variants/v.json', { readText: memory(files), variant: 'slice' });
    expect(rest).toEqual([]);
    expect(issue).toMatchObject({
      file: '/s/variants/v.json',
      path: 'network.deployment',
      line: lineOf(variant, '"bogus"'),
    });
  });

  it('an entity array with one element lacking an id merges the rest by id and reports that element', () => {
    const variant = json({
      extends: '../scenario.json',
      machines: [{ id: 'M2', cycleTimeS: 45 }, { cycleTimeS: 5 }],
    });
    const files = { '/s/scenario.json': base, '/s/variants/v.json': variant };
    const issues = issuesOf('/s/variants/v.json', { readText: memory(files) });
    // Before: the patch array replaced the base's machines, and a dozen errors were blamed on the base.
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({
      file: '/s/variants/v.json',
      path: 'machines[1]',
      line: lineOf(variant, '"cycleTimeS": 5') - 1,
    });
    expect(issues[0].message).toMatch(/needs an "id"/);
  });

  it('$delete of a misspelt key is an error at that key', () => {
    const variant = json({
      extends: '../scenario.json',
      machines: [{ id: 'M2', legacy: false, gatewayld: { $delete: true } }],
    });
    const files = { '/s/scenario.json': base, '/s/variants/v.json': variant };
    const [issue, ...rest] = issuesOf('/s/variants/v.json', { readText: memory(files) });
    expect(rest).toEqual([]);
    expect(issue).toMatchObject({
      file: '/s/variants/v.json',
      path: 'machines[0].gatewayld',
      message: '"$delete": there is no key "gatewayld" here to delete',
      line: lineOf(variant, 'gatewayld'),
    });
    // Spelt right, the same variant loads.
    files['/s/variants/v.json'] = variant.replace('gatewayld', 'gatewayId');
    const m2 = loadScenario('/s/variants/v.json', { readText: memory(files) }).scenario.machines[1];
    expect(m2).toMatchObject({ id: 'M2', legacy: false });
    expect(m2.gatewayId).toBeUndefined();
  });

  it('a variant file without "extends" gets one hint instead of a "missing" error per key', () => {
    const files = {
      '/s/scenario.json': base,
      '/s/variants/v.json': json({ name: 'v', network: { deployment: 'slice' } }),
    };
    const issues = issuesOf('/s/variants/v.json', { readText: memory(files) });
    expect(issues.filter((i) => /missing/.test(i.message) && !/extends/.test(i.message))).toEqual([]);
    expect(issues[0]).toMatchObject({ file: '/s/variants/v.json', line: 1 });
    expect(issues[0].message).toMatch(/no "extends" and 8 required keys are missing \(floor, machines/);
    expect(issues[0].message).toMatch(/did you mean to add "extends": "..\/scenario.json"\?/);
    // A key that reads like "extends" is a hint too.
    const named = { ...tinyScenario(), base: '../scenario.json' };
    const [hint] = issuesOf('/s/variants/b.json', {
      readText: memory({ ...files, '/s/variants/b.json': json(named) }),
    });
    expect(hint.message).toMatch(
      /^no "extends" and it has "base", which is not a scenario key: .*did you mean/,
    );
    // A scenario that forgets one key is not taken for a variant.
    const one = tinyScenario();
    delete one.run;
    const [single] = issuesOf('/t/one.json', { readText: memory({ '/t/one.json': json(one) }) });
    expect(single).toMatchObject({ path: 'run', message: 'required object is missing' });
  });
});

describe('what a scenario file may make the loader read', () => {
  const secret = 'root: $6$SECRET-HASH-VALUE\n';

  it('"extends" outside the scenario folder is refused at the "extends" key, without reading the file', () => {
    for (const target of ['../etc/shadow', '/etc/shadow']) {
      const reads: string[] = [];
      const files = { '/s/v.json': json({ extends: target, name: 'x' }), '/etc/shadow': secret };
      const issues = issuesOf('/s/v.json', { readText: memory(files, reads) });
      expect(issues).toHaveLength(1);
      expect(issues[0]).toMatchObject({ file: '/s/v.json', path: 'extends', line: 2 });
      expect(issues[0].message).toMatch(/outside the scenario's folder tree \(\/s\)/);
      expect(reads).not.toContain('/etc/shadow');
      expect(JSON.stringify(issues)).not.toMatch(/SECRET/);
    }
  });

  it('allowPaths opens a folder for "extends"', () => {
    const files = {
      '/s/v.json': json({ extends: '../lib/base.json', name: 'v' }),
      '/lib/base.json': json(tinyScenario()),
    };
    expect(loadScenario('/s/v.json', { readText: memory(files), allowPaths: ['/lib'] }).scenario.name).toBe(
      'v',
    );
  });

  describe('on disk', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ft-load-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));
    const project = join(dir, 'plant');
    mkdirSync(join(project, 'variants'), { recursive: true });
    writeFileSync(join(project, 'scenario.json'), json(tinyScenario()));
    writeFileSync(join(dir, 'secret.yaml'), secret);
    const variant = (name: string, body: Record<string, unknown>) => {
      const file = join(project, 'variants', name);
      writeFileSync(file, json(body));
      return file;
    };

    it('a variant in variants/ may extend ../scenario.json; ../../ (and a link out of the tree) may not', () => {
      const ok = variant('ok.json', { extends: '../scenario.json', name: 'ok' });
      expect(loadScenario(ok).scenario.name).toBe('ok');
      const up = variant('up.json', { extends: '../../secret.yaml' });
      symlinkSync(join(dir, 'secret.yaml'), join(project, 'link.yaml'));
      const linked = variant('linked.json', { extends: '../link.yaml' });
      for (const file of [up, linked]) {
        const issues = issuesOf(file, {});
        expect(issues).toHaveLength(1);
        expect(issues[0]).toMatchObject({ file, path: 'extends', line: 2 });
        expect(issues[0].message).toContain(`outside the scenario's folder tree (${project})`);
        expect(JSON.stringify(issues)).not.toMatch(/SECRET|root/);
      }
    });

    it('a directory is refused with a clear message', () => {
      const file = variant('dir.json', { extends: '../variants' });
      expect(issuesOf(file, {})[0].message).toMatch(
        /cannot read the base scenario "..\/variants" \(.*\): not a regular file \(a directory\)/,
      );
    });

    it('invalid UTF-8 is an error with the byte offset and line, in the file that holds it', () => {
      const file = join(project, 'variants', 'latin1.json');
      const head = '{\n  "extends": "../scenario.json",\n  "name": "caf';
      writeFileSync(file, Buffer.concat([Buffer.from(head), Buffer.from([0xe9]), Buffer.from('"\n}\n')]));
      expect(issuesOf(file, {})).toEqual([
        {
          file,
          path: '',
          message: `invalid UTF-8 at byte ${head.length} (line 3): save the file as UTF-8`,
          line: 3,
          column: head.length - head.lastIndexOf('\n'),
        },
      ]);
    });

    it('reads a file whose size the system does not know, and stops at the cap while reading', () => {
      // /proc files say size 0: reading goes on to the end, and the cap is checked as bytes come in.
      expect(readBoundedText('/proc/self/status', 1 << 20)).toMatch(/^Name:/);
      expect(() => readBoundedText('/proc/self/status', 16)).toThrow(ReadRefused);
      expect(() => readBoundedText('/proc/self/status', 16)).toThrow(
        /file too large \(larger than the limit/,
      );
    });
  });
});

describe('echoed values are short', () => {
  it('cuts long keys in paths and long messages; caps the number of problems with "+N more"', () => {
    const bad = tinyScenario();
    bad['k'.repeat(10_000)] = 1;
    bad.machines[0].id = 'M'.repeat(10_000);
    for (let i = 0; i < 300; i++)
      bad.network.devices.push({ id: `X${i}`, kind: 'machine', attachedTo: `none${i}` });
    const issues = issuesOf('/t/long.json', { readText: memory({ '/t/long.json': json(bad) }) });
    expect(issues).toHaveLength(MAX_REPORTED_ISSUES + 1);
    expect(issues.at(-1)?.message).toMatch(/^\+\d+ more problems$/);
    for (const i of issues) {
      expect(i.path.length).toBeLessThan(100);
      expect(i.message.length).toBeLessThan(200);
    }
  });
});

describe('parsing is bounded', () => {
  /** A clock that jumps a second per reading: the deadline passes at the first check inside a loop. */
  const jumpingClock = () => {
    let t = 0;
    return () => (t += 1000);
  };
  const big = { machines: Array.from({ length: 30_000 }, (_, i) => ({ id: `M${i}` })) };

  it('stops JSON and YAML parsing past the time limit, as a problem of the file', () => {
    for (const [file, text] of [
      ['/t/a.json', JSON.stringify(big)],
      ['/t/a.yaml', stringify(big)],
    ]) {
      try {
        parseSourceFile(file, text, new Deadline(500, jumpingClock()));
        throw new Error('expected a ScenarioError');
      } catch (error) {
        expect(error).toBeInstanceOf(ScenarioError);
        expect((error as ScenarioError).issues[0]).toMatchObject({
          file,
          message: expect.stringMatching(/took longer than 0.5 s/),
        });
      }
    }
  });

  it('refuses nesting deeper than 100 levels (JSON and YAML) without overflowing the stack', () => {
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    for (const file of ['/t/deep.json', '/t/deep.yaml']) {
      const issues = issuesOf(file, { readText: () => deep });
      expect(issues[0].message).toMatch(/nested deeper than 100 levels|YAML syntax error/);
    }
    const yaml = `a:\n${Array.from({ length: 150 }, (_, i) => `${'  '.repeat(i + 1)}k${i}:`).join('\n')} 1\n`;
    expect(issuesOf('/t/deep2.yaml', { readText: () => yaml })[0].message).toBe(
      'nested deeper than 100 levels',
    );
  });

  it('finds duplicate YAML keys in a large mapping (the yaml library’s check is quadratic)', () => {
    const keys = Array.from({ length: 20_000 }, (_, i) => `k${i}: 1`);
    keys.push('k7: 2');
    const [issue] = issuesOf('/t/dup.yaml', { readText: () => keys.join('\n') });
    expect(issue).toMatchObject({ message: 'duplicate key "k7"', line: 20_001, column: 1 });
  });

  it('stops validating at 1,000 problems (a small file of many empty objects made 800,000)', () => {
    const text = JSON.stringify({ name: 'x', machines: Array.from({ length: 100_000 }, () => ({})) });
    const issues = issuesOf('/t/empty.json', { readText: () => text });
    expect(issues).toHaveLength(MAX_REPORTED_ISSUES + 1);
    expect(issues[0]).toEqual({
      file: '/t/empty.json',
      path: '',
      message: 'more than 1,000 problems: validation stopped there',
    });
    expect(issues[1]).toMatchObject({ path: 'machines[0].id', message: 'required string is missing' });
    expect(issues.at(-1)?.message).toBe(`+${1001 - MAX_REPORTED_ISSUES} more problems`);
  });

  it('validates long arrays element by element with the same problems as a whole validation', () => {
    const s = tinyScenario();
    const node = (i: number) => ({ id: `X${i}`, xM: 1, yM: i % 7 === 0 ? 'bad' : 1 });
    s.paths.nodes.push(...Array.from({ length: 400 }, (_, i) => node(i)));
    s.zones.push({ id: 'Z2', label: 'x', xM: 0, yM: 0, widthM: 40, depthM: -1 });
    const issues = issuesOf('/t/long.json', { readText: () => json(s) });
    expect(issues.map((i) => i.path)).toEqual([
      'zones[1].depthM',
      ...Array.from({ length: 400 }, (_, i) => i)
        .filter((i) => i % 7 === 0)
        .map((i) => `paths.nodes[${i + 4}].yM`),
    ]);
  });
});

describe('jsonLocator', () => {
  it('finds the line and column of a path, through escaped strings and nesting', () => {
    const text = '{\n  "a\\"}": "x\\\\",\n  "b": [1, {"c": [true, {"d": null}]}],\n  "e": {}\n}';
    const { locate } = jsonLocator(text);
    expect(locate([])).toEqual({ line: 1, column: 1 });
    expect(locate(['a"}'])).toEqual({ line: 2, column: 11 });
    expect(locate(['b', 1, 'c', 1, 'd'])).toEqual({ line: 3, column: 31 });
    expect(locate(['b', 1, 'c', 7])).toEqual({ line: 3, column: 18 }); // nearest existing: c
    expect(locate(['e', 'zz'])).toEqual({ line: 4, column: 8 });
  });
});
