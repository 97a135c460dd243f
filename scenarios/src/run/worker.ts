// Entry of a pool worker thread (through tsx from sources): runs one job.
import { executeJob, type RunJob, type RunJobResult } from './backend';
import { importPluginModules, pluginModulesFromEnv } from './plugin-modules';
import { WARM_UP } from './warm-up';

// The modules `--plugin` named in the parent thread register their implementations here too.
await importPluginModules(pluginModulesFromEnv());

export default function work(job: RunJob | typeof WARM_UP): RunJobResult | typeof WARM_UP {
  return job === WARM_UP ? WARM_UP : executeJob(job);
}
