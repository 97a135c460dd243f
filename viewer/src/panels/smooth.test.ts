import { describe, expect, it } from 'vitest';
import { clockTicks, formatClock, tickLabel } from '../timeline/navigation';
import { movingMean } from './smooth';

describe('movingMean', () => {
  it('averages the samples in the trailing window: an alternating 0/60 series becomes its mean', () => {
    const t = Array.from({ length: 40 }, (_, i) => (i + 1) * 60_000);
    const v = t.map((_, i) => (i % 2 === 0 ? 0 : 60));
    const m = movingMean(t, v, 10 * 60_000);
    // From the 10th sample on, the window holds 5 zeros and 5 sixties.
    for (let i = 9; i < t.length; i++) expect(m[i]).toBeCloseTo(30, 12);
    expect(m[0]).toBe(0);
    expect(m[1]).toBe(30);
  });

  it('skips NaN samples and gives NaN for an empty window', () => {
    const m = movingMean([1, 2, 100], [Number.NaN, 4, Number.NaN], 10);
    expect(Number.isNaN(m[0])).toBe(true);
    expect(m[1]).toBe(4);
    expect(Number.isNaN(m[2])).toBe(true);
  });
});

describe('clock ticks', () => {
  it('falls on round clock values', () => {
    // 0 .. 4 h with about 5 ticks: one per hour.
    expect(clockTicks(0, 4 * 3_600_000, 5).map(formatClock)).toEqual([
      '0:00:00',
      '1:00:00',
      '2:00:00',
      '3:00:00',
      '4:00:00',
    ]);
    // 0:12 .. 1:47 with about 4 ticks: every 30 min from 0:30.
    const ticks = clockTicks(12 * 60_000, 107 * 60_000, 4);
    expect(ticks.map((t) => tickLabel(t, 1_800_000))).toEqual(['0:30', '1:00', '1:30']);
    expect(clockTicks(5, 5, 4)).toEqual([]);
  });
});
