import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as api from './index';
import * as testing from './testing';

const HELPERS = [
  'exampleDevice',
  'exampleFactory',
  'exampleGnb',
  'exampleNetwork',
  'syntheticMix',
  'writeRecords',
  'FakeControlNetwork',
  'lineNetwork',
  'gridNetwork',
  'gridRun',
  'scheduleGridWorkload',
  'TEST_VEHICLE',
];

describe('public API', () => {
  it('does not ship test helpers: they are in the testing subpath export', () => {
    expect(HELPERS.filter((name) => name in api)).toEqual([]);
    expect(HELPERS.filter((name) => !(name in testing))).toEqual([]);
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
    expect(pkg.exports).toEqual({ '.': './src/index.ts', './testing': './src/testing.ts' });
  });

  it('exports the wiring, the KPI registry and the shared vocabularies', () => {
    for (const name of [
      'buildTwin',
      'flattenKpis',
      'KPIS',
      'RECORDED_SERIES',
      'EVENT_KINDS',
      'MACHINE_STATES',
      'AGV_STATES',
    ])
      expect(api).toHaveProperty(name);
  });
});
