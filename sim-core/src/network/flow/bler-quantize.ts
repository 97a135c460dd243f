// The BLER as the flow model keys its distributions on it: 10^0.1 steps (flow-distributions.ts, flow-fading.ts).

/** BLER steps of 10^0.1 (26 %: the HARQ share moves a few % per step) from 10^-7 to 1. */
const BLER_STEPS = 70;
/** Step j: 10^(−j / 10); a BLER below `BLER_UPPER[j]` and at or above `BLER_UPPER[j + 1]` rounds to it. */
const BLER_VALUE = Float64Array.from({ length: BLER_STEPS + 1 }, (_, j) => 10 ** (-j / 10));
const BLER_UPPER = Float64Array.from({ length: BLER_STEPS + 2 }, (_, j) => 10 ** ((0.5 - j) / 10));

/**
 * The BLER on 10^0.1 steps, 10^(round(10 · log10 β) / 10) (0 below 10^-7), by a search of the steps' bounds:
 * the logarithm only for a value within 1e-12 of a bound, where the search and the formula may round apart.
 */
export function quantizeBler(bler: number): number {
  if (!(bler > 1e-7)) return 0;
  if (bler >= 1) return 1;
  let lo = 0;
  let hi = BLER_STEPS + 1;
  // BLER_UPPER decreases: find the last j with bler < BLER_UPPER[j].
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if (bler < BLER_UPPER[mid]!) lo = mid;
    else hi = mid;
  }
  const near =
    Math.abs(bler - BLER_UPPER[lo]!) < 1e-12 * bler || Math.abs(bler - BLER_UPPER[hi]!) < 1e-12 * bler;
  if (near) return Math.min(1, 10 ** (Math.round(Math.log10(bler) * 10) / 10));
  return BLER_VALUE[lo]!;
}
