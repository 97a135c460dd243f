import { describe, expect, it } from 'vitest';
import { sampler } from '../engine/distributions';
import { RandomStreams } from '../engine/random';
import { mser } from './mser';

const noise = (n: number, seed: string, sd = 1) => {
  const draw = sampler({ kind: 'normal', mean: 0, sd }, new RandomStreams(seed).stream('series', 'noise'));
  return Array.from({ length: n }, draw);
};

describe('MSER-5 (White 1997)', () => {
  it('finds a known initial transient: an exponential decay of 8 sd with time constant 40', () => {
    // y_t = 8·e^{−t/40} + ε_t: the bias drops below 0.1 sd after t = 40·ln(80) ≈ 175.
    for (const seed of ['a', 'b', 'c', 'd']) {
      const y = noise(2000, seed).map((e, t) => 8 * Math.exp(-t / 40) + e);
      const r = mser(y);
      expect(r.atLimit).toBe(false);
      expect(r.batches).toBe(400);
      expect(r.truncate).toBeGreaterThanOrEqual(80); // bias still > 1 sd before t = 83
      expect(r.truncate).toBeLessThanOrEqual(300);
    }
  });

  it('cuts a level shift at the shift, within two batches', () => {
    const y = noise(1000, 'shift').map((e, t) => (t < 150 ? 5 : 0) + e);
    const r = mser(y);
    expect(Math.abs(r.truncate - 150)).toBeLessThanOrEqual(10);
  });

  it('computes MSER(d) = Σ_{j>d}(Z_j − Z̄_d)² / (m − d)² on batch means of 5', () => {
    // Batch means 9, 1, 1, 1, 1, 1, 1, 1: truncating the first batch leaves zero variance.
    const y = [9, 9, 9, 9, 9, ...new Array(35).fill(1)];
    const r = mser(y);
    expect(r.truncateBatches).toBe(1);
    expect(r.truncate).toBe(5);
    expect(r.statistic).toBe(0);
    // Batch means 1, 3, 1, 3, …: MSER(0) = Σ(±1)²/8² = 8/64; MSER(1) = (7 − 7·(15/7)²·… ) is larger.
    const alt = Array.from({ length: 40 }, (_, i) => (Math.floor(i / 5) % 2 === 0 ? 1 : 3));
    expect(mser(alt).statistic).toBeCloseTo(8 / 64, 12);
    expect(mser(alt).truncateBatches).toBe(0);
  });

  it('says there is no steady state in a series that keeps growing', () => {
    const y = noise(1000, 'ramp', 0.5).map((e, t) => t / 10 + e);
    const r = mser(y);
    expect(r.atLimit).toBe(true);
    expect(r.truncateBatches).toBe(100);
  });

  it('too few batches: nothing truncated, no steady state claimed', () => {
    expect(mser([1, 2, 3, 4, 5, 6, 7])).toMatchObject({ truncate: 0, atLimit: true, batches: 1 });
  });
});
