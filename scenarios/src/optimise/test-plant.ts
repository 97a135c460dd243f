import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tinyScenario } from '../scenario/test-fixtures';
import { loadRunnableScenario } from '../validate/runnable';
import { DecisionSpace } from './decision-space';
import { Screening } from './screening';
import { loadOptimiseSpec } from './spec';

/** Writes an optimise spec as `optimise.json` in `dir` (a `base` of `scenario.json`: the plant beside it). */
export function writeSpec(dir: string, spec: Record<string, unknown>): string {
  const file = join(dir, 'optimise.json');
  writeFileSync(file, JSON.stringify(spec));
  return file;
}

/** An optimise spec file loaded with its base scenario, its decision space and the screening of both. */
export function loadScreening(specFile: string) {
  const spec = loadOptimiseSpec(specFile);
  const base = loadRunnableScenario(spec.baseFile).scenario;
  const space = new DecisionSpace(spec, base);
  return { spec, base, space, screening: new Screening(spec, base, space) };
}

/**
 * A corridor plant for the optimiser's tests: the tiny scenario stretched to a 120 m × 12 m hall whose AGV
 * loop runs the corridor's whole length (y = 3 and y = 9), written as `scenario.json` in a temporary folder
 * (so output folders inside it may extend it).
 */
export function corridorPlantDir(): { dir: string; file: string } {
  const dir = mkdtempSync(join(tmpdir(), 'factory-twin-optimise-'));
  const s = tinyScenario();
  s.floor = { widthM: 120, depthM: 12 };
  s.zones = [{ id: 'Z1', label: 'corridor', xM: 0, yM: 0, widthM: 120, depthM: 12 }];
  s.machines[0].xM = 20;
  s.machines[0].yM = 6;
  s.machines[1].xM = 100;
  s.machines[1].yM = 6;
  s.gateways = [{ id: 'GW1', xM: 100, yM: 8, conversionDelayMs: 20 }];
  s.cameras = [{ id: 'CAM1', xM: 60, yM: 11, heightM: 6, bitrateMbps: 15 }];
  s.buffers = [
    { id: 'IN', xM: 2, yM: 1, capacity: null, nodeId: 'N1' },
    { id: 'B1', xM: 60, yM: 1, capacity: 5, nodeId: 'N2' },
  ];
  s.sinks = [{ id: 'OUT', xM: 118, yM: 1, kind: 'warehouse', nodeId: 'N3' }];
  s.paths = {
    nodes: [
      { id: 'N1', xM: 2, yM: 3 },
      { id: 'N2', xM: 60, yM: 3 },
      { id: 'N3', xM: 118, yM: 3 },
      { id: 'N4', xM: 60, yM: 9 },
    ],
    edges: [
      { from: 'N1', to: 'N2' },
      { from: 'N2', to: 'N3' },
      { from: 'N3', to: 'N4' },
      { from: 'N4', to: 'N1' },
    ],
  };
  s.network.gnbs = [{ id: 'G1', xM: 20, yM: 6, heightM: 8, txPowerDbm: 24 }];
  s.network.interferenceZones = [];
  s.run = { ...s.run, lengthH: 0.2, warmupH: 0.04 };
  const file = join(dir, 'scenario.json');
  writeFileSync(file, JSON.stringify(s, null, 2));
  return { dir, file };
}
