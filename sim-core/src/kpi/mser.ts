/**
 * Warm-up detection by MSER-5: White, K. P. (1997), "An effective truncation heuristic for bias reduction
 * in simulation output", Simulation 69(6):323–334; batch size 5 as in White, Cobb & Spratt (2000), Proc.
 * Winter Simulation Conference, 394–399. The series is cut into batch means Z_1…Z_m of `batchSize`
 * observations; the truncation d (in batches) minimises the marginal standard error
 *   MSER(d) = Σ_{j>d} (Z_j − Z̄_d)² / (m − d)²,
 * searched over d ≤ m/2. A minimum at that limit means no steady state was found in the series (the
 * run is too short or the system is not stationary): `atLimit` says so.
 */
export interface MserResult {
  /** Observations to delete from the start of the series (d · batchSize). */
  truncate: number;
  /** The same in batches (d). */
  truncateBatches: number;
  /** Batches formed (m); a trailing partial batch is ignored. */
  batches: number;
  /** MSER(d) at the minimum. */
  statistic: number;
  /** The minimum sits at the search limit m/2: the series shows no steady state. */
  atLimit: boolean;
}

/** Fewer batches than this: MSER has nothing to go on; nothing is truncated and `atLimit` is set. */
export const MSER_MIN_BATCHES = 6;

export function mser(series: ArrayLike<number>, batchSize = 5): MserResult {
  if (!(Number.isInteger(batchSize) && batchSize >= 1)) throw new RangeError(`batch size ${batchSize}`);
  const m = Math.floor(series.length / batchSize);
  if (m < MSER_MIN_BATCHES)
    return { truncate: 0, truncateBatches: 0, batches: m, statistic: Number.NaN, atLimit: true };
  const z = new Float64Array(m);
  for (let j = 0; j < m; j++) {
    let s = 0;
    for (let i = 0; i < batchSize; i++) s += series[j * batchSize + i]!;
    z[j] = s / batchSize;
  }
  const limit = Math.floor(m / 2);
  // Suffix sums from the end (Welford-style running mean and squared deviations, for stability).
  const stat = new Float64Array(limit + 1);
  let mean = 0;
  let m2 = 0;
  for (let j = m - 1, k = 1; j >= 0; j--, k++) {
    const delta = z[j]! - mean;
    mean += delta / k;
    m2 += delta * (z[j]! - mean);
    if (j <= limit) stat[j] = m2 / (k * k);
  }
  let best = 0;
  for (let d = 1; d <= limit; d++) if (stat[d]! < stat[best]!) best = d;
  return {
    truncate: best * batchSize,
    truncateBatches: best,
    batches: m,
    statistic: stat[best]!,
    atLimit: best === limit,
  };
}
