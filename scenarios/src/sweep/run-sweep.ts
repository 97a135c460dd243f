import { appendFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { confidenceInterval, replicationSeed } from '@factory-twin/sim-core';
import type { RunBackend, RunJob, RunJobResult } from '../run/backend';
import { writeFileAtomic } from '../run/files';
import { withLength } from '../run/run-scenario';
import { toJson } from '../run/summary';
import { loadScenario, scenarioHash } from '../scenario/load';
import { tableCsv } from '../table/csv';
import { seedColumn, type Table, tableOf } from '../table/table';
import type { CostLimits } from '../validate/cost-guard';
import { loadRunnableScenario } from '../validate/runnable';
import { type SweepPoint, type SweepSpec, sweepPoints } from './spec';

/** One finished run of the sweep, as appended to results.jsonl (the resume log). */
export interface SweepRecord {
  key: string;
  scenarioHash: string;
  variant: string | null;
  seed: number | string;
  replication: number;
  labels: Record<string, string>;
  kpis: Record<string, number>;
}

export interface SweepOutcome {
  total: number;
  skipped: number;
  ran: number;
  failed: { key: string; error: string }[];
  files: { results: string; csv: string; json: string };
  /** The rows of results.csv, typed (for `--rows` as CSV or Parquet). */
  table: Table;
}

/** Runs key: a point is identified by what it simulates, not by where it sits in the grid. */
export const recordKey = (scenarioHash: string, variant: string | undefined | null, seed: number | string) =>
  `${scenarioHash}|${variant ?? ''}|${seed}`;

/**
 * Runs the grid × replications on the backend. Resumable: every finished run is appended to
 * OUT/results.jsonl keyed by (scenario hash, variant, seed), and a rerun skips the keys found there.
 * Writes OUT/results.csv (one row per run) and OUT/summary.json (mean and 95 % CI per point).
 */
export async function runSweep(
  spec: SweepSpec,
  outDir: string,
  backend: RunBackend,
  onProgress?: (done: number, total: number) => void,
  options: { costGuard?: CostLimits | false } = {},
): Promise<SweepOutcome> {
  mkdirSync(outDir, { recursive: true });
  const resultsFile = join(outDir, 'results.jsonl');
  const done = new Map<string, SweepRecord>();
  if (existsSync(resultsFile)) {
    for (const line of readFileSync(resultsFile, 'utf8').split('\n')) {
      if (line.trim() === '') continue;
      try {
        const rec = JSON.parse(line) as SweepRecord;
        done.set(rec.key, rec);
      } catch {
        // A line cut short by a crash: that run is simply done again.
      }
    }
  }
  const points = sweepPoints(spec);
  const replications = spec.replications ?? loadScenario(spec.baseFile).scenario.run.replications;
  const planned: { job: RunJob; point: SweepPoint; hash: string }[] = [];
  for (const point of points) {
    // Loading validates the point the way `validate` does (a bad value is reported before any run) and
    // gives its hash.
    const loaded = loadRunnableScenario(spec.baseFile, {
      ...(point.variant === undefined ? {} : { variant: point.variant }),
      patch: point.patch,
      ...(spec.lengthH === undefined ? {} : { lengthH: spec.lengthH }),
      ...(options.costGuard === undefined ? {} : { costGuard: options.costGuard }),
    });
    // The hash of what actually runs (run length included).
    const hash = scenarioHash(withLength(loaded.scenario, spec.lengthH));
    for (let r = 0; r < replications; r++) {
      const seed = replicationSeed(loaded.scenario.run.seed, r);
      planned.push({
        point,
        hash,
        job: {
          key: recordKey(hash, point.variant, seed),
          file: spec.baseFile,
          ...(point.variant === undefined ? {} : { variant: point.variant }),
          patch: point.patch,
          ...(spec.lengthH === undefined ? {} : { lengthH: spec.lengthH }),
          ...(options.costGuard === undefined ? {} : { costGuard: options.costGuard }),
          seed,
          replication: r,
        },
      });
    }
  }
  const todo = planned.filter((p) => !done.has(p.job.key));
  const byKey = new Map(planned.map((p) => [p.job.key, p]));
  const failed: { key: string; error: string }[] = [];
  let finished = planned.length - todo.length;
  onProgress?.(finished, planned.length);
  await backend.run(
    todo.map((p) => p.job),
    (result: RunJobResult) => {
      finished++;
      onProgress?.(finished, planned.length);
      const p = byKey.get(result.key)!;
      if (!result.ok) {
        failed.push({ key: result.key, error: result.error });
        return;
      }
      const rec: SweepRecord = {
        key: result.key,
        scenarioHash: p.hash,
        variant: p.point.variant ?? null,
        seed: p.job.seed,
        replication: p.job.replication,
        labels: p.point.labels,
        kpis: result.kpis,
      };
      // Non-finite KPIs (NaN: nothing measured) are logged as null; keep the logged form in memory too,
      // so a fresh sweep, a resumed one and merged shards write the same CSV.
      const line = JSON.stringify(rec, (_k, v) => (typeof v === 'number' && !Number.isFinite(v) ? null : v));
      appendFileSync(resultsFile, `${line}\n`);
      done.set(rec.key, JSON.parse(line) as SweepRecord);
    },
  );
  const records = planned.flatMap((p) => {
    const r = done.get(p.job.key);
    return r === undefined ? [] : [r];
  });
  const files = {
    results: resultsFile,
    csv: join(outDir, 'results.csv'),
    json: join(outDir, 'summary.json'),
  };
  const table = sweepTable(spec, records);
  writeFileAtomic(files.csv, tableCsv(table));
  writeFileAtomic(files.json, toJson(sweepSummary(spec, points, records)));
  return {
    total: planned.length,
    skipped: planned.length - todo.length,
    ran: todo.length,
    failed,
    files,
    table,
  };
}

/** The sweep's rows (results.csv, `--rows`): one per run, the dimension labels, variant, replication, seed,
 * scenario hash, then the spec's KPIs (default: every KPI, sorted). */
export function sweepTable(spec: Pick<SweepSpec, 'dimensions' | 'kpis'>, records: SweepRecord[]): Table {
  const kpis = spec.kpis ?? [...new Set(records.flatMap((r) => Object.keys(r.kpis)))].sort();
  return tableOf<SweepRecord>(records, [
    ...spec.dimensions.map((d) => ({
      name: d.name,
      type: 'string' as const,
      get: (r: SweepRecord) => r.labels[d.name],
    })),
    { name: 'variant', type: 'string', get: (r) => r.variant },
    { name: 'replication', type: 'int32', get: (r) => r.replication },
    seedColumn(records, (r) => r.seed),
    { name: 'scenarioHash', type: 'string', get: (r) => r.scenarioHash },
    ...kpis.map((k) => ({ name: k, type: 'double' as const, get: (r: SweepRecord) => r.kpis[k] })),
  ]);
}

export function sweepSummary(
  spec: Pick<SweepSpec, 'name' | 'kpis'>,
  points: SweepPoint[],
  records: SweepRecord[],
) {
  return {
    name: spec.name ?? null,
    points: points.map((p) => {
      const mine = records.filter((r) => JSON.stringify(r.labels) === JSON.stringify(p.labels));
      const keys = spec.kpis ?? [...new Set(mine.flatMap((r) => Object.keys(r.kpis)))].sort();
      return {
        labels: p.labels,
        variant: p.variant ?? null,
        runs: mine.length,
        kpis: Object.fromEntries(
          keys.map((k) => {
            const ci = confidenceInterval(
              mine.map((r) => r.kpis[k]).filter((v) => typeof v === 'number' && Number.isFinite(v)),
            );
            return [k, { mean: ci.mean, halfWidth: ci.halfWidth, n: ci.n }];
          }),
        ),
      };
    }),
  };
}
