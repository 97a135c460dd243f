import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

/** scenarios/ (the package folder). */
export const PACKAGE_DIR = resolve(here, '../..');
/** The repository root. */
export const REPO_DIR = resolve(PACKAGE_DIR, '..');
/** The default scenario: the engine-parts (crankshaft) line. */
export const DEFAULT_SCENARIO = join(PACKAGE_DIR, 'plants/engine-parts/scenario.json');

/** Paths on the command line are relative to where the user ran the command (pnpm --filter changes cwd). */
export function userPath(p: string): string {
  return resolve(process.env.INIT_CWD ?? process.cwd(), p);
}
