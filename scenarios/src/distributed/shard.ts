import type { RunBackend, RunJob, RunJobResult } from '../run/backend';

/** Slice `index` (0-based) of `count`: Kubernetes' JOB_COMPLETION_INDEX, or a Slurm array `--array=0-(n-1)`. */
export interface Shard {
  index: number;
  count: number;
}

/** Parses "i/n" (0 <= i < n). */
export function parseShard(text: string): Shard {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  if (m === null) throw new Error(`--shard expects i/n (e.g. 0/4), got "${text}"`);
  const index = Number(m[1]);
  const count = Number(m[2]);
  if (count < 1 || index >= count)
    throw new Error(`--shard ${text}: the index counts from 0 and must be below ${count}`);
  return { index, count };
}

/**
 * The shard a run belongs to: FNV-1a of its key, mod n. It depends on the key alone (what is simulated), so
 * the partition is the same on every machine and across resumes, whatever was done already; the slices are
 * even in expectation, not exactly (an exact index mod n partition needs the sweep's whole plan).
 */
export function shardOf(key: string, count: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) % count;
}

/** Runs only this shard's slice of the jobs on the inner backend; the other shards' jobs are left out, unreported. */
export class ShardBackend implements RunBackend {
  /** Jobs of the last `run` call that belong to other shards. */
  otherShardJobs = 0;
  /** Jobs of the last `run` call that this shard ran. */
  ownJobs = 0;

  constructor(
    private readonly inner: RunBackend,
    readonly shard: Shard,
  ) {}

  run(jobs: readonly RunJob[], onResult: (result: RunJobResult) => void): Promise<void> {
    const mine = jobs.filter((job) => shardOf(job.key, this.shard.count) === this.shard.index);
    this.otherShardJobs = jobs.length - mine.length;
    this.ownJobs = mine.length;
    return this.inner.run(mine, onResult);
  }

  /** Wraps a sweep's progress callback so its total counts this shard's runs only (once the runs have started). */
  progress(onProgress: (done: number, total: number) => void): (done: number, total: number) => void {
    return (done, total) => onProgress(done, total - this.otherShardJobs);
  }

  close(): Promise<void> {
    return this.inner.close();
  }
}
