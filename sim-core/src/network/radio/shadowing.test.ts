import { describe, expect, it } from 'vitest';
import { deriveSeed, hash3, hash32, normalCdf, uniform01 } from './random';
import { createShadowField, INF_SF_DECORRELATION_M } from './shadowing';

const SIGMA = 4.3; // InF-LOS σ_SF, TR 38.901 Table 7.4.1-1
const D = INF_SF_DECORRELATION_M; // 10 m, TR 38.901 Table 7.5-6 Part-3
const AREA_M = 2000;

/** Deterministic pseudo-random point in [0, AREA_M)² from (seed, i). */
function point(seed: number, i: number): [number, number] {
  return [AREA_M * uniform01(seed, i, 11), AREA_M * uniform01(seed, i, 12)];
}

/** Empirical normalised correlation at lag `lagM` in random directions, pooled over `seeds` fields. */
function correlationAt(lagM: number, seeds: number, points: number): number {
  let sum = 0;
  let count = 0;
  for (let s = 0; s < seeds; s++) {
    const field = createShadowField({ seed: 1000 + s, sigmaDb: SIGMA, decorrelationM: D });
    for (let i = 0; i < points; i++) {
      const [x, y] = point(77 + s, i);
      const a = 2 * Math.PI * uniform01(99 + s, i, 13);
      sum += field.sampleDb(x, y) * field.sampleDb(x + lagM * Math.cos(a), y + lagM * Math.sin(a));
      count++;
    }
  }
  return sum / count / (SIGMA * SIGMA);
}

describe('spatially consistent shadow fading field', () => {
  it('is deterministic for a seed and differs across seeds', () => {
    const a = createShadowField({ seed: 42, sigmaDb: SIGMA, decorrelationM: D });
    const b = createShadowField({ seed: 42, sigmaDb: SIGMA, decorrelationM: D });
    const c = createShadowField({ seed: 43, sigmaDb: SIGMA, decorrelationM: D });
    for (let i = 0; i < 50; i++) {
      const [x, y] = point(1, i);
      expect(a.sampleDb(x, y)).toBe(b.sampleDb(x, y));
    }
    expect(a.sampleDb(12.5, 7.25)).not.toBe(c.sampleDb(12.5, 7.25));
  });

  it('has zero mean, standard deviation σ and a Gaussian-like marginal', () => {
    let sum = 0;
    let sumSq = 0;
    let within1Sigma = 0;
    let count = 0;
    for (let s = 0; s < 20; s++) {
      const field = createShadowField({ seed: s, sigmaDb: SIGMA, decorrelationM: D });
      for (let i = 0; i < 2000; i++) {
        const [x, y] = point(500 + s, i);
        const v = field.sampleDb(x, y);
        sum += v;
        sumSq += v * v;
        if (Math.abs(v) < SIGMA) within1Sigma++;
        count++;
      }
    }
    const mean = sum / count;
    const sd = Math.sqrt(sumSq / count - mean * mean);
    expect(Math.abs(mean)).toBeLessThan(0.1 * SIGMA);
    expect(sd).toBeGreaterThan(0.95 * SIGMA);
    expect(sd).toBeLessThan(1.05 * SIGMA);
    // Standard normal: P(|Z| < 1) = 0.682689 (python: math.erf(1/math.sqrt(2))).
    expect(within1Sigma / count).toBeGreaterThan(0.66);
    expect(within1Sigma / count).toBeLessThan(0.705);
  });

  it('has exponential autocorrelation exp(-Δ/d_corr)', () => {
    // Targets: exp(-0.5) = 0.606531, exp(-1) = 0.367879, exp(-2) = 0.135335.
    expect(correlationAt(0.5 * D, 30, 1000)).toBeCloseTo(0.606531, 1);
    expect(Math.abs(correlationAt(D, 30, 1000) - 0.367879)).toBeLessThan(0.05);
    expect(Math.abs(correlationAt(2 * D, 30, 1000) - 0.135335)).toBeLessThan(0.05);
    expect(Math.abs(correlationAt(10 * D, 30, 1000))).toBeLessThan(0.05);
  });

  it('fields with different seeds are uncorrelated', () => {
    const a = createShadowField({ seed: 7, sigmaDb: SIGMA, decorrelationM: D });
    const b = createShadowField({ seed: 8, sigmaDb: SIGMA, decorrelationM: D });
    let sab = 0;
    const n = 5000;
    for (let i = 0; i < n; i++) {
      const [x, y] = point(3, i);
      sab += a.sampleDb(x, y) * b.sampleDb(x, y);
    }
    expect(Math.abs(sab / n / (SIGMA * SIGMA))).toBeLessThan(0.08);
  });

  it('is continuous: a 1 cm step changes the value by well under 1 dB', () => {
    const f = createShadowField({ seed: 5, sigmaDb: SIGMA, decorrelationM: D });
    let maxStep = 0;
    for (let i = 0; i < 2000; i++) {
      const [x, y] = point(9, i);
      maxStep = Math.max(maxStep, Math.abs(f.sampleDb(x + 0.01, y) - f.sampleDb(x, y)));
    }
    expect(maxStep).toBeLessThan(0.3);
  });

  it('scales with σ and validates its parameters', () => {
    const f1 = createShadowField({ seed: 1, sigmaDb: 1, decorrelationM: D });
    const f7 = createShadowField({ seed: 1, sigmaDb: 7.2, decorrelationM: D });
    expect(f7.sampleDb(3, 4)).toBeCloseTo(7.2 * f1.sampleDb(3, 4), 10);
    expect(createShadowField({ seed: 1, sigmaDb: 0, decorrelationM: D }).sampleDb(3, 4)).toBeCloseTo(0, 12);
    expect(() => createShadowField({ seed: 1, sigmaDb: 1, decorrelationM: 0 })).toThrow(RangeError);
    expect(() => createShadowField({ seed: 1, sigmaDb: 1, decorrelationM: 10, components: 0 })).toThrow(
      RangeError,
    );
  });
});

describe('random helpers', () => {
  it('hash32 is a fixed function (regression values) and uniform01 lies in (0, 1)', () => {
    // Reference values from an independent python3 implementation of lowbias32 and the hash3 chain
    // (x ^= x>>16; x *= 0x7feb352d; x ^= x>>15; x *= 0x846ca68b; x ^= x>>16, all mod 2^32).
    expect(hash32(0)).toBe(0);
    expect(hash32(1)).toBe(1753845952);
    expect(hash3(1, 2, 3)).toBe(1109219233);
    expect(uniform01(1, 2, 3)).toBeCloseTo(0.2582602280890569, 15);
    for (let i = 0; i < 1000; i++) {
      const u = uniform01(123, i, 0);
      expect(u).toBeGreaterThan(0);
      expect(u).toBeLessThan(1);
    }
    expect(deriveSeed(1, 0)).not.toBe(deriveSeed(1, 1));
  });

  it('uniform01 is uniform (mean 1/2, variance 1/12)', () => {
    let s = 0;
    let s2 = 0;
    const n = 20000;
    for (let i = 0; i < n; i++) {
      const u = uniform01(2024, i, 3);
      s += u;
      s2 += u * u;
    }
    expect(s / n).toBeCloseTo(0.5, 2);
    expect(s2 / n - (s / n) ** 2).toBeCloseTo(1 / 12, 2);
  });

  it('normalCdf matches the standard normal CDF (python: 0.5*(1+math.erf(z/math.sqrt(2))))', () => {
    expect(normalCdf(0)).toBeCloseTo(0.5, 7);
    expect(normalCdf(1)).toBeCloseTo(0.8413447460685429, 6);
    expect(normalCdf(-1.96)).toBeCloseTo(0.024997895148220435, 6);
    expect(normalCdf(3)).toBeCloseTo(0.9986501019683699, 6);
  });
});
