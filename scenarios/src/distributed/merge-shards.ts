import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RunBackend, RunJob, RunJobResult } from '../run/backend';
import { writeFileAtomic } from '../run/files';
import { runSweep, type SweepOutcome, type SweepRecord } from '../sweep/run-sweep';
import type { SweepSpec } from '../sweep/spec';

export interface MergeOutcome {
  /** Runs the sweep plans. */
  total: number;
  /** Planned runs found in the shards. */
  merged: number;
  /** Planned runs no shard has (run them, or merge again once their shard is done); with `runMissing`, those that failed. */
  missing: string[];
  /** Runs no shard had that `runMissing` ran. */
  ranHere: number;
  /** Runs found in more than one shard with equal KPIs (kept once). */
  duplicates: number;
  /** Runs in the shards that the spec does not plan (kept in results.jsonl, left out of the CSV and summary). */
  unplanned: number;
  /** Lines of the shards' logs cut short by a crash (skipped). */
  brokenLines: number;
  outcome: SweepOutcome;
}

/** Shard dirs that cannot be merged (not sweep output, or disagreeing): the user's input, not a failed run. */
export class MergeInputError extends Error {}

/**
 * Combines the output dirs of `sweep --shard i/n` runs into one dir holding what a single local sweep writes.
 * The shards' results.jsonl are merged into OUT/results.jsonl; then the sweep itself is resumed on OUT, which
 * finds every run done and writes results.csv and summary.json with its own writers. Runs missing from every
 * shard are reported, or run on `runMissing` when given. Throws, writing nothing, if two shards disagree on
 * a run's KPIs (a sign of different model versions).
 */
export async function mergeShards(
  spec: SweepSpec,
  shardDirs: readonly string[],
  outDir: string,
  options: { runMissing?: RunBackend; onProgress?: (done: number, total: number) => void } = {},
): Promise<MergeOutcome> {
  const byKey = new Map<string, { record: SweepRecord; line: string; dir: string }>();
  const conflicts: string[] = [];
  let duplicates = 0;
  let brokenLines = 0;
  for (const dir of shardDirs) {
    const file = join(dir, 'results.jsonl');
    if (!existsSync(file))
      throw new MergeInputError(`${dir} has no results.jsonl: not the output dir of a sweep`);
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      if (line.trim() === '') continue;
      let record: SweepRecord;
      try {
        record = JSON.parse(line) as SweepRecord;
      } catch {
        brokenLines++;
        continue;
      }
      const seen = byKey.get(record.key);
      if (seen === undefined) byKey.set(record.key, { record, line, dir });
      else if (JSON.stringify(seen.record.kpis) === JSON.stringify(record.kpis)) duplicates++;
      else conflicts.push(`${record.key} (${seen.dir} and ${dir})`);
    }
  }
  if (conflicts.length > 0) {
    throw new MergeInputError(
      `shards disagree on the KPIs of ${conflicts.length} run(s), e.g. ${conflicts.slice(0, 3).join('; ')}: were they run with different versions of the model?`,
    );
  }
  writeFileAtomic(join(outDir, 'results.jsonl'), [...byKey.values()].map((v) => `${v.line}\n`).join(''));
  const missing: string[] = [];
  const outcome = await runSweep(
    spec,
    outDir,
    options.runMissing ?? new MissingRuns(missing),
    options.onProgress,
  );
  if (options.runMissing !== undefined) missing.push(...outcome.failed.map((f) => f.key));
  return {
    total: outcome.total,
    merged: outcome.skipped,
    missing,
    ranHere: options.runMissing === undefined ? 0 : outcome.ran - outcome.failed.length,
    duplicates,
    unplanned: byKey.size - outcome.skipped,
    brokenLines,
    outcome,
  };
}

/** A backend that runs nothing: it notes each job it is given as missing and reports it failed. */
class MissingRuns implements RunBackend {
  constructor(private readonly missing: string[]) {}

  async run(jobs: readonly RunJob[], onResult: (result: RunJobResult) => void): Promise<void> {
    for (const job of jobs) {
      this.missing.push(job.key);
      onResult({ key: job.key, ok: false, error: 'missing from every shard', badInput: false });
    }
  }

  async close(): Promise<void> {}
}
