import { studentTQuantile } from '@factory-twin/sim-core';
import { describe, expect, it } from 'vitest';
import { compareMetrics, compareToPacket, planningTolerance, plantPasses } from './compare';

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

describe('flow-validation planning tolerance', () => {
  it('lets a figure outside a narrow interval pass within its tolerance, and no further', () => {
    const packet = [0.99995, 0.99996, 0.99997].map((v) => ({
      'video.onTime': v,
      'video.p99Ms': 40,
      'GNB1.ulPrbUse': 0.5,
      throughputPerHour: 10,
    }));
    const near = compareMetrics(packet, [
      {
        'video.onTime': 0.99996 + 0.9e-4,
        'video.p99Ms': 41.9,
        'GNB1.ulPrbUse': 0.504,
        throughputPerHour: 10,
      },
    ]);
    expect(near.map((r) => [r.metric, r.pass, r.withinTolerance])).toEqual([
      ['GNB1.ulPrbUse', false, true],
      ['throughputPerHour', true, true],
      ['video.onTime', false, true],
      ['video.p99Ms', false, true], // 5 % of 40 ms = 2 ms
    ]);
    expect(plantPasses(near)).toBe(true);
    const far = compareMetrics(packet, [
      {
        'video.onTime': 0.99996 + 1.1e-4,
        'video.p99Ms': 42.1,
        'GNB1.ulPrbUse': 0.506,
        throughputPerHour: 10.1,
      },
    ]);
    expect(far.map((r) => r.withinTolerance)).toEqual([false, false, false, false]);
    expect(plantPasses(far)).toBe(false);
    expect(planningTolerance('motionControl.p50Ms', 4)).toBe(0.5);
  });
});
