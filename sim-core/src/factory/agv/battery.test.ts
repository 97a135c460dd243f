import { describe, expect, it } from 'vitest';
import { Simulation } from '../../engine/simulation';
import type { TransportRequest } from '../transport';
import type { AgvConfig } from './config';
import { buildAgvFleet } from './fleet';
import { FakeControlNetwork, lineNetwork, TEST_VEHICLE } from './testing';
import type { AgvEvent } from './vehicle';

describe('battery', () => {
  it('below the threshold after a task it drives to a charger, charges for the right time, then works again', () => {
    // Charger at x = -20, stations S0 at 0 and S1 at 100. 100 Wh, 0.4 Wh/m, threshold 0.3, 1 kW.
    const sim = new Simulation();
    const line = lineNetwork([-20, 0, 100]);
    const config: AgvConfig = {
      network: {
        ...line,
        stations: [
          { id: 'CHG', nodeId: 'N0', kind: 'charger' },
          { id: 'S0', nodeId: 'N1', kind: 'buffer' },
          { id: 'S1', nodeId: 'N2', kind: 'warehouse' },
        ],
      },
      fleet: [
        {
          ...TEST_VEHICLE,
          id: 'AGV1',
          startNodeId: 'N1',
          battery: { capacityWh: 100, consumptionWhPerM: 0.4, chargeThreshold: 0.3, chargeRateW: 1000 },
        },
      ],
      dispatch: 'fifo',
    };
    const fleet = buildAgvFleet(sim, config, { network: new FakeControlNetwork(sim) });
    const events: AgvEvent[] = [];
    fleet.probes.events.stream$.subscribe((e) => events.push(e));
    const picked: [number, number][] = [];
    const request = (id: number, from: string, to: string): TransportRequest => ({
      requestId: id,
      partId: id,
      productId: 'P',
      fromStationId: from,
      toStationId: to,
      priority: 0,
      requestedAtMs: sim.now(),
      onPickedUp: (t) => picked.push([id, t]),
      onDelivered: () => {},
    });
    fleet.request(request(1, 'S0', 'S1'));
    fleet.request(request(2, 'S1', 'S0'));
    sim.at(200_000, () => fleet.request(request(3, 'S0', 'S1')));
    sim.run({ untilMs: 300_000 });
    // v = 2 m/s, a = d = 1 m/s²: 100 m take 100/2 + 1 + 1 = 52 s, 20 m take 20/2 + 1 + 1 = 12 s.
    // Task 1: load 5 s, 52 s, unload 3 s → 60 s; battery 100 - 40 = 60 Wh (0.6 ≥ 0.3): task 2 at once.
    // Task 2: load 5 s, 52 s, unload 3 s → 120 s; battery 20 Wh (0.2 < 0.3): to the charger, 12 s, 8 Wh.
    const chargeStartMs = 120_000 + 12_000;
    const chargeMs = ((100 - 12) / 1000) * 3_600_000; // 88 Wh at 1 kW
    expect(fleet.snapshot(chargeStartMs + 1000).vehicles[0]).toMatchObject({
      state: 'charging',
      nodeId: 'N0',
    });
    expect(fleet.snapshot(chargeStartMs + 1000).vehicles[0].batteryWh).toBeCloseTo(12 + 1000 / 3600, 9);
    sim.run();
    const start = events.find((e) => e.kind === 'chargeStart')!;
    const end = events.find((e) => e.kind === 'chargeEnd')!;
    expect(start.timeMs).toBeCloseTo(chargeStartMs, 6);
    expect(end.timeMs - start.timeMs).toBeCloseTo(chargeMs, 6);
    // Request 3 (made while charging) is served after the charge: back 20 m to S0, then load 5 s.
    expect(picked.map(([id]) => id)).toEqual([1, 2, 3]);
    expect(picked[2][1]).toBeCloseTo(end.timeMs + 12_000 + 5000, 6);
    const stats = fleet.stats().vehicles[0];
    expect(stats.timeInStateMs.charging).toBeCloseTo(chargeMs, 6);
    expect(stats.charges).toBe(1);
    // 100 + 100 + 20 + 20 + 100 m driven; the last two legs after the full charge.
    expect(fleet.vehicles[0].batteryWh).toBeCloseTo(100 - 0.4 * 120, 9);
  });

  it('with the charger taken, an AGV below its threshold works and parks instead of queueing in front of it', () => {
    // A loop N0..N3 / M0..M3 (10 m apart, two-way), the charger on a spur off N3, two parking spurs off M0.
    // Both AGVs start at 20 % (threshold 30 %): A, nearer, takes the charger; B stays free for work.
    const sim = new Simulation();
    const xs = [0, 10, 20, 30];
    const nodes = [
      ...xs.map((xM, i) => ({ id: `N${i}`, xM, yM: 0 })),
      ...xs.map((xM, i) => ({ id: `M${i}`, xM, yM: 10 })),
      { id: 'C', xM: 40, yM: 0 },
      { id: 'P1', xM: -10, yM: 10 },
      { id: 'P2', xM: 0, yM: 20 },
    ];
    const edges = [
      ...[0, 1, 2].flatMap((i) => [
        { from: `N${i}`, to: `N${i + 1}`, twoWay: true },
        { from: `M${i}`, to: `M${i + 1}`, twoWay: true },
      ]),
      { from: 'N0', to: 'M0', twoWay: true },
      { from: 'N3', to: 'M3', twoWay: true },
      { from: 'N3', to: 'C', twoWay: true },
      { from: 'M0', to: 'P1', twoWay: true },
      { from: 'M0', to: 'P2', twoWay: true },
    ];
    const battery = {
      capacityWh: 100,
      consumptionWhPerM: 0.01,
      chargeThreshold: 0.3,
      chargeRateW: 200,
      initialCharge: 0.2,
    };
    const config: AgvConfig = {
      network: {
        nodes,
        edges,
        stations: [
          { id: 'CHG', nodeId: 'C', kind: 'charger' },
          { id: 'S1', nodeId: 'N1', kind: 'buffer' },
          { id: 'S2', nodeId: 'M1', kind: 'buffer' },
        ],
      },
      fleet: [
        { ...TEST_VEHICLE, id: 'A', startNodeId: 'N2', battery },
        { ...TEST_VEHICLE, id: 'B', startNodeId: 'N0', battery },
      ],
      dispatch: 'nearestIdle',
    };
    const fleet = buildAgvFleet(sim, config, { network: new FakeControlNetwork(sim) });
    const events: AgvEvent[] = [];
    fleet.probes.events.stream$.subscribe((e) => events.push(e));
    let pickedUpMs = Number.NaN;
    sim.at(1000, () =>
      fleet.request({
        requestId: 1,
        partId: 1,
        productId: 'P',
        fromStationId: 'S1',
        toStationId: 'S2',
        priority: 0,
        requestedAtMs: 1000,
        onPickedUp: (t) => {
          pickedUpMs = t;
        },
        onDelivered: () => {},
      }),
    );
    sim.run();
    const of = (id: string, kind: string) => events.filter((e) => e.entityId === id && e.kind === kind);
    // B takes the move at once: 10 m (10/2 + 1 + 1 = 7 s), then 5 s load.
    expect(pickedUpMs).toBeCloseTo(1000 + 7000 + 5000, 6);
    expect(of('B', 'taskAssigned')).toHaveLength(1);
    // A charges from 20 Wh less its 20 m (0.2 Wh) to 100 Wh at 200 W (24 min); B starts its charge after A's ends.
    const [aStart] = of('A', 'chargeStart');
    const [aEnd] = of('A', 'chargeEnd');
    expect(aEnd.timeMs - aStart.timeMs).toBeCloseTo(((100 - 19.8) / 200) * 3_600_000, 6);
    const [bStart] = of('B', 'chargeStart');
    expect(bStart.timeMs).toBeGreaterThan(aEnd.timeMs);
    // B never stood in line for the charger (that would be A's whole charge): parked meanwhile.
    const b = fleet.stats().vehicles.find((v) => v.agvId === 'B')!;
    expect(b.timeInStateMs.waitingTraffic).toBeLessThan(30_000);
    expect(b.timeInStateMs.idle).toBeGreaterThan(aEnd.timeMs - aStart.timeMs - 60_000);
    expect(fleet.stats().vehicles.map((v) => v.charges)).toEqual([1, 1]);
  });

  it('a fleet that must charge needs a charger station', () => {
    const line = lineNetwork([0, 10]);
    expect(() =>
      buildAgvFleet(
        new Simulation(),
        {
          network: { ...line, stations: [] },
          fleet: [
            {
              ...TEST_VEHICLE,
              id: 'A',
              startNodeId: 'N0',
              battery: { ...TEST_VEHICLE.battery, chargeThreshold: 0.2 },
            },
          ],
          dispatch: 'fifo',
        },
        { network: new FakeControlNetwork(new Simulation()) },
      ),
    ).toThrow('AGV fleet has a chargeThreshold > 0 but the network has no charger station');
  });
});
