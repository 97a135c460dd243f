import { describe, expect, it } from 'vitest';
import { isProductionResource } from './resources';
import { type PlantName, steadyStateFigures } from './steady-state';

/**
 * A guard against a default plant becoming overloaded again: one short run of each in the network's flow
 * model (seconds, not the packet model's minutes), long enough for its lead time and, on the crankshaft
 * line, the AGVs' first charges (about 10 h in). Every machine station, the AGV fleet and its chargers must
 * stay below 85 % and no queue may keep growing (sim-core's stability check).
 */
const SHORT_RUNS: Record<PlantName, number> = {
  'engine-parts': 12,
  embroidery: 48,
  'ground-support-equipment': 16,
};

describe('the default plants are not overloaded (one short flow-model run each)', {
  timeout: 120_000,
}, () => {
  it.each(Object.entries(SHORT_RUNS))('%s, %d h', (plant, lengthH) => {
    const f = steadyStateFigures(plant, 1, { lengthH, patch: { network: { fidelity: 'flow' } } });
    expect(f.runs[0].stable, f.runs[0].warnings.join('; ')).toBe(true);
    const production = f.resources.filter(isProductionResource);
    expect(production.length).toBeGreaterThan(2);
    for (const r of production) expect(r.utilization.mean, `${plant} ${r.id}`).toBeLessThan(0.85);
    if (plant === 'engine-parts') {
      // The fleet and its chargers are among them, and the chargers were used.
      expect(production.map((r) => r.kind)).toEqual(expect.arrayContaining(['agvFleet', 'chargers']));
      expect(production.find((r) => r.kind === 'chargers')!.utilization.mean).toBeGreaterThan(0);
    }
  });
});
