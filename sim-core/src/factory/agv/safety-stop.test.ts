import { describe, expect, it } from 'vitest';
import { Simulation } from '../../engine/simulation';
import type { AgvConfig } from './config';
import { buildAgvFleet } from './fleet';
import { type MotionSegment, positionAt } from './motion';
import { FakeControlNetwork, lineNetwork, TEST_VEHICLE } from './testing';
import type { AgvEvent } from './vehicle';

/** One AGV (2 m/s, accel 1, decel 0.5) carrying a part from N0 to the last node of a line at xs. */
function run(xs: number[], failure?: [number, number]) {
  const sim = new Simulation();
  const line = lineNetwork(xs);
  const last = xs.length - 1;
  const config: AgvConfig = {
    network: {
      ...line,
      stations: [
        { id: 'A', nodeId: 'N0', kind: 'buffer' },
        { id: 'B', nodeId: `N${last}`, kind: 'buffer' },
      ],
    },
    fleet: [{ ...TEST_VEHICLE, id: 'AGV1', startNodeId: 'N0', accelMps2: 1, decelMps2: 0.5 }],
    dispatch: 'fifo',
    motionControl: { intervalMs: 10, sizeBytes: 64, survivalTimeMs: 20 },
  };
  const network = new FakeControlNetwork(sim);
  const fleet = buildAgvFleet(sim, config, { network });
  if (failure) network.failStream('AGV1', failure[0], failure[1]);
  const segments: MotionSegment[] = [];
  const events: AgvEvent[] = [];
  fleet.probes.segments.stream$.subscribe((s) => segments.push(s));
  fleet.probes.events.stream$.subscribe((e) => events.push(e));
  let deliveredMs = Number.NaN;
  fleet.request({
    requestId: 1,
    partId: 1,
    productId: 'P',
    fromStationId: 'A',
    toStationId: 'B',
    priority: 0,
    requestedAtMs: 0,
    onPickedUp: () => {},
    onDelivered: (t) => {
      deliveredMs = t;
    },
  });
  sim.run();
  return { fleet, network, segments, events, deliveredMs };
}

// 100 m at 2 m/s, accel 1 (2 s, 2 m), decel 0.5 (4 s, 4 m): 100/2 + 1 + 2 = 53 s; load 5 s, unload 3 s.
const BASELINE_MS = 5000 + 53_000 + 3000;

describe('safety stop on motion-control survival time', () => {
  it('without a failure nothing fires and the stream runs only while driving', () => {
    const { deliveredMs, events, network } = run([0, 100]);
    expect(deliveredMs).toBeCloseTo(BASELINE_MS, 6);
    expect(events.filter((e) => e.kind === 'safetyStop')).toEqual([]);
    expect(network.spec('AGV1')).toMatchObject({ intervalMs: 10, sizeBytes: 64, survivalTimeMs: 20 });
    expect(network.activity.map((a) => [a.timeMs, a.active])).toEqual([
      [0, false],
      [5000, true],
      [58_000, false],
    ]);
  });

  it('stops with the braking distance, stands until recovery, starts again from rest', () => {
    const t1 = 20_000; // 15 s into the drive: cruising at 2 m/s at 2 + 2·13 = 28 m
    const t2 = 40_000;
    const { deliveredMs, segments, events, fleet } = run([0, 100], [t1, t2]);
    // Braking 4 s over 4 m: standstill at 32 m at 24 s. Then 68 m from rest: 68/2 + 1 + 2 = 37 s.
    const expected = t2 + 37_000 + 3000;
    expect(deliveredMs).toBeCloseTo(expected, 6);
    expect(deliveredMs - BASELINE_MS).toBeCloseTo(19_000, 6);
    const stop = segments.find((s) => s.kind === 'safetyStop')!;
    expect(stop.startMs).toBe(5000); // replaces the cut segment from its start
    expect(stop.endMs).toBeCloseTo(24_000, 6);
    expect(stop.profile.vEndMps).toBe(0);
    expect(positionAt(stop, 30_000).xM).toBeCloseTo(32, 9);
    const resume = segments[segments.length - 1];
    expect(resume).toMatchObject({ kind: 'move', startMs: t2, startOffsetM: expect.closeTo(32, 9) });
    expect(events.map((e) => [e.kind, e.timeMs])).toContainEqual(['safetyStop', t1]);
    expect(events.map((e) => [e.kind, e.timeMs])).toContainEqual(['resume', t2]);
    const t = fleet.stats().vehicles[0].timeInStateMs;
    expect(t.stopped).toBeCloseTo(t2 - t1, 6);
    expect(t.movingLoaded).toBeCloseTo(deliveredMs - 3000 - 5000 - (t2 - t1), 6);
    expect(fleet.stats().vehicles[0].distanceM).toBeCloseTo(100, 9);
  });

  it('recovering while still braking: it speeds up again from the speed it had', () => {
    const t1 = 20_000;
    const t2 = 22_000; // 2 s of braking: 1 m/s at 28 + 3 = 31 m
    const { deliveredMs } = run([0, 100], [t1, t2]);
    // From 1 m/s over 69 m: 1→2 in 1 s (1.5 m), 2→0 in 4 s (4 m), cruise 63.5 m in 31.75 s.
    expect(deliveredMs).toBeCloseTo(t2 + (1 + 4 + 31.75) * 1000 + 3000, 6);
  });

  it('a stop that does not fit before a node it passes at speed ends on the next edge', () => {
    // N0 → N1 (10 m) → N2 (100 m): it passes N1 at 2 m/s (2 s accelerating over 2 m, then cruising).
    // Failure 0.5 s before N1 (at 9 m): braking takes 4 m, so it stops 3 m past N1, at 13 m.
    const reachN1Ms = 5000 + 2000 + 4000;
    const t1 = reachN1Ms - 500;
    const t2 = 60_000;
    const { deliveredMs, segments } = run([0, 10, 100], [t1, t2]);
    const stops = segments.filter((s) => s.kind === 'safetyStop');
    expect(stops.map((s) => `${s.fromNodeId}-${s.toNodeId}`)).toEqual(['N0-N1', 'N1-N2']);
    expect(stops[0].profile.vEndMps).toBeCloseTo(Math.sqrt(4 - 2 * 0.5 * 1), 9); // 1 m left at 0.5 m/s²
    const standstill = positionAt(stops[1], t2);
    expect(standstill.xM).toBeCloseTo(13, 9);
    expect(standstill.speedMps).toBe(0);
    // Then 87 m from rest: 87/2 + 1 + 2 = 46.5 s.
    expect(deliveredMs).toBeCloseTo(t2 + 46_500 + 3000, 6);
  });
});
