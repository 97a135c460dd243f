import type { LatencyCdf, SteadyStateReport } from '@factory-twin/sim-core';
import { type ValueDrivers, type VariantEconomics, valueDrivers } from '../cost/cost-model';
import { ScenarioError } from '../scenario/errors';
import type { CostLimits } from '../validate/cost-guard';
import { runScenarioFile, type ScenarioRun, type WarmupSetting } from './run-scenario';

/** One simulation run to do: a scenario file, optional variant and patch, a seed. Plain JSON (crosses threads). */
export interface RunJob {
  /** Unique within a batch; results come back under it. */
  key: string;
  file: string;
  variant?: string;
  /** A sweep point: merged after the variant. */
  patch?: Record<string, unknown>;
  seed: number | string;
  replication: number;
  /** Overrides the run length, hours. */
  lengthH?: number;
  /** Warm-up, hours, or 'auto' (MSER-5 per replication); default: the scenario's. */
  warmupH?: WarmupSetting;
  /** Also collect latency CDFs per traffic class (for reports). */
  latencyCdfs?: boolean;
  /** The cost guard's limits; false turns it off (default: on). */
  costGuard?: CostLimits | false;
}

export type RunJobResult =
  | {
      key: string;
      ok: true;
      scenarioName: string;
      scenarioHash: string;
      kpis: Record<string, number>;
      economics: VariantEconomics;
      /** Throughput by product (for margins). */
      partsPerHourByProduct: Record<string, number>;
      /** What carries value: good parts, scrap, breakdowns (for the business case). */
      drivers: ValueDrivers;
      /** The warm-up the KPIs start after, hours (with 'auto', possibly MSER-5's). */
      warmupH: number;
      lengthH: number;
      /** Warm-up detection and stability check (without the per-queue series). */
      steadyState: SteadyStateReport & { warnings: string[] };
      latencyCdfs?: Record<string, LatencyCdf>;
      events: number;
      elapsedMs: number;
    }
  | { key: string; ok: false; error: string; badInput: boolean };

/**
 * Where runs execute. The local worker-thread pool is the default; a distributed backend (e.g. BullMQ
 * workers, sharded batches) implements the same two methods. `run` resolves once every job has reported
 * through `onResult`, in any order; a failed run is a result with `ok: false`, not a rejection.
 */
export interface RunBackend {
  run(jobs: readonly RunJob[], onResult: (result: RunJobResult) => void): Promise<void>;
  close(): Promise<void>;
}

/** Runs one job in this thread. The worker threads call it too. */
export function executeJob(job: RunJob): RunJobResult {
  const started = performance.now();
  try {
    const run = runScenarioFile(job.file, {
      ...(job.variant === undefined ? {} : { variant: job.variant }),
      ...(job.patch === undefined ? {} : { patch: job.patch }),
      ...(job.lengthH === undefined ? {} : { lengthH: job.lengthH }),
      ...(job.warmupH === undefined ? {} : { warmupH: job.warmupH }),
      ...(job.latencyCdfs ? { details: true } : {}),
      ...(job.costGuard === undefined ? {} : { costGuard: job.costGuard }),
      seed: job.seed,
    });
    return jobResult(job.key, run, started);
  } catch (error) {
    return jobFailure(job.key, error);
  }
}

/** A finished run as a job result (plain JSON); `started` is performance.now() at its start. */
export function jobResult(key: string, run: ScenarioRun, started: number): RunJobResult {
  const r = run.result;
  return {
    key,
    ok: true,
    scenarioName: run.scenario.name,
    scenarioHash: run.loaded.hash,
    kpis: r.kpis,
    economics: {
      capexEur: run.economics.capexEur,
      opexEurPerYear: run.economics.opexEurPerYear,
      marginEurPerHour: run.economics.marginEurPerHour,
    },
    partsPerHourByProduct: r.factory.throughputPerHourByProduct,
    drivers: valueDrivers(r.factory),
    warmupH: r.warmUpMs / 3_600_000,
    lengthH: r.durationMs / 3_600_000,
    steadyState: r.steadyState,
    ...(r.latencyCdfs === undefined ? {} : { latencyCdfs: r.latencyCdfs }),
    events: r.events,
    elapsedMs: performance.now() - started,
  };
}

/** A failed run as a job result: bad input (a ScenarioError) or a model error. */
export function jobFailure(key: string, error: unknown): RunJobResult {
  const badInput = error instanceof ScenarioError;
  return {
    key,
    ok: false,
    error: badInput ? error.message : String((error as Error)?.message ?? error),
    badInput,
  };
}

/** Runs jobs one after another in this thread (tests, and machines where threads do not help). */
export class InProcessBackend implements RunBackend {
  async run(jobs: readonly RunJob[], onResult: (result: RunJobResult) => void): Promise<void> {
    for (const job of jobs) onResult(executeJob(job));
  }

  async close(): Promise<void> {}
}
