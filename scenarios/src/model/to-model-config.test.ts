import { validateAgvConfig, validateFactoryConfig } from '@factory-twin/sim-core';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../scenario/load';
import { tinyScenario } from '../scenario/test-fixtures';
import { toModelConfig } from './to-model-config';

const load = (data: unknown) => loadScenario('/t.json', { readText: () => JSON.stringify(data) }).scenario;

describe('toModelConfig', () => {
  it('converts friendly units to sim-core units', () => {
    const m = toModelConfig(load(tinyScenario()));
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

  it('maps product-dependent changeovers and transport priorities', () => {
    const data = tinyScenario();
    data.machines[0].setupTimeS = 60;
    data.machines[0].setupTimesS = {
      byProduct: { P1: 120 },
      matrix: { P1: { P1: { kind: 'uniform', min: 1, max: 2 } } },
    };
    data.products[0].transportPriority = 3;
    const m = toModelConfig(load(data));
    expect(m.factory.machines[0].setupTimes).toEqual({
      default: { kind: 'constant', value: 60_000 },
      byProduct: { P1: { kind: 'constant', value: 120_000 } },
      matrix: { P1: { P1: { kind: 'uniform', min: 1000, max: 2000 } } },
    });
    expect(m.factory.machines[1].setupTimes).toBeUndefined();
    expect(m.factory.products[0].transportPriority).toBe(3);
  });

  it('produces configs sim-core itself accepts', () => {
    const m = toModelConfig(load(tinyScenario()));
    expect(validateFactoryConfig(m.factory, true)).toEqual([]);
    expect(() => validateAgvConfig(m.agv!)).not.toThrow();
  });

  it('opens one telemetry stream per sending device, video sized from the camera bitrate', () => {
    const m = toModelConfig(load(tinyScenario()));
    const ids = m.streams.map((s) => s.id).sort();
    expect(ids).toEqual(['telemetry:GW1', 'telemetry:M1', 'video:CAM1']);
    const video = m.streams.find((s) => s.id === 'video:CAM1')!;
    // 15 Mbit/s over 33 ms = 61 875 bytes per frame.
    expect(video.sizeBytes).toBe(61_875);
    expect(video.to).toBe('control');
  });

  it('builds the static layout with sinks drawn as unlimited buffers', () => {
    const { layout } = toModelConfig(load(tinyScenario()));
    expect(layout.buffers.map((b) => b.id)).toEqual(['IN', 'B1', 'OUT']);
    expect(layout.machines[1]).toMatchObject({ id: 'M2', legacy: true, gatewayId: 'GW1' });
    expect(layout.agvs).toEqual([
      { id: 'AGV1', startNodeId: 'N1' },
      { id: 'AGV2', startNodeId: 'N4' },
    ]);
  });
});
