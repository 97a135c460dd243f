/**
 * Trailing moving average over a time window: each output is the mean of the finite samples in
 * (t − windowMs, t]. Used for per-minute rates (throughput, on-time shares) that jump from one sample
 * to the next; NaN where the window holds no finite sample.
 */
export function movingMean(
  times: ArrayLike<number>,
  values: ArrayLike<number>,
  windowMs: number,
): Float64Array {
  const out = new Float64Array(times.length);
  let lo = 0;
  let sum = 0;
  let n = 0;
  for (let i = 0; i < times.length; i++) {
    if (Number.isFinite(values[i])) {
      sum += values[i];
      n++;
    }
    while (times[lo] <= times[i] - windowMs) {
      if (Number.isFinite(values[lo])) {
        sum -= values[lo];
        n--;
      }
      lo++;
    }
    out[i] = n > 0 ? sum / n : Number.NaN;
  }
  return out;
}
