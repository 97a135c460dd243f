import type { RunJob, RunJobResult } from '../run/backend';
import { ScenarioError } from '../scenario/errors';
import type { LoadedScenario } from '../scenario/load';
import { loadRunnableScenario } from '../validate/runnable';
import { SOFTWARE_VERSION } from '../version';
import { type RunMessage, runId } from './run-message';

export interface ResolvedJob {
  job: RunJob;
  id: string;
  message: RunMessage;
  /** The validated, merged scenario (variant and patch applied) the message's hash names. */
  scenarioJson: string;
}

/**
 * Loads the scenario of each job on the submitting machine (files, `extends`, variant, sweep patch), so that
 * workers need no scenario files: they receive the resolved scenario by its hash. Jobs sharing a scenario
 * load it once. A job whose scenario does not load becomes a failed result, as it would on the local backend.
 */
export function resolveJobs(jobs: readonly RunJob[]): { resolved: ResolvedJob[]; failed: RunJobResult[] } {
  const loadedBy = new Map<
    string,
    { loaded: LoadedScenario; json: string } | { error: string; badInput: boolean }
  >();
  const resolved: ResolvedJob[] = [];
  const failed: RunJobResult[] = [];
  for (const job of jobs) {
    const cacheKey = JSON.stringify([
      job.file,
      job.variant ?? null,
      job.patch ?? null,
      job.lengthH ?? null,
      job.costGuard ?? null,
    ]);
    let entry = loadedBy.get(cacheKey);
    if (entry === undefined) {
      try {
        // The whole validation (model checks, the cost guard with the job's limits) happens here, on the
        // submitting machine: workers then run what it accepted.
        const loaded = loadRunnableScenario(job.file, {
          ...(job.variant === undefined ? {} : { variant: job.variant }),
          ...(job.patch === undefined ? {} : { patch: job.patch }),
          ...(job.lengthH === undefined ? {} : { lengthH: job.lengthH }),
          ...(job.costGuard === undefined ? {} : { costGuard: job.costGuard }),
        });
        entry = { loaded, json: JSON.stringify(loaded.scenario) };
      } catch (error) {
        const badInput = error instanceof ScenarioError;
        entry = { error: badInput ? error.message : String((error as Error)?.message ?? error), badInput };
      }
      loadedBy.set(cacheKey, entry);
    }
    if ('error' in entry) {
      failed.push({ key: job.key, ok: false, error: entry.error, badInput: entry.badInput });
      continue;
    }
    const message: RunMessage = {
      softwareVersion: SOFTWARE_VERSION,
      scenarioHash: entry.loaded.hash,
      file: job.file,
      ...(job.variant === undefined ? {} : { variant: job.variant }),
      seed: job.seed,
      ...(job.lengthH === undefined ? {} : { lengthH: job.lengthH }),
      ...(job.warmupH === undefined ? {} : { warmupH: job.warmupH }),
      ...(job.latencyCdfs ? { latencyCdfs: true } : {}),
    };
    resolved.push({ job, id: runId(message), message, scenarioJson: entry.json });
  }
  return { resolved, failed };
}
