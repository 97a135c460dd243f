// Entry of a pool worker thread (loaded through tsx): runs one job.
import { executeJob, type RunJob, type RunJobResult } from './backend';

export default function work(job: RunJob): RunJobResult {
  return executeJob(job);
}
