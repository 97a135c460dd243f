import { describe, expect, it } from 'vitest';
import { Simulation } from '../engine/simulation';
import { Calendar } from './calendar';

describe('Calendar', () => {
  it('knows shifts and breaks, and fires only at real changes', () => {
    // Shift 6:00–14:00 with a break 10:00–10:30, and a shift 14:00–22:00 (adjacent: no change at 14:00).
    const h = 3_600_000;
    const cal = new Calendar({
      cycleMs: 24 * h,
      periods: [
        { startMs: 6 * h, endMs: 10 * h },
        { startMs: 10.5 * h, endMs: 14 * h },
        { startMs: 14 * h, endMs: 22 * h },
      ],
    });
    expect(cal.isOnShift(0)).toBe(false);
    expect(cal.isOnShift(6 * h)).toBe(true);
    expect(cal.isOnShift(10.25 * h)).toBe(false);
    expect(cal.isOnShift(30 * h)).toBe(true);
    const sim = new Simulation();
    const changes: string[] = [];
    cal.start(sim, (on, t) => changes.push(`${t / h} ${on ? 'on' : 'off'}`));
    sim.run({ untilMs: 48 * h });
    expect(changes).toEqual(['6 on', '10 off', '10.5 on', '22 off', '30 on', '34 off', '34.5 on', '46 off']);
  });

  it('a period wrapping midnight is one shift; an always-on calendar schedules nothing', () => {
    const cal = new Calendar({
      cycleMs: 100,
      periods: [
        { startMs: 80, endMs: 100 },
        { startMs: 0, endMs: 20 },
      ],
    });
    expect(cal.nextChangeMs(0)).toBe(20);
    expect(cal.nextChangeMs(50)).toBe(80);
    expect(cal.nextChangeMs(85)).toBe(120);
    const always = new Calendar({ cycleMs: 100, periods: [{ startMs: 0, endMs: 100 }] });
    const sim = new Simulation();
    always.start(sim, () => {});
    expect(sim.pendingCount).toBe(0);
  });

  it('rejects periods outside the cycle', () => {
    expect(() => new Calendar({ cycleMs: 100, periods: [{ startMs: 50, endMs: 150 }] })).toThrow(RangeError);
  });
});
