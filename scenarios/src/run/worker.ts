// Entry of a pool worker thread (through tsx from sources): runs one job.
import { executeJob, type RunJob, type RunJobResult } from './backend';
import { WARM_UP } from './warm-up';

export default function work(job: RunJob | typeof WARM_UP): RunJobResult | typeof WARM_UP {
  return job === WARM_UP ? WARM_UP : executeJob(job);
}
