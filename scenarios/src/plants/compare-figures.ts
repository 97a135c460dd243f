// Rewrites the "Deployment choices compared" block of each plant README from its committed comparison,
// plants/<plant>/results/compare.md (the compare.md that `factory-twin compare … --out DIR` writes):
// `pnpm --filter @factory-twin/scenarios exec tsx src/plants/compare-figures.ts`. A test checks every README
// block equals what this writes, so the README cannot drift from the committed run.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeFileAtomic } from '../run/files';
import { PLANTS_DIR } from './generate';
import { blockBetween, readmeFileOf, replaceBlock } from './readme-figures';
import { PLANT_NAMES } from './steady-state';

export const COMPARE_BEGIN = '<!-- compare:begin -->';
export const COMPARE_END = '<!-- compare:end -->';

/** The deployment choices every plant compares, baseline first (variant files under variants/). */
export const DEPLOYMENT_VARIANTS = ['status-quo', 'wifi', 'public', 'slice', 'hybrid', 'private'] as const;

export const compareFileOf = (plant: string) => join(PLANTS_DIR, plant, 'results', 'compare.md');

/** The command (from the repository root) that made results/compare.md. */
export function compareCommand(plant: string, replications: number): string {
  const files = DEPLOYMENT_VARIANTS.map((v) => `$V/${v}.json`).join(' ');
  return [
    `V=scenarios/plants/${plant}/variants`,
    `pnpm factory-twin compare ${files} --replications ${replications} --out runs/${plant}-compare`,
    `cp runs/${plant}-compare/compare.md scenarios/plants/${plant}/results/compare.md`,
  ].join('\n');
}

/** The README block (markers included) for a plant's committed comparison. */
export function compareBlock(plant: string, compareMd: string): string {
  const body = compareMd.replace(/^# Comparison\s*\n/, '').trim();
  const replications = Number(/^(\d+) replications per variant/m.exec(body)?.[1]);
  if (!Number.isInteger(replications))
    throw new Error(`${compareFileOf(plant)}: not a compare.md (no "N replications per variant" line)`);
  return [
    COMPARE_BEGIN,
    '<!-- Written by src/plants/compare-figures.ts from results/compare.md: edit neither by hand. -->',
    '',
    '### Deployment choices compared',
    '',
    'The status quo, industrial Wi-Fi and the four 5G deployment modes, each a variant file with the plant’s',
    'repair crews, compared by (from the repository root; the HTML decision report with `--report FILE`)',
    '',
    '```sh',
    compareCommand(plant, replications),
    '```',
    '',
    body,
    COMPARE_END,
  ].join('\n');
}

/** The README with its compare block replaced; an error if the markers are missing. */
export const withCompare = (readme: string, block: string, file = 'README.md') =>
  replaceBlock(readme, COMPARE_BEGIN, COMPARE_END, block, file);

/** The compare block a README holds now (markers included), or null. */
export const currentCompareBlock = (readme: string) => blockBetween(readme, COMPARE_BEGIN, COMPARE_END);

/** Plants with a committed comparison. */
export const comparedPlants = () => PLANT_NAMES.filter((p) => existsSync(compareFileOf(p)));

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const plant of comparedPlants()) {
    const file = readmeFileOf(plant);
    const block = compareBlock(plant, readFileSync(compareFileOf(plant), 'utf8'));
    writeFileAtomic(file, withCompare(readFileSync(file, 'utf8'), block, file));
    console.log(`wrote ${file}`);
  }
}
