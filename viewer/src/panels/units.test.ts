import { RECORDED_SERIES } from '@factory-twin/sim-core';
import { describe, expect, it } from 'vitest';
import { displayUnit, scaled, withUnit } from './units';

describe('display units', () => {
  it('shows a PRB use (a share in the registry) in percent', () => {
    const meta = RECORDED_SERIES.lookup('prb_util_ul/G1')!;
    expect(meta.unit).toBe('share');
    const d = displayUnit(meta.unit);
    expect(d).toEqual({ unit: '%', factor: 100 });
    expect(Array.from(scaled(Float32Array.from([0, 0.25, 1]), d.factor))).toEqual([0, 25, 100]);
  });

  it('keeps other units and values as recorded', () => {
    const meta = RECORDED_SERIES.lookup('throughput_parts_per_h')!;
    const d = displayUnit(meta.unit);
    expect(d).toEqual({ unit: meta.unit, factor: 1 });
    const v = Float32Array.from([3, 4]);
    expect(scaled(v, d.factor)).toBe(v);
    expect(withUnit(meta.label, d.unit)).toBe(`${meta.label} (${meta.unit})`);
    expect(withUnit('AGVs idle', displayUnit('count').unit)).toBe('AGVs idle');
  });
});
