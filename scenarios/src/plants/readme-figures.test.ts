import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../scenario/load';
import {
  BEGIN,
  currentBlock,
  END,
  figuresBlock,
  readFigures,
  readmeFileOf,
  withFigures,
} from './readme-figures';
import { isProductionResource } from './resources';
import { PLANT_NAMES, scenarioFileOf } from './steady-state';

describe.each(PLANT_NAMES)('%s README figures', (plant) => {
  const figures = readFigures(plant);

  it('the README block is what readme-figures.ts writes from results/steady-state.json', () => {
    const readme = readFileSync(readmeFileOf(plant), 'utf8');
    expect(currentBlock(readme), 'run src/plants/readme-figures.ts').toBe(figuresBlock(figures));
  });

  it('results/steady-state.json is a run of the scenario as it is now', () => {
    expect(
      figures.scenarioHash,
      `the scenario changed since its steady-state run: run \`${figures.command}\`, then src/plants/readme-figures.ts`,
    ).toBe(loadScenario(scenarioFileOf(plant)).hash);
  });

  it('the committed run is in a steady state: no warning, every production resource below 85 %', () => {
    expect(figures.runs.flatMap((r) => r.warnings)).toEqual([]);
    for (const r of figures.resources.filter(isProductionResource))
      expect(r.utilization.mean, `${plant} ${r.id}`).toBeLessThan(0.85);
  });
});

describe('withFigures', () => {
  it('replaces only the block between the markers', () => {
    const readme = `# Plant\n\ntext\n\n${BEGIN}\nold\n${END}\n\nmore\n`;
    expect(withFigures(readme, `${BEGIN}\nnew\n${END}`)).toBe(
      `# Plant\n\ntext\n\n${BEGIN}\nnew\n${END}\n\nmore\n`,
    );
  });

  it('refuses a README without the markers', () => {
    expect(() => withFigures('# Plant\n', `${BEGIN}\n${END}`, 'x/README.md')).toThrow(
      'x/README.md: no block between',
    );
  });
});
