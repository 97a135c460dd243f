// Small deterministic, allocation-free randomness helpers for the radio models.
// No unseeded randomness, no wall clock: every value is a pure function of integer inputs.

/**
 * 32-bit integer finaliser ("lowbias32", C. Wellons, hash-prospector; same family as the
 * splitmix/murmur3 fmix32 finalisers). Bijective on uint32, good avalanche.
 */
export function hash32(x: number): number {
  x >>>= 0;
  x ^= x >>> 16;
  x = Math.imul(x, 0x7feb352d); // lowbias32 multiplier 1 (hash-prospector)
  x ^= x >>> 15;
  x = Math.imul(x, 0x846ca68b); // lowbias32 multiplier 2 (hash-prospector)
  x ^= x >>> 16;
  return x >>> 0;
}

/** Hash of (seed, a, b) to a uint32; each input is chained through the finaliser. */
export function hash3(seed: number, a: number, b: number): number {
  // 0x9e3779b9 = 2^32 / golden ratio (Weyl increment used by splitmix), decorrelates the chain steps.
  let h = hash32((seed ^ 0x9e3779b9) >>> 0);
  h = hash32((h ^ (a >>> 0)) + 0x9e3779b9);
  h = hash32((h ^ (b >>> 0)) + 0x9e3779b9);
  return h;
}

/** Uniform draw in the open interval (0, 1) from (seed, a, b). */
export function uniform01(seed: number, a: number, b: number): number {
  return (hash3(seed, a, b) + 0.5) / 4294967296; // 2^32
}

/**
 * Derive a child seed from a parent seed and a small integer tag (e.g. a gNB index), so that
 * independent fields can be created from one scenario seed.
 */
export function deriveSeed(seed: number, tag: number): number {
  return hash3(seed, tag, 0x5eed);
}

/**
 * Standard normal CDF Φ(z) via erf, Abramowitz & Stegun eq. 7.1.26 (|error| <= 1.5e-7).
 * Useful to turn a spatially consistent N(0,1) field into a spatially consistent uniform draw
 * (e.g. for the LOS/NLOS decision, TR 38.901 §7.6.3.3).
 */
export function normalCdf(z: number): number {
  const x = Math.abs(z) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * x); // A&S 7.1.26 p
  const poly =
    t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429)))); // A&S 7.1.26 a1..a5
  const erf = 1 - poly * Math.exp(-x * x);
  return z >= 0 ? 0.5 * (1 + erf) : 0.5 * (1 - erf);
}
