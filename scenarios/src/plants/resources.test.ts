import { describe, expect, it } from 'vitest';
import type { Scenario } from '../scenario/schema';
import { isProductionResource, resourceUses } from './resources';

describe('resourceUses', () => {
  // Two products sharing the station M1+M2 (once), then each its own step; 4 AGVs, 2 chargers, one cell.
  const scenario = {
    machines: [
      { id: 'M1', type: 'lathe' },
      { id: 'M2', type: 'lathe' },
      { id: 'M3', type: 'oven' },
      { id: 'M4', type: 'press' },
      { id: 'M5', type: 'press' },
    ],
    products: [
      { id: 'P', routing: [{ machineIds: ['M1', 'M2'] }, { machineIds: ['M3'] }] },
      {
        id: 'Q',
        routing: [{ machineIds: ['M2', 'M1'] }, { operation: 'OP-PRESS', machineIds: ['M4', 'M5'] }],
      },
    ],
    agvs: { vehicles: [{}, {}, {}, {}], chargers: [{}, {}] },
  } as unknown as Scenario;
  const kpis: Record<string, number> = {
    // M1 busy 0.6 of the window and off shift a third of it: 0.9 of its planned time.
    'machine.M1.utilization': 0.6,
    'machine.M1.time.off-shift': 1 / 3,
    'machine.M2.utilization': 0.3,
    'machine.M2.time.off-shift': 1 / 3,
    'machine.M3.utilization': 0.5,
    'machine.M4.utilization': 0.2,
    'machine.M5.utilization': 0.4,
    'agv.utilization': 0.7,
    'agv.share.charging': 0.1,
    'cell.GNB1.ulUtilization': 0.95,
    'cell.GNB1.dlUtilization': 0.1,
  };

  it('stations are the distinct machine sets of the routing steps, busy over their planned time', () => {
    const uses = resourceUses(scenario, kpis);
    const stations = uses.filter((u) => u.kind === 'station');
    expect(stations.map((s) => s.id)).toEqual(['lathe', 'M3', 'OP-PRESS']);
    expect(stations[0].utilization).toBeCloseTo((0.9 + 0.45) / 2, 12);
    expect(stations[0].machines).toEqual({ M1: expect.closeTo(0.9, 12), M2: expect.closeTo(0.45, 12) });
    expect(stations[1]).toEqual({ id: 'M3', kind: 'station', servers: 1, utilization: 0.5 });
    expect(stations[2].utilization).toBeCloseTo(0.3, 12);
  });

  it('the fleet is its non-idle share; the chargers their vehicles charging over the chargers', () => {
    const uses = resourceUses(scenario, kpis);
    expect(uses.find((u) => u.kind === 'agvFleet')).toMatchObject({ servers: 4, utilization: 0.7 });
    // 0.1 of 4 vehicles' time charging = 0.4 charger-equivalents over 2 chargers.
    expect(uses.find((u) => u.kind === 'chargers')!.utilization).toBeCloseTo(0.2, 12);
    const cells = uses.filter((u) => !isProductionResource(u));
    expect(cells.map((c) => [c.id, c.kind, c.utilization])).toEqual([
      ['GNB1', 'cellDownlink', 0.1],
      ['GNB1', 'cellUplink', 0.95],
    ]);
  });
});
