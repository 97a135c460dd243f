import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateAgvConfig, validateFactoryConfig } from '@factory-twin/sim-core';
import { describe, expect, it } from 'vitest';
import { toModelConfig } from '../model/to-model-config';
import { loadScenario } from '../scenario/load';
import { PLANTS_DIR, plantFiles } from './generate';

const files = plantFiles();
const scenarioFiles = Object.keys(files);

describe('plant scenarios', { timeout: 60_000 }, () => {
  it('the committed JSON holds what the generator writes (run src/plants/generate.ts after changing it)', () => {
    for (const [rel, text] of Object.entries(files)) {
      expect(JSON.parse(readFileSync(join(PLANTS_DIR, rel), 'utf8')), rel).toEqual(JSON.parse(text));
    }
  });

  it.each(scenarioFiles)(
    '%s and each of its variants validate and convert into configs sim-core accepts',
    (rel) => {
      const file = join(PLANTS_DIR, rel);
      const base = loadScenario(file);
      expect(base.variants.length).toBeGreaterThanOrEqual(9);
      for (const variant of [undefined, ...base.variants]) {
        const { scenario } = loadScenario(file, { variant });
        const model = toModelConfig(scenario);
        expect(validateFactoryConfig(model.factory, model.agv !== undefined), `${rel} ${variant}`).toEqual(
          [],
        );
        if (model.agv !== undefined) validateAgvConfig(model.agv);
      }
    },
  );

  it('are of realistic size', () => {
    const load = (name: string) => loadScenario(join(PLANTS_DIR, name, 'scenario.json')).scenario;
    const emb = load('embroidery');
    expect(emb.machines.filter((m) => m.type === 'embroidery')).toHaveLength(60);
    expect(emb.machines.filter((m) => m.legacy).length).toBeGreaterThan(30);
    const engine = load('engine-parts');
    expect(engine.machines.length).toBeGreaterThanOrEqual(35);
    expect(engine.agvs!.vehicles.length).toBeGreaterThanOrEqual(10);
    const gse = load('ground-support-equipment');
    expect(gse.cameras!.length).toBeGreaterThanOrEqual(20);
  });

  it('variants change what they say', () => {
    const file = join(PLANTS_DIR, 'engine-parts/scenario.json');
    const gnbs = (variant: string) => loadScenario(file, { variant }).scenario.network.gnbs.length;
    expect([gnbs('gnb1'), gnbs('gnb2'), gnbs('gnb4')]).toEqual([1, 2, 4]);
    expect(loadScenario(file, { variant: 'tdd-ul' }).scenario.network.carrier.tddPattern).toBe('DSUUU');
    expect(loadScenario(file, { variant: 'no-interference' }).scenario.network.interferenceZones).toEqual([]);
    expect(loadScenario(file, { variant: 'hybrid' }).scenario.network.deployment).toBe('hybrid');
  });
});
