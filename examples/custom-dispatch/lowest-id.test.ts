import {
  type AgvConfig,
  type AgvEvent,
  buildAgvFleet,
  Simulation,
  type TransportRequest,
} from '@factory-twin/sim-core';
import { FakeControlNetwork, lineNetwork, TEST_VEHICLE } from '@factory-twin/sim-core/testing';
import { describe, expect, it } from 'vitest';
import { LOWEST_ID_DISPATCH } from './lowest-id';

/**
 * A two-way lane N0..N6, 10 m apart, a station S<i> at every node, closed into a loop by a parallel lane
 * (as sim-core's dispatch tests) M0..M6; vehicles named out of fleet order wait on the parallel lane, out of
 * the stations' way: AGVC at M0, AGVA at M6, AGVB at M3. The fleet is configured by name, as a scenario's `agvs.dispatch`.
 */
function fleetWith(dispatch: string) {
  const sim = new Simulation();
  const xs = [0, 10, 20, 30, 40, 50, 60];
  const line = lineNetwork(xs);
  // A parallel lane 10 m away closes the lane into a loop, so vehicles can pass each other.
  const back = xs.map((xM, i) => ({ id: `M${i}`, xM, yM: 10 }));
  const network = {
    nodes: [...line.nodes, ...back],
    edges: [
      ...line.edges,
      ...back.slice(1).map((n, i) => ({ from: back[i].id, to: n.id, twoWay: true })),
      { from: 'N0', to: 'M0', twoWay: true },
      { from: 'N6', to: 'M6', twoWay: true },
    ],
  };
  const starts: [string, string][] = [
    ['AGVC', 'M0'],
    ['AGVA', 'M6'],
    ['AGVB', 'M3'],
  ];
  const config: AgvConfig = {
    network: {
      ...network,
      stations: line.nodes.map((n, i) => ({ id: `S${i}`, nodeId: n.id, kind: 'buffer' })),
    },
    fleet: starts.map(([id, node]) => ({ ...TEST_VEHICLE, id, startNodeId: node })),
    dispatch,
  };
  const fleet = buildAgvFleet(sim, config, { network: new FakeControlNetwork(sim) });
  const assigned: string[] = [];
  fleet.probes.events.stream$.subscribe((e: AgvEvent) => {
    if (e.kind === 'taskAssigned') assigned.push(`${e.entityId} ${e.detail}`);
  });
  const delivered: number[] = [];
  const request = (id: number, from: number, to: number): TransportRequest => ({
    requestId: id,
    partId: id,
    productId: 'P',
    fromStationId: `S${from}`,
    toStationId: `S${to}`,
    priority: 0,
    requestedAtMs: sim.now(),
    onPickedUp: () => {},
    onDelivered: () => delivered.push(id),
  });
  return { sim, fleet, assigned, delivered, request };
}

/** Long enough for any one transport on this 60 m lane (load 5 s, unload 3 s, 2 m/s). */
const LEG_MS = 200_000;

describe('custom dispatch rule: the lowest-id parked vehicle', () => {
  it('serves every request with AGVA while it is parked, however far it stands', () => {
    const { sim, fleet, assigned, delivered, request } = fleetWith(LOWEST_ID_DISPATCH);
    // One request at a time, each delivered before the next: AGVA is parked whenever one comes, so it takes
    // all three, though AGVC (at M0, beside N0) and AGVB (at M3) stand nearer the pickups.
    const requests: [number, number][] = [
      [1, 2],
      [3, 2],
      [0, 1],
    ];
    requests.forEach(([from, to], k) => {
      sim.at(k * LEG_MS, () => fleet.request(request(k + 1, from, to)));
      sim.run({ untilMs: (k + 1) * LEG_MS });
    });
    expect(delivered).toEqual([1, 2, 3]);
    expect(assigned).toEqual(['AGVA request 1', 'AGVA request 2', 'AGVA request 3']);
  });

  it('three requests at once go to AGVA, AGVB, AGVC in id order', () => {
    const { sim, fleet, assigned, request } = fleetWith(LOWEST_ID_DISPATCH);
    fleet.request(request(1, 1, 2));
    fleet.request(request(2, 3, 4));
    fleet.request(request(3, 5, 6));
    sim.run({ untilMs: 1 });
    expect(assigned).toEqual(['AGVA request 1', 'AGVB request 2', 'AGVC request 3']);
  });

  it('the built-in nearestIdle sends AGVC, which stands nearest (the name picks the rule)', () => {
    const { sim, fleet, assigned, request } = fleetWith('nearestIdle');
    fleet.request(request(1, 1, 2)); // N1: AGVC 20 m away (M0, N0, N1), AGVB 40 m, AGVA 60 m
    sim.run({ untilMs: 1 });
    expect(assigned).toEqual(['AGVC request 1']);
  });
});
