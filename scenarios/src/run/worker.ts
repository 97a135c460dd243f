// Entry of a pool worker thread (through tsx from sources): runs one job.
import { executeJob, type RunJob, type RunJobResult } from './backend';
import { importPluginModules, pluginModulesFromEnv } from './plugin-modules';
import { WARM_UP } from './warm-up';

/** The modules `--plugin` named in the parent thread, imported here before the first job (once). */
let plugins: Promise<void> | undefined;

export default async function work(job: RunJob | typeof WARM_UP): Promise<RunJobResult | typeof WARM_UP> {
  plugins ??= importPluginModules(pluginModulesFromEnv());
  await plugins;
  return job === WARM_UP ? WARM_UP : executeJob(job);
}
