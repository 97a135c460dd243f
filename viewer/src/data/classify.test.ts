import { describe, expect, it } from 'vitest';
import { notableKind, seriesGroup } from './classify';

describe('classify', () => {
  it('puts series on their charts', () => {
    expect(seriesGroup('throughput_parts_per_h')).toBe('throughput');
    expect(seriesGroup('wip_parts')).toBe('wip');
    expect(seriesGroup('latency_p99_ms/urllc')).toBe('latency');
    expect(seriesGroup('prb_util/G1')).toBe('prb');
    expect(seriesGroup('agv_count/moving')).toBe('agvStates');
    expect(seriesGroup('energy_kwh')).toBe('other');
  });
  it('recognises notable events and not their ends', () => {
    expect(notableKind('safety-stop')).toBe('safetyStop');
    expect(notableKind('safety-resume')).toBeUndefined();
    expect(notableKind('failure')).toBe('failure');
    expect(notableKind('repair')).toBeUndefined();
    expect(notableKind('handover')).toBe('handover');
    expect(notableKind('part-completed')).toBeUndefined();
  });
});
