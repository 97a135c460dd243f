import { describe, expect, it } from 'vitest';
import { sampler } from '../engine/distributions';
import { RandomStreams } from '../engine/random';
import { upwardTrend } from './trend';

const noise = (n: number, seed: string, sd: number) => {
  const draw = sampler({ kind: 'normal', mean: 0, sd }, new RandomStreams(seed).stream('series', 'noise'));
  return Array.from({ length: n }, draw);
};

describe('upwardTrend', () => {
  it('fits the least-squares slope of the batch means (exact on a line)', () => {
    const y = Array.from({ length: 100 }, (_, i) => 3 + 0.5 * i);
    const t = upwardTrend(y);
    expect(t.slope).toBeCloseTo(0.5, 12);
    expect(t.rise).toBeCloseTo(0.5 * 99, 10);
    expect(t.growing).toBe(true);
  });

  it('a growing queue under noise is found; a stationary one is not', () => {
    for (const seed of ['1', '2', '3', '4', '5']) {
      expect(upwardTrend(noise(400, seed, 3).map((e, i) => 10 + i / 20 + e)).growing).toBe(true);
      expect(upwardTrend(noise(400, seed, 3).map((e) => 10 + e)).growing).toBe(false);
    }
  });

  it('a significant but immaterial rise (under 20 % of the level) is not growth', () => {
    const y = Array.from({ length: 100 }, (_, i) => 100 + i / 10); // +9.9 on a level of 105
    expect(upwardTrend(y).t).toBeGreaterThan(1e6);
    expect(upwardTrend(y).growing).toBe(false);
  });
});
