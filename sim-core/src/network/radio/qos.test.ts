import { describe, expect, it } from 'vitest';
import { fiveQi, SERVICE_TARGETS, STANDARDIZED_5QI, type TrafficClass } from './qos';

describe('standardized 5QI (TS 23.501 Table 5.7.4-1)', () => {
  it('contains every required value', () => {
    for (const v of [1, 2, 3, 4, 5, 6, 7, 8, 9, 65, 66, 67, 69, 70, 79, 80, 82, 83, 84, 85, 86]) {
      expect(STANDARDIZED_5QI[v]?.fiveQi).toBe(v);
    }
    expect(() => fiveQi(81)).toThrow(RangeError);
  });

  it.each([
    // 5QI, type, priority, PDB ms, PER, MDBV bytes
    [1, 'GBR', 20, 100, 1e-2, null],
    [2, 'GBR', 40, 150, 1e-3, null],
    [3, 'GBR', 30, 50, 1e-3, null],
    [4, 'GBR', 50, 300, 1e-6, null],
    [65, 'GBR', 7, 75, 1e-2, null],
    [66, 'GBR', 20, 100, 1e-2, null],
    [67, 'GBR', 15, 100, 1e-3, null],
    [5, 'non-GBR', 10, 100, 1e-6, null],
    [6, 'non-GBR', 60, 300, 1e-6, null],
    [7, 'non-GBR', 70, 100, 1e-3, null],
    [8, 'non-GBR', 80, 300, 1e-6, null],
    [9, 'non-GBR', 90, 300, 1e-6, null],
    [69, 'non-GBR', 5, 60, 1e-6, null],
    [70, 'non-GBR', 55, 200, 1e-6, null],
    [79, 'non-GBR', 65, 50, 1e-2, null],
    [80, 'non-GBR', 68, 10, 1e-6, null],
    [82, 'delay-critical-GBR', 19, 10, 1e-4, 255],
    [83, 'delay-critical-GBR', 22, 10, 1e-4, 1354],
    [84, 'delay-critical-GBR', 24, 30, 1e-5, 1354],
    [85, 'delay-critical-GBR', 21, 5, 1e-5, 255],
    [86, 'delay-critical-GBR', 18, 5, 1e-4, 1354],
  ] as const)('5QI %s', (v, type, prio, pdb, per, mdbv) => {
    const c = fiveQi(v);
    expect(c.resourceType).toBe(type);
    expect(c.priorityLevel).toBe(prio);
    expect(c.packetDelayBudgetMs).toBe(pdb);
    expect(c.packetErrorRate).toBe(per);
    expect(c.maxDataBurstVolumeBytes).toBe(mdbv);
    expect(c.averagingWindowMs).toBe(type === 'non-GBR' ? null : 2000);
  });
});

describe('service targets (TS 22.104 / assumptions)', () => {
  const classes: TrafficClass[] = ['motionControl', 'machineTelemetry', 'video', 'controlOrders'];

  it('are internally consistent', () => {
    for (const tc of classes) {
      const t = SERVICE_TARGETS[tc];
      expect(t.trafficClass).toBe(tc);
      expect(t.transferIntervalMs.min).toBeLessThanOrEqual(t.designTransferIntervalMs);
      expect(t.designTransferIntervalMs).toBeLessThanOrEqual(t.transferIntervalMs.max);
      expect(t.messageSizeBytes.min).toBeLessThanOrEqual(t.messageSizeBytes.max);
      expect(t.availabilityPct).toBeGreaterThan(99);
      expect(t.availabilityPct).toBeLessThan(100);
      // The suggested 5QI's packet delay budget fits within the class latency bound.
      expect(fiveQi(t.fiveQi).packetDelayBudgetMs).toBeLessThanOrEqual(t.maxEndToEndLatencyMs);
      expect(t.source.length).toBeGreaterThan(0);
    }
  });

  it('motion control: 99.9999 % availability, survival time, delay-critical 5QI whose MDBV fits a message', () => {
    const t = SERVICE_TARGETS.motionControl;
    expect(t.availabilityPct).toBe(99.9999);
    expect(t.survivalTimeMs).toBe(10);
    const c = fiveQi(t.fiveQi);
    expect(c.resourceType).toBe('delay-critical-GBR');
    expect(c.maxDataBurstVolumeBytes!).toBeGreaterThanOrEqual(t.messageSizeBytes.max);
  });

  it('telemetry maps to 5QI 3 (process automation monitoring example service)', () => {
    expect(SERVICE_TARGETS.machineTelemetry.fiveQi).toBe(3);
    expect(fiveQi(3).exampleServices).toMatch(/process automation monitoring/);
  });
});
