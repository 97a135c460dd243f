import { validateFactoryConfig } from '@factory-twin/sim-core';
import { describe, expect, it } from 'vitest';
import { runModel } from '../run/run-model';
import { loadData, loadIssues, tinyScenario } from '../scenario/test-fixtures';
import { toModelConfig } from './to-model-config';

/** M1 makes latent defects; CAM1 watches it; M2 (the last step) is the final test. */
function withQuality() {
  const data = tinyScenario();
  data.machines[0].defectProbability = 0.1;
  data.quality = {
    inspections: [
      {
        id: 'VI1',
        machineIds: ['M1'],
        cameraId: 'CAM1',
        detectProbability: 0.95,
        windowS: 10,
        minOnTimeShare: 0.9,
        fallback: { kind: 'sampling', everyN: 4, manualTimeMin: 2, detectProbability: 0.8 },
        caught: { kind: 'rework', reworkTimeMin: { kind: 'exponential', mean: 5 }, costEurPerPart: 40 },
      },
    ],
    lateCheck: { machineIds: ['M2'], found: { kind: 'scrap', costEurPerPart: 300 } },
    shippedDefectCostEurPerPart: 2000,
  };
  return data;
}

describe('scenario quality section', () => {
  it('is absent by default; present, it becomes sim-core units (ms) and a valid factory config', () => {
    expect(toModelConfig(loadData(tinyScenario())).factory.quality).toBeUndefined();
    const m = toModelConfig(loadData(withQuality())).factory;
    expect(m.machines[0].defectProbability).toBe(0.1);
    expect(m.quality).toEqual({
      inspections: [
        {
          id: 'VI1',
          machineIds: ['M1'],
          cameraId: 'CAM1',
          detectProbability: 0.95,
          windowMs: 10_000,
          minOnTimeShare: 0.9,
          fallback: {
            kind: 'sampling',
            everyN: 4,
            manualTime: { kind: 'constant', value: 120_000 },
            detectProbability: 0.8,
          },
          caught: { kind: 'rework', reworkTime: { kind: 'exponential', mean: 300_000 } },
        },
      ],
      lateCheck: { machineIds: ['M2'], found: { kind: 'scrap' } },
    });
    expect(validateFactoryConfig(m, true)).toEqual([]);
  });

  it('reports every problem with its path', () => {
    const data = withQuality();
    const p = data.quality.inspections[0];
    p.machineIds = ['M1', 'M9'];
    p.cameraId = 'CAM7';
    p.fallback = { kind: 'sampling', manualTimeMin: 2, detectProbability: 1.2 };
    data.quality.inspections.push({
      ...structuredClone(withQuality().quality.inspections[0]),
      id: 'VI1',
      cameraId: 'CAM7',
      fallback: { kind: 'robot', manualTimeMin: 1, detectProbability: 0.5 },
    });
    data.cameras.push({ id: 'CAM7', xM: 5, yM: 19, heightM: 6, bitrateMbps: 4 });
    data.network.devices.push({ id: 'D-CAM7', kind: 'camera', attachedTo: 'CAM7' });
    data.quality.inspections.push({
      ...structuredClone(withQuality().quality.inspections[0]),
      id: 'VI3',
      machineIds: ['M2'],
      cameraId: 'CAM9',
    });
    data.quality.lateCheck.machineIds = ['TEST'];
    data.machines[1].defectProbability = 2;
    const found = loadIssues(data);
    expect(found.get('quality.inspections[0].machineIds[1]')).toBe('machine "M9" does not exist');
    expect(found.get('quality.inspections[2].cameraId')).toBe('camera "CAM9" does not exist');
    expect(found.get('quality.inspections[0].fallback.everyN')).toBe(
      'a "sampling" fallback needs "everyN", got nothing',
    );
    expect(found.get('quality.inspections[0].fallback.detectProbability')).toMatch(
      /<=\s*1|at most 1|too big/i,
    );
    expect(found.get('quality.inspections[1].fallback.kind')).toBe(
      'expected a registered inspection fallback (sampling, manual), got "robot"',
    );
    expect(found.get('quality.inspections[1].id')).toBe('duplicate inspection id "VI1"');
    expect(found.get('quality.inspections[1].cameraId')).toBe(
      'camera "CAM7" already serves inspection "VI1" (one point per camera)',
    );
    expect(found.get('quality.inspections[1].machineIds[0]')).toBe(
      'machine "M1" is already inspected by "VI1"',
    );
    expect(found.get('quality.lateCheck.machineIds[0]')).toBe('machine "TEST" does not exist');
    expect(found.get('machines[1].defectProbability')).toMatch(/<=\s*1|at most 1|too big/i);
  });

  it('a camera without a video flow cannot inspect', () => {
    const data = withQuality();
    data.network.traffic = data.network.traffic.filter((t: { id: string }) => t.id !== 'video');
    expect(loadIssues(data).get('quality.inspections[0].cameraId')).toMatch(/^camera "CAM1" sends no video/);
  });
});

describe('video inspection over the 5G model', { timeout: 120_000 }, () => {
  it('a jammer on the uplink for half an hour sends inspection into fallback for that half hour: 1 part in 4 inspected by hand', () => {
    // Run 2 h, warm-up 0.5 h; the jammer next to the gNB (the uplink receiver) is on from 1 h to 1.5 h:
    // strong enough that the 15 Mbit/s camera no longer fits the uplink, weak enough that the status
    // reports and AGV commands still get through (production goes on).
    const run = (jammed: boolean) => {
      const data = withQuality();
      // Only the jammer: no public users on the cell, no WAN outage (their own tests: ran-share-config, outage-config).
      data.network.publicLoad = { enabled: false };
      data.network.outages = { enabled: false };
      data.network.interferenceZones = jammed
        ? [{ id: 'JAM', xM: 20, yM: 11, radiusM: 3, powerDbm: -10, activeH: [{ startH: 1, endH: 1.5 }] }]
        : [];
      return runModel(toModelConfig(loadData(data)), { seed: 4 });
    };
    const clean = run(false);
    const jammed = run(true);
    expect(clean.kpis['inspection.VI1.fallbackShare']).toBe(0);
    // (0.98 since issue 18: each frame into an empty UE buffer waits for an SR occasion and its grant; 0.994 grant-free)
    expect(clean.kpis['inspection.VI1.onTimeShare']).toBeGreaterThan(0.97);
    expect(clean.kpis['inspection.VI1.manual']).toBe(0);
    // Closed form: 0.5 h of 1.5 h, give or take a 10 s window and a frame deadline at each end.
    expect(jammed.kpis['inspection.VI1.fallbackShare']).toBeCloseTo(1 / 3, 2);
    expect(jammed.eventCounts.inspectionFallback).toBe(1);
    expect(jammed.eventCounts.inspectionRestored).toBe(1);
    expect(jammed.kpis['net.video.reliability']).toBeLessThan(0.7);
    // Parts kept coming through M1 in fallback, and 1 in 4 of them was inspected by hand.
    const inFallback = jammed.kpis['inspection.VI1.manual'] + jammed.kpis['inspection.VI1.uninspected'];
    expect(inFallback).toBeGreaterThan(8);
    expect(jammed.kpis['inspection.VI1.manual']).toBe(Math.floor(inFallback / 4));
    expect(jammed.kpis['inspection.VI1.manualTimeMs']).toBe(
      jammed.kpis['inspection.VI1.manual'] * 2 * 60_000,
    );
  });
});
