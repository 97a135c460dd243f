import { describe, expect, it } from 'vitest';
import { IdealNetwork } from '../../control/seam';
import { Simulation } from '../../engine/simulation';
import type { TransportRequest } from '../transport';
import type { AgvConfig, AgvEdgeConfig, AgvVehicleConfig } from './config';
import { buildAgvFleet } from './fleet';
import { distanceAtS } from './kinematics';
import { type MotionSegment, positionAt } from './motion';
import { FakeControlNetwork, lineNetwork, TEST_VEHICLE } from './testing';

interface Log {
  pickedUpMs: number[];
  deliveredMs: number[];
}

function request(sim: Simulation, id: number, from: string, to: string, log: Log): TransportRequest {
  return {
    requestId: id,
    partId: id,
    productId: 'P',
    fromStationId: from,
    toStationId: to,
    priority: 0,
    requestedAtMs: sim.now(),
    onPickedUp: (t) => log.pickedUpMs.push(t),
    onDelivered: (t) => log.deliveredMs.push(t),
  };
}

/** One AGV on a line of nodes at xs; stations S<i> at every node; the AGV starts at node `start`. */
function lineFleet(
  xs: number[],
  vehicle: Partial<AgvVehicleConfig>,
  edges?: (e: AgvEdgeConfig[]) => void,
  start = 0,
) {
  const sim = new Simulation();
  const line = lineNetwork(xs);
  edges?.(line.edges);
  const config: AgvConfig = {
    network: { ...line, stations: line.nodes.map((n, i) => ({ id: `S${i}`, nodeId: n.id, kind: 'buffer' })) },
    fleet: [{ ...TEST_VEHICLE, id: 'AGV1', startNodeId: `N${start}`, ...vehicle }],
    dispatch: 'nearestIdle',
  };
  const network = new FakeControlNetwork(sim);
  const fleet = buildAgvFleet(sim, config, { network });
  const segments: MotionSegment[] = [];
  fleet.probes.segments.stream$.subscribe((s) => segments.push(s));
  return { sim, fleet, network, segments };
}

describe('AGV statistics after a reset (warm-up)', () => {
  it('count only the part of a segment under way that is driven after the reset', () => {
    const { sim, fleet, segments } = lineFleet([0, 20], { accelMps2: 1, decelMps2: 0.5 });
    const log: Log = { pickedUpMs: [], deliveredMs: [] };
    fleet.request(request(sim, 1, 'S0', 'S1', log));
    const resetMs = 5000 + 6000; // loading takes 5 s; then 6 s on the 20 m edge
    sim.at(resetMs, () => fleet.resetStats());
    sim.run({ untilMs: resetMs + 2000 });
    // Under way: what was driven since the reset, never a negative figure.
    const midway = fleet.stats().vehicles[0].distanceM;
    expect(midway).toBeCloseTo(
      distanceAtS(segments[0].profile, (resetMs + 2000 - segments[0].startMs) / 1000) -
        distanceAtS(segments[0].profile, (resetMs - segments[0].startMs) / 1000),
      9,
    );
    expect(midway).toBeGreaterThan(0);
    sim.run();
    const drivenBeforeM = distanceAtS(segments[0].profile, (resetMs - segments[0].startMs) / 1000);
    expect(drivenBeforeM).toBeGreaterThan(5);
    const v = fleet.stats().vehicles[0];
    expect(v.distanceM).toBeCloseTo(20 - drivenBeforeM, 9);
    expect(v.energyWh).toBeCloseTo((20 - drivenBeforeM) * TEST_VEHICLE.battery.consumptionWhPerM, 12);
  });
});

describe('AGV travel time follows the kinematics', () => {
  it('one edge, trapezoid: load + L/v + v/(2a) + v/(2d) + unload', () => {
    const { sim, fleet, segments } = lineFleet([0, 20], { accelMps2: 1, decelMps2: 0.5 });
    const log: Log = { pickedUpMs: [], deliveredMs: [] };
    fleet.request(request(sim, 1, 'S0', 'S1', log));
    sim.run();
    const travelS = 20 / 2 + 2 / (2 * 1) + 2 / (2 * 0.5); // 13 s
    expect(log.pickedUpMs).toEqual([5000]);
    expect(log.deliveredMs[0]).toBeCloseTo(5000 + travelS * 1000 + 3000, 6);
    expect(segments).toHaveLength(1);
    expect(segments[0]).toMatchObject({ agvId: 'AGV1', fromNodeId: 'N0', toNodeId: 'N1', loaded: true });
  });

  it('one short edge, triangle: sqrt(2L(a+d)/(ad))', () => {
    const { sim, fleet } = lineFleet([0, 2], { accelMps2: 1, decelMps2: 1, maxSpeedMps: 2 });
    const log: Log = { pickedUpMs: [], deliveredMs: [] };
    fleet.request(request(sim, 1, 'S0', 'S1', log));
    sim.run();
    expect(log.deliveredMs[0]).toBeCloseTo(5000 + Math.sqrt((2 * 2 * 2) / 1) * 1000 + 3000, 6);
  });

  it('a straight path of several edges is one trapezoid over the whole length (no stop at nodes)', () => {
    const { sim, fleet, segments } = lineFleet([0, 10, 20, 30], {});
    const log: Log = { pickedUpMs: [], deliveredMs: [] };
    fleet.request(request(sim, 1, 'S0', 'S3', log));
    sim.run();
    expect(log.deliveredMs[0]).toBeCloseTo(5000 + (30 / 2 + 1 + 1) * 1000 + 3000, 6);
    expect(segments.map((s) => `${s.fromNodeId}-${s.toNodeId}`)).toEqual(['N0-N1', 'N1-N2', 'N2-N3']);
    expect(segments.map((s) => s.profile.vEndMps)).toEqual([2, 2, 0]);
  });

  it('a slower middle edge: brake into it, cross it at its limit, accelerate out', () => {
    const { sim, fleet } = lineFleet([0, 10, 20, 30], {}, (edges) => {
      edges[1].speedLimitMps = 1;
    });
    const log: Log = { pickedUpMs: [], deliveredMs: [] };
    fleet.request(request(sim, 1, 'S0', 'S3', log));
    sim.run();
    // a = d = 1 m/s²: v0→v takes |v - v0| s over |v² - v0²| / 2 m
    const edge1 = 2 + 1 + (10 - 2 - 1.5) / 2; // 0→2 in 2 s (2 m), 2→1 in 1 s (1.5 m), cruise 6.5 m: 6.25 s
    const edge2 = 10 / 1; // 10 s at 1 m/s
    const edge3 = 1 + 2 + (10 - 1.5 - 2) / 2; // 1→2 in 1 s (1.5 m), 2→0 in 2 s (2 m), cruise 6.5 m: 6.25 s
    expect(log.deliveredMs[0]).toBeCloseTo(5000 + (edge1 + edge2 + edge3) * 1000 + 3000, 6);
  });

  it('drives empty to the pickup first; time shares add up; a parked AGV schedules nothing', () => {
    const { sim, fleet, network } = lineFleet([0, 20, 40], { accelMps2: 1, decelMps2: 1 }, undefined, 2);
    const log: Log = { pickedUpMs: [], deliveredMs: [] };
    sim.at(1000, () => fleet.request(request(sim, 7, 'S0', 'S1', log)));
    sim.run();
    const emptyMs = (40 / 2 + 1 + 1) * 1000; // N2 → N0: one 40 m trapezoid
    const leg = (20 / 2 + 1 + 1) * 1000; // N0 → N1
    expect(log.pickedUpMs[0]).toBeCloseTo(1000 + emptyMs + 5000, 6);
    expect(log.deliveredMs[0]).toBeCloseTo(1000 + emptyMs + 5000 + leg + 3000, 6);
    expect(sim.pendingCount).toBe(0);
    const t = fleet.stats(60_000).vehicles[0].timeInStateMs;
    expect(t.idle).toBeCloseTo(1000 + (60_000 - log.deliveredMs[0]), 6);
    expect(t.movingEmpty).toBeCloseTo(emptyMs, 6);
    expect(t.movingLoaded).toBeCloseTo(leg, 6);
    expect(t.loadUnload).toBe(8000);
    expect(fleet.stats().vehicles[0].distanceM).toBeCloseTo(60, 9);
    expect(fleet.stats().delivered).toBe(1);
    // The control order went over the network; the motion stream ran only while moving.
    expect(network.sent.map((m) => [m.from, m.to, m.trafficClass])).toEqual([
      ['control', 'AGV1', 'controlOrder'],
    ]);
    expect(network.activity.map((a) => a.active)).toEqual([false, true, false, true, false]);
    expect(network.spec('AGV1')).toMatchObject({
      trafficClass: 'motionControl',
      from: 'control',
      to: 'AGV1',
    });
  });

  it('snapshot places the AGV where positionAt does', () => {
    const { sim, fleet, segments } = lineFleet([0, 20], {});
    fleet.request(request(sim, 1, 'S0', 'S1', { pickedUpMs: [], deliveredMs: [] }));
    sim.run({ untilMs: 9000 });
    const snap = fleet.snapshot();
    expect(snap.vehicles[0]).toMatchObject({
      agvId: 'AGV1',
      state: 'movingLoaded',
      loaded: true,
      requestId: 1,
    });
    expect(snap.vehicles[0].xM).toBeCloseTo(positionAt(segments[0], 9000).xM, 12);
    expect(snap.vehicles[0].xM).toBeCloseTo(2 + 2 * 2, 12); // 2 s accelerating (2 m), 2 s at 2 m/s
  });

  it('never calls back inside request(); works on the ideal network', () => {
    const sim = new Simulation();
    const line = lineNetwork([0, 10]);
    const fleet = buildAgvFleet(
      sim,
      {
        network: {
          ...line,
          stations: [
            { id: 'A', nodeId: 'N0', kind: 'buffer' },
            { id: 'B', nodeId: 'N0', kind: 'warehouse' },
          ],
        },
        fleet: [{ ...TEST_VEHICLE, id: 'AGV1', startNodeId: 'N0', loadTimeMs: 0, unloadTimeMs: 0 }],
        dispatch: 'fifo',
      },
      { network: new IdealNetwork(sim) },
    );
    const calls: string[] = [];
    sim.at(5, () => {
      fleet.request({
        ...request(sim, 1, 'A', 'B', { pickedUpMs: [], deliveredMs: [] }),
        onPickedUp: (t) => calls.push(`picked ${t}`),
        onDelivered: (t) => calls.push(`delivered ${t}`),
      });
      calls.push('returned');
    });
    sim.run();
    expect(calls).toEqual(['returned', 'picked 5', 'delivered 5']);
  });
});
