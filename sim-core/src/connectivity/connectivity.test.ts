import { describe, expect, it } from 'vitest';
import { IdealNetwork } from '../control/seam';
import { Simulation } from '../engine/simulation';
import type { AgvConfig } from '../factory/agv/config';
import { lineNetwork, TEST_VEHICLE } from '../factory/agv/testing';
import type { FactoryConfig } from '../factory/config';
import { exampleDevice, exampleGnb, exampleNetwork } from '../network/fixtures';
import type { LinkSample } from '../network/types';
import { buildTwin, type TwinConfig } from '../twin/build-twin';
import type { ConnectivityConfig } from './connectivity';
import { FixedDelayNetwork } from './fixed-delay-network';
import { connectivities } from './registry';
import type { StreamsNotCarried } from './streams-not-carried';
import { ETHERNET_DELAY_MS } from './wired';

const MIN = 60_000;
const H = 60 * MIN;

function run(config: TwinConfig) {
  const sim = new Simulation();
  const twin = buildTwin(sim, config);
  sim.run({ untilMs: config.durationMs });
  return { twin, result: twin.result() };
}

// The line of build-twin.test: parts appear at S0 (x = 0), one AGV carries them to machine M's input S2 (x = 20).
const line = lineNetwork([0, 10, 20]);
const agv: AgvConfig = {
  network: {
    ...line,
    stations: [0, 2].map((i) => ({ id: `S${i}`, nodeId: `N${i}`, kind: 'buffer' as const })),
  },
  fleet: [{ ...TEST_VEHICLE, id: 'AGV1', startNodeId: 'N1' }],
  dispatch: 'fifo',
  motionControl: { intervalMs: 50, sizeBytes: 64, survivalTimeMs: 200 },
};
const lineFactory: FactoryConfig = {
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
const lineRadio = exampleNetwork({
  gnbs: [exampleGnb('g1', 0, 5), exampleGnb('g2', 25, 5)],
  devices: [
    exampleDevice('ue-M', 'M', { mobile: false }),
    exampleDevice('ue-AGV1', 'AGV1', { mobile: true }),
  ],
});
const lineTwin: TwinConfig = {
  name: 'line',
  factory: lineFactory,
  agv,
  network: lineRadio,
  positions: new Map([['M', { xM: 20, yM: 2 }]]),
  seed: 4,
  durationMs: 2 * H,
};

describe('wired: fixed endpoints on Ethernet, AGVs wireless', () => {
  it('every message between fixed endpoints arrives in the Ethernet delay (sub-ms, nothing lost)', () => {
    const sim = new Simulation();
    const twin = buildTwin(sim, { ...lineTwin, connectivity: { kind: 'wired' } });
    const fixed: LinkSample[] = [];
    const moving: LinkSample[] = [];
    twin.plantNetwork.probes!.linkSamples.stream$.subscribe((s) =>
      (s.from === 'AGV1' || s.to === 'AGV1' ? moving : fixed).push(s),
    );
    sim.run({ untilMs: lineTwin.durationMs });
    const result = twin.result();
    expect(twin.network).toBeUndefined(); // AGVs on Wi-Fi (the default)
    expect(fixed.filter((s) => s.from === 'M').length).toBeGreaterThan(50);
    for (const s of fixed) {
      expect(s.lost).toBe(false);
      expect(s.latencyMs).toBe(ETHERNET_DELAY_MS);
      expect(s.latencyMs).toBeLessThan(1);
    }
    // The AGV's tasks go over Wi-Fi: an air leg each, more than the Ethernet delay.
    expect(moving.length).toBeGreaterThan(20);
    expect(Math.min(...moving.filter((s) => !s.lost).map((s) => s.latencyMs))).toBeGreaterThan(
      ETHERNET_DELAY_MS,
    );
    const status = result.connectivity!.kpis!.classes.find((c) => c.trafficClass === 'machineStatus')!;
    expect(status.latency.maxMs).toBeLessThan(1);
    expect(status.lost).toBe(0);
    expect(result.kpis['net.machineStatus.p999Ms']).toBeLessThan(1);
    expect(result.kpis['ap.g1.airtime']).toBeGreaterThan(0);
  });

  it('with mobile "5g" the AGV runs on the 5G model, machines stay on Ethernet', () => {
    const { twin, result } = run({ ...lineTwin, connectivity: { kind: 'wired', wired: { mobile: '5g' } } });
    expect(twin.network).toBeDefined();
    // Only the AGV has a modem on the 5G network.
    expect(result.network!.devices.map((d) => d.deviceId)).toEqual(['ue-AGV1']);
    const status = result.connectivity!.kpis!.classes.find((c) => c.trafficClass === 'machineStatus')!;
    expect(status.finished).toBeGreaterThan(50);
    expect(status.latency.maxMs).toBe(ETHERNET_DELAY_MS);
  });
});

describe('unconnected: the patrol finds every breakdown', () => {
  // Eight machines sharing one operation at 75 % load; each fails every 2 h of work on average and is
  // repaired in 5 min by one of eight crews (nobody waits for a crew). The patrol passes every 10 min.
  // (With the mean time between failures well above T, a failure falls at a near-uniform point of the
  // patrol's cycle: E[X mod T] of an exponential X with mean 12·T is 0.4965·T.)
  const T = 10 * MIN;
  const machines = Array.from({ length: 8 }, (_, i) => `M${i + 1}`);
  const factory: FactoryConfig = {
    products: [
      { id: 'P', routing: [{ operation: 'op', machines, cycleTime: { kind: 'constant', value: 60_000 } }] },
    ],
    machines: machines.map((id, i) => ({
      id,
      type: 'cnc',
      position: { xM: 10 + 3 * i, yM: 5 },
      sizeM: { w: 2, d: 2 },
      inputBufferId: 'IN',
      outputBufferId: 'OUT',
      failures: {
        kind: 'time' as const,
        mtbfMs: 2 * H,
        mttrMs: 5 * MIN,
        repairTime: { kind: 'constant' as const, value: 5 * MIN },
      },
    })),
    buffers: [{ id: 'IN', capacity: null, position: { xM: 0, yM: 0 } }],
    sinks: [{ id: 'OUT', position: { xM: 40, yM: 0 } }],
    sources: [{ id: 'SRC', stationId: 'IN', interarrival: { kind: 'exponential', mean: 10_000 } }],
    transport: 'instant',
    maintenance: {
      crews: { count: 8, home: { xM: 20, yM: 5 }, walkSpeedMps: 1.2 },
      detection: { patrolIntervalMs: T },
    },
  };
  const plant = (connectivity: ConnectivityConfig): TwinConfig => ({
    name: 'eight',
    factory,
    connectivity,
    positions: new Map(),
    seed: 11,
    durationMs: 100 * H,
  });

  it('downtime is longer than on a connected plant by about T/2 (the mean wait for the next pass)', () => {
    const connected = run(plant({ kind: 'ideal' })).result.factory.maintenance!;
    const legacy = run(plant({ kind: 'unconnected' })).result.factory.maintenance!;
    expect(connected.meanDetectionMs).toBeLessThan(1); // the status report, at once on the ideal network
    expect(legacy.repairs).toBeGreaterThan(250);
    // Detection U(0, T]: mean T/2, standard deviation T/√12; four standard errors.
    const tolerance = (4 * T) / Math.sqrt(12 * legacy.repairs);
    expect(Math.abs(legacy.meanDetectionMs - T / 2)).toBeLessThan(tolerance);
    expect(Math.abs(legacy.meanDowntimeMs - connected.meanDowntimeMs - T / 2)).toBeLessThan(
      tolerance + 0.5 * MIN,
    );
    expect(legacy.detectedBy?.report ?? 0).toBe(0);
  });

  it('refuses AGVs and breakdowns nobody would notice', () => {
    const noPatrol = { ...factory, maintenance: { ...factory.maintenance!, detection: {} } };
    expect(() =>
      buildTwin(new Simulation(), { ...plant({ kind: 'unconnected' }), factory: noPatrol }),
    ).toThrow(/machine M1 fails and nothing reports it, so maintenance needs a patrol or an andon/);
    expect(() => buildTwin(new Simulation(), { ...lineTwin, connectivity: { kind: 'unconnected' } })).toThrow(
      /AGVs need a network/,
    );
  });

  it('orders and reports on paper take the dispatch delay', () => {
    const { twin } = run({
      ...plant({ kind: 'unconnected', unconnected: { dispatchDelayMs: 30_000 } }),
      durationMs: H,
    });
    const paper = (twin.control as StreamsNotCarried).messages;
    expect(paper).toBeInstanceOf(FixedDelayNetwork);
    expect((paper as FixedDelayNetwork).delayMs).toBe(30_000);
    const atOnce = run({ ...plant({ kind: 'unconnected' }), durationMs: H }).twin.control;
    expect((atOnce as StreamsNotCarried).messages).toBeInstanceOf(IdealNetwork);
  });
});

describe('the connectivity registry', () => {
  it('builds what the config names, and a connectivity of one’s own', () => {
    expect(connectivities.names()).toEqual(['5g', 'wifi', 'wired', 'unconnected', 'ideal']);
    connectivities.register('carrier-pigeon', {
      description: 'a test connectivity',
      build: ({ sim }) => ({ control: new IdealNetwork(sim) }),
    });
    const { twin } = run({ ...lineTwin, durationMs: 10 * MIN, connectivity: { kind: 'carrier-pigeon' } });
    expect(twin.connectivity).toBe('carrier-pigeon');
    expect(twin.control).toBeInstanceOf(IdealNetwork);
    expect(() => buildTwin(new Simulation(), { ...lineTwin, connectivity: { kind: 'smoke' } })).toThrow(
      'unknown connectivity "smoke"; registered: 5g, wifi, wired, unconnected, ideal, carrier-pigeon',
    );
  });
});

describe('determinism on Wi-Fi', () => {
  it('same seed, same run; another seed, another', () => {
    const wifi = { ...lineTwin, connectivity: { kind: 'wifi' } };
    const a = run(wifi).result;
    expect(a.kpis['net.motionControl.reliability']).toBeGreaterThan(0);
    expect(JSON.stringify(run(wifi).result)).toBe(JSON.stringify(a));
    expect(run({ ...wifi, seed: 5 }).result.kpis).not.toEqual(a.kpis);
  });
});
