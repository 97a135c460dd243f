import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

/**
 * `execArgv` for worker threads that run TypeScript: tsx's loader by its absolute URL. A bare
 * `--import tsx` is resolved from the working directory, so threads started from a folder without
 * node_modules (a batch job's scratch dir, say) would fail to load.
 */
export const TSX_EXEC_ARGV: readonly string[] = [
  '--import',
  pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href,
];
