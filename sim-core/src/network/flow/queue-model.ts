// Closed forms of one cell and direction seen as a server of PRB-symbols: the M/G/1 busy period (how long
// queueing lateness lasts) and max-min fair shares when the offered load exceeds the carrier.

/** Mean busy period of an M/G/1 queue: E[S] / (1 − ρ) (Kleinrock, Queueing Systems vol. 1, eq. 5.141). */
export function busyPeriodMs(meanServiceMs: number, rho: number): number {
  return rho >= 1 ? Number.POSITIVE_INFINITY : meanServiceMs / (1 - rho);
}

/**
 * Max-min fair shares (water-filling) of `capacity` among demands: every demand below the fair level gets
 * all of it, the others share the rest equally. Writes the allocation of each into `out`; returns their sum.
 * This is what round robin by PRBs converges to, and proportional fair when every device is backlogged
 * (equal time shares maximise Σ log rate for fixed per-PRB rates).
 */
export function waterFill(
  demands: ArrayLike<number>,
  n: number,
  capacity: number,
  out: Float64Array,
): number {
  let total = 0;
  for (let i = 0; i < n; i++) total += demands[i]!;
  if (total <= capacity) {
    for (let i = 0; i < n; i++) out[i] = demands[i]!;
    return total;
  }
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => demands[a]! - demands[b]! || a - b);
  let left = Math.max(0, capacity);
  for (let k = 0; k < n; k++) {
    const i = order[k]!;
    const give = Math.min(demands[i]!, left / (n - k));
    out[i] = give;
    left -= give;
  }
  return capacity - left;
}
