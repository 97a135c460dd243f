import { confidenceInterval } from './stats';

/**
 * Sequential procedure for a relative precision (Law & Kelton 2015, Simulation Modeling and Analysis,
 * 5th ed., §9.4.1): replicate until the confidence half-width δ(n, α) satisfies δ/|X̄(n)| ≤ γ' with the
 * adjusted relative error γ' = γ/(1 + γ), so that the relative error of X̄ is at most γ with
 * probability about 1 − α. Starts from at least `minReplications`; stops at `maxReplications`.
 */
export interface PrecisionTarget {
  /** γ: the wanted half-width as a share of the mean (0.05 for 5 %). */
  relativeHalfWidth: number;
  /** Confidence level (default 0.95). */
  level?: number;
  /** n₀: replications before the first check (default 3; at least 2). */
  minReplications?: number;
  /** The cap. */
  maxReplications: number;
}

export interface PrecisionStatus {
  n: number;
  mean: number;
  halfWidth: number;
  /** halfWidth / |mean|. */
  relativeHalfWidth: number;
  reached: boolean;
  /** Replications (total) the current variance suggests are needed, within [n, maxReplications]. */
  suggested: number;
}

const adjusted = (gamma: number) => gamma / (1 + gamma);

export function precisionStatus(values: readonly number[], target: PrecisionTarget): PrecisionStatus {
  const finite = values.filter((v) => Number.isFinite(v));
  const n0 = Math.max(2, target.minReplications ?? 3);
  const ci = confidenceInterval(finite, target.level ?? 0.95);
  const rel = Math.abs(ci.halfWidth / ci.mean);
  const goal = adjusted(target.relativeHalfWidth);
  const reached = finite.length >= n0 && (rel <= goal || ci.halfWidth === 0);
  let suggested = Math.max(finite.length, n0);
  if (!reached && finite.length >= 2 && Number.isFinite(rel)) {
    // Half-width shrinks like 1/√n: n · (rel/goal)² replications, at least one more.
    suggested = Math.max(finite.length + 1, Math.ceil(finite.length * (rel / goal) ** 2));
  } else if (!reached) suggested = Math.max(finite.length + 1, n0);
  return {
    n: finite.length,
    mean: ci.mean,
    halfWidth: ci.halfWidth,
    relativeHalfWidth: rel,
    reached,
    suggested: Math.min(target.maxReplications, suggested),
  };
}

/**
 * Runs replications 0, 1, 2… of `replicate` until the precision is reached or the cap is hit (one at a
 * time; a parallel caller uses precisionStatus().suggested to add batches).
 */
export function replicateToPrecision(
  replicate: (index: number) => number,
  target: PrecisionTarget,
): { values: number[]; status: PrecisionStatus } {
  const values: number[] = [];
  for (;;) {
    const status = precisionStatus(values, target);
    if (status.reached || values.length >= target.maxReplications) return { values, status };
    values.push(replicate(values.length));
  }
}
