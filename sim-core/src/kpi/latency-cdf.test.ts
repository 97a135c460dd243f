import { describe, expect, it } from 'vitest';
import { LatencyCdfCollector, poolLatencyCdfs } from './latency-cdf';

describe('poolLatencyCdfs', () => {
  it('pools step CDFs by delivered packets: the CDF of the replications put together', () => {
    const a = { edgesMs: [1, 2], cumulative: [0.5, 1], delivered: 10, lost: 1 };
    const b = { edgesMs: [2, 3], cumulative: [0.4, 0.8], delivered: 30, lost: 2 };
    const pooled = poolLatencyCdfs([{ video: a }, { video: b, telemetry: a }]);
    expect(Object.keys(pooled)).toEqual(['telemetry', 'video']);
    // At each edge: Σ delivered·F(edge) / Σ delivered, each F 0 before its first edge, its last value after.
    const v = pooled.video;
    expect(v.edgesMs).toEqual([1, 2, 3]);
    expect(v.cumulative[0]).toBeCloseTo((10 * 0.5 + 30 * 0) / 40, 12);
    expect(v.cumulative[1]).toBeCloseTo((10 * 1 + 30 * 0.4) / 40, 12);
    expect(v.cumulative[2]).toBeCloseTo((10 * 1 + 30 * 0.8) / 40, 12);
    expect(v.delivered).toBe(40);
    expect(v.lost).toBe(3);
    expect(pooled.telemetry).toEqual(a);
  });

  it('equals the CDF of one collector that saw every replication', () => {
    const latencies = [
      [0.3, 1.2, 4, 4, 9],
      [0.7, 2.5, 30, 0.05],
    ];
    const each = latencies.map((run) => {
      const c = new LatencyCdfCollector();
      for (const ms of run) c.add('x', ms, false);
      return c.cdfs();
    });
    const all = new LatencyCdfCollector();
    for (const ms of latencies.flat()) all.add('x', ms, false);
    const pooled = poolLatencyCdfs(each).x;
    const whole = all.cdfs().x;
    // Compare at the whole's edges (the pooled CDF may carry edges where it does not step).
    for (const [i, edge] of whole.edgesMs.entries())
      expect(pooled.cumulative[pooled.edgesMs.indexOf(edge)], `at ${edge} ms`).toBeCloseTo(
        whole.cumulative[i],
        12,
      );
  });
});
