import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  confidenceInterval,
  confidenceIntervalFromStats,
  normalQuantile,
  pairedTTest,
  percentiles,
  quantile,
  RunningStats,
  studentTCdf,
  studentTQuantile,
  TimeWeighted,
  welchTTest,
} from './stats';

function naive(xs: number[]): { mean: number; variance: number } {
  const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
  return { mean, variance: xs.reduce((a, x) => a + (x - mean) ** 2, 0) / (xs.length - 1) };
}

describe('RunningStats', () => {
  it('computes count, mean, sample variance, sd, min, max', () => {
    const s = new RunningStats();
    for (const x of [2, 4, 4, 4, 5, 5, 7, 9]) s.add(x);
    expect(s.count).toBe(8);
    expect(s.mean).toBe(5);
    expect(s.variance).toBeCloseTo(32 / 7, 14);
    expect(s.sd).toBeCloseTo(Math.sqrt(32 / 7), 14);
    expect(s.min).toBe(2);
    expect(s.max).toBe(9);
  });

  it('is NaN when empty, variance NaN with one value', () => {
    const s = new RunningStats();
    expect(s.mean).toBeNaN();
    expect(s.min).toBeNaN();
    expect(s.variance).toBeNaN();
    s.add(3);
    expect(s.mean).toBe(3);
    expect(s.variance).toBeNaN();
  });

  it('is stable with a large offset (where the sum-of-squares formula fails)', () => {
    const s = new RunningStats();
    for (const x of [1e9 + 4, 1e9 + 7, 1e9 + 13, 1e9 + 16]) s.add(x);
    expect(s.mean).toBe(1e9 + 10);
    expect(s.variance).toBeCloseTo(30, 8);
  });

  it('property: matches the two-pass formula, and merge equals adding everything', () => {
    const arr = fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 0, maxLength: 40 });
    fc.assert(
      fc.property(arr, arr, (a, b) => {
        const all = [...a, ...b];
        const sa = new RunningStats();
        const sb = new RunningStats();
        const sAll = new RunningStats();
        for (const x of a) sa.add(x);
        for (const x of b) sb.add(x);
        for (const x of all) sAll.add(x);
        sa.merge(sb);
        expect(sa.count).toBe(all.length);
        if (all.length === 0) return;
        const ref = naive(all);
        const scale = Math.max(1, ...all.map(Math.abs));
        expect(Math.abs(sAll.mean - ref.mean)).toBeLessThan(1e-9 * scale);
        expect(Math.abs(sa.mean - ref.mean)).toBeLessThan(1e-9 * scale);
        expect(sa.min).toBe(Math.min(...all));
        expect(sa.max).toBe(Math.max(...all));
        if (all.length > 1) {
          expect(Math.abs(sAll.variance - ref.variance)).toBeLessThan(1e-9 * scale * scale);
          expect(Math.abs(sa.variance - ref.variance)).toBeLessThan(1e-9 * scale * scale);
        }
      }),
      { seed: 7, numRuns: 200 },
    );
  });
});

describe('TimeWeighted', () => {
  it('averages a piecewise-constant signal over time', () => {
    const q = new TimeWeighted(0, 0);
    q.set(10, 2); // 0 on [0,10)
    q.set(30, 1); // 2 on [10,30)
    q.set(30, 5); // zero-length: no weight
    q.set(40, 0); // 5 on [30,40)
    expect(q.integral(50)).toBe(40 + 50);
    expect(q.mean(50)).toBeCloseTo(90 / 50, 14);
    expect(q.mean(40)).toBeCloseTo(90 / 40, 14);
    expect(q.current).toBe(0);
    expect(q.max).toBe(5);
  });

  it('reset() deletes the warm-up and carries the current value over', () => {
    const q = new TimeWeighted(0, 100); // a huge initial transient
    q.set(5, 3);
    q.reset(20);
    expect(q.max).toBe(3);
    q.set(30, 1);
    expect(q.mean(40)).toBeCloseTo((3 * 10 + 1 * 10) / 20, 14);
  });

  it('rejects time going backwards and gives NaN over an empty interval', () => {
    const q = new TimeWeighted(10, 1);
    expect(q.mean(10)).toBeNaN();
    q.set(20, 2);
    expect(() => q.set(19, 0)).toThrow(RangeError);
    expect(() => q.reset(15)).toThrow(RangeError);
    expect(() => q.mean(15)).toThrow(RangeError);
  });
});

describe('quantile and percentiles (type 7)', () => {
  it('matches numpy.quantile (linear)', () => {
    const xs = [1, 2, 3, 4, 10];
    expect(quantile(xs, 0)).toBe(1);
    expect(quantile(xs, 1)).toBe(10);
    expect(quantile(xs, 0.5)).toBe(3);
    expect(quantile(xs, 0.9)).toBeCloseTo(7.6, 14); // h = 3.6 → 4 + 0.6·6
    expect(quantile(xs, 0.1)).toBeCloseTo(1.4, 14);
    expect(quantile([42], 0.3)).toBe(42);
    expect(quantile([], 0.5)).toBeNaN();
    expect(() => quantile(xs, 1.1)).toThrow(RangeError);
    expect(() => quantile(xs, Number.NaN)).toThrow(RangeError);
  });

  it('percentiles sorts a copy numerically (not lexicographically)', () => {
    const values = [10, 9, 100, 1, 2];
    const got = percentiles(values, [0, 0.25, 0.5, 0.95, 1]);
    for (const [i, want] of [1, 2, 9, 82, 100].entries()) expect(got[i]).toBeCloseTo(want, 12);
    expect(values).toEqual([10, 9, 100, 1, 2]);
  });
});

describe('Student t', () => {
  it('quantiles match table values', () => {
    const table: [number, number, number][] = [
      [0.975, 1, 12.7062],
      [0.975, 2, 4.3027],
      [0.975, 4, 2.7764],
      [0.975, 9, 2.2622],
      [0.975, 29, 2.0452],
      [0.975, 1000, 1.9623],
    ];
    for (const [p, df, t] of table) expect(studentTQuantile(p, df)).toBeCloseTo(t, 4);
  });

  it('quantiles match scipy.stats.t.ppf to 1e-9 relative, incl. heavy tails and real df', () => {
    const ref: [number, number, number][] = [
      [0.975, 9, 2.262157162798205],
      [0.995, 3, 5.840909309733355],
      [0.9995, 1, 636.6192487687897],
      [0.9995, 2, 31.599054576445365],
      [0.6, 5, 0.2671808657041451],
      [0.025, 7, -2.3646242515927844],
      [0.975, 2.5, 3.5746548420036817],
      [0.999999, 1, 318309.88617359026],
      [0.999, 0.5, 102849.11563017538],
      [0.975, 1e6, 1.959966356814107],
      [0.975, 1e8, 1.9599640082627663],
    ];
    for (const [p, df, t] of ref) expect(Math.abs(studentTQuantile(p, df) / t - 1)).toBeLessThan(1e-9);
    expect(studentTQuantile(0.5, 3)).toBe(0);
    expect(studentTQuantile(1, 3)).toBe(Number.POSITIVE_INFINITY);
    expect(studentTQuantile(0, 3)).toBe(Number.NEGATIVE_INFINITY);
    expect(() => studentTQuantile(0.9, 0)).toThrow(RangeError);
    expect(() => studentTQuantile(1.5, 3)).toThrow(RangeError);
  });

  it('CDF matches scipy.stats.t.cdf and closed forms', () => {
    expect(studentTCdf(2, 5)).toBeCloseTo(0.9490302605850708, 12);
    expect(studentTCdf(-1.3, 3.7)).toBeCloseTo(0.13433336208631375, 12);
    expect(studentTCdf(0, 10)).toBe(0.5);
    expect(studentTCdf(10, 1)).toBeCloseTo(0.5 + Math.atan(10) / Math.PI, 13); // Cauchy
    expect(studentTCdf(3.5, 100)).toBeCloseTo(0.9996517861413219, 12);
  });

  it('property: CDF(quantile(p)) = p', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1e-6, max: 1 - 1e-6, noNaN: true }),
        fc.double({ min: 0.5, max: 5000, noNaN: true }),
        (p, df) => {
          expect(Math.abs(studentTCdf(studentTQuantile(p, df), df) - p)).toBeLessThan(1e-10);
        },
      ),
      { seed: 11, numRuns: 200 },
    );
  });

  it('normalQuantile', () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 13);
    expect(normalQuantile(1e-10) / -6.361340902404056).toBeCloseTo(1, 12);
    expect(normalQuantile(0.5)).toBe(0);
  });
});

describe('confidenceInterval', () => {
  it('computes mean ± t·sd/√n', () => {
    const ci = confidenceInterval([2, 4, 4, 4, 5, 5, 7, 9]);
    const sd = Math.sqrt(32 / 7);
    const hw = (2.3646242515927844 * sd) / Math.sqrt(8); // t(0.975, 7)
    expect(ci.n).toBe(8);
    expect(ci.mean).toBe(5);
    expect(ci.sd).toBeCloseTo(sd, 14);
    expect(ci.halfWidth).toBeCloseTo(hw, 12);
    expect(ci.lower).toBeCloseTo(5 - hw, 12);
    expect(ci.upper).toBeCloseTo(5 + hw, 12);
    expect(confidenceInterval([2, 4, 4, 4, 5, 5, 7, 9], 0.99).halfWidth).toBeCloseTo(
      (3.4994832973504924 * sd) / Math.sqrt(8), // t(0.995, 7)
      12,
    );
    expect(confidenceInterval(Float64Array.of(1, 3)).halfWidth).toBeCloseTo(12.706204736174694, 10);
  });

  it('has an infinite half-width with fewer than 2 values', () => {
    const one = confidenceInterval([3]);
    expect(one.mean).toBe(3);
    expect(one.halfWidth).toBe(Number.POSITIVE_INFINITY);
    expect(one.lower).toBe(Number.NEGATIVE_INFINITY);
    expect(one.sd).toBeNaN();
    const none = confidenceIntervalFromStats(new RunningStats());
    expect(none.n).toBe(0);
    expect(none.mean).toBeNaN();
    expect(none.halfWidth).toBe(Number.POSITIVE_INFINITY);
    expect(() => confidenceInterval([1, 2], 1)).toThrow(RangeError);
  });
});

describe('welchTTest', () => {
  // References: scipy.stats.ttest_ind(a, b, equal_var=False)
  const a = [27.5, 21.0, 19.0, 23.6, 17.0, 17.9, 16.9, 20.1, 21.9, 22.6, 23.1, 19.6, 19.0, 21.7, 21.4];
  const b = [27.1, 22.0, 20.8, 23.4, 23.4, 23.5, 25.8, 22.0, 24.8, 20.2, 21.9, 22.1, 22.9, 20.5, 24.4];

  it('matches scipy on a classic example', () => {
    const r = welchTTest(a, b);
    expect(r.diff).toBeCloseTo(naive(a).mean - naive(b).mean, 12);
    expect(r.t).toBeCloseTo(-2.455356398286006, 10);
    expect(r.df).toBeCloseTo(24.988529290231416, 9);
    expect(r.pValue).toBeCloseTo(0.021378001462866992, 10);
    expect(r.significant).toBe(true);
    expect(welchTTest(a, b, 0.01).significant).toBe(false);
  });

  it('is symmetric and not significant for identical samples', () => {
    const r = welchTTest(b, a);
    expect(r.t).toBeCloseTo(2.455356398286006, 10);
    expect(r.pValue).toBeCloseTo(0.021378001462866992, 10);
    const same = welchTTest(a, a);
    expect(same.t).toBe(0);
    expect(same.pValue).toBeCloseTo(1, 14);
    expect(same.significant).toBe(false);
  });

  it('handles degenerate samples', () => {
    expect(welchTTest([1], [2, 3]).pValue).toBeNaN();
    expect(welchTTest([1], [2, 3]).significant).toBe(false);
    expect(welchTTest([2, 2], [2, 2]).pValue).toBe(1);
    const r = welchTTest([3, 3, 3], [2, 2]);
    expect(r.t).toBe(Number.POSITIVE_INFINITY);
    expect(r.pValue).toBe(0);
    expect(r.significant).toBe(true);
  });
});

describe('pairedTTest', () => {
  it('matches the closed form of Student t with 3 degrees of freedom', () => {
    // d = 1, 2, 1, 2: mean 1.5, sd = √(1/3), t = 1.5 / (sd / 2) = 3√3.
    const r = pairedTTest([5, 7, 9, 11], [4, 5, 8, 9]);
    const t = 3 * Math.sqrt(3);
    expect(r.diff).toBeCloseTo(1.5, 12);
    expect(r.t).toBeCloseTo(t, 10);
    expect(r.df).toBe(3);
    // df = 3: F(t) = ½ + (1/π)[x/(1 + x²) + atan x], x = t/√3.
    const x = t / Math.sqrt(3);
    const upper = 0.5 - (x / (1 + x * x) + Math.atan(x)) / Math.PI;
    expect(r.pValue).toBeCloseTo(2 * upper, 9);
    expect(r.significant).toBe(true);
    expect(r.ci.halfWidth).toBeCloseTo((3.182446305284263 * Math.sqrt(1 / 3)) / 2, 9);
  });

  it('identical samples: no difference, p = 1; a constant shift is exact', () => {
    const a = [3, 8, 1, 9];
    expect(pairedTTest(a, a)).toMatchObject({ diff: 0, pValue: 1, significant: false });
    expect(pairedTTest(a, a).ci.halfWidth).toBe(0);
    expect(
      pairedTTest(
        a.map((v) => v + 0.5),
        a,
      ),
    ).toMatchObject({ pValue: 0, significant: true });
  });

  it('cancels common noise that hides the difference from Welch', () => {
    const base = [10, 50, 20, 80, 30];
    const better = base.map((v, i) => v + 1 + (i % 2) * 0.2);
    expect(welchTTest(better, base).significant).toBe(false);
    expect(pairedTTest(better, base).significant).toBe(true);
  });
});
