import { EVENT_KINDS } from '@factory-twin/sim-core';
import { describe, expect, it } from 'vitest';
import { notableKind, seriesGroup, seriesMeta } from './classify';

describe('classify', () => {
  it('puts series on their charts', () => {
    expect(seriesGroup('throughput_parts_per_h')).toBe('throughput');
    expect(seriesGroup('wip_parts')).toBe('wip');
    expect(seriesGroup('latency_p99_ms/urllc')).toBe('latency');
    expect(seriesGroup('prb_util/G1')).toBe('prb');
    expect(seriesGroup('agv_count/moving')).toBe('agvStates');
    expect(seriesGroup('energy_kwh')).toBe('other');
  });

  it('labels series from sim-core’s metadata, and names the others by their name', () => {
    expect(seriesMeta('prb_util_ul/G1')).toEqual({ label: 'G1 UL PRB use', unit: 'share' });
    expect(seriesMeta('throughput_parts_per_h')).toEqual({ label: 'throughput', unit: 'parts/h' });
    expect(seriesMeta('latency_p99_ms/urllc')).toEqual({ label: 'latency_p99_ms/urllc', unit: 'ms' });
  });

  it('recognises sim-core’s notable events and not their ends', () => {
    expect(notableKind('safetyStop')).toBe('safetyStop');
    expect(notableKind('resume')).toBeUndefined();
    expect(notableKind('failure')).toBe('failure');
    expect(notableKind('repair')).toBeUndefined();
    expect(notableKind('handover')).toBe('handover');
    expect(notableKind('partCompleted')).toBeUndefined();
    expect(notableKind('toString')).toBeUndefined();
    const notable = EVENT_KINDS.filter((k) => notableKind(k) !== undefined);
    expect(notableKind('survivalTimeExceeded')).toBe('linkLoss');
    expect(notableKind('recovered')).toBeUndefined();
    expect(notable).toEqual(['failure', 'safetyStop', 'handover', 'survivalTimeExceeded']);
  });
});
