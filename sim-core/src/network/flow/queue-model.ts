// Closed-form queueing of one cell and direction, seen as a single server of PRB-symbols: the M/G/1 mean
// wait (Pollaczek–Khinchine), its non-preemptive priority form (Cobham), the busy period, and max-min fair
// shares when the offered load exceeds the carrier.

/**
 * Mean wait in queue of a tier of a non-preemptive priority M/G/1 queue (Cobham 1954; Kleinrock, Queueing
 * Systems vol. 2, eq. 3.30): W_k = R / ((1 − σ_{k−1})(1 − σ_k)), with R = Σ_i λ_i E[S_i²] / 2 over every
 * tier, σ_k the load of tiers 1..k. One tier is the Pollaczek–Khinchine mean wait R / (1 − ρ).
 * Infinity when the tier is not stable (σ_k >= 1).
 */
export function priorityWaitMs(residualMs: number, sigmaBefore: number, sigmaThrough: number): number {
  if (sigmaThrough >= 1 || sigmaBefore >= 1) return Number.POSITIVE_INFINITY;
  return residualMs / ((1 - sigmaBefore) * (1 - sigmaThrough));
}

/** Mean busy period of an M/G/1 queue: E[S] / (1 − ρ) (Kleinrock vol. 1, eq. 5.141). */
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
  for (let i = 0; i < n; i++) total += demands[i];
  if (total <= capacity) {
    for (let i = 0; i < n; i++) out[i] = demands[i];
    return total;
  }
  // Sort indices by demand (small n: a cell's flows).
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => demands[a] - demands[b] || a - b);
  let left = capacity;
  for (let k = 0; k < n; k++) {
    const i = order[k];
    const level = left / (n - k);
    const give = Math.min(demands[i], level);
    out[i] = give;
    left -= give;
  }
  return capacity - left;
}
