import {
  analyzeSteadyState,
  buildTwin,
  fixedPositions,
  type NetworkKpis,
  type RunResult,
  type Seed,
  Simulation,
  type SteadyStateReport,
  SteadyStateSeries,
  steadyStateWarnings,
  type Twin,
} from '@factory-twin/sim-core';
import type { ModelConfig } from '../model/to-model-config';
import { coverageMaps } from './coverage-maps';
import { Recorder } from './recorder';

export interface RunModelOptions {
  /** Overrides the scenario's seed (replications use sim-core's replicationSeed). */
  seed?: Seed;
  /** Write a recording: its bytes go to `sink` in file order. */
  recording?: {
    sink: (bytes: Uint8Array) => void;
    metadata: Record<string, unknown> & { softwareVersion: string; scenario: unknown };
  };
  /** Called after each slice of simulated time (for progress bars). */
  onProgress?: (simulatedMs: number, totalMs: number) => void;
  /** Collect latency CDFs per traffic class (for reports). */
  latencyCdfs?: boolean;
  /** Compute UL/DL coverage grids into the layout (for recordings and reports). */
  coverageCellSizeM?: number;
  /** Also stops at these simulated times (ms), after every event at that time, and shows the live models. */
  pauses?: { atMs: readonly number[]; onPause: (twin: LiveTwin) => void };
}

/** The models of a run while it is paused (for end-to-end checks of recordings against the simulator). */
export type LiveTwin = Pick<Twin, 'sim' | 'factory' | 'network' | 'fleet'>;

/**
 * A scenario run's result: the twin's, with the layout, plus the warm-up (MSER-5) and stability check from a
 * batched series of the whole run. `network` holds the 5G model's KPIs when (part of) the plant runs on it;
 * other connectivities report in `connectivity`.
 */
export type ModelRunResult = RunResult<NetworkKpis | undefined> & {
  layout: ModelConfig['layout'];
  steadyState: SteadyStateReport & { warnings: string[] };
};

/**
 * The run is simulated in this many intervals; after each one the steady-state series takes a sample (no
 * event is scheduled for it, so recordings are unaffected). 500 intervals give MSER-5 100 batches.
 */
const SERIES_INTERVALS = 500;
/** A progress callback every this many intervals (100 per run). */
const PROGRESS_EVERY = 5;

/**
 * Builds the models of one run on a fresh simulation, nothing run yet (through sim-core's buildTwin).
 * Throws what sim-core's builders throw for an unusable config: validation builds the models this way
 * before any run (src/validate/model-checks.ts).
 */
export function buildModels(model: ModelConfig, seed: Seed, options: { latencyCdfs?: boolean } = {}): Twin {
  return buildTwin(
    new Simulation(),
    {
      name: model.name,
      factory: model.factory,
      ...(model.agv === undefined ? {} : { agv: model.agv }),
      network: model.network,
      ...(model.outages === undefined ? {} : { outages: model.outages }),
      ...(model.connectivity === undefined ? {} : { connectivity: model.connectivity }),
      streams: model.streams,
      positions: fixedPositions(model.layout),
      seed,
      durationMs: model.run.durationMs,
    },
    { latencyCdfs: options.latencyCdfs === true },
  );
}

/** Builds the models of one run on a fresh simulation, runs it to the end and collects its KPIs. */
export function runModel(model: ModelConfig, options: RunModelOptions = {}): ModelRunResult {
  const seed = options.seed ?? model.run.seed;
  const { durationMs } = model.run;
  const twin = buildModels(model, seed, { latencyCdfs: options.latencyCdfs === true });
  const { sim, factory, network, fleet } = twin;

  // Coverage maps are the 5G model's (SINR per point); other networks have none.
  const cellSize = options.coverageCellSizeM;
  if (cellSize !== undefined && network !== undefined)
    model = {
      ...model,
      layout: { ...model.layout, coverage: coverageMaps(network, model.layout.floor, cellSize) },
    };

  const recorder =
    options.recording === undefined
      ? undefined
      : new Recorder({
          sim,
          model,
          factory,
          network,
          probes: twin.plantNetwork.probes,
          fleet,
          metadata: { ...options.recording.metadata, seed },
          sink: options.recording.sink,
        });
  const pauses = [...(options.pauses?.atMs ?? [])].sort((a, b) => a - b);
  let nextPause = 0;
  const series = new SteadyStateSeries(factory);
  for (let i = 1; i <= SERIES_INTERVALS; i++) {
    const sliceEndMs = (durationMs * i) / SERIES_INTERVALS;
    for (; nextPause < pauses.length && pauses[nextPause] <= sliceEndMs; nextPause++) {
      sim.run({ untilMs: pauses[nextPause] });
      options.pauses?.onPause(twin);
    }
    sim.run({ untilMs: sliceEndMs });
    series.sample(sliceEndMs);
    if (i % PROGRESS_EVERY === 0) options.onProgress?.(sim.now(), durationMs);
  }
  recorder?.finish(durationMs);
  const result = twin.result();
  const utilization = Object.fromEntries(
    Object.entries(result.factory.machines).map(([id, m]) => [id, m.utilization]),
  );
  const steady = analyzeSteadyState(series, durationMs / SERIES_INTERVALS, utilization);
  return {
    ...result,
    layout: model.layout,
    steadyState: { ...steady, warnings: steadyStateWarnings(steady) },
  };
}
