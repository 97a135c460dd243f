// Modules of your own that register implementations (a MAC scheduler, a dispatch rule, a failure model, …)
// in sim-core's registries before a scenario names them: `--plugin <module>` on the command line. Worker
// threads import the same modules (they inherit the list through the environment).
import { existsSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

/** The environment variable that hands the plug-in modules (absolute paths, JSON array) to worker threads. */
export const PLUGIN_MODULES_ENV = 'FACTORY_TWIN_PLUGINS';

/** A plug-in module that cannot be used: which one and why (a user mistake: reported, never a stack trace). */
export class PluginModuleError extends Error {
  override readonly name = 'PluginModuleError';
}

const imported = new Set<string>();

/**
 * Imports each module (absolute paths, in order; each once per thread), so its registrations run, and
 * records the list for worker threads started afterwards.
 */
export async function importPluginModules(paths: readonly string[]): Promise<void> {
  for (const path of paths) {
    if (imported.has(path)) continue;
    if (!existsSync(path) || !statSync(path).isFile())
      throw new PluginModuleError(`--plugin ${path}: no such file`);
    try {
      await load(path);
    } catch (error) {
      throw new PluginModuleError(
        `--plugin ${path}: the module failed to load: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    imported.add(path);
  }
  if (imported.size > 0) process.env[PLUGIN_MODULES_ENV] = JSON.stringify([...imported]);
}

/**
 * `import()`; where the loader cannot take the file's type (a .ts module on a worker thread that runs its
 * TypeScript through tsx's require hook, see thread-loader.ts), `require` through that hook.
 */
async function load(path: string): Promise<void> {
  try {
    await import(pathToFileURL(path).href);
  } catch (error) {
    if ((error as { code?: unknown })?.code !== 'ERR_UNKNOWN_FILE_EXTENSION') throw error;
    createRequire(import.meta.url)(path);
  }
}

/** The plug-in modules the parent thread imported (none when the variable is unset or malformed). */
export function pluginModulesFromEnv(env: NodeJS.ProcessEnv = process.env): string[] {
  const text = env[PLUGIN_MODULES_ENV];
  if (text === undefined || text === '') return [];
  try {
    const list: unknown = JSON.parse(text);
    return Array.isArray(list) ? list.filter((p): p is string => typeof p === 'string') : [];
  } catch {
    return [];
  }
}
