import { createHash } from 'node:crypto';
import { economics, type VariantEconomics } from '../cost/cost-model';
import { type ModelConfig, toModelConfig } from '../model/to-model-config';
import { type LoadedScenario, loadScenario } from '../scenario/load';
import type { Scenario } from '../scenario/schema';
import type { CostLimits } from '../validate/cost-guard';
import { assertRunnable } from '../validate/runnable';
import { SOFTWARE_VERSION } from '../version';
import { type ModelRunResult, runModel } from './run-model';
import { withLength } from './scenario-length';

export { withLength };

export interface ScenarioRunOptions {
  variant?: string;
  patch?: Record<string, unknown>;
  seed?: number | string;
  /** Shortens (or lengthens) the run, hours; the warm-up is capped at a quarter of it. */
  lengthH?: number;
  /** Receives the recording's bytes in file order. */
  recordingSink?: (bytes: Uint8Array) => void;
  onProgress?: (simulatedMs: number, totalMs: number) => void;
  /** Latency CDFs and coverage grids, for reports. */
  details?: boolean;
  /** The cost guard's limits, false to turn it off (default: on, with DEFAULT_COST_LIMITS). */
  costGuard?: CostLimits | false;
}

export interface ScenarioRun {
  loaded: LoadedScenario;
  scenario: Scenario;
  model: ModelConfig;
  result: ModelRunResult;
  economics: ReturnType<typeof economics>;
}

/** Coverage grid resolution stored in recordings; verify re-runs with the same. */
export const COVERAGE_CELL_M = 2;

/**
 * Loads, validates and runs one scenario (variant, seed) from a file. Throws ScenarioError on bad input,
 * before anything runs (see runLoadedScenario).
 */
export function runScenarioFile(file: string, options: ScenarioRunOptions = {}): ScenarioRun {
  const loaded = loadScenario(file, {
    ...(options.variant === undefined ? {} : { variant: options.variant }),
    ...(options.patch === undefined ? {} : { patch: options.patch }),
  });
  return runLoadedScenario(loaded, options);
}

/**
 * Runs a loaded scenario. Validation stages 2 and 3 (sim-core's model checks, the cost guard) come first,
 * the same as `validate`'s: a scenario `validate` refuses never starts. Throws ScenarioError if they fail.
 */
export function runLoadedScenario(loaded: LoadedScenario, options: ScenarioRunOptions = {}): ScenarioRun {
  assertRunnable(loaded, {
    ...(options.lengthH === undefined ? {} : { lengthH: options.lengthH }),
    ...(options.costGuard === undefined ? {} : { costGuard: options.costGuard }),
  });
  const scenario = withLength(loaded.scenario, options.lengthH);
  const model = toModelConfig(scenario);
  const seed = options.seed ?? scenario.run.seed;
  const result = runModel(model, {
    seed,
    ...(options.onProgress === undefined ? {} : { onProgress: options.onProgress }),
    ...(options.details || options.recordingSink ? { coverageCellSizeM: COVERAGE_CELL_M } : {}),
    ...(options.details ? { latencyCdfs: true } : {}),
    ...(options.recordingSink === undefined
      ? {}
      : {
          recording: {
            sink: options.recordingSink,
            metadata: {
              softwareVersion: SOFTWARE_VERSION,
              scenario,
              scenarioHash: loaded.hash,
              variant: loaded.variant ?? null,
              coverageCellSizeM: COVERAGE_CELL_M,
            },
          },
        }),
  });
  return {
    loaded,
    scenario,
    model,
    result,
    economics: economics(scenario, result.factory.throughputPerHourByProduct, result.factory),
  };
}

export function sha256(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export type { VariantEconomics };
