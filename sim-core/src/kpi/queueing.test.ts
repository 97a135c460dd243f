import { describe, expect, it } from 'vitest';
import { erlangC, jacksonTandem, mm1, mmc } from './queueing';
import { replicate } from './replicate';

describe('queueing formulas', () => {
  it('M/M/1', () => {
    const r = mm1(0.8, 1);
    expect(r.rho).toBeCloseTo(0.8, 12);
    expect(r.L).toBeCloseTo(4, 12);
    expect(r.W).toBeCloseTo(5, 12);
    expect(r.Lq).toBeCloseTo(3.2, 12);
  });

  it('Erlang C and M/M/c (M/M/1 as c = 1; a textbook value)', () => {
    expect(erlangC(1, 0.8)).toBeCloseTo(0.8, 12);
    const one = mmc(0.8, 1, 1);
    expect(one.L).toBeCloseTo(4, 12);
    // c = 2, a = 1 (ρ = 0.5): C = 1/3, Lq = 1/3, W = 1/λ · L = 4/3 with λ = 1, μ = 1.
    expect(erlangC(2, 1)).toBeCloseTo(1 / 3, 12);
    const two = mmc(1, 1, 2);
    expect(two.Lq).toBeCloseTo(1 / 3, 12);
    expect(two.W).toBeCloseTo(4 / 3, 12);
    expect(() => mmc(3, 1, 3)).toThrow(RangeError);
  });

  it('tandem Jackson network', () => {
    const r = jacksonTandem(0.5, [1, 0.8]);
    expect(r.throughput).toBe(0.5);
    expect(r.W).toBeCloseTo(2 + 1 / 0.3, 12);
    expect(r.L).toBeCloseTo(0.5 * (2 + 1 / 0.3), 12);
  });
});

describe('replicate', () => {
  it('gives a Student-t interval per KPI and leaves NaN runs out', () => {
    const r = replicate((seed) => ({ x: Number(seed), y: seed === 1 ? Number.NaN : 5 }), [1, 2, 3]);
    expect(r.x.mean).toBe(2);
    expect(r.x.n).toBe(3);
    // t(0.975, 2) = 4.302653 ; sd = 1 ; half width = 4.302653 / √3
    expect(r.x.halfWidth).toBeCloseTo(4.302653 / Math.sqrt(3), 5);
    expect(r.x.lower).toBeCloseTo(2 - r.x.halfWidth, 12);
    expect(r.y).toEqual({ mean: 5, halfWidth: 0, lower: 5, upper: 5, n: 2 });
  });
});
