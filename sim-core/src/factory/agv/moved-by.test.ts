// Vehicle.movedByMs: the earliest time an AGV can have driven a distance on (what a network waits for
// instead of polling positions): exact along the segment under way, a lower bound beyond it.
import { describe, expect, it } from 'vitest';
import { Simulation } from '../../engine/simulation';
import type { AgvConfig } from './config';
import { buildAgvFleet } from './fleet';
import { type MotionSegment, positionAt } from './motion';
import { FakeControlNetwork, lineNetwork, TEST_VEHICLE } from './testing';

describe('AGV movedByMs', () => {
  it('along its segments: exact within one, never later than the truth beyond it, from rest at full acceleration', () => {
    const sim = new Simulation();
    const line = lineNetwork([0, 20, 40, 41]);
    const config: AgvConfig = {
      network: {
        ...line,
        stations: line.nodes.map((n, i) => ({ id: `S${i}`, nodeId: n.id, kind: 'buffer' })),
      },
      fleet: [{ ...TEST_VEHICLE, id: 'AGV1', startNodeId: 'N0', accelMps2: 0.5, decelMps2: 0.5 }],
      dispatch: 'nearestIdle',
    };
    const fleet = buildAgvFleet(sim, config, { network: new FakeControlNetwork(sim) });
    const segments: MotionSegment[] = [];
    fleet.probes.segments.stream$.subscribe((s) => segments.push(s));
    fleet.request({
      requestId: 1,
      partId: 1,
      productId: 'P',
      fromStationId: 'S0',
      toStationId: 'S3',
      priority: 0,
      requestedAtMs: 0,
      onPickedUp: () => {},
      onDelivered: () => {},
    });
    const asked: { t: number; d: number; at: number }[] = [];
    for (let t = 0; t < 80_000; t += 250)
      sim.at(t, () => {
        for (const d of [0.3, 1, 5]) asked.push({ t, d, at: fleet.movedByMs('AGV1', t, d)! });
      });
    sim.run({ untilMs: 120_000 });
    // Where the AGV is at any time (the line runs along x, one way: distance driven = x).
    const xAt = (t: number) => {
      let s: MotionSegment | undefined;
      for (const g of segments) if (g.startMs <= t) s = g;
      return s === undefined ? 0 : positionAt(s, t).xM;
    };
    let exact = 0;
    for (const { t, d, at } of asked) {
      expect(at).toBeGreaterThan(t);
      // Never later than the AGV gets there: a lower bound.
      expect(xAt(at) - xAt(t)).toBeLessThanOrEqual(d + 1e-6);
      // Within one segment already under way at t (not one starting at t, after this look).
      const seg = segments.find((g) => g.startMs < t && t < g.endMs);
      if (seg !== undefined && at <= seg.endMs) {
        expect(xAt(at) - xAt(t)).toBeCloseTo(d, 6);
        exact++;
      }
    }
    expect(exact).toBeGreaterThan(50);
    // Standing at a node before the order starts moving it: 1 m from rest at 0.5 m/s² takes 2 s.
    expect(fleet.movedByMs('AGV1', sim.now(), 1)).toBeCloseTo(sim.now() + 2000, 6);
    expect(fleet.movedByMs('nobody', 0, 1)).toBeUndefined();
  });
});
