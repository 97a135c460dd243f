import { seedFrom, Xoshiro128 } from './random';

/**
 * Increment distributions for the hold model. Exp(1) is the classic; the others are the ones that break
 * naive calendar queues (bucket width tuned to one scale fails on another): a bounded flat one, a
 * bimodal one spanning six orders of magnitude, a heavy tail, and integer increments with many ties.
 */
export type DistributionId = 'exp' | 'uniform' | 'bimodal' | 'pareto' | 'ties';

export interface Distribution {
  id: DistributionId;
  /** How the table names it. */
  title: string;
  /** One increment from a uniform draw source. */
  sample(u: () => number): number;
  /** Pre-fill time of one event (Exp(1) except for `ties`, which pre-fills at integer times). */
  prefill(u: () => number): number;
}

const exp = (u: () => number, mean: number): number => -mean * Math.log(1 - u()); // 1 - u in (0, 1]
const PARETO_ALPHA = 1.5;
const PARETO_SCALE = (PARETO_ALPHA - 1) / PARETO_ALPHA; // x_m such that the mean alpha x_m / (alpha - 1) is 1

export const DISTRIBUTIONS: Record<DistributionId, Distribution> = {
  exp: { id: 'exp', title: 'Exp(1)', sample: (u) => exp(u, 1), prefill: (u) => exp(u, 1) },
  uniform: { id: 'uniform', title: 'Uniform(0,2)', sample: (u) => 2 * u(), prefill: (u) => exp(u, 1) },
  bimodal: {
    id: 'bimodal',
    title: 'Bimodal 99% Exp(0.001) / 1% Exp(1000)',
    sample: (u) => (u() < 0.99 ? exp(u, 0.001) : exp(u, 1000)),
    prefill: (u) => exp(u, 1),
  },
  pareto: {
    id: 'pareto',
    title: 'Pareto(alpha 1.5, mean 1)',
    sample: (u) => PARETO_SCALE * (1 - u()) ** (-1 / PARETO_ALPHA),
    prefill: (u) => exp(u, 1),
  },
  ties: {
    id: 'ties',
    title: 'Ties: increments in {0,1}, integer pre-fill floor(Exp(1))',
    sample: (u) => (u() < 0.5 ? 0 : 1),
    // Exp(1) pre-fill times would all differ, so no two events would ever tie: pre-fill on integers.
    prefill: (u) => Math.floor(exp(u, 1)),
  },
};

export const DISTRIBUTION_IDS = Object.keys(DISTRIBUTIONS) as DistributionId[];

/** The workload of one (distribution, N): pre-fill times and the increments, all drawn up front. */
export interface Workload {
  prefill: Float64Array;
  increments: Float64Array;
}

/** Deterministic in (distribution, n, holds): every contender and every run sees the same numbers. */
export function makeWorkload(dist: DistributionId, n: number, holds: number): Workload {
  const d = DISTRIBUTIONS[dist];
  const prefillRng = new Xoshiro128(seedFrom(`prefill/${dist}/${n}`));
  const incRng = new Xoshiro128(seedFrom(`increments/${dist}/${n}`));
  const up = (): number => prefillRng.next();
  const ui = (): number => incRng.next();
  const prefill = new Float64Array(n);
  for (let i = 0; i < n; i++) prefill[i] = d.prefill(up);
  const increments = new Float64Array(holds);
  for (let i = 0; i < holds; i++) increments[i] = d.sample(ui);
  return { prefill, increments };
}
