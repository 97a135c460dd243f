import {
  DEFAULT_HANDOVER,
  LEGACY_HANDOVER,
  PLANNER_HANDOVER,
  validateAgvConfig,
  validateFactoryConfig,
} from '@factory-twin/sim-core';
import { describe, expect, it } from 'vitest';
import { loadData, tinyScenario } from '../scenario/test-fixtures';
import { toModelConfig } from './to-model-config';

describe('toModelConfig', () => {
  it('converts friendly units to sim-core units', () => {
    const m = toModelConfig(loadData(tinyScenario()));
    const m1 = m.factory.machines.find((x) => x.id === 'M1')!;
    expect(m1.failures).toEqual({ kind: 'time', mtbfMs: 8 * 3_600_000, mttrMs: 20 * 60_000 });
    const [op1, op2] = m.factory.products[0].routing;
    expect(op1.cycleTime).toEqual({ M1: { kind: 'constant', value: 60_000 } });
    expect(op2.cycleTime).toEqual({ M2: { kind: 'triangular', min: 40_000, mode: 50_000, max: 70_000 } });
    expect(m.factory.sources[0]).toMatchObject({
      stationId: 'IN',
      interarrival: { kind: 'exponential', mean: 75_000 },
      orders: { dueInMs: 3_600_000 },
    });
    expect(m.factory.warmUpMs).toBe(1_800_000);
    expect(m.run).toEqual({ durationMs: 7_200_000, warmUpMs: 1_800_000, seed: 1, replications: 3 });
    expect(m.agv!.fleet[0]).toMatchObject({ maxSpeedMps: 1, loadTimeMs: 10_000, unloadTimeMs: 10_000 });
    expect(m.agv!.motionControl).toEqual({ intervalMs: 20, sizeBytes: 100, survivalTimeMs: 100 });
    expect(m.network.gnbs[0]).toMatchObject({ carrierGHz: 3.5, tddPattern: 'DDDSU', scsKHz: 30 });
  });

  it('passes network.fidelity through (packet when absent)', () => {
    expect(toModelConfig(loadData(tinyScenario())).network.fidelity).toBeUndefined();
    const data = tinyScenario();
    (data.network as Record<string, unknown>).fidelity = 'flow';
    expect(toModelConfig(loadData(data)).network.fidelity).toBe('flow');
    (data.network as Record<string, unknown>).fidelity = 'fast';
    expect(() => loadData(data)).toThrow(/fidelity/);
  });

  it('maps product-dependent changeovers and transport priorities', () => {
    const data = tinyScenario();
    data.machines[0].setupTimeS = 60;
    data.machines[0].setupTimesS = {
      byProduct: { P1: 120 },
      matrix: { P1: { P1: { kind: 'uniform', min: 1, max: 2 } } },
    };
    data.products[0].transportPriority = 3;
    const m = toModelConfig(loadData(data));
    expect(m.factory.machines[0].setupTimes).toEqual({
      default: { kind: 'constant', value: 60_000 },
      byProduct: { P1: { kind: 'constant', value: 120_000 } },
      matrix: { P1: { P1: { kind: 'uniform', min: 1000, max: 2000 } } },
    });
    expect(m.factory.machines[1].setupTimes).toBeUndefined();
    expect(m.factory.products[0].transportPriority).toBe(3);
  });

  it('produces configs sim-core itself accepts', () => {
    const m = toModelConfig(loadData(tinyScenario()));
    expect(validateFactoryConfig(m.factory, true)).toEqual([]);
    expect(() => validateAgvConfig(m.agv!)).not.toThrow();
  });

  it('opens one telemetry stream per sending device, video sized from the camera bitrate', () => {
    const m = toModelConfig(loadData(tinyScenario()));
    const ids = m.streams.map((s) => s.id).sort();
    expect(ids).toEqual(['telemetry:GW1', 'telemetry:M1', 'video:CAM1']);
    const video = m.streams.find((s) => s.id === 'video:CAM1')!;
    // 15 Mbit/s over 33 ms = 61 875 bytes per frame.
    expect(video.sizeBytes).toBe(61_875);
    expect(video.to).toBe('control');
  });

  it('builds the static layout with sinks drawn as unlimited buffers', () => {
    const { layout } = toModelConfig(loadData(tinyScenario()));
    expect(layout.buffers.map((b) => b.id)).toEqual(['IN', 'B1', 'OUT']);
    expect(layout.machines[1]).toMatchObject({ id: 'M2', legacy: true, gatewayId: 'GW1' });
    expect(layout.agvs).toEqual([
      { id: 'AGV1', startNodeId: 'N1' },
      { id: 'AGV2', startNodeId: 'N4' },
    ]);
    // No chargers: no `chargers` entry (the recording's header stays as it was).
    expect('chargers' in layout).toBe(false);
  });

  it('places each AGV charger at its path node in the layout', () => {
    const data = tinyScenario() as { agvs: Record<string, unknown> };
    data.agvs.chargers = [
      { id: 'CH1', nodeId: 'N3' },
      { id: 'CH2', nodeId: 'N1' },
    ];
    const { layout } = toModelConfig(loadData(data));
    // N3 is at (38, 4), N1 at (2, 4) in the fixture.
    expect(layout.chargers).toEqual([
      { id: 'CH1', xM: 38, yM: 4 },
      { id: 'CH2', xM: 2, yM: 4 },
    ]);
  });
  it('gives each gNB its own carrier, field by field over network.carrier', () => {
    const data = tinyScenario();
    data.network.carrier.specialSlot = { dl: 6, gap: 4, ul: 4 };
    data.network.gnbs.push({
      id: 'G2',
      xM: 35,
      yM: 10,
      heightM: 8,
      txPowerDbm: 24,
      carrier: { frequencyGHz: 4.9, bandwidthMHz: 40, tddPattern: 'DSUUU' },
    });
    data.network.gnbs.push({
      id: 'G3',
      xM: 5,
      yM: 10,
      heightM: 8,
      txPowerDbm: 24,
      carrier: { scsKHz: 60, specialSlot: { dl: 10, gap: 2, ul: 2 } },
    });
    const [g1, g2, g3] = toModelConfig(loadData(data)).network.gnbs;
    const carrierOf = (g: typeof g1) => [g.carrierGHz, g.bandwidthMHz, g.scsKHz, g.tddPattern, g.specialSlot];
    expect(carrierOf(g1)).toEqual([3.5, 100, 30, 'DDDSU', { dl: 6, gap: 4, ul: 4 }]);
    expect(carrierOf(g2)).toEqual([4.9, 40, 30, 'DSUUU', { dl: 6, gap: 4, ul: 4 }]);
    expect(carrierOf(g3)).toEqual([3.5, 100, 60, 'DDDSU', { dl: 10, gap: 2, ul: 2 }]);
  });

  it('passes device antenna gain and power class, defaulting to 0 dBi and 23 dBm', () => {
    const data = tinyScenario();
    data.network.devices[0] = { ...data.network.devices[0], antennaGainDbi: -3, powerClassDbm: 26 };
    const [d0, d1] = toModelConfig(loadData(data)).network.devices;
    expect([d0.antennaGainDbi, d0.powerClassDbm]).toEqual([-3, 26]);
    expect([d1.antennaGainDbi, d1.powerClassDbm]).toEqual([0, 23]);
  });

  it('passes a flow class guaranteed bit rate and availability target beside its deadline', () => {
    const data = tinyScenario();
    const motion = data.network.traffic.find((t: { id: string }) => t.id === 'motion');
    motion.gbrMbps = 0.5;
    motion.deadlineMs = 15;
    data.network.traffic.find((t: { id: string }) => t.id === 'video').availabilityPct = 99.9;
    expect(toModelConfig(loadData(data)).network.classOptions).toEqual({
      motionControl: { deadlineMs: 15, gbrMbps: 0.5 },
      video: { availabilityPct: 99.9 },
    });
    expect(toModelConfig(loadData(tinyScenario())).network.classOptions).toEqual({});
    // Two flows of one class: their settings add up.
    data.network.traffic.push({
      id: 'm2',
      trafficClass: 'motionControl',
      deviceIds: ['D-AGV2'],
      sizeBytes: 50,
      availabilityPct: 99,
    });
    expect(toModelConfig(loadData(data)).network.classOptions?.motionControl).toEqual({
      deadlineMs: 15,
      gbrMbps: 0.5,
      availabilityPct: 99,
    });
  });

  it('passes handover, core delay, UL power control and link adaptation; none of them when absent', () => {
    const plain = toModelConfig(loadData(tinyScenario())).network;
    expect(plain.handover).toBeUndefined();
    expect(plain.deployment).toEqual({ mode: 'public' });
    expect(plain.uplinkPowerControl).toBeUndefined();
    expect(plain.linkAdaptation).toBeUndefined();
    expect(plain.uplinkAccess).toBeUndefined();

    const data = tinyScenario();
    data.network.handover = { a3OffsetDb: 2, timeToTriggerMs: 40, interruptionMs: 0 };
    data.network.coreDelay = { meanMs: 3, jitterMs: 0.5, minMs: 1 };
    data.network.uplinkPowerControl = { p0Dbm: -90, alpha: 1 };
    data.network.linkAdaptation = {
      cqiTable: 1,
      blerTarget: 0.01,
      maxHarqRetransmissions: 1,
      harqProcessingMs: 0.25,
    };
    const n = toModelConfig(loadData(data)).network;
    // Fields over the planner preset (hysteresis 3 dB, fc11 stay).
    expect(n.handover).toEqual({ ...PLANNER_HANDOVER, offsetDb: 2, timeToTriggerMs: 40, interruptionMs: 0 });
    data.network.handover = { preset: 'legacy', timeToTriggerMs: 320 };
    expect(toModelConfig(loadData(data)).network.handover).toEqual({
      ...LEGACY_HANDOVER,
      timeToTriggerMs: 320,
    });
    expect(n.deployment).toEqual({ mode: 'public', overrides: { meanMs: 3, jitterMs: 0.5, minMs: 1 } });
    expect(n.uplinkPowerControl).toEqual({ p0Dbm: -90, alpha: 1 });
    data.network.uplinkAccess = { srPeriodSlots: 10, k2Slots: 2, configuredGrantClasses: ['telemetry'] };
    expect(toModelConfig(loadData(data)).network.uplinkAccess).toEqual({
      srPeriodSlots: 10,
      k2Slots: 2,
      configuredGrantClasses: ['telemetry'],
    });
    expect(n.linkAdaptation).toEqual({
      cqiTable: 1,
      blerTarget: 0.01,
      maxHarqRetransmissions: 1,
      harqProcessingMs: 0.25,
    });

    // Partial blocks: the handover takes sim-core's defaults for what is left out, the others only what is given.
    const partial = tinyScenario();
    partial.network.handover = { interruptionMs: 5 };
    partial.network.coreDelay = { meanMs: 2 };
    partial.network.uplinkPowerControl = { alpha: 0.7 };
    const p = toModelConfig(loadData(partial)).network;
    expect(p.handover).toEqual({ ...DEFAULT_HANDOVER, interruptionMs: 5 });
    expect(p.deployment.overrides).toEqual({ meanMs: 2 });
    expect(p.uplinkPowerControl).toEqual({ alpha: 0.7 });
  });
});
