import { describe, expect, it } from 'vitest';
import { RandomStreams } from '../../engine/random';
import { Simulation } from '../../engine/simulation';
import { buildFactory } from '../build-factory';
import type { TransportRequest } from '../transport';
import type { AgvConfig, AgvDispatchRule } from './config';
import { fifo } from './dispatch/fifo';
import { dispatchRules, registerDispatchRule } from './dispatch/registry';
import { buildAgvFleet } from './fleet';
import { FakeControlNetwork, lineNetwork, TEST_VEHICLE } from './testing';
import type { AgvEvent } from './vehicle';

/**
 * A two-way lane N0..N6, 10 m apart, with a station S<i> at every node, closed into a loop by a
 * parallel lane 10 m away (so AGVs can get out of each other's way); AGVs at the given nodes.
 */
function setup(rule: AgvDispatchRule, starts: number[]) {
  const sim = new Simulation();
  const xs = [0, 10, 20, 30, 40, 50, 60];
  const line = lineNetwork(xs);
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
  const config: AgvConfig = {
    network: {
      ...network,
      stations: line.nodes.map((n, i) => ({ id: `S${i}`, nodeId: n.id, kind: 'buffer' })),
    },
    fleet: starts.map((n, i) => ({ ...TEST_VEHICLE, id: `AGV${'ABC'[i]}`, startNodeId: `N${n}` })),
    dispatch: rule,
  };
  const fleet = buildAgvFleet(sim, config, { network: new FakeControlNetwork(sim) });
  const assigned: string[] = [];
  fleet.probes.events.stream$.subscribe((e: AgvEvent) => {
    if (e.kind === 'taskAssigned') assigned.push(`${e.entityId} ${e.detail}`);
  });
  const pickups: number[] = [];
  const request = (id: number, from: number, to: number, priority = 0): TransportRequest => ({
    requestId: id,
    partId: id,
    productId: 'P',
    fromStationId: `S${from}`,
    toStationId: `S${to}`,
    priority,
    requestedAtMs: sim.now(),
    onPickedUp: () => pickups.push(id),
    onDelivered: () => {},
  });
  return { sim, fleet, assigned, pickups, request };
}

describe('dispatching rules', () => {
  it('nearestIdle: the idle AGV with the shortest travel time to the pickup', () => {
    const { sim, fleet, assigned, request } = setup('nearestIdle', [0, 3, 6]);
    fleet.request(request(1, 4, 5)); // N4: B is 10 m away, C 20 m, A 40 m
    sim.run();
    expect(assigned).toEqual(['AGVB request 1']);
  });

  it('fifo: the AGV idle the longest, even when another is nearer', () => {
    const { sim, fleet, assigned, request } = setup('fifo', [0, 3, 6]);
    fleet.request(request(1, 0, 1)); // all idle since 0: fleet order, A
    sim.run();
    sim.at(100_000, () => fleet.request(request(2, 0, 1))); // A (at N1, nearest) idle only since its delivery
    sim.run();
    expect(assigned).toEqual(['AGVA request 1', 'AGVB request 2']);
    const near = setup('nearestIdle', [0, 3, 6]);
    near.fleet.request(near.request(1, 0, 1));
    near.sim.run();
    near.sim.at(100_000, () => near.fleet.request(near.request(2, 0, 1)));
    near.sim.run();
    expect(near.assigned).toEqual(['AGVA request 1', 'AGVA request 2']);
  });

  // One AGV; four requests at once: the first is dispatched at once, the order of the rest shows the rule.
  const queued = (rule: AgvDispatchRule) => {
    const { sim, fleet, pickups, request } = setup(rule, [1]);
    fleet.request(request(1, 1, 2, 0));
    fleet.request(request(2, 6, 5, 2));
    fleet.request(request(3, 4, 0, 5));
    fleet.request(request(4, 3, 1, 1));
    sim.run();
    return pickups;
  };

  it('priority: highest priority first, then arrival order', () => {
    expect(queued('priority')).toEqual([1, 3, 2, 4]);
  });

  it('fifo: arrival order', () => {
    expect(queued('fifo')).toEqual([1, 2, 3, 4]);
  });

  it('nearestIdle: a freed AGV takes the pending request with the nearest pickup', () => {
    // after 1 it is at N2: pickups N3 (10 m), N4, N6 → 4; then at N1: N4 (30 m), N6 → 3; then 2
    expect(queued('nearestIdle')).toEqual([1, 4, 3, 2]);
  });

  it('two AGVs at a time head for a pickup station; a third waits until one of them has loaded', () => {
    const { sim, fleet, assigned, request } = setup('nearestIdle', [0, 6, 1]);
    const loadedAtMs: number[] = [];
    fleet.probes.events.stream$.subscribe((e) => {
      if (e.kind === 'pickedUp') loadedAtMs.push(e.timeMs);
    });
    fleet.request(request(1, 3, 0));
    fleet.request(request(2, 3, 6));
    fleet.request(request(3, 3, 5));
    sim.run({ untilMs: 1 });
    // C (20 m from N3) and then A (30 m; B is as far, but later in the fleet) go; B stays parked although idle.
    expect(assigned).toEqual(['AGVC request 1', 'AGVA request 2']);
    let thirdAtMs = Number.NaN;
    fleet.probes.events.stream$.subscribe((e) => {
      if (e.kind === 'taskAssigned' && e.detail === 'request 3') thirdAtMs = e.timeMs;
    });
    sim.run();
    expect(assigned).toHaveLength(3);
    expect(thirdAtMs).toBe(loadedAtMs[0]); // dispatched the moment the first one has loaded
  });

  it('a drop station counts the loaded AGVs on their way to it, not the empty ones still going to a pickup', () => {
    const { sim, fleet, assigned, request } = setup('nearestIdle', [0, 6, 1]);
    // Three moves into S5 from three pickups: none of the AGVs is loaded yet, so all three go at once.
    fleet.request(request(1, 2, 5));
    fleet.request(request(2, 3, 5));
    fleet.request(request(3, 4, 5));
    sim.run({ untilMs: 1 });
    expect(assigned).toHaveLength(3);
    // Two loaded AGVs on their way to S6 (A and B load where they stand, 5 s): a move into S6 waits for an unload.
    const loaded = setup('nearestIdle', [2, 3, 0]);
    const events: { kind: string; timeMs: number; detail?: string }[] = [];
    loaded.fleet.probes.events.stream$.subscribe((e) => events.push(e));
    loaded.fleet.request(loaded.request(1, 2, 6));
    loaded.fleet.request(loaded.request(2, 3, 6));
    loaded.sim.at(5001, () => loaded.fleet.request(loaded.request(3, 0, 6)));
    loaded.sim.run();
    expect(events.filter((e) => e.kind === 'pickedUp' && e.timeMs <= 5000)).toHaveLength(2);
    const third = events.find((e) => e.kind === 'taskAssigned' && e.detail === 'request 3')!;
    const firstDelivery = events.find((e) => e.kind === 'delivered')!;
    expect(third.timeMs).toBe(firstDelivery.timeMs);
    expect(third.timeMs).toBeGreaterThan(5001);
  });

  it("the factory's transport requests carry their product's priority", () => {
    // One AGV; three LOW parts released at 0 (pickup S1), three HIGH at 1 s (pickup S2), all to S5.
    const completedProducts = (rule: AgvDispatchRule) => {
      const { sim, fleet } = setup(rule, [1]);
      const factory = buildFactory(
        sim,
        {
          products: [
            {
              id: 'LOW',
              routing: [{ operation: 'op', machines: ['M'], cycleTime: { kind: 'constant', value: 1 } }],
            },
            {
              id: 'HIGH',
              transportPriority: 5,
              routing: [{ operation: 'op', machines: ['M'], cycleTime: { kind: 'constant', value: 1 } }],
            },
          ],
          machines: [
            {
              id: 'M',
              type: 'cnc',
              position: { xM: 40, yM: 5 },
              sizeM: { w: 2, d: 2 },
              inputBufferId: 'S5',
              outputBufferId: 'SINK',
            },
          ],
          buffers: ['S1', 'S2', 'S5'].map((id) => ({ id, capacity: null, position: { xM: 0, yM: 0 } })),
          sinks: [{ id: 'SINK', position: { xM: 60, yM: 5 } }],
          sources: [
            { id: 'L', stationId: 'S1', schedule: [{ atMs: 0, productId: 'LOW', count: 3 }] },
            { id: 'H', stationId: 'S2', schedule: [{ atMs: 1000, productId: 'HIGH', count: 3 }] },
          ],
          transport: 'agv',
        },
        { streams: new RandomStreams(1), network: new FakeControlNetwork(sim), transport: fleet },
      );
      const order: string[] = [];
      factory.probes.part.stream$.subscribe((p) => {
        if (p.kind === 'completed') order.push(p.productId);
      });
      sim.run();
      return order;
    };
    expect(completedProducts('priority')).toEqual(['LOW', 'HIGH', 'HIGH', 'HIGH', 'LOW', 'LOW']);
    expect(completedProducts('fifo')).toEqual(['LOW', 'LOW', 'LOW', 'HIGH', 'HIGH', 'HIGH']);
  });
});

describe('dispatch rule registry', () => {
  it('lists the built-ins', () => {
    expect(dispatchRules.names()).toEqual(['nearestIdle', 'fifo', 'priority']);
  });

  it('an unknown rule is an error naming the registered ones', () => {
    expect(() => setup('random', [0])).toThrow(
      "AGV dispatch rule 'random' is unknown; registered: nearestIdle, fifo, priority",
    );
  });

  it('a rule registered from code is used when the config names it', () => {
    // Always the last parked AGV in fleet order; requests in arrival order (as fifo).
    registerDispatchRule('test.lastParked', () => ({
      chooseVehicle: (vehicles) => vehicles.findLast((v) => v.isParked) ?? null,
      chooseTask: fifo.chooseTask,
    }));
    const near = setup('nearestIdle', [0, 6]);
    near.fleet.request(near.request(1, 2, 1)); // N2: A is 20 m away, B 40 m
    near.sim.run();
    const last = setup('test.lastParked', [0, 6]);
    last.fleet.request(last.request(1, 2, 1));
    last.sim.run();
    last.sim.at(100_000, () => last.fleet.request(last.request(2, 2, 1))); // both parked again: B
    last.sim.run();
    expect(near.assigned).toEqual(['AGVA request 1']);
    expect(last.assigned).toEqual(['AGVB request 1', 'AGVB request 2']);
  });

  it('a rule that picks a busy AGV is stopped with a clear error', () => {
    registerDispatchRule('test.alwaysFirst', (context) => ({
      chooseVehicle: (vehicles) => vehicles.find((v) => v.id === context.vehicleIds[0]) ?? null,
      chooseTask: fifo.chooseTask,
    }));
    const { fleet, request } = setup('test.alwaysFirst', [0, 3]);
    fleet.request(request(1, 0, 1));
    expect(() => fleet.request(request(2, 6, 5))).toThrow(
      "AGV dispatch rule 'test.alwaysFirst' chose 'AGVA', which is not a parked AGV",
    );
  });
});
