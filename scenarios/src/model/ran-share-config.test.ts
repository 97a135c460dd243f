import { DEFAULT_PUBLIC_LOAD } from '@factory-twin/sim-core';
import { describe, expect, it } from 'vitest';
import { runModel } from '../run/run-model';
import { loadData, loadIssues, tinyScenario } from '../scenario/test-fixtures';
import { toModelConfig } from './to-model-config';

const withNetwork = (fields: Record<string, unknown>) => {
  const data = tinyScenario();
  Object.assign(data.network, fields);
  return data;
};

describe('scenario network.publicLoad / rrmPolicy: the deployment mode implies them', () => {
  it('public: the default operator profile from 06:00, best effort; slice: its RRM policy; hybrid and private: none', () => {
    const pub = toModelConfig(loadData(withNetwork({ deployment: 'public' }))).network.ranShare!;
    expect(pub.publicLoad.hourly).toEqual(DEFAULT_PUBLIC_LOAD);
    expect(pub.publicLoad.startHour).toBe(6);
    expect(pub.policy).toBeUndefined();
    const slice = toModelConfig(loadData(withNetwork({ deployment: 'slice' }))).network.ranShare!;
    expect(slice.policy).toEqual({ dedicatedPct: 10, minPct: 50, maxPct: 100 });
    for (const deployment of ['hybrid', 'private'])
      expect(toModelConfig(loadData(withNetwork({ deployment }))).network.ranShare).toBeUndefined();
    const off = withNetwork({ deployment: 'public', publicLoad: { enabled: false } });
    expect(toModelConfig(loadData(off)).network.ranShare).toBeUndefined();
  });

  it('takes a constant load, cells of their own, a start hour and partial ratios (the rest in order)', () => {
    const hour = { ulPrbShare: 0.5, dlPrbShare: 0.7, ues: 9 };
    const data = withNetwork({
      deployment: 'slice',
      publicLoad: { constant: hour, startHour: 0, cells: [{ gnbId: 'G1', constant: { ...hour, ues: 2 } }] },
      rrmPolicy: { minPct: 5 },
    });
    const r = toModelConfig(loadData(data)).network.ranShare!;
    expect(r.publicLoad.hourly).toEqual(Array.from({ length: 24 }, () => hour));
    expect(r.publicLoad.startHour).toBe(0);
    expect(r.publicLoad.cells!.G1[13].ues).toBe(2);
    expect(r.policy).toEqual({ dedicatedPct: 5, minPct: 5, maxPct: 100 });
  });

  it('reports every problem at its JSON path', () => {
    const found = loadIssues(
      withNetwork({
        publicLoad: {
          hourly: DEFAULT_PUBLIC_LOAD.slice(1),
          constant: { ulPrbShare: 1.2, dlPrbShare: 0.5, ues: 3 },
          startHour: 24,
          cells: [{ gnbId: 'G9', constant: { ulPrbShare: 0, dlPrbShare: 0, ues: 0 } }],
        },
        rrmPolicy: { dedicatedPct: 60, maxPct: 40 },
      }),
    );
    expect([...found.keys()].sort()).toEqual(
      [
        'network.publicLoad.hourly',
        'network.publicLoad.constant',
        'network.publicLoad.constant.ulPrbShare',
        'network.publicLoad.startHour',
        'network.publicLoad.cells[0].gnbId',
        'network.rrmPolicy.dedicatedPct',
      ].sort(),
    );
    expect(found.get('network.publicLoad.cells[0].gnbId')).toMatch(/gNB "G9" does not exist/);
    expect(found.get('network.rrmPolicy.dedicatedPct')).toMatch(/at most minPct \(40\), got 60/);
    expect(found.get('network.publicLoad.constant')).toMatch(/either hourly or constant/);
  });
});

describe('scenario network.outages: on by default per mode', () => {
  const mode = (deployment: string, extra: Record<string, unknown> = {}) =>
    toModelConfig(loadData(withNetwork({ deployment, ...extra }))).outages;
  it('public, slice and private run their SLA process; hybrid (local breakout), Wi-Fi and enabled: false do not', () => {
    expect(mode('public')?.mode).toBe('public');
    expect(mode('slice')?.mode).toBe('slice');
    expect(mode('private')?.mode).toBe('private');
    expect(mode('hybrid')).toBeUndefined();
    expect(mode('hybrid', { outages: { availabilityPct: 99 } })?.mode).toBe('hybrid');
    expect(mode('public', { outages: { enabled: false } })).toBeUndefined();
    expect(mode('public', { connectivity: 'ideal' })).toBeUndefined();
  });
});

describe('an uplink-bound plant on a shared cell', { timeout: 120_000 }, () => {
  // tiny's M1 needs its camera's video to be inspected; in fallback every part is inspected by hand for a
  // minute at M1 (cycle 60 s, arrivals every 75 s), which makes M1 the bottleneck (48 → 30 parts/h). Parts
  // move instantly (no AGVs). The 30 Mbit/s camera fits the uplink of the plant's own cell, not the fifth
  // that public users at 80 % of the UL leave it; a slice with 80 % prioritised PRBs carries it again. The
  // same core delay in every mode, so only the RAN differs.
  const run = (deployment: string, extra: Record<string, unknown> = {}) => {
    const data = withNetwork({
      deployment,
      outages: { enabled: false },
      publicLoad: { constant: { ulPrbShare: 0.8, dlPrbShare: 0.6, ues: 10 } },
      coreDelay: { meanMs: 1, jitterMs: 0.3, minMs: 0.3 },
      ...extra,
    });
    data.transport = { kind: 'instant' };
    delete data.agvs;
    delete data.paths;
    for (const b of [...data.buffers, ...data.sinks]) delete b.nodeId;
    data.network.devices = data.network.devices.filter((d: { kind: string }) => d.kind !== 'agv');
    data.network.traffic = data.network.traffic.filter((t: { id: string }) => t.id !== 'motion');
    data.cameras[0].bitrateMbps = 30;
    data.machines[0].defectProbability = 0.05;
    data.quality = {
      inspections: [
        {
          id: 'VI1',
          machineIds: ['M1'],
          cameraId: 'CAM1',
          detectProbability: 0.95,
          windowS: 10,
          minOnTimeShare: 0.9,
          fallback: { kind: 'sampling', everyN: 1, manualTimeMin: 1, detectProbability: 0.8 },
          caught: { kind: 'scrap', costEurPerPart: 40 },
        },
      ],
    };
    data.run = { ...data.run, lengthH: 1.5, warmupH: 0.25 };
    return runModel(toModelConfig(loadData(data)), { seed: 3 }).kpis;
  };

  it('public load raises the video latency and lowers production; a slice with a guaranteed share restores it', () => {
    const own = run('private');
    const pub = run('public');
    const slice = run('slice', { rrmPolicy: { minPct: 80 } });
    expect(pub['net.video.p50Ms']).toBeGreaterThan(2 * own['net.video.p50Ms']);
    expect(pub['inspection.VI1.fallbackShare']).toBeGreaterThan(0.9);
    expect(pub.throughputPerHour).toBeLessThan(0.85 * own.throughputPerHour);
    expect(own['inspection.VI1.fallbackShare']).toBe(0);
    expect(slice['inspection.VI1.fallbackShare']).toBe(0);
    expect(slice.throughputPerHour).toBeCloseTo(own.throughputPerHour, 0);
  });
});
