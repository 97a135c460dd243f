import { jobFailure, jobResult, type RunJobResult } from '../run/backend';
import { runLoadedScenario } from '../run/run-scenario';
import { scenarioHash } from '../scenario/load';
import type { Scenario } from '../scenario/schema';
import type { RunMessage } from './run-message';

/** A run as handed to a worker thread: the message and the scenario body its hash names. */
export interface ResolvedRun extends RunMessage {
  key: string;
  scenario: unknown;
}

/**
 * Runs an already loaded and validated scenario (received as JSON) and shapes the result exactly as
 * `executeJob` does for a file. The scenario must hash to the message's hash: a mismatch means the two
 * machines disagree on the scenario format, and the run is refused rather than silently different.
 */
export function executeResolvedRun(run: ResolvedRun): RunJobResult {
  const started = performance.now();
  try {
    const scenario = run.scenario as Scenario;
    const hash = scenarioHash(scenario);
    if (hash !== run.scenarioHash) {
      return {
        key: run.key,
        ok: false,
        error: `scenario hash mismatch: received ${run.scenarioHash.slice(0, 12)}…, computed ${hash.slice(0, 12)}…`,
        badInput: false,
      };
    }
    const result = runLoadedScenario(
      { scenario, file: run.file, variant: run.variant, variants: [], hash },
      {
        seed: run.seed,
        ...(run.lengthH === undefined ? {} : { lengthH: run.lengthH }),
        ...(run.warmupH === undefined ? {} : { warmupH: run.warmupH }),
        ...(run.latencyCdfs ? { details: true } : {}),
        // The submitting machine applied the cost guard with the user's limits (resolveJobs); the model
        // checks still run here.
        costGuard: false,
      },
    );
    return jobResult(run.key, result, started);
  } catch (error) {
    return jobFailure(run.key, error);
  }
}
