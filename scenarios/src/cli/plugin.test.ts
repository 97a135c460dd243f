import { writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { dispatchRules } from '@factory-twin/sim-core';
import { describe, expect, it } from 'vitest';
import { tinyScenarioDir } from '../run/test-helpers';
import { tinyScenario } from '../scenario/test-fixtures';
import { EXIT } from './exit';
import { runCli } from './program';

/** The dispatch rule of examples/custom-dispatch: it registers `example.lowestId` when imported. */
const PLUGIN = fileURLToPath(new URL('../../../examples/custom-dispatch/lowest-id.ts', import.meta.url));
const RULE = 'example.lowestId';

async function cli(args: string[]) {
  let out = '';
  let err = '';
  const code = await runCli(args, { out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err };
}

describe('--plugin <module>', { timeout: 120_000 }, () => {
  it('imports the module before loading, so the scenario can name what it registers; worker threads too', async () => {
    const { dir } = tinyScenarioDir();
    const s = tinyScenario();
    s.run = { ...s.run, lengthH: 0.05, warmupH: 0.01 };
    s.agvs.dispatch = RULE;
    const file = join(dir, 'custom.json');
    writeFileSync(file, JSON.stringify(s, null, 2));

    // Not imported: an unknown name, reported at its path (exit 2).
    expect(dispatchRules.has(RULE)).toBe(false);
    const before = await cli(['validate', file]);
    expect(before.code).toBe(EXIT.badInput);
    expect(before.err).toMatch(
      /agvs\.dispatch: expected a registered AGV dispatch rule \(.*\), got "example\.lowestId"/,
    );

    // A module that is not there: bad input, named, no stack trace.
    const missing = await cli(['validate', file, '--plugin', join(dir, 'nope.ts')]);
    expect(missing.code).toBe(EXIT.badInput);
    expect(missing.err).toContain(`--plugin ${join(dir, 'nope.ts')}: no such file`);
    expect(missing.err).not.toMatch(/\n\s+at /);

    // Relative to the caller's folder.
    const from = process.env.INIT_CWD || process.cwd();
    const ok = await cli(['validate', file, '--plugin', relative(from, PLUGIN)]);
    expect(ok.code, ok.err).toBe(EXIT.ok);
    expect(dispatchRules.has(RULE)).toBe(true);

    // compare on a worker thread: the thread imports the module as well, or the scenario would not load there.
    const r = await cli([
      'compare',
      '--scenario',
      file,
      'public',
      'slice',
      '--replications',
      '1',
      '--threads',
      '1',
      '--warmup',
      '0.01',
      '--plugin',
      PLUGIN,
    ]);
    expect(r.code, r.err).toBe(EXIT.ok);
    expect(r.out).not.toMatch(/failed/);
  });
});
