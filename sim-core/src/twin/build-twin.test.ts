import { describe, expect, it } from 'vitest';
import { IdealNetwork } from '../control/seam';
import { RandomStreams } from '../engine/random';
import { Simulation } from '../engine/simulation';
import type { AgvConfig } from '../factory/agv/config';
import { buildAgvFleet } from '../factory/agv/fleet';
import { lineNetwork, TEST_VEHICLE } from '../factory/agv/testing';
import { buildFactory } from '../factory/build-factory';
import type { FactoryConfig } from '../factory/config';
import { flattenKpis } from '../kpi/flat-kpis';
import { exampleDevice, exampleGnb, exampleNetwork } from '../network/fixtures';
import { buildTwin, type TwinConfig } from './build-twin';

const MIN = 60_000;

// Parts appear at station S0 (node N0, x = 0) and are driven by one AGV to machine M's input S2 (N2, x = 20).
const line = lineNetwork([0, 10, 20]);
const agv: AgvConfig = {
  network: {
    ...line,
    stations: [0, 2].map((i) => ({ id: `S${i}`, nodeId: `N${i}`, kind: 'buffer' as const })),
  },
  fleet: [{ ...TEST_VEHICLE, id: 'AGV1', startNodeId: 'N1' }],
  dispatch: 'fifo',
};
const factory: FactoryConfig = {
  products: [
    {
      id: 'P',
      routing: [{ operation: 'op', machines: ['M'], cycleTime: { kind: 'constant', value: 30_000 } }],
    },
  ],
  machines: [
    {
      id: 'M',
      type: 'cnc',
      position: { xM: 20, yM: 2 },
      sizeM: { w: 2, d: 2 },
      inputBufferId: 'S2',
      outputBufferId: 'OUT',
    },
  ],
  buffers: ['S0', 'S2'].map((id) => ({ id, capacity: null, position: { xM: 0, yM: 0 } })),
  sinks: [{ id: 'OUT', position: { xM: 30, yM: 2 } }],
  sources: [{ id: 'SRC', stationId: 'S0', interarrival: { kind: 'exponential', mean: 2 * MIN } }],
  transport: 'agv',
  warmUpMs: 5 * MIN,
};
const base: TwinConfig = {
  name: 'line',
  factory,
  agv,
  positions: new Map([['M', { xM: 20, yM: 2 }]]),
  seed: 4,
  durationMs: 60 * MIN,
};

function run(config: TwinConfig) {
  const sim = new Simulation();
  const twin = buildTwin(sim, config);
  sim.run({ untilMs: config.durationMs });
  return { twin, result: twin.result() };
}

describe('buildTwin', () => {
  it('without a network config, wires the ideal network exactly as building the models by hand does', () => {
    const { twin, result } = run(base);
    expect(twin.network).toBeUndefined();
    expect(twin.control).toBeInstanceOf(IdealNetwork);
    expect(result.network).toBeUndefined();
    expect(result.kpis['agv.delivered']).toBeGreaterThan(10);
    expect(Object.keys(result.kpis).filter((k) => k.startsWith('net.'))).toEqual([]);

    const sim = new Simulation();
    const streams = new RandomStreams(base.seed);
    const network = new IdealNetwork(sim);
    const fleet = buildAgvFleet(sim, agv, { network, streams });
    const plant = buildFactory(sim, factory, { streams, network, transport: fleet });
    sim.at(factory.warmUpMs!, () => fleet.resetStats(factory.warmUpMs!));
    sim.run({ untilMs: base.durationMs });
    expect(result.kpis).toEqual(
      flattenKpis(plant.kpis(base.durationMs), undefined, fleet.stats(base.durationMs)),
    );
    expect(result.events).toBe(sim.eventCount);
    expect(result.eventCounts.warmUpEnd).toBe(1);
  });

  it('with the 5G network, locates machines from `positions` and the AGV through the fleet', () => {
    // Neither device has a position of its own: a device the network cannot locate stops the run.
    const network = exampleNetwork({
      gnbs: [exampleGnb('g', 10, 10)],
      devices: [
        exampleDevice('ue-M', 'M', { mobile: false }),
        exampleDevice('ue-AGV1', 'AGV1', { mobile: true }),
      ],
    });
    const statusTo = (id: string) => ({
      id: `tele-${id}`,
      from: id,
      to: 'control',
      trafficClass: 'telemetry' as const,
      intervalMs: 1000,
      sizeBytes: 100,
    });
    const { twin, result } = run({ ...base, network, streams: [statusTo('M'), statusTo('AGV1')] });
    expect(twin.network).toBeDefined();
    const devices = result.network!.devices;
    expect(devices.find((d) => d.deviceId === 'ue-M')).toMatchObject({ xM: 20, yM: 2 });
    const ue = devices.find((d) => d.deviceId === 'ue-AGV1')!;
    expect(ue.yM).toBe(0);
    expect(ue.xM).toBeGreaterThanOrEqual(0);
    expect(ue.xM).toBeLessThanOrEqual(20);
    expect(twin.fleet!.locate('AGV1', base.durationMs)).toMatchObject({ yM: 0 });
    expect(twin.fleet!.locate('M', base.durationMs)).toBeUndefined();
    expect(result.kpis['net.telemetry.reliability']).toBeGreaterThan(0.9);
    // The network's statistics cover exactly the run.
    expect(result.network!.toMs).toBe(base.durationMs);
  });

  it('is deterministic and draws from the config seed', () => {
    expect(run(base).result.kpis).toEqual(run(base).result.kpis);
    expect(run({ ...base, seed: 5 }).result.kpis).not.toEqual(run(base).result.kpis);
  });
});
