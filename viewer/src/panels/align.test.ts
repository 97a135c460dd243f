import { describe, expect, it } from 'vitest';
import { holdOnto, timeWeightedMean, valueAt } from './align';

describe('series alignment', () => {
  const t = [10, 20, 30];
  const v = [1, 2, 3];
  it('holds the last sample', () => {
    expect(Array.from(holdOnto(t, v, [5, 10, 25, 40]))).toEqual([Number.NaN, 1, 2, 3]);
    expect(valueAt(t, v, 29.9)).toBe(2);
    expect(valueAt(t, v, 9)).toBeNaN();
  });
  it('weights by time held', () => {
    // [10,20) at 1, [20,30) at 2, [30,40] at 3
    expect(timeWeightedMean(t, v, 10, 40)).toBeCloseTo(2);
    expect(timeWeightedMean(t, v, 15, 25)).toBeCloseTo(1.5);
    expect(timeWeightedMean(t, v, 0, 5)).toBeNaN();
  });
});
