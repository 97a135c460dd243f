import { describe, expect, it } from 'vitest';
import { flattenKpis } from '../../kpi/flat-kpis';
import type { FactoryConfig, MachineConfig } from '../config';
import { exponential, MIN, machine, runFactory, SINK } from '../factory.test-helpers';
import type { DetectionConfig, MaintenanceConfig } from './config';
import type { RepairRecord } from './repair-job';

const H = 60 * MIN;
const PATROL_MS = H;

/** Machines `ids`, each with its own random work and failures, scattered on the floor. */
function plant(ids: string[], crewCount: number, detection: DetectionConfig): FactoryConfig {
  const machines: MachineConfig[] = ids.map((id, i) =>
    machine(id, {
      position: { xM: 10 + 15 * i, yM: 5 + 7 * (i % 3) },
      outputBufferId: 'SINK',
      failures: { kind: 'time', mtbfMs: 5 * H, mttrMs: 40 * MIN },
    }),
  );
  const maintenance: MaintenanceConfig = {
    crews: { count: crewCount, home: { xM: 0, yM: 0 }, walkSpeedMps: 1 },
    detection,
  };
  return {
    products: ids.map((id) => ({
      id: `P${id}`,
      routing: [{ operation: 'op', machines: [id], cycleTime: exponential(10 * MIN) }],
    })),
    machines,
    sinks: [SINK],
    sources: ids.map((id) => ({
      id: `S${id}`,
      stationId: `${id}.in`,
      interarrival: exponential(12 * MIN),
      productMix: { [`P${id}`]: 1 },
    })),
    maintenance,
  };
}

function repairs(config: FactoryConfig) {
  const log: RepairRecord[] = [];
  const { factory } = runFactory(config, {
    seed: 11,
    untilMs: 400 * H,
    before: (f) => {
      f.maintenance!.probes.repairs.stream$.subscribe((r) => log.push(r));
    },
  });
  return { log, kpis: flattenKpis(factory.kpis()) };
}

/** What a machine's own streams decide, per repair in order: repair time, andon delay, patrol phase. */
function draws(log: RepairRecord[], machineId: string) {
  const mine = log.filter((r) => r.machineId === machineId);
  return {
    repairMs: mine.map((r) => r.repairedAtMs - r.arrivedAtMs),
    andonMs: mine.filter((r) => r.detectedBy === 'andon').map((r) => r.detectedAtMs - r.failedAtMs),
    patrolPhaseMs: [
      ...new Set(
        mine
          .filter((r) => r.detectedBy === 'patrol')
          .map((r) => Math.round((r.detectedAtMs % PATROL_MS) * 1000) / 1000),
      ),
    ],
  };
}

function expectSamePrefix(a: readonly number[], b: readonly number[]): void {
  const n = Math.min(a.length, b.length);
  expect(n).toBeGreaterThanOrEqual(15);
  for (let i = 0; i < n; i++) expect(b[i]).toBeCloseTo(a[i], 6);
}

const BASE = ['M1', 'M2', 'M3', 'M4'];
const ANDON: DetectionConfig = { unmonitored: ['M1', 'M2'], andon: { delay: exponential(10 * MIN) } };
const PATROL: DetectionConfig = { unmonitored: ['M1', 'M2'], patrolIntervalMs: PATROL_MS };

describe('maintenance randomness', () => {
  it('same seed, same repairs and KPIs', () => {
    const a = repairs(plant(BASE, 2, { ...ANDON, patrolIntervalMs: PATROL_MS }));
    const b = repairs(plant(BASE, 2, { ...ANDON, patrolIntervalMs: PATROL_MS }));
    expect(a.log.length).toBeGreaterThan(100);
    expect(b.log).toEqual(a.log);
    expect(JSON.stringify(b.kpis)).toBe(JSON.stringify(a.kpis));
  });

  it("adding a machine or a crew leaves every machine's repair, andon and patrol draws unchanged", () => {
    for (const detection of [ANDON, PATROL]) {
      const base = repairs(plant(BASE, 2, detection)).log;
      const variants = [
        repairs(plant(['M0', ...BASE], 2, detection)).log, // a new machine, first in the list
        repairs(plant(BASE, 3, detection)).log, // one more crew
      ];
      for (const other of variants) {
        // The plants differ (queueing for crews changes when machines fail and are repaired) ...
        expect(other.map((r) => r.repairedAtMs)).not.toEqual(base.map((r) => r.repairedAtMs));
        for (const id of BASE) {
          // ... but each machine's own draws come in the same order.
          const mine = draws(base, id);
          const theirs = draws(other, id);
          expectSamePrefix(mine.repairMs, theirs.repairMs);
          if (detection === ANDON && (id === 'M1' || id === 'M2'))
            expectSamePrefix(mine.andonMs, theirs.andonMs);
          if (detection === PATROL && (id === 'M1' || id === 'M2')) {
            expect(mine.patrolPhaseMs).toHaveLength(1); // one fixed phase per machine
            expect(theirs.patrolPhaseMs[0]).toBeCloseTo(mine.patrolPhaseMs[0], 3);
          }
        }
      }
    }
  });
});
