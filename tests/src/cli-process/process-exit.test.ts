import { spawn } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { EXIT } from '../../../scenarios/src/cli/exit';
import { TSX_EXEC_ARGV } from '../../../scenarios/src/run/thread-loader';
import { type CliOutcome, oneClearMessage, spawnCli } from './spawn-cli';

function runScript(file: string): Promise<CliOutcome> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...TSX_EXEC_ARGV, fileURLToPath(new URL(file, import.meta.url))]);
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, out, err }));
  });
}

describe('the process around a command', { timeout: 60_000 }, () => {
  const tmp = mkdtempSync(join(tmpdir(), 'ft-process-exit-'));
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('a command that never settles exits 1 with a message (not 13 in silence)', async () => {
    const r = await runScript('./never-settles.fixture.ts');
    expect(r.code).toBe(EXIT.runFailure);
    expect(r.err).toMatch(/^run failed: the command stopped before it finished/);
    expect(oneClearMessage(r.err)).toBe(true);
  });

  it("an 'error' event nobody listens to is one line and exit 1, not a stack trace", async () => {
    const r = await runScript('./unhandled-error.fixture.ts');
    expect(r.code).toBe(EXIT.runFailure);
    expect(r.err).toBe('run failed: connect ECONNREFUSED 127.0.0.1:1\n');
  });

  it('a local sweep started from a folder without node_modules starts its worker threads', async () => {
    copyFileSync(
      fileURLToPath(new URL('../distributed/fixtures/tiny-line.json', import.meta.url)),
      join(tmp, 'tiny-line.json'),
    );
    writeFileSync(
      join(tmp, 'spec.json'),
      JSON.stringify({
        base: 'tiny-line.json',
        replications: 1,
        lengthH: 0.05,
        dimensions: [{ name: 'agvSpeedMps', path: 'agvs.speedMps', values: [1] }],
      }),
    );
    const r = await spawnCli(['sweep', 'spec.json', '--threads', '1', '--out', 'out'], { cwd: tmp });
    expect(r.err).toBe('');
    expect(r.code).toBe(EXIT.ok);
    expect(r.out).toMatch(/^1 runs: 1 run now, 0 already done\n/);
  });
});
