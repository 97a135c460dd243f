import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mergeShards } from '../../../scenarios/src/distributed/merge-shards';
import { ShardBackend } from '../../../scenarios/src/distributed/shard';
import { InProcessBackend } from '../../../scenarios/src/run/backend';
import { runSweep, type SweepRecord } from '../../../scenarios/src/sweep/run-sweep';
import { loadSweepSpec } from '../../../scenarios/src/sweep/spec';

const spec = loadSweepSpec(fileURLToPath(new URL('./fixtures/sweep.json', import.meta.url)));
const SHARDS = 3;

const read = (dir: string, file: string) => readFileSync(join(dir, file), 'utf8');
const records = (dir: string) =>
  read(dir, 'results.jsonl')
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as SweepRecord);

describe('sweep shards and merge', () => {
  let tmp: string;
  const localDir = () => join(tmp, 'local');
  const shardDir = (i: number) => join(tmp, `shard-${i}`);
  const progress: [number, number][][] = [];

  beforeAll(async () => {
    tmp = mkdtempSync(join(tmpdir(), 'ft-shards-'));
    await runSweep(spec, localDir(), new InProcessBackend());
    for (let i = 0; i < SHARDS; i++) {
      const shard = new ShardBackend(new InProcessBackend(), { index: i, count: SHARDS });
      const calls: [number, number][] = [];
      progress.push(calls);
      await runSweep(
        spec,
        shardDir(i),
        shard,
        shard.progress((done, total) => calls.push([done, total])),
      );
    }
  }, 60_000);

  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('splits the runs into disjoint shards that together make the sweep', () => {
    const all = records(localDir()).map((r) => r.key);
    const byShard = [0, 1, 2].map((i) => records(shardDir(i)).map((r) => r.key));
    expect(byShard.flat().sort()).toEqual([...all].sort());
    expect(new Set(byShard.flat()).size).toBe(all.length);
    // Each shard's progress ends at its own share of the runs.
    byShard.forEach((keys, i) => {
      expect(progress[i].at(-1)).toEqual([keys.length, keys.length]);
    });
  });

  it('merges the shards into the files a local sweep writes, byte for byte', async () => {
    const out = join(tmp, 'merged');
    const m = await mergeShards(spec, [0, 1, 2].map(shardDir), out);
    expect(m).toMatchObject({
      total: 12,
      merged: 12,
      missing: [],
      ranHere: 0,
      duplicates: 0,
      unplanned: 0,
      brokenLines: 0,
    });
    expect(read(out, 'summary.json')).toBe(read(localDir(), 'summary.json'));
    expect(read(out, 'results.csv')).toBe(await localCsvAfterResume());
  });

  it('reports the runs of a missing shard, and runs them when asked', async () => {
    const partial = await mergeShards(spec, [shardDir(0), shardDir(2)], join(tmp, 'partial'));
    expect(partial.missing.sort()).toEqual(
      records(shardDir(1))
        .map((r) => r.key)
        .sort(),
    );
    expect(partial.merged).toBe(12 - partial.missing.length);

    const out = join(tmp, 'completed');
    const completed = await mergeShards(spec, [shardDir(0), shardDir(2)], out, {
      runMissing: new InProcessBackend(),
    });
    expect(completed.missing).toEqual([]);
    expect(completed.ranHere).toBe(partial.missing.length);
    expect(read(out, 'summary.json')).toBe(read(localDir(), 'summary.json'));
  });

  it('keeps a run found in two shards once, refuses shards that disagree, skips a line cut short', async () => {
    const copy = join(tmp, 'shard-0-copy');
    cpSync(shardDir(0), copy, { recursive: true });
    writeFileSync(join(copy, 'results.jsonl'), `${read(copy, 'results.jsonl')}{"key":"cut sh`);
    const m = await mergeShards(spec, [0, 1, 2].map(shardDir).concat(copy), join(tmp, 'dup'));
    expect(m.duplicates).toBe(records(shardDir(0)).length);
    expect(m.brokenLines).toBe(1);
    expect(read(join(tmp, 'dup'), 'summary.json')).toBe(read(localDir(), 'summary.json'));

    const [first, ...rest] = records(shardDir(0));
    const changed = {
      ...first,
      kpis: { ...first.kpis, throughputPerHour: first.kpis.throughputPerHour + 1 },
    };
    writeFileSync(
      join(copy, 'results.jsonl'),
      [changed, ...rest].map((r) => `${JSON.stringify(r)}\n`).join(''),
    );
    await expect(mergeShards(spec, [shardDir(0), copy], join(tmp, 'conflict'))).rejects.toThrow(
      /disagree on the KPIs of 1 run/,
    );
  });

  /**
   * The local sweep's CSV as the sweep writes it on resuming from its results.jsonl (every run is logged, so it
   * runs nothing). A fresh sweep writes "NaN" where a resumed one writes an empty cell, because results.jsonl
   * stores NaN as null; merging resumes, so it matches the resumed form.
   */
  async function localCsvAfterResume(): Promise<string> {
    const resumed = join(tmp, 'local-resumed');
    cpSync(localDir(), resumed, { recursive: true });
    const outcome = await runSweep(spec, resumed, new InProcessBackend());
    expect(outcome.ran).toBe(0);
    return read(resumed, 'results.csv');
  }
});
