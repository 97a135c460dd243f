import { describe, expect, it } from 'vitest';
import type { RunBackend, RunJob } from '../run/backend';
import { parseShard, ShardBackend, shardOf } from './shard';

describe('parseShard', () => {
  it('reads i/n with i counted from 0', () => {
    expect(parseShard('0/4')).toEqual({ index: 0, count: 4 });
    expect(parseShard(' 3 / 4 ')).toEqual({ index: 3, count: 4 });
  });

  it.each(['4/4', '1/0', '-1/3', '1', 'a/b', '1/2/3'])('refuses %s', (text) => {
    expect(() => parseShard(text)).toThrow(/--shard/);
  });
});

describe('shardOf', () => {
  const keys = Array.from({ length: 4000 }, (_, i) => `${'f'.repeat(64)}|v${i % 7}|${1_000_003 * i}`);

  it('puts every key in exactly one shard, the same one every time', () => {
    for (const key of keys.slice(0, 50)) {
      const s = shardOf(key, 5);
      expect(s).toBeGreaterThanOrEqual(0);
      expect(s).toBeLessThan(5);
      expect(shardOf(key, 5)).toBe(s);
    }
  });

  it('spreads keys about evenly', () => {
    const counts = new Array(8).fill(0);
    for (const key of keys) counts[shardOf(key, 8)]++;
    for (const n of counts) expect(Math.abs(n - 500)).toBeLessThan(100);
  });
});

describe('ShardBackend', () => {
  it('passes on only its own jobs and counts the others', async () => {
    const seen: string[] = [];
    const inner: RunBackend = {
      run: async (jobs: readonly RunJob[]) => void seen.push(...jobs.map((j) => j.key)),
      close: async () => {},
    };
    const jobs = keysToJobs(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h']);
    const backends = [0, 1, 2].map((index) => new ShardBackend(inner, { index, count: 3 }));
    let others = 0;
    for (const b of backends) {
      await b.run(jobs, () => {});
      others += b.otherShardJobs;
    }
    expect([...seen].sort()).toEqual(jobs.map((j) => j.key));
    expect(others).toBe(2 * jobs.length);
  });
});

function keysToJobs(keys: string[]): RunJob[] {
  return keys.map((key) => ({ key, file: 'x.json', seed: 1, replication: 0 }));
}
