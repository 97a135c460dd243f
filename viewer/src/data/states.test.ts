import * as simCore from '@factory-twin/sim-core';
import { describe, expect, it } from 'vitest';
import {
  AGV_COLORS,
  AGV_LABELS,
  AGV_STATES,
  AGV_UNKNOWN,
  agvStateCode,
  MACHINE_COLORS,
  MACHINE_LABELS,
  MACHINE_STATES,
  MACHINE_UNKNOWN,
  machineStateCode,
} from './states';

describe('viewer states', () => {
  it('are sim-core’s machine and AGV states, in its order', () => {
    expect([...MACHINE_STATES]).toEqual(['idle', 'setup', 'busy', 'blocked', 'starved', 'down', 'off-shift']);
    expect(MACHINE_STATES).toEqual(simCore.MACHINE_STATES);
    expect(AGV_STATES).toEqual(simCore.AGV_STATES);
  });

  it('decode sim-core’s names exactly (off-shift), anything else as unknown', () => {
    expect(machineStateCode('off-shift')).toBe(MACHINE_STATES.indexOf('off-shift'));
    expect(machineStateCode('offShift')).toBe(MACHINE_UNKNOWN);
    expect(MACHINE_STATES.map(machineStateCode)).toEqual(MACHINE_STATES.map((_, i) => i));
    expect(AGV_STATES.map(agvStateCode)).toEqual(AGV_STATES.map((_, i) => i));
    expect(agvStateCode('moving')).toBe(AGV_UNKNOWN);
  });

  it('have a colour (palette.test.ts checks them) and a label for every state and for unknown', () => {
    expect(MACHINE_COLORS).toHaveLength(MACHINE_STATES.length + 1);
    expect(MACHINE_LABELS).toHaveLength(MACHINE_STATES.length + 1);
    expect(AGV_COLORS).toHaveLength(AGV_STATES.length + 1);
    expect(AGV_LABELS).toHaveLength(AGV_STATES.length + 1);
    expect(MACHINE_LABELS[machineStateCode('off-shift')]).toBe('state.offShift');
  });
});
