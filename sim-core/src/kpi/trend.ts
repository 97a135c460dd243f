import { studentTQuantile } from './stats';

export interface TrendResult {
  /** Least-squares slope per observation. */
  slope: number;
  /** Fitted rise over the series (slope × (n − 1)), in the series' unit. */
  rise: number;
  /** Mean of the series. */
  mean: number;
  /** t statistic of the slope over `batches` batch means (NaN when undefined). */
  t: number;
  /** The series grows: the slope is significantly positive and the rise is material. */
  growing: boolean;
}

export interface TrendOptions {
  /** Batch means the regression runs on (large batches make them nearly independent). Default 10. */
  batches?: number;
  /** One-sided significance level of the slope. Default 0.01. */
  alpha?: number;
  /** Smallest rise that counts, as a share of max(mean, 1). Default 0.2. */
  minRelativeRise?: number;
  /** Smallest rise that counts, in the series' unit (e.g. 2 parts). Default 0. */
  minRise?: number;
}

/**
 * Upward trend test for an overloaded queue: the series (e.g. WIP per interval after the warm-up) is cut
 * into a few large batch means (the batch-means method, Law & Kelton 2015 §9.5.3, makes them nearly
 * independent) and an ordinary least-squares line is fitted to them; the trend counts when the slope's
 * t statistic exceeds t_{1−α, k−2} and the fitted rise is at least `minRelativeRise` of the level (and
 * `minRise`).
 */
export function upwardTrend(series: ArrayLike<number>, options: TrendOptions = {}): TrendResult {
  const k = Math.min(options.batches ?? 10, series.length);
  const alpha = options.alpha ?? 0.01;
  const minRelativeRise = options.minRelativeRise ?? 0.2;
  const minRise = options.minRise ?? 0;
  let total = 0;
  for (let i = 0; i < series.length; i++) total += series[i]!;
  const mean = series.length > 0 ? total / series.length : Number.NaN;
  if (k < 4) return { slope: Number.NaN, rise: Number.NaN, mean, t: Number.NaN, growing: false };
  // Batch j covers observations [⌊j·n/k⌋, ⌊(j+1)·n/k⌋); x is its centre, in observations.
  const n = series.length;
  const xs: number[] = [];
  const ys: number[] = [];
  for (let j = 0; j < k; j++) {
    const from = Math.floor((j * n) / k);
    const to = Math.floor(((j + 1) * n) / k);
    let s = 0;
    for (let i = from; i < to; i++) s += series[i]!;
    xs.push((from + to - 1) / 2);
    ys.push(s / (to - from));
  }
  const mx = xs.reduce((a, b) => a + b, 0) / k;
  const my = ys.reduce((a, b) => a + b, 0) / k;
  let sxx = 0;
  let sxy = 0;
  for (let j = 0; j < k; j++) {
    sxx += (xs[j]! - mx) ** 2;
    sxy += (xs[j]! - mx) * (ys[j]! - my);
  }
  const slope = sxy / sxx;
  let sse = 0;
  for (let j = 0; j < k; j++) sse += (ys[j]! - my - slope * (xs[j]! - mx)) ** 2;
  const se = Math.sqrt(sse / (k - 2) / sxx);
  const t = se > 0 ? slope / se : slope > 0 ? Number.POSITIVE_INFINITY : slope < 0 ? -Infinity : 0;
  const rise = slope * (n - 1);
  const growing =
    t > studentTQuantile(1 - alpha, k - 2) && rise >= Math.max(minRise, minRelativeRise * Math.max(mean, 1));
  return { slope, rise, mean, t, growing };
}
