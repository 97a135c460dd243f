// The steady-state figures of a plant's default scenario, for its README (src/plants/readme-figures.ts):
// `pnpm --filter @factory-twin/scenarios exec tsx src/plants/steady-state.ts <plant> [--replications N]`
// writes plants/<plant>/results/steady-state.json. One core, replications one after another.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type ConfidenceInterval, confidenceInterval, replicationSeed } from '@factory-twin/sim-core';
import { writeFileAtomic } from '../run/files';
import { runLoadedScenario, withLength } from '../run/run-scenario';
import { toJson } from '../run/summary';
import { loadScenario, scenarioHash } from '../scenario/load';
import type { Scenario } from '../scenario/schema';
import { PLANTS_DIR } from './generate';
import { type ResourceKind, type ResourceUse, resourceUses } from './resources';

/** Mean and 95 % half-width over the replications (Student t). */
export interface Interval {
  mean: number;
  halfWidth: number;
}

export interface ResourceFigures {
  id: string;
  kind: ResourceKind;
  servers: number;
  utilization: Interval;
  /** The busiest machine of a station, mean over the replications. */
  busiest?: { id: string; utilization: number };
}

/** What `steady-state.ts` writes: compact (no recording, no per-machine KPIs), and what README tables show. */
export interface SteadyStateFigures {
  kind: 'factory-twin-plant-steady-state';
  plant: string;
  /** The scenario's hash (sha256 of its canonical JSON, variants excluded): the file these figures are of. */
  scenarioHash: string;
  command: string;
  replications: number;
  lengthH: number;
  warmupH: number;
  runs: {
    seed: number | string;
    throughputPerHour: number;
    /** MSER-5's end of the warm-up in this run, hours (the KPIs start after warmupH). */
    detectedWarmupH: number;
    stable: boolean;
    warnings: string[];
  }[];
  kpis: Record<'throughputPerHour' | 'wip.mean' | 'leadTime.meanMs' | 'orders.onTimeRate', Interval>;
  resources: ResourceFigures[];
}

export const PLANT_NAMES = ['engine-parts', 'embroidery', 'ground-support-equipment'] as const;
export type PlantName = (typeof PLANT_NAMES)[number];

export const scenarioFileOf = (plant: string) => join(PLANTS_DIR, plant, 'scenario.json');
export const figuresFileOf = (plant: string) => join(PLANTS_DIR, plant, 'results', 'steady-state.json');

export const steadyStateCommand = (plant: string, replications: number) =>
  `pnpm --filter @factory-twin/scenarios exec tsx src/plants/steady-state.ts ${plant} --replications ${replications}`;

const interval = (values: number[]): Interval => {
  const ci: ConfidenceInterval = confidenceInterval(values);
  return { mean: ci.mean, halfWidth: ci.halfWidth };
};

/**
 * Runs the plant's default scenario `replications` times (the seeds `compare` uses: replicationSeed(seed, r)),
 * each with the scenario's run length and warm-up, and sums up throughput, WIP, lead time, on-time rate and
 * every resource's utilisation with 95 % intervals, and each run's steady-state check.
 */
export function steadyStateFigures(
  plant: string,
  replications: number,
  options: {
    /** Another run length (the warm-up is then capped at a quarter of it, as `--hours` does). */
    lengthH?: number;
    /** Merged onto the scenario first, e.g. `{ network: { fidelity: 'flow' } }` for a quick look. */
    patch?: Record<string, unknown>;
    onRun?: (done: number) => void;
  } = {},
): SteadyStateFigures {
  const loaded = loadScenario(
    scenarioFileOf(plant),
    options.patch === undefined ? {} : { patch: options.patch },
  );
  const scenario: Scenario = withLength(loaded.scenario, options.lengthH);
  const uses: ResourceUse[][] = [];
  const runs: SteadyStateFigures['runs'] = [];
  const kpiRuns: Record<string, number>[] = [];
  for (let r = 0; r < replications; r++) {
    const seed = replicationSeed(scenario.run.seed, r);
    const run = runLoadedScenario(loaded, {
      seed,
      ...(options.lengthH === undefined ? {} : { lengthH: options.lengthH }),
    });
    const k = run.result.kpis;
    kpiRuns.push(k);
    uses.push(resourceUses(scenario, k));
    const st = run.result.steadyState;
    runs.push({
      seed,
      throughputPerHour: k.throughputPerHour,
      detectedWarmupH: st.detectedWarmupMs / 3_600_000,
      stable: st.stable,
      warnings: st.warnings,
    });
    options.onRun?.(r + 1);
  }
  const kpi = (name: string) => interval(kpiRuns.map((k) => k[name]));
  return {
    kind: 'factory-twin-plant-steady-state',
    plant,
    scenarioHash: scenarioHash(scenario),
    command: steadyStateCommand(plant, replications),
    replications,
    lengthH: scenario.run.lengthH,
    warmupH: scenario.run.warmupH,
    runs,
    kpis: {
      throughputPerHour: kpi('throughputPerHour'),
      'wip.mean': kpi('wip.mean'),
      'leadTime.meanMs': kpi('leadTime.meanMs'),
      'orders.onTimeRate': kpi('orders.onTimeRate'),
    },
    resources: uses[0].map((first, i) => {
      const perRun = uses.map((u) => u[i]);
      return {
        id: first.id,
        kind: first.kind,
        servers: first.servers,
        utilization: interval(perRun.map((u) => u.utilization)),
        ...(first.machines === undefined ? {} : { busiest: busiestOnAverage(perRun) }),
      };
    }),
  };
}

/** The station's machine with the highest mean utilisation over the replications. */
function busiestOnAverage(perRun: ResourceUse[]): { id: string; utilization: number } {
  let best = { id: '', utilization: Number.NEGATIVE_INFINITY };
  for (const id of Object.keys(perRun[0].machines ?? {})) {
    const mean = perRun.reduce((s, u) => s + (u.machines?.[id] ?? Number.NaN), 0) / perRun.length;
    if (mean > best.utilization) best = { id, utilization: mean };
  }
  return best;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [plant, flag, value] = process.argv.slice(2);
  if (!(PLANT_NAMES as readonly string[]).includes(plant ?? '')) {
    console.error(`usage: steady-state.ts <${PLANT_NAMES.join('|')}> [--replications N]`);
    process.exit(2);
  }
  const replications = flag === '--replications' ? Number(value) : 3;
  if (!(Number.isInteger(replications) && replications >= 2)) {
    console.error(`--replications: expected an integer of at least 2, got ${value}`);
    process.exit(2);
  }
  const figures = steadyStateFigures(plant, replications, {
    onRun: (done) => console.log(`${plant}: ${done}/${replications} replications`),
  });
  writeFileAtomic(figuresFileOf(plant), toJson(figures));
  console.log(`wrote ${figuresFileOf(plant)}`);
}
