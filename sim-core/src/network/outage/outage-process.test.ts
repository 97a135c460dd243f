import { describe, expect, it } from 'vitest';
import { RandomStreams } from '../../engine/random';
import { Simulation } from '../../engine/simulation';
import { defaultOutageTimes } from './deployment-outages';
import { exponentialPeriods, OutageProcess, scriptedPeriods, timesFromAvailability } from './outage-process';

const MIN = 60_000;
const H = 60 * MIN;

describe('OutageProcess', () => {
  it('derives MTBF from the availability: A = MTBF / (MTBF + MTTR)', () => {
    const t = timesFromAvailability(99.9, 30 * MIN);
    expect(t.mtbfMs / (t.mtbfMs + t.mttrMs)).toBeCloseTo(0.999, 12);
    expect(t.mtbfMs).toBeCloseTo(499.5 * H, 2);
    expect(() => timesFromAvailability(100, 1)).toThrow(/availabilityPct/);
  });

  it('spends 1 − A of the time down, within the CI of the alternating renewal process', () => {
    const a = 0.999;
    const times = defaultOutageTimes('public');
    const sim = new Simulation();
    const untilMs = 2_000_000 * H; // about 4000 cycles of ~500 h
    const p = new OutageProcess(
      sim,
      exponentialPeriods(new RandomStreams(7).stream('wan', 'outage'), times),
      untilMs,
    );
    const events = sim.run({ untilMs }).events;
    const s = p.stats(untilMs);
    const n = (untilMs * (1 - a)) / times.mttrMs; // expected cycles
    // Delta method on D̄/(Ū+D̄) with exponential U and D: SE = √2·A·(1−A)/√n.
    const se = (Math.SQRT2 * a * (1 - a)) / Math.sqrt(n);
    expect(Math.abs(s.downShare - (1 - a))).toBeLessThan(4 * se);
    expect(Math.abs(s.meanOutageMs - times.mttrMs)).toBeLessThan((4 * times.mttrMs) / Math.sqrt(s.count));
    // One event per boundary, nothing else.
    expect(events).toBeGreaterThanOrEqual(2 * s.count - 1);
    expect(events).toBeLessThanOrEqual(2 * s.count);
  });

  it('follows a script, and counts only what lies after resetStats', () => {
    const sim = new Simulation();
    const p = new OutageProcess(
      sim,
      scriptedPeriods([
        { startMs: 100, endMs: 300 },
        { startMs: 1000, endMs: 1500 },
      ]),
    );
    const seen: [boolean, number][] = [];
    p.subscribe((down, t) => seen.push([down, t]));
    sim.run({ untilMs: 1200 });
    expect(p.isDown()).toBe(true);
    expect(p.downMsWithin(0, 1200)).toBe(400);
    sim.run();
    expect(seen).toEqual([
      [true, 100],
      [false, 300],
      [true, 1000],
      [false, 1500],
    ]);
    p.resetStats(500);
    expect(p.stats(2500)).toEqual({ count: 1, downShare: 500 / 2000, meanOutageMs: 500 });
  });
});
