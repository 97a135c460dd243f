import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  COMPARE_BEGIN,
  COMPARE_END,
  compareBlock,
  comparedPlants,
  compareFileOf,
  currentCompareBlock,
  DEPLOYMENT_VARIANTS,
  withCompare,
} from './compare-figures';
import { PLANTS_DIR } from './generate';
import { readmeFileOf } from './readme-figures';

describe.each(comparedPlants())('%s deployment comparison', (plant) => {
  const md = readFileSync(compareFileOf(plant), 'utf8');

  it('the README block is what compare-figures.ts writes from results/compare.md', () => {
    const readme = readFileSync(readmeFileOf(plant), 'utf8');
    expect(currentCompareBlock(readme), 'run src/plants/compare-figures.ts').toBe(compareBlock(plant, md));
  });

  it('compares every deployment choice, baseline first, and each variant file exists', () => {
    const header = md.split('\n').find((l) => l.startsWith('| KPI |'));
    expect(header).toBe(
      `| KPI | ${DEPLOYMENT_VARIANTS.map((v, i) => (i === 0 ? `${v} (baseline)` : v)).join(' | ')} |`,
    );
    for (const v of DEPLOYMENT_VARIANTS)
      expect(existsSync(join(PLANTS_DIR, plant, 'variants', `${v}.json`))).toBe(true);
  });
});

describe('compare block', () => {
  it('every plant has a committed comparison', () => {
    expect(comparedPlants().length).toBeGreaterThan(0);
  });

  it('replaces only the block between the markers, and refuses a README without them', () => {
    const readme = `# Plant\n\n${COMPARE_BEGIN}\nold\n${COMPARE_END}\n\nmore\n`;
    expect(withCompare(readme, `${COMPARE_BEGIN}\nnew\n${COMPARE_END}`)).toBe(
      `# Plant\n\n${COMPARE_BEGIN}\nnew\n${COMPARE_END}\n\nmore\n`,
    );
    expect(() => withCompare('# Plant\n', 'x', 'x/README.md')).toThrow('x/README.md: no block between');
  });

  it('refuses a file that is not a compare.md', () => {
    expect(() => compareBlock('engine-parts', '# something else\n')).toThrow('not a compare.md');
  });
});
