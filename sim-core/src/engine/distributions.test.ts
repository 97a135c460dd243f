import { describe, expect, it } from 'vitest';
import {
  type DistributionSpec,
  erfc,
  gamma,
  lnGamma,
  mean,
  normalCdf,
  sampler,
  validateDistribution,
  variance,
} from './distributions';
import { type RandomStream, RandomStreams } from './random';

const N = 200_000;

/** A fake stream replaying fixed uniforms (cyclically) and counting calls. */
class FakeStream implements RandomStream {
  calls = 0;
  constructor(private readonly values: number[]) {}
  next(): number {
    return this.values[this.calls++ % this.values.length];
  }
}

function drawMany(spec: DistributionSpec, n: number, purpose = JSON.stringify(spec)): Float64Array {
  const draw = sampler(spec, new RandomStreams(2024).stream('distributions.test', purpose));
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = draw();
  return out;
}

/** Sample mean, variance (n − 1) and 4th central moment. */
function moments(xs: Float64Array): { m: number; v: number; m4: number } {
  let sum = 0;
  for (const x of xs) sum += x;
  const m = sum / xs.length;
  let s2 = 0;
  let s4 = 0;
  for (const x of xs) {
    const d2 = (x - m) ** 2;
    s2 += d2;
    s4 += d2 * d2;
  }
  return { m, v: s2 / (xs.length - 1), m4: s4 / xs.length };
}

const cases: [string, DistributionSpec][] = [
  ['uniform', { kind: 'uniform', min: -2, max: 5 }],
  ['exponential', { kind: 'exponential', mean: 4 }],
  ['normal', { kind: 'normal', mean: 10, sd: 2 }],
  ['normal truncated below the mean (rejection)', { kind: 'normal', mean: 1, sd: 1, min: 0 }],
  ['normal truncated far below the mean', { kind: 'normal', mean: 10, sd: 2, min: 4 }],
  ['normal truncated in the tail (Robert 1995)', { kind: 'normal', mean: 0, sd: 1, min: 3 }],
  ['lognormal', { kind: 'lognormal', mean: 5, sd: 2 }],
  ['triangular', { kind: 'triangular', min: 1, mode: 2, max: 6 }],
  ['triangular with mode at min', { kind: 'triangular', min: 0, mode: 0, max: 1 }],
  ['weibull', { kind: 'weibull', shape: 1.5, scale: 2 }],
  ['weibull with shape < 1', { kind: 'weibull', shape: 0.8, scale: 3 }],
  ['bernoulli', { kind: 'bernoulli', p: 0.3 }],
  ['empirical weighted', { kind: 'empirical', values: [1, 2, 5, 10], weights: [1, 0, 3, 6] }],
  ['empirical unweighted', { kind: 'empirical', values: [7, 8, 9] }],
  [
    'empiricalCdf with an atom',
    {
      kind: 'empiricalCdf',
      points: [
        [0, 0],
        [1, 0.5],
        [1, 0.7],
        [4, 1],
      ],
    },
  ],
];

describe('sampler moments match mean() and variance()', () => {
  it.each(cases)('%s', (_name, spec) => {
    const xs = drawMany(spec, N);
    const { m, v, m4 } = moments(xs);
    const mu = mean(spec);
    const sigma2 = variance(spec);
    // 5 standard errors: SE(mean) = σ/√n; SE(variance) ≈ √((μ4 − σ⁴)/n), μ4 estimated from the sample.
    expect(Math.abs(m - mu)).toBeLessThan(5 * Math.sqrt(sigma2 / N));
    expect(Math.abs(v - sigma2)).toBeLessThan(5 * Math.sqrt(Math.max(m4 - v * v, 0) / N) + 1e-12);
  });

  it('constant always returns its value', () => {
    const xs = drawMany({ kind: 'constant', value: 3.5 }, 100);
    expect(xs.every((x) => x === 3.5)).toBe(true);
    expect(mean({ kind: 'constant', value: 3.5 })).toBe(3.5);
    expect(variance({ kind: 'constant', value: 3.5 })).toBe(0);
  });
});

describe('support', () => {
  it('truncated normal never goes below min', () => {
    expect(Math.min(...drawMany({ kind: 'normal', mean: 1, sd: 1, min: 0 }, 20_000))).toBeGreaterThanOrEqual(
      0,
    );
    expect(Math.min(...drawMany({ kind: 'normal', mean: 0, sd: 1, min: 3 }, 20_000))).toBeGreaterThanOrEqual(
      3,
    );
  });

  it('empirical draws only listed values, never zero-weight ones, with the right frequencies', () => {
    const xs = drawMany({ kind: 'empirical', values: [1, 2, 5, 10], weights: [1, 0, 3, 6] }, 50_000);
    const counts = new Map<number, number>();
    for (const x of xs) counts.set(x, (counts.get(x) ?? 0) + 1);
    expect([...counts.keys()].sort((a, b) => a - b)).toEqual([1, 5, 10]);
    const p10 = (counts.get(10) ?? 0) / xs.length;
    expect(Math.abs(p10 - 0.6)).toBeLessThan(5 * Math.sqrt((0.6 * 0.4) / xs.length));
  });

  it('uniform, triangular, weibull and bernoulli stay in their support', () => {
    const u = drawMany({ kind: 'uniform', min: -2, max: 5 }, 20_000);
    expect(u.every((x) => x >= -2 && x < 5)).toBe(true);
    const t = drawMany({ kind: 'triangular', min: 1, mode: 2, max: 6 }, 20_000);
    expect(t.every((x) => x >= 1 && x <= 6)).toBe(true);
    expect(drawMany({ kind: 'weibull', shape: 0.8, scale: 3 }, 20_000).every((x) => x >= 0)).toBe(true);
    expect(drawMany({ kind: 'bernoulli', p: 0.3 }, 1000).every((x) => x === 0 || x === 1)).toBe(true);
  });

  it('lognormal: the log has mean ln m − σ²/2 with σ² = ln(1 + s²/m²)', () => {
    const xs = drawMany({ kind: 'lognormal', mean: 5, sd: 2 }, N);
    const sigma2 = Math.log(1 + 4 / 25);
    let sum = 0;
    for (const x of xs) sum += Math.log(x);
    expect(Math.abs(sum / N - (Math.log(5) - sigma2 / 2))).toBeLessThan(5 * Math.sqrt(sigma2 / N));
  });
});

describe('inversion with a fake stream', () => {
  it('maps uniforms as the inverse CDFs say', () => {
    const at = (spec: DistributionSpec, u: number) => sampler(spec, new FakeStream([u]))();
    expect(at({ kind: 'uniform', min: 2, max: 4 }, 0)).toBe(2);
    expect(at({ kind: 'uniform', min: 2, max: 4 }, 0.25)).toBe(2.5);
    expect(at({ kind: 'exponential', mean: 3 }, 0)).toBe(0);
    expect(at({ kind: 'exponential', mean: 3 }, 1 - Math.exp(-1))).toBeCloseTo(3, 12);
    expect(at({ kind: 'triangular', min: 1, mode: 2, max: 6 }, 0.2)).toBeCloseTo(2, 12); // F(mode) = 1/5
    expect(at({ kind: 'weibull', shape: 2, scale: 3 }, 1 - Math.exp(-1))).toBeCloseTo(3, 12);
    expect(at({ kind: 'bernoulli', p: 0.3 }, 0.29)).toBe(1);
    expect(at({ kind: 'bernoulli', p: 0.3 }, 0.3)).toBe(0);
    const table: DistributionSpec = { kind: 'empirical', values: [1, 2, 5], weights: [1, 0, 3] };
    expect(at(table, 0.24)).toBe(1);
    expect(at(table, 0.25)).toBe(5);
    expect(at(table, 1 - 2 ** -53)).toBe(5);
    const cdf: DistributionSpec = {
      kind: 'empiricalCdf',
      points: [
        [0, 0],
        [1, 0.5],
        [1, 0.7],
        [4, 1],
      ],
    };
    expect(at(cdf, 0)).toBe(0);
    expect(at(cdf, 0.25)).toBe(0.5);
    expect(at(cdf, 0.6)).toBe(1);
    expect(at(cdf, 0.85)).toBeCloseTo(2.5, 12);
  });

  it('normal caches the second value of each polar pair (≈ 4/π uniforms per draw, not 8/π)', () => {
    const counter = new (class implements RandomStream {
      calls = 0;
      private readonly inner = new RandomStreams(1).stream('count', 'normal');
      next(): number {
        this.calls++;
        return this.inner.next();
      }
    })();
    const draw = sampler({ kind: 'normal', mean: 0, sd: 1 }, counter);
    for (let i = 0; i < 10_000; i++) draw();
    expect(counter.calls / 10_000).toBeGreaterThan(1.2);
    expect(counter.calls / 10_000).toBeLessThan(1.35);
  });

  it('is deterministic: same seed and names, same draws', () => {
    const spec: DistributionSpec = { kind: 'normal', mean: 0, sd: 1 };
    expect(drawMany(spec, 101, 'x')).toEqual(drawMany(spec, 101, 'x'));
    expect(drawMany(spec, 101, 'x')).not.toEqual(drawMany(spec, 101, 'y'));
  });
});

describe('closed forms', () => {
  it('triangular mean (a+b+c)/3 and variance (a²+b²+c²−ab−ac−bc)/18', () => {
    const spec: DistributionSpec = { kind: 'triangular', min: 1, mode: 2, max: 6 };
    expect(mean(spec)).toBeCloseTo(3, 14);
    expect(variance(spec)).toBeCloseTo(21 / 18, 14);
  });

  it('weibull mean scale·Γ(1+1/k), variance scale²(Γ(1+2/k) − Γ(1+1/k)²)', () => {
    expect(mean({ kind: 'weibull', shape: 2, scale: 1 })).toBeCloseTo(Math.sqrt(Math.PI) / 2, 13);
    expect(variance({ kind: 'weibull', shape: 2, scale: 1 })).toBeCloseTo(1 - Math.PI / 4, 13);
    expect(mean({ kind: 'weibull', shape: 1, scale: 7 })).toBeCloseTo(7, 12); // = exponential
    expect(variance({ kind: 'weibull', shape: 1, scale: 7 })).toBeCloseTo(49, 11);
    expect(mean({ kind: 'weibull', shape: 0.5, scale: 3 })).toBeCloseTo(6, 12);
    expect(variance({ kind: 'weibull', shape: 0.5, scale: 3 })).toBeCloseTo(180, 10);
    expect(mean({ kind: 'weibull', shape: 1.5, scale: 2 })).toBeCloseTo(1.805490585901867, 12); // scipy
  });

  it('truncated normal moments match scipy.stats.truncnorm', () => {
    expect(mean({ kind: 'normal', mean: 1, sd: 1, min: 0 })).toBeCloseTo(1.2875999709391783, 12);
    expect(variance({ kind: 'normal', mean: 1, sd: 1, min: 0 })).toBeCloseTo(0.6296862857766055, 12);
    expect(mean({ kind: 'normal', mean: 0, sd: 1, min: 3 })).toBeCloseTo(3.28309865493044, 11);
    expect(variance({ kind: 'normal', mean: 0, sd: 1, min: 3 })).toBeCloseTo(0.07055918678525586, 11);
    expect(mean({ kind: 'normal', mean: 10, sd: 2, min: 4 })).toBeCloseTo(10.008875678084252, 12);
    expect(variance({ kind: 'normal', mean: 10, sd: 2, min: 4 })).toBeCloseTo(3.9466671538330367, 11);
  });

  it('lognormal and empirical moments', () => {
    expect(mean({ kind: 'lognormal', mean: 5, sd: 2 })).toBe(5);
    expect(variance({ kind: 'lognormal', mean: 5, sd: 2 })).toBe(4);
    const table: DistributionSpec = { kind: 'empirical', values: [1, 2, 5, 10], weights: [1, 0, 3, 6] };
    expect(mean(table)).toBeCloseTo(7.6, 13);
    expect(variance(table)).toBeCloseTo(0.1 * 6.6 ** 2 + 0.3 * 2.6 ** 2 + 0.6 * 2.4 ** 2, 12);
    const cdf: DistributionSpec = {
      kind: 'empiricalCdf',
      points: [
        [0, 0],
        [1, 0.5],
        [1, 0.7],
        [4, 1],
      ],
    };
    expect(mean(cdf)).toBeCloseTo(0.25 + 0.2 + 0.75, 13);
    // E[X²] = 0.5·(1/3) + 0.2·1 + 0.3·(1 + 4 + 16)/3
    expect(variance(cdf)).toBeCloseTo(0.5 / 3 + 0.2 + 0.1 * 21 - 1.2 ** 2, 12);
  });
});

describe('special functions (references from scipy.special)', () => {
  it('gamma and lnGamma', () => {
    expect(gamma(5)).toBeCloseTo(24, 11);
    expect(gamma(0.5)).toBeCloseTo(Math.sqrt(Math.PI), 13);
    expect(gamma(0.1) / 9.513507698668732).toBeCloseTo(1, 13);
    expect(gamma(-1.5) / 2.363271801207355).toBeCloseTo(1, 13);
    expect(gamma(4.5) / 11.63172839656745).toBeCloseTo(1, 13);
    expect(lnGamma(100) / 359.1342053695754).toBeCloseTo(1, 14);
    expect(lnGamma(1)).toBeCloseTo(0, 14);
  });

  it('erfc and normalCdf, including far tails', () => {
    expect(erfc(0.5)).toBeCloseTo(0.4795001221869535, 14);
    expect(erfc(-1)).toBeCloseTo(1.8427007929497148, 14);
    expect(erfc(1e-3)).toBeCloseTo(0.9988716212090307, 14);
    expect(erfc(3) / 2.2090496998585445e-5).toBeCloseTo(1, 12);
    expect(erfc(10) / 2.0884875837625446e-45).toBeCloseTo(1, 12);
    expect(normalCdf(1.96)).toBeCloseTo(0.9750021048517795, 14);
    expect(normalCdf(-5) / 2.866515718791933e-7).toBeCloseTo(1, 12);
    expect(normalCdf(-37) / 5.7255712225239266e-300).toBeCloseTo(1, 10);
  });
});

describe('validateDistribution', () => {
  it('accepts every valid case', () => {
    for (const [, spec] of cases) expect(validateDistribution(spec)).toEqual([]);
    expect(validateDistribution({ kind: 'normal', mean: 5, sd: 0, min: 5 })).toEqual([]);
    expect(validateDistribution({ kind: 'triangular', min: 2, mode: 2, max: 2 })).toEqual([]);
  });

  it('reports problems in human-readable form without throwing', () => {
    expect(validateDistribution({ kind: 'normal', mean: 0, sd: -1 })).toEqual([
      'normal: sd must be >= 0, got -1',
    ]);
    expect(validateDistribution({ kind: 'exponential', mean: 0 })).toEqual([
      'exponential: mean must be > 0, got 0',
    ]);
    expect(validateDistribution({ kind: 'uniform', min: 3, max: 1 })).toEqual([
      'uniform: min must be <= max, got 3 > 1',
    ]);
    expect(validateDistribution({ kind: 'weibull', shape: 'x', scale: -2 })).toEqual([
      'weibull: shape must be a finite number, got "x"',
      'weibull: scale must be > 0, got -2',
    ]);
    expect(validateDistribution({ kind: 'bernoulli', p: 1.5 })).toEqual([
      'bernoulli: p must be in [0, 1], got 1.5',
    ]);
    expect(validateDistribution({ kind: 'triangular', min: 0, mode: 5, max: 4 })).toEqual([
      'triangular: must have min <= mode <= max, got 0, 5, 4',
    ]);
    expect(validateDistribution({ kind: 'lognormal', mean: -1, sd: Number.NaN })).toHaveLength(2);
    expect(validateDistribution({ kind: 'normal', mean: 0, sd: 1, min: 31 })).toHaveLength(1);
    expect(validateDistribution({ kind: 'normal', mean: 0, sd: 0, min: 1 })).toHaveLength(1);
    expect(validateDistribution({ kind: 'empirical', values: [] })).toHaveLength(1);
    expect(validateDistribution({ kind: 'empirical', values: [1, 2], weights: [1] })).toHaveLength(1);
    expect(validateDistribution({ kind: 'empirical', values: [1, 2], weights: [0, 0] })).toEqual([
      'empirical: weights must not all be 0',
    ]);
    expect(validateDistribution({ kind: 'empirical', values: [1, 2], weights: [1, -1] })).toHaveLength(1);
    expect(
      validateDistribution({
        kind: 'empiricalCdf',
        points: [
          [0, 0.1],
          [2, 0.5],
          [1, 0.4],
        ],
      }),
    ).toEqual([
      'empiricalCdf: points[2]: x must be non-decreasing, got 1 after 2',
      'empiricalCdf: points[2]: cumulativeP must be non-decreasing in [0, 1], got 0.4',
      'empiricalCdf: the first cumulativeP must be 0, got 0.1',
      'empiricalCdf: the last cumulativeP must be 1, got 0.4',
    ]);
    expect(validateDistribution({ kind: 'empiricalCdf', points: [[0, 0], [1]] })).toHaveLength(1);
    expect(validateDistribution({ kind: 'gaussian', mean: 0 })[0]).toMatch(
      /unknown distribution kind "gaussian"/,
    );
    expect(validateDistribution(null)).toHaveLength(1);
    expect(validateDistribution([1, 2])).toHaveLength(1);
  });

  it('sampler, mean and variance throw on an invalid spec', () => {
    const bad = { kind: 'normal', mean: 0, sd: -1 } as const;
    expect(() => sampler(bad, new FakeStream([0.5]))).toThrow(/sd must be >= 0, got -1/);
    expect(() => mean(bad)).toThrow(RangeError);
    expect(() => variance(bad)).toThrow(RangeError);
  });
});
