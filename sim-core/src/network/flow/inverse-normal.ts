// Standard normal quantile, for discretising a normal draw into equal-probability atoms.

/**
 * Φ⁻¹(p) by the rational approximation of Abramowitz & Stegun eq. 26.2.23 (|error| < 4.5e-4), odd
 * symmetry below 0.5. Precise enough for atoms of a discretised core delay.
 */
export function inverseNormalCdf(p: number): number {
  if (!(p > 0 && p < 1)) throw new RangeError(`inverseNormalCdf needs p in (0, 1), got ${p}`);
  const q = p < 0.5 ? p : 1 - p;
  const t = Math.sqrt(-2 * Math.log(q));
  const x =
    t -
    (2.515517 + 0.802853 * t + 0.010328 * t * t) /
      (1 + 1.432788 * t + 0.189269 * t * t + 0.001308 * t * t * t); // A&S 26.2.23 c0..c2, d1..d3
  return p < 0.5 ? -x : x;
}
