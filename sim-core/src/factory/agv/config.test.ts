import { describe, expect, it } from 'vitest';
import { Simulation } from '../../engine/simulation';
import type { AgvConfig } from './config';
import { buildAgvFleet } from './fleet';
import { FakeControlNetwork, TEST_VEHICLE } from './testing';

function config(): AgvConfig {
  return {
    network: {
      nodes: [
        { id: 'a', xM: 0, yM: 0 },
        { id: 'b', xM: 10, yM: 0 },
        { id: 'c', xM: 10, yM: 10 },
      ],
      edges: [
        { from: 'a', to: 'b', twoWay: true },
        { from: 'b', to: 'c', twoWay: true, speedLimitMps: 1 },
      ],
      stations: [{ id: 'S', nodeId: 'c', kind: 'buffer' }],
    },
    fleet: [{ ...TEST_VEHICLE, battery: { ...TEST_VEHICLE.battery }, id: 'AGV1', startNodeId: 'a' }],
    dispatch: 'nearestIdle',
  };
}

function build(change: (c: AgvConfig) => void) {
  const c = config();
  change(c);
  const sim = new Simulation();
  return () => buildAgvFleet(sim, c, { network: new FakeControlNetwork(sim) });
}

describe('AgvConfig validation', () => {
  it('accepts a valid config', () => {
    expect(build(() => {})).not.toThrow();
  });

  it.each<[string, (c: AgvConfig) => void, string]>([
    [
      'edge to a missing node',
      (c) => c.network.edges.push({ from: 'c', to: 'x', twoWay: true }),
      "edge #2 (c -> x) ends at missing node 'x'",
    ],
    [
      'edge from a missing node',
      (c) => c.network.edges.push({ from: 'y', to: 'a', twoWay: false }),
      "edge #2 (y -> a) starts at missing node 'y'",
    ],
    ['duplicate node', (c) => c.network.nodes.push({ id: 'a', xM: 5, yM: 5 }), "duplicate node id 'a'"],
    [
      'duplicate travel',
      (c) => c.network.edges.push({ from: 'b', to: 'a', twoWay: false }),
      "duplicates travel from 'b' to 'a'",
    ],
    [
      'zero-length edge',
      (c) => {
        c.network.nodes[2].xM = 10;
        c.network.nodes[2].yM = 0;
      },
      'has zero length',
    ],
    [
      'bad speed limit',
      (c) => {
        c.network.edges[0].speedLimitMps = 0;
      },
      'speedLimitMps 0',
    ],
    [
      'station at a missing node',
      (c) => c.network.stations.push({ id: 'T', nodeId: 'q', kind: 'warehouse' }),
      "station 'T' is at missing node 'q'",
    ],
    [
      'start at a missing node',
      (c) => {
        c.fleet[0].startNodeId = 'z';
      },
      "AGV 'AGV1' starts at missing node 'z'",
    ],
    [
      'two AGVs on one node',
      (c) => c.fleet.push({ ...TEST_VEHICLE, id: 'AGV2', startNodeId: 'a' }),
      "already taken by 'AGV1'",
    ],
    [
      'non-positive acceleration',
      (c) => {
        c.fleet[0].accelMps2 = 0;
      },
      "AGV 'AGV1' accelMps2 must be a finite number > 0, got 0",
    ],
    [
      'threshold out of range',
      (c) => {
        c.fleet[0].battery.chargeThreshold = 1.5;
      },
      'chargeThreshold must be in [0, 1)',
    ],
    [
      'unknown dispatch rule',
      (c) => {
        (c as { dispatch: string }).dispatch = 'random';
      },
      "dispatch rule 'random' is unknown",
    ],
    [
      'one-way dead end',
      (c) => c.network.edges.splice(1, 1, { from: 'b', to: 'c', twoWay: false }),
      "node 'c' cannot reach 'a'",
    ],
    [
      'unreachable node',
      (c) => c.network.nodes.push({ id: 'd', xM: 50, yM: 50 }),
      "node 'd' cannot be reached from 'a'",
    ],
  ])('rejects %s', (_, change, message) => {
    expect(build(change)).toThrow(message);
  });

  it('rejects a transport request for an unknown station', () => {
    const fleet = build(() => {})();
    expect(() =>
      fleet.request({
        requestId: 9,
        partId: 9,
        productId: 'P',
        fromStationId: 'S',
        toStationId: 'nowhere',
        priority: 0,
        requestedAtMs: 0,
        onPickedUp() {},
        onDelivered() {},
      }),
    ).toThrow("transport request 9: the AGV network has no station 'nowhere'");
  });
});
