import { describe, expect, it } from 'vitest';
import { agvStateSeries } from './agv-state-series';

describe('agvStateSeries', () => {
  it('counts AGVs per state at the end of each slice', () => {
    const a = { timesMs: Float64Array.of(0, 1500), codes: Int32Array.of(0, 1) };
    const b = { timesMs: Float64Array.of(500, 2500), codes: Int32Array.of(1, 0) };
    const s = agvStateSeries([a, b], ['idle', 'moving'], 0, 3000);
    expect(s.map((x) => x.key)).toEqual(['agv_count/idle', 'agv_count/moving']);
    expect(Array.from(s[0].tMs)).toEqual([1000, 2000, 3000]);
    expect(Array.from(s[0].values)).toEqual([1, 0, 1]);
    expect(Array.from(s[1].values)).toEqual([1, 2, 1]);
  });
  it('gives nothing without state changes', () => {
    expect(agvStateSeries([], ['idle'], 0, 10)).toEqual([]);
  });
});
