import { describe, expect, it } from 'vitest';
import { chargersInUse } from './charger-use';

const CHARGING = 5;
const chargers = [
  { xM: 10, yM: 10 },
  { xM: 30, yM: 10 },
  { xM: 50, yM: 10 },
];

describe('chargersInUse', () => {
  it('marks a charger in use while a charging AGV stands on it, and only then', () => {
    const out = new Uint8Array(3);
    // AGV 0 charging at the first charger, AGV 1 charging 0.5 m off the second, AGV 2 idle on the third,
    // AGV 3 charging far from any charger (between two: neither is in use).
    const x = [10, 30.3, 50, 40];
    const y = [10, 10.4, 10, 10];
    const s = [CHARGING, CHARGING, 0, CHARGING];
    expect(chargersInUse(chargers, x, y, s, CHARGING, 1, out)).toBe(true);
    expect([...out]).toEqual([1, 1, 0]);
    // Nothing moved: no change reported.
    expect(chargersInUse(chargers, x, y, s, CHARGING, 1, out)).toBe(false);
    // The first AGV leaves (moving): its charger is free again.
    s[0] = 1;
    expect(chargersInUse(chargers, x, y, s, CHARGING, 1, out)).toBe(true);
    expect([...out]).toEqual([0, 1, 0]);
  });

  it('counts the reach as a distance, not per axis', () => {
    const out = new Uint8Array(3);
    // 0.8 m off on both axes: 1.13 m away, outside a 1 m reach although each offset is inside it.
    chargersInUse(chargers, [10.8], [10.8], [CHARGING], CHARGING, 1, out);
    expect([...out]).toEqual([0, 0, 0]);
    chargersInUse(chargers, [10.7], [10.7], [CHARGING], CHARGING, 1, out);
    expect([...out]).toEqual([1, 0, 0]);
  });
});
