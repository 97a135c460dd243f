// Writes the plant scenario files: `pnpm --filter @factory-twin/scenarios exec tsx src/plants/generate.ts`.
// The JSON is committed (formatted by biome); a test checks it holds the same data as this generator's output.
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeFileAtomic } from '../run/files';
import { embroidery } from './embroidery';
import { engineParts } from './engine-parts';
import { gse } from './gse';

export const PLANTS_DIR = join(dirname(fileURLToPath(import.meta.url)), '../../plants');

/** Every generated file: path relative to scenarios/plants → JSON text. */
export function plantFiles(): Record<string, string> {
  const out: Record<string, string> = {};
  const plants = {
    'engine-parts': engineParts(),
    embroidery: embroidery(),
    'ground-support-equipment': gse(),
  };
  for (const [name, { scenario, variantFiles }] of Object.entries(plants)) {
    out[`${name}/scenario.json`] = toText(scenario);
    for (const [file, data] of Object.entries(variantFiles)) out[`${name}/variants/${file}`] = toText(data);
  }
  return out;
}

function toText(data: unknown): string {
  return `${JSON.stringify(data, null, 2)}\n`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  for (const [rel, text] of Object.entries(plantFiles())) {
    const file = join(PLANTS_DIR, rel);
    writeFileAtomic(file, text);
    console.log(`wrote ${file}`);
  }
  execFileSync('pnpm', ['exec', 'biome', 'format', '--write', PLANTS_DIR], { stdio: 'inherit' });
}
