import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

/**
 * True when this code runs from its TypeScript sources (tsx, vitest), false from the compiled package
 * (`dist/`, what `pnpm build` emits and the packed tarball ships).
 */
export const FROM_SOURCE = import.meta.url.endsWith('.ts');

/**
 * `execArgv` for worker threads that run TypeScript: tsx's loader by its absolute URL. A bare
 * `--import tsx` is resolved from the working directory, so threads started from a folder without
 * node_modules (a batch job's scratch dir, say) would fail to load. Empty from the compiled package,
 * whose threads load plain JavaScript (tsx is a development dependency only).
 */
export const TSX_EXEC_ARGV: readonly string[] = FROM_SOURCE
  ? ['--import', pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href]
  : [];

/**
 * The file of a worker thread's entry module `name` (no extension) beside the module at `base`
 * (its `import.meta.url`): the .ts source under tsx, the compiled .js in the package.
 */
export function threadEntry(name: string, base: string): string {
  return new URL(`${name}${FROM_SOURCE ? '.ts' : '.js'}`, base).href;
}
