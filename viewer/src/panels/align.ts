/** Sample-and-hold `values` (at ascending `times`) onto the ascending `at` times; NaN before the first sample. */
export function holdOnto(
  times: ArrayLike<number>,
  values: ArrayLike<number>,
  at: ArrayLike<number>,
): Float64Array {
  const out = new Float64Array(at.length);
  let j = -1;
  for (let i = 0; i < at.length; i++) {
    while (j + 1 < times.length && times[j + 1] <= at[i]) j++;
    out[i] = j >= 0 ? values[j] : Number.NaN;
  }
  return out;
}

/** Value at time t by sample-and-hold (NaN before the first sample). */
export function valueAt(times: ArrayLike<number>, values: ArrayLike<number>, t: number): number {
  let lo = 0;
  let hi = times.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (times[mid] <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 ? values[lo - 1] : Number.NaN;
}

/** Time-weighted mean of a sample-and-hold series over [from, to] (NaN when it has no samples there). */
export function timeWeightedMean(
  times: ArrayLike<number>,
  values: ArrayLike<number>,
  from: number,
  to: number,
): number {
  let sum = 0;
  let span = 0;
  for (let i = 0; i < times.length; i++) {
    const a = Math.max(from, times[i]);
    const b = Math.min(to, i + 1 < times.length ? times[i + 1] : to);
    if (b > a && Number.isFinite(values[i])) {
      sum += values[i] * (b - a);
      span += b - a;
    }
  }
  return span > 0 ? sum / span : Number.NaN;
}
