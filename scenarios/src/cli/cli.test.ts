import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openRecording, type RecordingHeaderInit, RecordingWriter } from '@factory-twin/sim-core';
import { describe, expect, it } from 'vitest';
import { tinyScenarioDir } from '../run/test-helpers';
import { tinyScenario } from '../scenario/test-fixtures';
import { EXIT } from './exit';
import { runCli } from './program';

const MAIN = fileURLToPath(new URL('./main.ts', import.meta.url));
const PACKAGE = fileURLToPath(new URL('../..', import.meta.url));

/** The real CLI in a child process (slow: keep these few). */
function spawnCli(args: string[]) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', MAIN, ...args], {
    cwd: PACKAGE,
    encoding: 'utf8',
    env: { ...process.env, INIT_CWD: '' },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

async function cli(args: string[]) {
  let out = '';
  let err = '';
  const code = await runCli(args, { out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err };
}

describe('factory-twin CLI (child process)', { timeout: 60_000 }, () => {
  it('exit 2 with every problem, file:line:col and JSON path, no stack trace', () => {
    const { dir } = tinyScenarioDir();
    const bad = tinyScenario();
    bad.machines[1].failures = { mtbfH: -2, mttrMin: 5 };
    bad.paths.edges[0].to = 'N404';
    const file = join(dir, 'bad.json');
    writeFileSync(file, JSON.stringify(bad, null, 2));
    const r = spawnCli(['validate', file]);
    expect(r.code).toBe(EXIT.badInput);
    expect(r.err).toContain('2 problems found');
    expect(r.err).toMatch(
      /bad\.json:\d+:\d+ machines\[1\]\.failures\.mtbfH: expected number to be >=0\.001, got -2/,
    );
    expect(r.err).toMatch(/paths\.edges\[0\]\.to: path node "N404" does not exist/);
    expect(r.err).not.toMatch(/\n\s+at /);
  });

  it('run writes the recording and summaries; verify reproduces it byte for byte (0)', () => {
    const { dir, file } = tinyScenarioDir(0.2);
    const out = join(dir, 'out');
    const run = spawnCli(['run', file, '--out', out, '--seed', '5']);
    expect(run.code, run.err).toBe(EXIT.ok);
    const rec = join(out, 'run.ftrec');
    expect(JSON.parse(readFileSync(join(out, 'run.summary.json'), 'utf8')).seed).toBe(5);
    expect(readFileSync(join(out, 'run.summary.md'), 'utf8')).toMatch(/^# tiny/);
    expect(existsSync(`${rec}.partial`)).toBe(false);
    const verify = spawnCli(['verify', rec]);
    expect(verify.code, verify.err).toBe(EXIT.ok);
    expect(verify.out).toMatch(/reproduces \d+ bytes/);
  });
});

describe('factory-twin CLI (in process)', { timeout: 60_000 }, () => {
  it('unknown commands and bad options are usage errors (2); --help is 0', async () => {
    expect((await cli(['frobnicate'])).code).toBe(EXIT.badInput);
    expect((await cli(['run', 'x.json', '--seed'])).code).toBe(EXIT.badInput);
    expect((await cli(['compare', '--replications', 'zero'])).code).toBe(EXIT.badInput);
    const help = await cli(['--help']);
    expect(help.code).toBe(EXIT.ok);
    expect(help.out).toMatch(/Exit codes:/);
    expect((await cli(['sweep', '--help'])).code).toBe(EXIT.ok);
  });

  it('schema prints the committed JSON Schema', async () => {
    const r = await cli(['schema']);
    expect(r.code).toBe(EXIT.ok);
    expect(r.out).toBe(readFileSync(join(PACKAGE, 'scenario.schema.json'), 'utf8'));
  });

  it('a missing file is bad input (2), and so is compare with one target', async () => {
    const missing = await cli(['validate', '/nonexistent/scenario.json']);
    expect(missing.code).toBe(EXIT.badInput);
    expect(missing.err).toMatch(/file not found/);
    const { file } = tinyScenarioDir();
    expect((await cli(['compare', `${file}#slice`])).code).toBe(EXIT.badInput);
  });

  it('verify exits 3 when the recording does not reproduce', async () => {
    const { dir, file } = tinyScenarioDir(0.2);
    const out = join(dir, 'o');
    expect((await cli(['run', file, '--out', out])).code).toBe(EXIT.ok);
    // A well-formed recording with the same header (scenario, seed) and length but none of the run's records.
    const rec = openRecording(readFileSync(join(out, 'run.ftrec')));
    const chunks: Uint8Array[] = [];
    const writer = new RecordingWriter({
      header: rec.header as unknown as RecordingHeaderInit,
      sink: (b) => chunks.push(b),
    });
    writer.finish(rec.timeRangeMs[1]); // as long as the run: only the records differ
    writeFileSync(join(out, 'empty.ftrec'), Buffer.concat(chunks));
    const r = await cli(['verify', join(out, 'empty.ftrec')]);
    expect(r.code, r.err).toBe(EXIT.mismatch);
    expect(r.err).toMatch(/verification failed: re-running "tiny" with seed 1/);
    expect((await cli(['verify', join(out, 'run.ftrec')])).code).toBe(EXIT.ok);
  }, 30_000);

  it('compare writes rows, the decision report and compare.json; report takes compare.json, refuses mixed plants', async () => {
    const { dir, file } = tinyScenarioDir(0.1);
    const rows = join(dir, 'rows.csv');
    const html = join(dir, 'decision.html');
    const r = await cli([
      'compare',
      '--scenario',
      file,
      'public',
      'slice',
      '--replications',
      '2',
      '--in-process',
      '--rows',
      rows,
      '--report',
      html,
      '--out',
      join(dir, 'cmp'),
    ]);
    expect(r.code, r.err).toBe(EXIT.ok);
    expect(readFileSync(rows, 'utf8').trim().split('\n')).toHaveLength(1 + 2 * 2);
    expect(readFileSync(html, 'utf8')).toContain('<b>Recommendation.</b>');
    const again = await cli(['report', join(dir, 'cmp', 'compare.json'), '--out', join(dir, 'again.html')]);
    expect(again.code, again.err).toBe(EXIT.ok);
    expect(readFileSync(join(dir, 'again.html'), 'utf8')).toContain('decision report');
    // Two run summaries of different plants: refused with both file names.
    const a = join(dir, 'a.summary.json');
    const b = join(dir, 'b.summary.json');
    writeFileSync(a, JSON.stringify({ kind: 'factory-twin-run-summary', scenario: { name: 'gse' } }));
    writeFileSync(b, JSON.stringify({ kind: 'factory-twin-run-summary', scenario: { name: 'embroidery' } }));
    const mixed = await cli(['report', a, b, '--out', join(dir, 'mixed.html')]);
    expect(mixed.code).toBe(EXIT.badInput);
    expect(mixed.err).toMatch(/b\.summary\.json is a run of "embroidery", .*a\.summary\.json of "gse"/);
    expect(existsSync(join(dir, 'mixed.html'))).toBe(false);
    const withCompare = await cli(['report', a, join(dir, 'cmp', 'compare.json')]);
    expect(withCompare.code).toBe(EXIT.badInput);
  });

  it('--warmup and --precision are checked', async () => {
    const { file } = tinyScenarioDir(0.1);
    expect((await cli(['compare', '--scenario', file, '--precision', '150%'])).code).toBe(EXIT.badInput);
    expect((await cli(['compare', '--scenario', file, '--warmup', 'soon'])).code).toBe(EXIT.badInput);
    const tooLong = await cli(['run', file, '--warmup', '5', '--out', join(file, '..', 'w')]);
    expect(tooLong.code).toBe(EXIT.badInput);
    expect(tooLong.err).toMatch(
      /run\.warmupH: the warm-up \(--warmup 5 h\) must be .* shorter than the run \(0\.1 h\)/,
    );
  });
});
