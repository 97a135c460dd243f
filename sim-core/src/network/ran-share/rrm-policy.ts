// How the PRBs of a shared cell are split between the factory and the public users: the RRM policy ratios
// of a slice (3GPP TS 28.541 §4.3.36 RRMPolicyRatio: rRMPolicyDedicatedRatio, rRMPolicyMinRatio,
// rRMPolicyMaxRatio, in percent of the cell's PRBs), or best effort without one (`public`).

/** The factory slice's RRM policy, percent of the cell's PRBs (TS 28.541 RRMPolicyRatio). */
export interface RrmPolicyRatio {
  /** Dedicated: reserved for the slice; nobody else uses them, even when the slice leaves them idle. */
  readonly dedicatedPct: number;
  /** Minimum (prioritised, dedicated included): the slice's first; the public may use what it leaves idle. */
  readonly minPct: number;
  /** Maximum: the slice never uses more. */
  readonly maxPct: number;
}

/**
 * Default policy of a `slice` deployment. ASSUMPTION: an enterprise slice sized to carry the plant on its
 * own share in the busy hour: half the cell prioritised, a tenth of it dedicated (kept free for the slice's
 * latency-critical traffic, even when idle), no cap.
 */
export const DEFAULT_SLICE_POLICY: RrmPolicyRatio = Object.freeze({
  dedicatedPct: 10,
  minPct: 50,
  maxPct: 100,
});

/**
 * A policy from the ratios given, the rest from DEFAULT_SLICE_POLICY without breaking the order
 * dedicated <= min <= max: max defaults to 100, min to min(50, max), dedicated to min(10, min).
 */
export function resolvePolicy(p: Partial<RrmPolicyRatio>): RrmPolicyRatio {
  const maxPct = p.maxPct ?? DEFAULT_SLICE_POLICY.maxPct;
  const minPct = p.minPct ?? Math.min(DEFAULT_SLICE_POLICY.minPct, maxPct);
  const dedicatedPct = p.dedicatedPct ?? Math.min(DEFAULT_SLICE_POLICY.dedicatedPct, minPct);
  return { dedicatedPct, minPct, maxPct };
}

/** Best effort (`public`): nothing reserved, nothing prioritised, no cap. */
const BEST_EFFORT: RrmPolicyRatio = Object.freeze({ dedicatedPct: 0, minPct: 0, maxPct: 100 });

/** Problems of a policy (0 <= dedicated <= min <= max <= 100, max > 0), as [field, message]. Pure. */
export function policyProblems(p: RrmPolicyRatio): [string, string][] {
  const out: [string, string][] = [];
  for (const key of ['dedicatedPct', 'minPct', 'maxPct'] as const)
    if (!(p[key] >= 0 && p[key] <= 100)) out.push([key, `expected a percentage in [0, 100], got ${p[key]}`]);
  if (out.length > 0) return out;
  // TS 28.541: the dedicated PRBs are part of the prioritised ones, which are part of the maximum.
  if (p.dedicatedPct > p.minPct)
    out.push(['dedicatedPct', `must not exceed minPct (${p.minPct}), got ${p.dedicatedPct}`]);
  if (p.minPct > p.maxPct) out.push(['minPct', `must not exceed maxPct (${p.maxPct}), got ${p.minPct}`]);
  if (p.maxPct === 0) out.push(['maxPct', 'must be > 0 (the slice would get no PRB)']);
  return out;
}

const prbsOf = (pct: number, nPrb: number) => Math.floor((pct * nPrb) / 100);

/**
 * Most PRBs the factory can use in an opportunity of `nPrb` PRBs, when the public users want
 * `publicPrbs` of them and `factoryUes` / `publicUes` UEs of each have data.
 *
 * - The slice's prioritised PRBs M (dedicated ones included) are its own whenever it wants them.
 * - The shared rest S = N − M goes to the slice and the public as a scheduler sharing PRBs per active UE
 *   would (round robin; proportional fair with like rates) share it: each side gets its UE share
 *   S·u_f / (u_f + u_p) of it, or, when the other side wants less, what the other leaves (ASSUMPTION: the
 *   public users as one side, their UE count their weight; water-filling between two sides).
 * - The slice never exceeds its maximum X.
 *
 * So cap = min(X, M + max(S·u_f / (u_f + u_p), S − P)), in whole PRBs. Without a policy (best effort),
 * M = 0 and X = N: cap = max(N·u_f / (u_f + u_p), N − P). The factory then uses min(its demand, cap).
 */
export function factoryPrbCap(
  nPrb: number,
  publicPrbs: number,
  factoryUes: number,
  publicUes: number,
  policy: RrmPolicyRatio = BEST_EFFORT,
): number {
  const m = prbsOf(policy.minPct, nPrb);
  const x = prbsOf(policy.maxPct, nPrb);
  const shared = nPrb - m;
  const fair = publicUes > 0 ? (shared * factoryUes) / (factoryUes + publicUes) : shared;
  return Math.min(x, Math.floor(m + Math.max(fair, shared - publicPrbs)));
}

/**
 * PRBs the public users get when the factory uses `factoryPrbs`: what they want, within what the factory
 * leaves and the slice's dedicated PRBs (never theirs) do not take.
 */
export function publicPrbUse(
  nPrb: number,
  publicPrbs: number,
  factoryPrbs: number,
  policy: RrmPolicyRatio = BEST_EFFORT,
): number {
  const dedicated = prbsOf(policy.dedicatedPct, nPrb);
  return Math.max(0, Math.min(publicPrbs, nPrb - Math.max(dedicated, factoryPrbs)));
}
