import type { Seed } from '../engine/random';
import { confidenceInterval } from './stats';

/** One run's KPIs as flat name → value pairs (NaN: undefined in this run, e.g. no completions). */
export type KpiSummary = Readonly<Record<string, number>>;

export interface ReplicatedKpi {
  mean: number;
  /** Student-t half width at the chosen level (Infinity when n < 2). */
  halfWidth: number;
  lower: number;
  upper: number;
  /** Replications in which the KPI was defined (not NaN). */
  n: number;
}

/**
 * Runs `buildAndRun` once per seed (independent replications: use e.g. replicationSeed(base, i))
 * and returns, for every KPI name any run reported, the mean over the runs with its Student-t
 * confidence interval (default 95 %). Runs where a KPI is NaN are left out of that KPI's interval.
 */
export function replicate(
  buildAndRun: (seed: Seed) => KpiSummary,
  seeds: readonly Seed[],
  level = 0.95,
): Record<string, ReplicatedKpi> {
  const values = new Map<string, number[]>();
  for (const seed of seeds) {
    const summary = buildAndRun(seed);
    for (const [name, v] of Object.entries(summary)) {
      let list = values.get(name);
      if (list === undefined) {
        list = [];
        values.set(name, list);
      }
      if (!Number.isNaN(v)) list.push(v);
    }
  }
  const out: Record<string, ReplicatedKpi> = {};
  for (const [name, list] of values) {
    const ci = confidenceInterval(list, level);
    out[name] = { mean: ci.mean, halfWidth: ci.halfWidth, lower: ci.lower, upper: ci.upper, n: ci.n };
  }
  return out;
}
