import { describe, expect, it } from 'vitest';
import { percentiles } from '../kpi/stats';
import { LatencyHistogram } from './latency-histogram';

describe('LatencyHistogram', () => {
  it('matches exact quantiles within 0.5 % up to p99.9', () => {
    const h = new LatencyHistogram();
    const values: number[] = [];
    let x = 12345;
    for (let i = 0; i < 50_000; i++) {
      x = (x * 1103515245 + 12345) % 2147483648;
      const v = 0.5 + 30 * (x / 2147483648) ** 3;
      values.push(v);
      h.add(v);
    }
    const [p50, p95, p99, p999] = percentiles(values, [0.5, 0.95, 0.99, 0.999]);
    const s = h.summary();
    expect(s.count).toBe(50_000);
    expect(Math.abs(s.p50Ms / p50 - 1)).toBeLessThan(0.005);
    expect(Math.abs(s.p95Ms / p95 - 1)).toBeLessThan(0.005);
    expect(Math.abs(s.p99Ms / p99 - 1)).toBeLessThan(0.005);
    expect(Math.abs(s.p999Ms / p999 - 1)).toBeLessThan(0.005);
    expect(s.maxMs).toBe(Math.max(...values));
  });

  it('is empty after reset', () => {
    const h = new LatencyHistogram();
    h.add(3);
    h.reset();
    expect(h.summary().count).toBe(0);
    expect(Number.isNaN(h.summary().p99Ms)).toBe(true);
  });
});
