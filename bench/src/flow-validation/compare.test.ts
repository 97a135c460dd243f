import { studentTQuantile } from '@factory-twin/sim-core';
import { describe, expect, it } from 'vitest';
import { compareMetrics, compareToPacket } from './compare';

describe('flow-validation comparison', () => {
  it('passes a flow mean inside the packet 95 % interval and fails one outside', () => {
    // Packet throughput 10, 12, 14: mean 12, sd 2, half-width t(0.975, 2) · 2 / √3.
    const packet = [10, 12, 14].map((v) => ({ throughputPerHour: v, 'video.p99Ms': 100 }));
    const half = (studentTQuantile(0.975, 2) * 2) / Math.sqrt(3);
    const inside = compareMetrics(packet, [{ throughputPerHour: 12 + 0.9 * half, 'video.p99Ms': 100.4 }]);
    expect(inside.find((r) => r.metric === 'throughputPerHour')).toMatchObject({
      pass: true,
      packetMean: 12,
    });
    expect(inside.find((r) => r.metric === 'throughputPerHour')!.packetHalfWidth).toBeCloseTo(half, 12);
    // A zero-width interval: a latency percentile may still differ by the histogram's resolution.
    expect(inside.find((r) => r.metric === 'video.p99Ms')!.pass).toBe(true);
    const outside = compareMetrics(packet, [{ throughputPerHour: 12 + 1.1 * half, 'video.p99Ms': 101 }]);
    expect(outside.every((r) => !r.pass)).toBe(true);
  });

  it('against stored packet intervals (--packet-from) gives the same rows as with the packet runs', () => {
    const packet = [10, 12, 14].map((v) => ({ throughputPerHour: v, 'video.p99Ms': 100 + v }));
    const flow = [{ throughputPerHour: 13, 'video.p99Ms': 140 }];
    const rows = compareMetrics(packet, flow);
    expect(compareToPacket(rows, flow)).toEqual(rows);
    expect(rows.map((r) => r.pass)).toEqual([true, false]);
  });
});
