import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXIT } from '../../../scenarios/src/cli/exit';
import { runCli } from '../../../scenarios/src/cli/program';
import { oneClearMessage, spawnCli } from './spawn-cli';

const FIXTURE = fileURLToPath(new URL('../distributed/fixtures/tiny-line.json', import.meta.url));
const SPEC = {
  base: 'tiny-line.json',
  replications: 2,
  lengthH: 0.1,
  dimensions: [{ name: 'agvSpeedMps', path: 'agvs.speedMps', values: [1, 1.5, 2] }],
};
const RUNS = 6;

async function cli(args: string[]) {
  let out = '';
  let err = '';
  const code = await runCli(args, { out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err };
}

const lines = (file: string) =>
  readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l !== '').length;

describe('sweep --shard and merge from the command line', { timeout: 120_000 }, () => {
  let tmp: string;
  const shardRuns: number[] = [];
  const shardOut: string[] = [];

  beforeAll(async () => {
    tmp = mkdtempSync(join(tmpdir(), 'ft-cli-shards-'));
    copyFileSync(FIXTURE, join(tmp, 'tiny-line.json'));
    writeFileSync(join(tmp, 'spec.json'), JSON.stringify(SPEC));
    for (const i of [0, 1]) {
      const r = await cli([
        'sweep',
        join(tmp, 'spec.json'),
        '--shard',
        `${i}/2`,
        '--in-process',
        '--out',
        join(tmp, `shard-${i}`),
      ]);
      expect(r.code, r.err).toBe(EXIT.ok);
      shardRuns.push(lines(join(tmp, `shard-${i}`, 'results.jsonl')));
      shardOut.push(r.out);
    }
  });
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('each shard reports its own share of the runs, not the whole plan', () => {
    expect(shardRuns[0] + shardRuns[1]).toBe(RUNS);
    expect(shardRuns[0]).toBeGreaterThan(0);
    expect(shardRuns[1]).toBeGreaterThan(0);
    for (const i of [0, 1]) {
      expect(shardOut[i]).toContain(
        `shard ${i}/2: ${shardRuns[i]} run now, 0 already done; ${RUNS - shardRuns[i]} left to the other shards (${RUNS} runs in the sweep)`,
      );
    }
  });

  it('merge with a shard missing writes what it has, says what is missing and exits 4 (paths from the caller)', async () => {
    // As `pnpm factory-twin merge …` runs it: in scenarios/, the caller's folder in INIT_CWD, relative paths.
    const r = await spawnCli(['merge', '--spec', 'spec.json', '-o', 'partial', 'shard-0'], {
      callerDir: tmp,
    });
    expect(r.code, r.err).toBe(EXIT.incomplete);
    expect(r.out).toContain(
      `merged ${shardRuns[0]} of ${RUNS} runs from 1 dir(s) into ${join(tmp, 'partial')}`,
    );
    expect(r.err).toMatch(
      new RegExp(`^incomplete: ${shardRuns[1]} of ${RUNS} run\\(s\\) missing from every shard, e\\.g\\. `),
    );
    expect(oneClearMessage(r.err)).toBe(true);
    expect(existsSync(join(tmp, 'partial', 'summary.json'))).toBe(true);
  });

  it('merge of every shard exits 0', async () => {
    const r = await spawnCli(['merge', '--spec', 'spec.json', '-o', 'all', 'shard-0', 'shard-1'], {
      callerDir: tmp,
    });
    expect(r.code, r.err).toBe(EXIT.ok);
    expect(r.out).toContain(`merged ${RUNS} of ${RUNS} runs from 2 dir(s)`);
    expect(r.err).toBe('');
  });

  it('merge of a folder that is not sweep output is bad input (2), one line', async () => {
    const r = await cli(['merge', '--spec', join(tmp, 'spec.json'), '-o', join(tmp, 'x'), tmp]);
    expect(r.code).toBe(EXIT.badInput);
    expect(r.err).toMatch(/^error: .* has no results\.jsonl: not the output dir of a sweep\n$/);
  });
});
