import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tinyScenarioDir } from '../run/test-helpers';
import { tinyScenario } from '../scenario/test-fixtures';
import { EXIT, worstExitCode } from './exit';
import { runCli } from './program';

async function cli(args: string[]) {
  let out = '';
  let err = '';
  const code = await runCli(args, { out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err };
}

describe('validate of many files', { timeout: 60_000 }, () => {
  it('reports each file in order; the exit code is the worst (bad input: 2)', async () => {
    const { dir, file: good } = tinyScenarioDir();
    const bad = join(dir, 'bad.json');
    const s = tinyScenario();
    s.paths.edges[0].to = 'N404';
    writeFileSync(bad, JSON.stringify(s, null, 2));
    const missing = join(dir, 'missing.yaml');

    const r = await cli(['validate', good, bad, missing, good]);
    expect(r.code).toBe(EXIT.badInput);
    // Every good file gets its own ok line, named by the path given; the bad ones their problems.
    expect(r.out.match(/tiny\.json: ok: "tiny"/g)).toHaveLength(2);
    expect(r.out).toMatch(/4 files: 2 ok, 2 with problems\n$/);
    expect(r.err).toMatch(/bad\.json:\d+:\d+ paths\.edges\[0\]\.to: path node "N404" does not exist/);
    expect(r.err).toMatch(/missing\.yaml.*file not found/);
    expect(r.err.indexOf('bad.json')).toBeLessThan(r.err.indexOf('missing.yaml'));
  });

  it('all good: exit 0 and a count; one file keeps the one-file output', async () => {
    const { file } = tinyScenarioDir();
    const many = await cli(['validate', file, file]);
    expect(many.code, many.err).toBe(EXIT.ok);
    expect(many.out).toMatch(/2 files: 2 ok, 0 with problems\n$/);
    const one = await cli(['validate', file]);
    expect(one.code).toBe(EXIT.ok);
    expect(one.out).toMatch(/^ok: "tiny"/);
    expect(one.out).not.toMatch(/files:/);
  });

  it('worstExitCode: a failure outranks bad input, which outranks success', () => {
    expect(worstExitCode([])).toBe(EXIT.ok);
    expect(worstExitCode([EXIT.ok, EXIT.ok])).toBe(EXIT.ok);
    expect(worstExitCode([EXIT.ok, EXIT.badInput, EXIT.ok])).toBe(EXIT.badInput);
    expect(worstExitCode([EXIT.badInput, EXIT.runFailure, EXIT.badInput])).toBe(EXIT.runFailure);
  });
});
