/**
 * Closed-form results of classic queueing models, to check simulations against theory.
 * Rates are per any time unit; results are in the same unit. Valid for a stable queue (ρ < 1).
 */
export interface QueueMetrics {
  /** Server utilisation λ / (cμ). */
  rho: number;
  /** Mean number in system. */
  L: number;
  /** Mean number waiting. */
  Lq: number;
  /** Mean time in system. */
  W: number;
  /** Mean waiting time. */
  Wq: number;
}

function checkStable(lambda: number, mu: number, c: number): void {
  if (!(lambda > 0 && mu > 0 && Number.isInteger(c) && c >= 1)) {
    throw new RangeError(`need λ > 0, μ > 0 and an integer c >= 1, got λ=${lambda}, μ=${mu}, c=${c}`);
  }
  if (!(lambda < c * mu)) throw new RangeError(`unstable queue: λ=${lambda} >= cμ=${c * mu}`);
}

/** M/M/1: ρ = λ/μ, L = ρ/(1−ρ), W = 1/(μ−λ) (Kleinrock 1975, Queueing Systems I, §3.2). */
export function mm1(lambda: number, mu: number): QueueMetrics {
  checkStable(lambda, mu, 1);
  const rho = lambda / mu;
  const W = 1 / (mu - lambda);
  return { rho, L: rho / (1 - rho), Lq: (rho * rho) / (1 - rho), W, Wq: W - 1 / mu };
}

/**
 * Erlang C: the probability that an arrival waits in an M/M/c queue with offered load a = λ/μ
 * (Kleinrock 1975, §3.5).
 * Computed from Erlang B's stable recursion B(k) = a·B(k−1) / (k + a·B(k−1)), then
 * C = B / (1 − ρ(1 − B)) with ρ = a/c.
 */
export function erlangC(c: number, offeredLoad: number): number {
  let b = 1;
  for (let k = 1; k <= c; k++) b = (offeredLoad * b) / (k + offeredLoad * b);
  const rho = offeredLoad / c;
  return b / (1 - rho * (1 - b));
}

/** M/M/c: Wq = C(c, a) / (cμ − λ), W = Wq + 1/μ, L = λW (Little 1961), Lq = λWq. */
export function mmc(lambda: number, mu: number, c: number): QueueMetrics & { pWait: number } {
  checkStable(lambda, mu, c);
  const pWait = erlangC(c, lambda / mu);
  const Wq = pWait / (c * mu - lambda);
  const W = Wq + 1 / mu;
  return { rho: lambda / (c * mu), L: lambda * W, Lq: lambda * Wq, W, Wq, pWait };
}

/**
 * An open tandem (series) Jackson network (Jackson 1957) of single-server exponential stations with unlimited
 * buffers and Poisson(λ) arrivals: every station is an independent M/M/1 with arrival rate λ, so the
 * throughput is λ and the mean sojourn is Σ 1/(μᵢ − λ).
 */
export function jacksonTandem(
  lambda: number,
  mus: readonly number[],
): { throughput: number; W: number; L: number; stations: QueueMetrics[] } {
  const stations = mus.map((mu) => mm1(lambda, mu));
  const W = stations.reduce((sum, s) => sum + s.W, 0);
  return { throughput: lambda, W, L: lambda * W, stations };
}
