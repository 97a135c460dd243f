import { describe, expect, it } from 'vitest';
import { IdealNetwork } from '../../control/seam';
import { RandomStreams } from '../../engine/random';
import { Simulation } from '../../engine/simulation';
import { buildFactory } from '../build-factory';
import type { FactoryConfig, MachineConfig } from '../config';
import { FixedDelayTransport, type TransportRequest, type TransportService } from '../transport';
import type { AgvConfig, AgvEdgeConfig, AgvNodeConfig } from './config';
import { buildAgvFleet } from './fleet';
import type { AgvEvent } from './vehicle';

const S = 1000;
const SPACING_M = 24;

/**
 * A scaled-down whole-run bench plant: a one-way aisle grid (a ring of alternating one-way aisles) with
 * every station and every AGV start on a two-way dead-end bay beside a crossing; three operations of
 * two machines in series (station OPk.in / OPk.out each), parts from SRC to SINK.
 */
function bayPlant(agvs: number): { factory: FactoryConfig; agv: AgvConfig } {
  const cols = 4;
  const rows = 4;
  const x = (c: number, r: number) => `X${c}_${r}`;
  const nodes: AgvNodeConfig[] = [];
  const edges: AgvEdgeConfig[] = [];
  for (let r = 0; r < rows; r++)
    for (let c = 0; c < cols; c++)
      nodes.push({ id: x(c, r), xM: (c + 1) * SPACING_M, yM: (r + 1) * SPACING_M });
  for (let r = 0; r < rows; r++)
    for (let c = 0; c + 1 < cols; c++)
      edges.push(
        r % 2 === 0
          ? { from: x(c, r), to: x(c + 1, r), twoWay: false }
          : { from: x(c + 1, r), to: x(c, r), twoWay: false },
      );
  for (let c = 0; c < cols; c++)
    for (let r = 0; r + 1 < rows; r++)
      edges.push(
        c % 2 === 0
          ? { from: x(c, r + 1), to: x(c, r), twoWay: false }
          : { from: x(c, r), to: x(c, r + 1), twoWay: false },
      );
  const bays: string[] = [];
  for (let side = 0; side < 2; side++)
    for (let r = 0; r < rows; r++)
      for (let c = 0; c < cols; c++) {
        const id = `B${side}_${c}_${r}`;
        nodes.push({ id, xM: (c + 1) * SPACING_M + 4, yM: (r + 1) * SPACING_M + (side === 0 ? 4 : -4) });
        edges.push({ from: x(c, r), to: id, twoWay: true });
        bays.push(id);
      }
  // Spread stations and starts over the hall, as the bench plant does.
  const order = bays.map((_, i) => i).sort((a, b) => ((a * 7919) % bays.length) - ((b * 7919) % bays.length));
  let next = 0;
  const bay = () => bays[order[next++]];
  const stations: AgvConfig['network']['stations'] = [];
  const station = (id: string) => stations.push({ id, nodeId: bay(), kind: 'buffer' });
  station('SRC');
  const machines: MachineConfig[] = [];
  const routing: FactoryConfig['products'][number]['routing'] = [];
  for (let k = 1; k <= 3; k++) {
    station(`OP${k}.in`);
    station(`OP${k}.out`);
    const ids = [`M${k}_1`, `M${k}_2`];
    for (const id of ids)
      machines.push({
        id,
        type: 'cnc',
        position: { xM: 0, yM: 0 },
        sizeM: { w: 3, d: 2 },
        inputBufferId: `OP${k}.in`,
        outputBufferId: `OP${k}.out`,
      });
    routing.push({ operation: `op${k}`, machines: ids, cycleTime: { kind: 'constant', value: 240 * S } });
  }
  station('SINK');
  const buffers = stations
    .filter((s) => s.id !== 'SINK')
    .map((s) => ({ id: s.id, capacity: null, position: { xM: 0, yM: 0 } }));
  const factory: FactoryConfig = {
    products: [{ id: 'P', routing }],
    machines,
    buffers,
    sources: [{ id: 'SRC', stationId: 'SRC', interarrival: { kind: 'exponential', mean: 240 * S } }],
    sinks: [{ id: 'SINK', position: { xM: 0, yM: 0 } }],
    transport: 'agv',
  };
  const agv: AgvConfig = {
    network: { nodes, edges, stations },
    fleet: Array.from({ length: agvs }, (_, i) => ({
      id: `AGV${i + 1}`,
      startNodeId: bay(),
      maxSpeedMps: 1.5,
      accelMps2: 0.5,
      decelMps2: 0.5,
      loadTimeMs: 10 * S,
      unloadTimeMs: 10 * S,
      battery: { capacityWh: 2000, consumptionWhPerM: 0.05, chargeThreshold: 0, chargeRateW: 2000 },
    })),
    dispatch: 'nearestIdle',
  };
  return { factory, agv };
}

const HOURS = 6;

function runWithAgvs(agvs: number) {
  const { factory: config, agv } = bayPlant(agvs);
  const sim = new Simulation();
  const streams = new RandomStreams(7);
  const network = new IdealNetwork(sim);
  const fleet = buildAgvFleet(sim, agv, { network, streams });
  // Longest wait from request to pickup (requests still waiting at the end count with their age so far).
  const waiting = new Set<TransportRequest>();
  let longestWaitMs = 0;
  const transport: TransportService = {
    request(req) {
      waiting.add(req);
      fleet.request({
        ...req,
        onPickedUp(timeMs) {
          waiting.delete(req);
          longestWaitMs = Math.max(longestWaitMs, timeMs - req.requestedAtMs);
          req.onPickedUp(timeMs);
        },
        onDelivered: (timeMs) => req.onDelivered(timeMs),
      });
    },
  };
  const factory = buildFactory(sim, config, { streams, network, transport });
  const events: AgvEvent[] = [];
  fleet.probes.events.stream$.subscribe((e) => {
    if (e.kind === 'deadlockUnresolved') events.push(e);
  });
  sim.run({ untilMs: HOURS * 3600 * S });
  for (const req of waiting) longestWaitMs = Math.max(longestWaitMs, sim.now() - req.requestedAtMs);
  return { kpis: factory.kpis(sim.now()), unresolved: events.length, longestWaitMs, fleet };
}

function runIdeal() {
  const { factory: config } = bayPlant(0);
  const sim = new Simulation();
  const factory = buildFactory(
    sim,
    { ...config, transport: undefined },
    {
      streams: new RandomStreams(7),
      network: new IdealNetwork(sim),
      transport: new FixedDelayTransport(sim, 120 * S),
    },
  );
  sim.run({ untilMs: HOURS * 3600 * S });
  return factory.kpis(sim.now());
}

describe('AGV fleet on a one-way aisle grid with stations and parking in bays', () => {
  it('keeps parts flowing: idle AGVs clear station bays and aisles, requests are picked up promptly', () => {
    const ideal = runIdeal();
    const run = runWithAgvs(10);
    expect(run.unresolved).toBe(0);
    // No request waits for its pickup for long (the AGVs are far from saturated; one at a time per pickup station still queues requests).
    expect(run.longestWaitMs).toBeLessThanOrEqual(30 * 60 * S);
    expect(run.kpis.parts.created).toBe(ideal.parts.created);
    expect(run.kpis.parts.completed).toBeGreaterThanOrEqual(0.85 * ideal.parts.completed);
    // Idle AGVs end up parked on bays without a station, never on a station or an aisle crossing.
    for (const v of run.fleet.vehicles) if (v.isParked) expect(run.fleet.net.isParkingNode[v.node]).toBe(1);
  });
});
