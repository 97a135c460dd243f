import { describe, expect, it } from 'vitest';
import { RandomStreams } from '../../engine/random';
import { buildAgvFleet } from '../../factory/agv/fleet';
import { type GridRunOptions, gridRun, scheduleGridWorkload } from '../../factory/agv/testing';
import type { DeploymentMode } from '../radio/deployment';
import { OUTAGE_PROFILES } from './deployment-outages';
import { OutageProcess, scriptedPeriods } from './outage-process';
import { withOutages } from './with-outages';

const MIN = 60_000;
const OPTIONS: GridRunOptions = {
  seed: 11,
  cols: 5,
  rows: 4,
  spacingM: 10,
  vehicles: 3,
  stations: 8,
  requests: 600,
  meanInterarrivalMs: 10_000, // more than three AGVs carry: the fleet is the bottleneck
  dispatch: 'nearestIdle',
};
const OUTAGE_START_MS = 20 * MIN;
const END_MS = 80 * MIN;

/** The grid workload on a fake network (never fails by itself) behind `mode`'s outage scope. */
function run(mode: DeploymentMode, outageMin: number) {
  const streams = new RandomStreams(OPTIONS.seed);
  const r = gridRun(OPTIONS, streams);
  const outages =
    outageMin > 0 ? [{ startMs: OUTAGE_START_MS, endMs: OUTAGE_START_MS + outageMin * MIN }] : [];
  const process = new OutageProcess(r.sim, scriptedPeriods(outages));
  const network = withOutages(r.network, process, OUTAGE_PROFILES[mode].affects);
  const fleet = buildAgvFleet(r.sim, r.config, { network });
  const stops: number[] = [];
  const resumes: number[] = [];
  fleet.probes.events.stream$.subscribe((e) => {
    if (e.kind === 'safetyStop') stops.push(e.timeMs);
    if (e.kind === 'resume') resumes.push(e.timeMs);
  });
  scheduleGridWorkload(r, OPTIONS, fleet, streams);
  r.sim.run({ untilMs: END_MS });
  const delivered = r.times.filter((row) => row !== undefined && row[2] > 0).length;
  return { stops, resumes, delivered, effects: network.effects };
}

describe('withOutages on an AGV fleet', () => {
  const survivalMs = 10; // TEST_VEHICLE's motion control (TS 22.104 Table 5.2-1)

  it('a WAN outage safety-stops AGVs under public and slice, from start + survival time to the end', () => {
    for (const mode of ['public', 'slice'] as const) {
      const r = run(mode, 10);
      expect(r.stops.length).toBeGreaterThan(0);
      for (const t of r.stops) expect(t).toBe(OUTAGE_START_MS + survivalMs);
      for (const t of r.resumes) expect(t).toBe(OUTAGE_START_MS + 10 * MIN);
      expect(r.resumes.length).toBe(r.stops.length);
      expect(r.effects.survivalFailures).toBeGreaterThanOrEqual(r.stops.length);
    }
  });

  it('the same outage stops nothing under hybrid (local breakout): deliveries as without it', () => {
    const none = run('public', 0);
    const hybrid = run('hybrid', 10);
    expect(none.stops).toEqual([]);
    expect(hybrid.stops).toEqual([]);
    expect(hybrid.delivered).toBe(none.delivered);
  });

  it('an on-site core outage stops AGVs under private', () => {
    expect(run('private', 10).stops.length).toBeGreaterThan(0);
  });

  it('deliveries lost grow with the outage length, at about the fleet rate', () => {
    const base = run('public', 0).delivered;
    const ratePerMin = base / (END_MS / MIN);
    const lost = [5, 10, 20].map((m) => base - run('public', m).delivered);
    expect(lost[0]).toBeGreaterThan(0);
    expect(lost[1]).toBeGreaterThan(lost[0]);
    expect(lost[2]).toBeGreaterThan(lost[1]);
    // A stopped fleet delivers nothing: the loss is the outage times the fleet's rate, within a few moves.
    [5, 10, 20].forEach((m, i) => {
      expect(lost[i]).toBeGreaterThan(0.8 * ratePerMin * m - 3);
      expect(lost[i]).toBeLessThan(1.2 * ratePerMin * m + 3);
    });
  });
});
