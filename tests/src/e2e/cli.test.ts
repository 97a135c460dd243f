import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openRecording } from '@factory-twin/sim-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { editHeader } from './recording-bytes';

const FIXTURE = fileURLToPath(new URL('./fixtures/loop-line.json', import.meta.url));
const SCENARIOS = fileURLToPath(new URL('../../../scenarios/', import.meta.url));
const MAIN = join(SCENARIOS, 'src/cli/main.ts');

/** The real CLI in a child process, as scenarios' own CLI tests start it. */
function cli(args: string[]): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', MAIN, ...args], {
      cwd: SCENARIOS,
      env: { ...process.env, INIT_CWD: '' },
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, out, err }));
  });
}

describe('the CLI end to end', { timeout: 120_000 }, () => {
  let dir: string;
  let run: Awaited<ReturnType<typeof cli>>;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'factory-twin-e2e-'));
    run = await cli([
      'run',
      FIXTURE,
      '--out',
      join(dir, 'out'),
      '--seed',
      '3',
      '--hours',
      '0.25',
      '--name',
      'e2e',
    ]);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('run writes the recording and both summaries, and nothing half-written', () => {
    expect(run.code, run.err).toBe(0);
    expect(readdirSync(join(dir, 'out')).sort()).toEqual(['e2e.ftrec', 'e2e.summary.json', 'e2e.summary.md']);
    const recording = openRecording(readFileSync(join(dir, 'out', 'e2e.ftrec')));
    expect(recording.problems).toEqual([]);
    expect(recording.finished).toBe(true);
    expect(recording.header.metadata.seed).toBe(3);
    expect(recording.timeRangeMs[1]).toBe(900_000);
    const summary = JSON.parse(readFileSync(join(dir, 'out', 'e2e.summary.json'), 'utf8'));
    expect(summary.seed).toBe(3);
    expect(readFileSync(join(dir, 'out', 'e2e.summary.md'), 'utf8')).toMatch(/^# e2e loop line/);
  });

  it('verify accepts that recording (0) and rejects altered or cut ones with a clear message', async () => {
    const file = join(dir, 'out', 'e2e.ftrec');
    const bytes = readFileSync(file);
    const headerEnd = openRecording(bytes).chunks[0].offset;
    const damaged = (name: string, b: Uint8Array) => {
      writeFileSync(join(dir, name), b);
      return join(dir, name);
    };
    // The scenario in the header says another failure rate: with its checksum broken, and consistently.
    const flipped = damaged('flipped.ftrec', editHeader(bytes, '"mtbfH":0.4', '"mtbfH":0.7', false));
    const edited = damaged('edited.ftrec', editHeader(bytes, '"mtbfH":0.4', '"mtbfH":0.7', true));
    const cut = damaged(
      'cut.ftrec',
      bytes.subarray(0, headerEnd + Math.floor((bytes.length - headerEnd) / 2)),
    );

    const [ok, bad, mismatch, truncated] = await Promise.all([
      cli(['verify', file]),
      cli(['verify', flipped]),
      cli(['verify', edited]),
      cli(['verify', cut]),
    ]);
    expect(ok.code, ok.err).toBe(0);
    expect(ok.out).toMatch(new RegExp(`"e2e loop line" seed 3 reproduces ${bytes.length} bytes`));

    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/flipped\.ftrec is not a readable recording: .*header checksum mismatch/);

    expect(mismatch.code).toBe(3);
    expect(mismatch.err).toMatch(
      new RegExp(
        `verification failed: re-running "e2e loop line" with seed 3 gives .*the recording has ${bytes.length} bytes`,
      ),
    );

    expect(truncated.code).toBe(2);
    expect(truncated.err).toMatch(/cut\.ftrec is incomplete \(chunk #\d+ at byte \d+ is cut: /);
    for (const r of [bad, mismatch, truncated]) expect(r.err).not.toMatch(/\n\s+at /);
  });
});
