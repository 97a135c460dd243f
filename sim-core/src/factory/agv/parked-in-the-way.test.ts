import { describe, expect, it } from 'vitest';
import { Simulation } from '../../engine/simulation';
import type { TransportRequest } from '../transport';
import type { AgvDispatchRule } from './config';
import { buildAgvFleet } from './fleet';
import { FakeControlNetwork, lineNetwork, TEST_VEHICLE } from './testing';
import type { AgvEvent } from './vehicle';

/**
 * A vehicle parked on the node another one must reach (its pickup or drop station), with the only
 * ways off it through the waiting vehicle or another parked one. Network: a two-way lane N0..N6 (10 m
 * apart, station S<i> at N<i>) closed into a loop by a parallel lane M0..M6 joined at both ends.
 */
function setup(rule: AgvDispatchRule, starts: string[]) {
  const sim = new Simulation();
  const xs = [0, 10, 20, 30, 40, 50, 60];
  const line = lineNetwork(xs);
  const back = xs.map((xM, i) => ({ id: `M${i}`, xM, yM: 10 }));
  const fleet = buildAgvFleet(
    sim,
    {
      network: {
        nodes: [...line.nodes, ...back],
        edges: [
          ...line.edges,
          ...back.slice(1).map((n, i) => ({ from: back[i].id, to: n.id, twoWay: true })),
          { from: 'N0', to: 'M0', twoWay: true },
          { from: 'N6', to: 'M6', twoWay: true },
        ],
        stations: line.nodes.map((n, i) => ({ id: `S${i}`, nodeId: n.id, kind: 'buffer' as const })),
      },
      fleet: starts.map((n, i) => ({ ...TEST_VEHICLE, id: `AGV${'ABC'[i]}`, startNodeId: n })),
      dispatch: rule,
    },
    { network: new FakeControlNetwork(sim) },
  );
  const events: AgvEvent[] = [];
  fleet.probes.events.stream$.subscribe((e) => events.push(e));
  const done: string[] = [];
  const request = (id: number, from: number, to: number): TransportRequest => ({
    requestId: id,
    partId: id,
    productId: 'P',
    fromStationId: `S${from}`,
    toStationId: `S${to}`,
    priority: 0,
    requestedAtMs: sim.now(),
    onPickedUp: () => done.push(`picked ${id}`),
    onDelivered: () => done.push(`delivered ${id}`),
  });
  return { sim, fleet, events, done, request };
}

// Without the fix the vehicles push each other back and forth forever (an event every few seconds):
// the run never comes to rest. With it, every run here ends in well under this many events.
const MAX_EVENTS = 2000;

describe('a parked AGV on the node another AGV must reach', () => {
  it('on the pickup node: the AGV sent there gets in and picks up (fifo)', () => {
    const { sim, fleet, events, done, request } = setup('fifo', ['N0', 'N3', 'N6']);
    fleet.request(request(1, 3, 0)); // A (idle longest, fleet order) fetches it and then parks at N0
    sim.run({ untilMs: 100_000 });
    expect(done).toEqual(['picked 1', 'delivered 1']);
    expect(fleet.snapshot().vehicles.find((v) => v.agvId === 'AGVA')?.nodeId).toBe('N0');
    sim.at(100_000, () => fleet.request(request(2, 0, 1))); // fifo: C (idle since 0), not A, goes
    const run = sim.run({ maxEvents: MAX_EVENTS });
    expect(run.pending).toBe(false); // at rest: nobody retries or is pushed around any more
    expect(done).toEqual(['picked 1', 'delivered 1', 'picked 2', 'delivered 2']);
    expect(events.find((e) => e.kind === 'taskAssigned' && e.detail === 'request 2')?.entityId).toBe('AGVC');
    expect(fleet.stats().pendingRequests).toBe(0);
  });

  it('on the drop node, boxed in by a second parked AGV: it is pushed away and the load delivered', () => {
    // A parked at N0 (the drop), B parked at M0 (A's only other way out); C, at the pickup N3, takes it.
    const { sim, fleet, done, request } = setup('nearestIdle', ['N0', 'M0', 'N3']);
    fleet.request(request(1, 3, 0));
    const run = sim.run({ maxEvents: MAX_EVENTS });
    expect(run.pending).toBe(false);
    expect(done).toEqual(['picked 1', 'delivered 1']);
    expect(fleet.snapshot().vehicles.find((v) => v.agvId === 'AGVC')?.nodeId).toBe('N0');
  });
});
