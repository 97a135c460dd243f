import { createHash } from 'node:crypto';
import { economics, type VariantEconomics } from '../cost/cost-model';
import { type ModelConfig, toModelConfig } from '../model/to-model-config';
import { type LoadedScenario, loadScenario } from '../scenario/load';
import type { Scenario } from '../scenario/schema';
import { SOFTWARE_VERSION } from '../version';
import { type ModelRunResult, runModel } from './run-model';

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

/** Loads, validates and runs one scenario (variant, seed) from a file. Throws ScenarioError on bad input. */
export function runScenarioFile(file: string, options: ScenarioRunOptions = {}): ScenarioRun {
  const loaded = loadScenario(file, {
    ...(options.variant === undefined ? {} : { variant: options.variant }),
    ...(options.patch === undefined ? {} : { patch: options.patch }),
  });
  return runLoadedScenario(loaded, options);
}

export function withLength(scenario: Scenario, lengthH: number | undefined): Scenario {
  if (lengthH === undefined) return scenario;
  return {
    ...scenario,
    run: { ...scenario.run, lengthH, warmupH: Math.min(scenario.run.warmupH, lengthH / 4) },
  };
}

export function runLoadedScenario(loaded: LoadedScenario, options: ScenarioRunOptions = {}): ScenarioRun {
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
    economics: economics(scenario, result.factory.throughputPerHourByProduct),
  };
}

export function sha256(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export type { VariantEconomics };
