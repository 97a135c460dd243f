/**
 * Writes the viewer's bundled sample recording: `make-sample OUT_FILE`. The sample is a short run of the
 * engine-parts plant's `showcase` variant (scenarios/plants/engine-parts/variants/showcase.json). Runs are
 * deterministic, so the file is cached under node_modules/.cache keyed by a hash of the model sources and
 * the scenario files: only a change to them runs the simulation again.
 */
import { createHash } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runScenarioFile } from '@factory-twin/scenarios';

const viewerDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const root = resolve(viewerDir, '..');
export const SAMPLE_SCENARIO = join(root, 'scenarios/plants/engine-parts/variants/showcase.json');
const CACHE_DIR = join(viewerDir, 'node_modules/.cache/factory-twin-sample');

/** Every file whose change can change the recording's bytes. */
function sourceFiles(): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.(ts|json)$/.test(e.name) && !/\.test\.ts$/.test(e.name)) out.push(p);
    }
  };
  walk(join(root, 'sim-core/src'));
  walk(join(root, 'scenarios/src'));
  walk(join(root, 'scenarios/plants/engine-parts'));
  return out;
}

function cacheKey(): string {
  const h = createHash('sha256');
  for (const f of sourceFiles()) h.update(f.slice(root.length)).update(readFileSync(f));
  return h.digest('hex').slice(0, 20);
}

/** Writes the sample to `outFile` (from the cache when the sources are unchanged); returns whether it ran. */
export function makeSample(outFile: string): boolean {
  const cached = join(CACHE_DIR, `${cacheKey()}.ftrec`);
  let ran = false;
  if (!existsSync(cached)) {
    const parts: Uint8Array[] = [];
    runScenarioFile(SAMPLE_SCENARIO, { recordingSink: (b) => parts.push(b) });
    mkdirSync(CACHE_DIR, { recursive: true });
    const tmp = `${cached}.tmp`;
    writeFileSync(tmp, Buffer.concat(parts));
    renameSync(tmp, cached); // never a half-written cache entry
    ran = true;
  }
  mkdirSync(dirname(outFile), { recursive: true });
  copyFileSync(cached, outFile);
  return ran;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const out = process.argv[2];
  if (!out) {
    process.stderr.write('usage: make-sample OUT_FILE\n');
    process.exit(2);
  }
  const t0 = performance.now();
  const ran = makeSample(resolve(out));
  process.stdout.write(
    `sample recording ${out} (${ran ? `simulated in ${Math.round(performance.now() - t0)} ms` : 'from the cache'})\n`,
  );
}
