import { createHash } from 'node:crypto';
import { economics, type VariantEconomics, valueDrivers } from '../cost/cost-model';
import { type ModelConfig, toModelConfig } from '../model/to-model-config';
import { type LoadedScenario, loadScenario } from '../scenario/load';
import type { Scenario } from '../scenario/schema';
import type { CostLimits } from '../validate/cost-guard';
import { assertRunnable } from '../validate/runnable';
import { SOFTWARE_VERSION } from '../version';
import { type ModelRunResult, runModel } from './run-model';
import { type WarmupSetting, withLength } from './scenario-length';

export { type WarmupSetting, withLength };

export interface ScenarioRunOptions {
  variant?: string;
  patch?: Record<string, unknown>;
  seed?: number | string;
  /** Shortens (or lengthens) the run, hours; the scenario's warm-up is capped at a quarter of it. */
  lengthH?: number;
  /**
   * Warm-up, hours, or 'auto': the scenario's warm-up, extended to the MSER-5 truncation point of this
   * replication when that is later (the run is then simulated again with that warm-up: same seed, same
   * trajectory, statistics from the later point). When MSER-5 finds no steady state, the run is kept as is
   * and its steady-state warnings say so. 'auto' ignores recordings. Default: the scenario's.
   */
  warmupH?: WarmupSetting;
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
 * With `warmupH: 'auto'`, a replication whose MSER-5 warm-up ends later than the configured one is run a
 * second time, measured from there.
 */
export function runLoadedScenario(loaded: LoadedScenario, options: ScenarioRunOptions = {}): ScenarioRun {
  assertRunnable(loaded, {
    ...(options.lengthH === undefined ? {} : { lengthH: options.lengthH }),
    ...(options.costGuard === undefined ? {} : { costGuard: options.costGuard }),
  });
  const scenario = withLength(loaded.scenario, options.lengthH, options.warmupH, loaded.file);
  const run = runOnce(loaded, scenario, options);
  if (options.warmupH !== 'auto' || options.recordingSink !== undefined) return run;
  const { detectedWarmupMs, warmupFound } = run.result.steadyState;
  // No steady state found: truncating half the run would not make the KPIs right; the warning says so.
  if (!warmupFound || detectedWarmupMs <= run.result.warmUpMs) return run;
  // MSER-5 put the end of the warm-up later: the same replication again, measured from there.
  const later = { ...scenario, run: { ...scenario.run, warmupH: detectedWarmupMs / 3_600_000 } };
  return runOnce(loaded, later, options);
}

function runOnce(loaded: LoadedScenario, scenario: Scenario, options: ScenarioRunOptions): ScenarioRun {
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
    economics: economics(scenario, valueDrivers(result.factory), result.factory),
  };
}

export function sha256(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export type { VariantEconomics };
