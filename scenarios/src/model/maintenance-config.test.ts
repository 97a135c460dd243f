import { validateFactoryConfig } from '@factory-twin/sim-core';
import { describe, expect, it } from 'vitest';
import { runModel } from '../run/run-model';
import { loadData, loadIssues, tinyScenario } from '../scenario/test-fixtures';
import { toModelConfig } from './to-model-config';

const maintenance = () => ({
  crews: { count: 2, homeAt: { xM: 5, yM: 5 }, walkSpeedMps: 1.2, dispatch: 'priority', afterRepair: 'stay' },
  detection: {
    unmonitoredMachineIds: ['M1'],
    patrolIntervalMin: 30,
    andon: { delayMin: { kind: 'exponential', mean: 4 } },
  },
  priorities: { M2: 3 },
});

describe('scenario maintenance section', () => {
  it('is absent by default: no maintenance in the model (repairs start at the failure)', () => {
    expect(toModelConfig(loadData(tinyScenario())).factory.maintenance).toBeUndefined();
  });

  it('converts to sim-core units, and sim-core accepts it', () => {
    const data = tinyScenario();
    data.maintenance = maintenance();
    data.maintenance.crews.shifts = { cycleH: 24, periods: [{ startH: 6, endH: 22 }] };
    const m = toModelConfig(loadData(data)).factory;
    expect(m.maintenance).toEqual({
      crews: {
        count: 2,
        home: { xM: 5, yM: 5 },
        walkSpeedMps: 1.2,
        shifts: { cycleMs: 24 * 3_600_000, periods: [{ startMs: 6 * 3_600_000, endMs: 22 * 3_600_000 }] },
        dispatch: 'priority',
        afterRepair: 'stay',
      },
      detection: {
        unmonitored: ['M1'],
        patrolIntervalMs: 30 * 60_000,
        andon: { delay: { kind: 'exponential', mean: 4 * 60_000 } },
      },
      priorities: { M2: 3 },
    });
    expect(validateFactoryConfig(m, true)).toEqual([]);
  });

  it('reports bad fields and references by JSON path', () => {
    const data = tinyScenario();
    data.maintenance = maintenance();
    data.maintenance.crews.count = 0;
    data.maintenance.crews.dispatch = 'nearest';
    data.maintenance.crews.homeAt = { xM: 100, yM: 5 };
    data.maintenance.detection.unmonitoredMachineIds = ['M1', 'M9'];
    data.maintenance.priorities = { M7: 1 };
    const found = loadIssues(data);
    expect(found.get('maintenance.crews.count')).toMatch(/>=\s*1|at least 1|too small/i);
    expect(found.get('maintenance.crews.dispatch')).toBe(
      'expected a registered repair dispatch rule (fifo, priority), got "nearest"',
    );
    expect(found.get('maintenance.crews.homeAt')).toBe(
      "the crews' home (100, 5) lies outside the 40 × 20 m floor",
    );
    expect(found.get('maintenance.detection.unmonitoredMachineIds[1]')).toBe('machine "M9" does not exist');
    expect(found.get('maintenance.priorities.M7')).toBe('machine "M7" does not exist');
  });

  it('an unmonitored machine that fails needs a patrol or an andon', () => {
    const data = tinyScenario();
    data.maintenance = { crews: maintenance().crews, detection: { unmonitoredMachineIds: ['M1'] } };
    expect(loadIssues(data).get('maintenance.detection.unmonitoredMachineIds[0]')).toBe(
      'machine "M1" fails and is unmonitored: give "patrolIntervalMin" or "andon" so someone notices',
    );
  });
});

describe('maintenance over the whole stack', { timeout: 120_000 }, () => {
  it('a status report over the 5G model notices a breakdown within a fraction of a second; a patrol takes minutes', () => {
    const run = (detection: Record<string, unknown>) => {
      const data = tinyScenario();
      data.machines[0].failures = { mtbfH: 0.1, mttrMin: 3 };
      data.run = { ...data.run, lengthH: 2, warmupH: 0.1 };
      data.maintenance = {
        crews: { count: 1, homeAt: { xM: 20, yM: 18 }, walkSpeedMps: 1, afterRepair: 'home' },
        detection,
      };
      return runModel(toModelConfig(loadData(data)), { seed: 3 });
    };
    const monitored = run({});
    const patrolled = run({ unmonitoredMachineIds: ['M1'], patrolIntervalMin: 20 });
    for (const r of [monitored, patrolled]) {
      expect(r.kpis['maintenance.repairs']).toBeGreaterThan(3);
      expect(r.eventCounts.failureDetected).toBeGreaterThan(3);
      expect(r.factory.maintenance!.meanTravelMs).toBeCloseTo(Math.hypot(10, 8) * 1000, 6); // home → M1 at 1 m/s
    }
    expect(monitored.kpis['maintenance.meanDetectionMs']).toBeGreaterThan(0); // radio, core, scheduling
    expect(monitored.kpis['maintenance.meanDetectionMs']).toBeLessThan(1000);
    expect(patrolled.kpis['maintenance.meanDetectionMs']).toBeGreaterThan(60_000);
    expect(patrolled.kpis['maintenance.meanDowntimeMs']).toBeGreaterThan(
      monitored.kpis['maintenance.meanDowntimeMs'],
    );
  });
});
