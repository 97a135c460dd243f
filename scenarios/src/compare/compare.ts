import {
  bottleneckClause,
  type ConfidenceInterval,
  confidenceInterval,
  type LatencyCdf,
  type PrecisionStatus,
  pairedTTest,
  poolLatencyCdfs,
  precisionStatus,
  replicationSeed,
} from '@factory-twin/sim-core';
import {
  type BusinessCase,
  businessCase,
  type CaseInput,
  type SensitivityBar,
  sensitivity,
  type VariantCase,
  type VersusBaseline,
  welchDifference,
} from '../cost/business-case';
import { costAssumptions, valueEurPerHour } from '../cost/cost-model';
import type { RunBackend, RunJob, RunJobResult } from '../run/backend';
import type { WarmupSetting } from '../run/run-scenario';
import { ScenarioError } from '../scenario/errors';
import type { LoadedScenario } from '../scenario/load';
import type { CostLimits } from '../validate/cost-guard';
import { loadRunnableScenario } from '../validate/runnable';
import { SOFTWARE_VERSION } from '../version';
import { recommendation } from './recommendation';

export { comparisonMarkdown } from './compare-markdown';
export { HEADLINE_KPIS } from './headline-kpis';
export { rowsCsv, rowsTable } from './rows-table';

/** One side of a comparison: a scenario file and optionally a variant of it. */
export interface CompareTarget {
  label: string;
  file: string;
  variant?: string;
}

export interface KpiDifference {
  /** mean(variant) − mean(baseline); paired by replication when the design allows. */
  diff: number;
  /** 95 % half-width of the difference. */
  halfWidth: number;
  pValue: number;
  significant: boolean;
}

export interface TargetResult {
  target: CompareTarget;
  scenarioName: string;
  runs: number;
  failures: string[];
  kpis: Record<string, ConfidenceInterval>;
  economics: VariantCase & { marginEurPerHour: ConfidenceInterval };
  /** Against the baseline (absent for the baseline itself). */
  versusBaseline?: {
    significant: Record<string, KpiDifference>;
    /** Value, payback and NPV with their intervals. */
    payback: VersusBaseline;
  };
  steadyState: {
    /** Warm-up the KPIs start after, hours, over the replications. */
    warmupH: ConfidenceInterval;
    /** Replications where MSER-5 found no steady state, and where a queue kept growing. */
    noSteadyState: number;
    unstable: number;
    /** Distinct warnings with the replications that raised them. */
    warnings: { text: string; runs: number }[];
  };
  latencyCdfs?: Record<string, LatencyCdf>;
}

/** One replication of one target, as exported with `--rows`. */
export interface ReplicationRow {
  target: string;
  replication: number;
  seed: number | string;
  ok: boolean;
  error?: string;
  warmupH?: number;
  valueEurPerHour?: number;
  stable?: boolean;
  kpis: Record<string, number>;
}

export interface Comparison {
  kind: 'factory-twin-comparison';
  softwareVersion: string;
  scenarioName: string;
  replications: number;
  baseline: string;
  /** Replication r of every target ran on the same seed: differences are paired (common random numbers). */
  paired: boolean;
  lengthH: number | null;
  warmup: WarmupSetting | 'scenario';
  precision?: { kpi: string; relativeHalfWidth: number; maxReplications: number; reached: boolean };
  targets: TargetResult[];
  business: BusinessCase;
  /** Tornado of the first significant non-baseline variant (else the first non-baseline). */
  sensitivity: { target: string; bars: SensitivityBar[] } | null;
  recommendation: string;
  rows: ReplicationRow[];
}

export interface PrecisionOption {
  /** KPI whose 95 % half-width is the stopping rule, e.g. throughputPerHour. */
  kpi: string;
  /** Wanted half-width as a share of the mean (0.05). */
  relativeHalfWidth: number;
  /** Cap on replications per target. */
  maxReplications: number;
}

export interface CompareOptions {
  replications?: number;
  lengthH?: number;
  /** Warm-up hours or 'auto' (MSER-5 per replication; the default); 'scenario' keeps the scenario's. */
  warmupH?: WarmupSetting | 'scenario';
  /** Label of the target payback and significance are measured against (default: the scenario's
   * `costs.baselineVariant` if it is among the targets, else the first target). */
  baseline?: string;
  /** Add replications until every target's KPI is this precise (sequential procedure), up to the cap. */
  precision?: PrecisionOption;
  /** Collect latency CDFs (pooled over replications) for the report. */
  latencyCdfs?: boolean;
  onResult?: (done: number, total: number, result: RunJobResult) => void;
  /** The cost guard's limits; false turns it off (default: on). */
  costGuard?: CostLimits | false;
  /** Merged onto every target after its variants (e.g. `{ network: { fidelity: 'flow' } }`). */
  patch?: Record<string, unknown>;
}

/** Refuses targets that are different plants (different scenario names): their difference means nothing. */
function checkOnePlant(targets: CompareTarget[], loaded: LoadedScenario[]): void {
  const name = loaded[0].scenario.name;
  const issues = loaded.flatMap((l, i) =>
    l.scenario.name === name
      ? []
      : [
          {
            file: l.file,
            path: 'name',
            message: `"${l.scenario.name}" (target ${targets[i].label}) is a different scenario than "${name}" (target ${targets[0].label}): compare variants of one plant`,
          },
        ],
  );
  if (issues.length > 0) throw new ScenarioError(issues);
}

/**
 * Runs every target × replication on the backend and compares the targets. Every target is validated
 * first, the way `validate` does, and must be the same plant (ScenarioError before any run starts).
 */
export async function compareTargets(
  targets: CompareTarget[],
  backend: RunBackend,
  options: CompareOptions = {},
): Promise<Comparison> {
  const guard = {
    ...(options.lengthH === undefined ? {} : { lengthH: options.lengthH }),
    ...(options.costGuard === undefined ? {} : { costGuard: options.costGuard }),
  };
  const patch = options.patch === undefined ? {} : { patch: options.patch };
  const loaded = targets.map((t) =>
    loadRunnableScenario(t.file, {
      ...(t.variant === undefined ? {} : { variant: t.variant }),
      ...patch,
      ...guard,
    }),
  );
  checkOnePlant(targets, loaded);
  const first = loaded[0].scenario;
  const warmup = options.warmupH ?? 'auto';
  const seeds = loaded.map((l) => l.scenario.run.seed);
  const paired = seeds.every((s) => s === seeds[0]);
  const results = new Map<string, RunJobResult>();
  const jobsFor = (from: number, to: number): RunJob[] =>
    targets.flatMap((target, t) =>
      Array.from({ length: to - from }, (_, i): RunJob => {
        const r = from + i;
        return {
          key: `${t}/${r}`,
          file: target.file,
          ...(target.variant === undefined ? {} : { variant: target.variant }),
          ...patch,
          // Replication r of every target uses the same seed: common random numbers sharpen the comparison.
          seed: replicationSeed(seeds[t], r),
          replication: r,
          ...(options.lengthH === undefined ? {} : { lengthH: options.lengthH }),
          ...(warmup === 'scenario' ? {} : { warmupH: warmup }),
          ...(options.latencyCdfs ? { latencyCdfs: true } : {}),
          ...(options.costGuard === undefined ? {} : { costGuard: options.costGuard }),
        };
      }),
    );
  let replications = options.replications ?? first.run.replications;
  const precision = options.precision;
  if (precision !== undefined) replications = Math.min(Math.max(replications, 2), precision.maxReplications);
  let total = replications * targets.length;
  const runBatch = (jobs: RunJob[]) =>
    backend.run(jobs, (result) => {
      results.set(result.key, result);
      options.onResult?.(results.size, total, result);
    });
  await runBatch(jobsFor(0, replications));
  let statuses: PrecisionStatus[] = [];
  // Sequential procedure (Law & Kelton §9.4.1): add replications to every target alike (pairs stay paired)
  // until each target's KPI is precise enough, or the cap.
  while (precision !== undefined) {
    statuses = targets.map((_, t) =>
      precisionStatus(
        okRuns(results, t, replications).map((r) => r.kpis[precision.kpi]),
        { relativeHalfWidth: precision.relativeHalfWidth, maxReplications: precision.maxReplications },
      ),
    );
    if (statuses.every((s) => s.reached) || replications >= precision.maxReplications) break;
    const next = Math.min(
      precision.maxReplications,
      Math.max(replications + 1, ...statuses.map((s) => s.suggested)),
    );
    total = next * targets.length;
    await runBatch(jobsFor(replications, next));
    replications = next;
  }
  const requested = options.baseline;
  if (requested !== undefined && !targets.some((t) => t.label === requested))
    throw new ScenarioError([
      {
        file: targets[0].file,
        path: '',
        message: `--baseline "${requested}" is none of the targets (${targets.map((t) => t.label).join(', ')})`,
      },
    ]);
  const baselineLabel =
    requested ??
    targets.find((t) => t.variant !== undefined && t.variant === first.costs?.baselineVariant)?.label ??
    targets[0].label;
  const baseIndex = targets.findIndex((t) => t.label === baselineLabel);

  const byIndex = targets.map((_, t) =>
    Array.from({ length: replications }, (_, r) => {
      const res = results.get(`${t}/${r}`);
      return res?.ok ? res : null;
    }),
  );
  const caseInputs: CaseInput[] = loaded.map((l, t) => ({
    scenario: l.scenario,
    assumptions: costAssumptions(l.scenario.costs),
    drivers: byIndex[t].map((r) => r?.drivers ?? null),
  }));
  const business = businessCase(caseInputs, baseIndex, {}, paired);
  const keys = [...new Set(byIndex.flat().flatMap((r) => (r === null ? [] : Object.keys(r.kpis))))].sort();
  const column = (t: number, key: string) => byIndex[t].map((r) => (r === null ? Number.NaN : r.kpis[key]));
  const finite = (xs: number[]) => xs.filter((v) => Number.isFinite(v));

  const out: TargetResult[] = targets.map((target, t) => {
    const ok = byIndex[t].filter((r) => r !== null);
    const failures = Array.from({ length: replications }, (_, r) => results.get(`${t}/${r}`))
      .filter((r) => r === undefined || !r.ok)
      .map((r) => (r === undefined ? 'no result' : r.ok ? '' : r.error));
    const kpis: Record<string, ConfidenceInterval> = {};
    for (const key of keys) kpis[key] = confidenceInterval(finite(column(t, key)));
    const result: TargetResult = {
      target,
      scenarioName: ok[0]?.scenarioName ?? loaded[t].scenario.name,
      runs: ok.length,
      failures,
      kpis,
      economics: {
        ...business.variants[t],
        marginEurPerHour: confidenceInterval(ok.map((r) => r.economics.marginEurPerHour)),
      },
      steadyState: steadySummary(ok),
      ...(options.latencyCdfs
        ? { latencyCdfs: poolLatencyCdfs(ok.flatMap((r) => (r.latencyCdfs ? [r.latencyCdfs] : []))) }
        : {}),
    };
    const versus = business.versus[t];
    if (versus !== null && ok.length > 0 && byIndex[baseIndex].some((r) => r !== null)) {
      const significant: Record<string, KpiDifference> = {};
      for (const key of keys) significant[key] = difference(column(t, key), column(baseIndex, key), paired);
      result.versusBaseline = { significant, payback: versus };
    }
    return result;
  });

  // The tornado is drawn for the first variant with a significant value difference, else the first other one.
  const others = out.map((_, i) => i).filter((i) => i !== baseIndex);
  const pick = others.find((i) => out[i].versusBaseline?.payback.significant) ?? others[0] ?? -1;
  const comparison: Comparison = {
    kind: 'factory-twin-comparison',
    softwareVersion: SOFTWARE_VERSION,
    scenarioName: first.name,
    replications,
    baseline: baselineLabel,
    paired,
    lengthH: options.lengthH ?? null,
    warmup,
    ...(precision === undefined
      ? {}
      : { precision: { ...precision, reached: statuses.every((s) => s.reached) } }),
    targets: out,
    business,
    sensitivity:
      pick < 0
        ? null
        : { target: targets[pick].label, bars: sensitivity(caseInputs, baseIndex, pick, 0.2, paired) },
    recommendation: '',
    rows: rows(targets, byIndex, results, replications, seeds, caseInputs),
  };
  comparison.recommendation = recommendation(comparison);
  return comparison;
}

function okRuns(results: Map<string, RunJobResult>, t: number, replications: number) {
  const out = [];
  for (let r = 0; r < replications; r++) {
    const res = results.get(`${t}/${r}`);
    if (res?.ok) out.push(res);
  }
  return out;
}

/** Difference of one KPI against the baseline: paired t when replications share seeds, else Welch. */
function difference(variant: number[], base: number[], paired: boolean): KpiDifference {
  if (paired) {
    const t = pairedTTest(variant, base);
    return { diff: t.diff, halfWidth: t.ci.halfWidth, pValue: t.pValue, significant: t.significant };
  }
  const w = welchDifference(variant, base);
  return {
    diff: w.interval.mean,
    halfWidth: w.interval.halfWidth,
    pValue: w.pValue,
    significant: w.significant,
  };
}

const range = (xs: number[], f: (v: number) => string) => {
  const lo = Math.min(...xs);
  const hi = Math.max(...xs);
  return f(lo) === f(hi) ? f(lo) : `${f(lo)}–${f(hi)}`;
};

/** The most frequent value (ties: the first seen). */
function mode(xs: string[]): string {
  const n = new Map<string, number>();
  for (const x of xs) n.set(x, (n.get(x) ?? 0) + 1);
  return [...n].sort((a, b) => b[1] - a[1])[0][0];
}

/** Steady-state checks over the replications: counts and one warning per kind, with ranges. */
function steadySummary(ok: Extract<RunJobResult, { ok: true }>[]): TargetResult['steadyState'] {
  const n = ok.length;
  const notFound = ok.filter((r) => !r.steadyState.warmupFound);
  const unstable = ok.filter((r) => !r.steadyState.stable);
  const warnings: { text: string; runs: number }[] = [];
  if (notFound.length > 0)
    warnings.push({
      runs: notFound.length,
      text: `no steady state found in ${notFound.length} of ${n} replications (MSER-5 truncates half the run): the run is too short or the plant never settles; try more --hours (KPIs are measured after the configured warm-up and are biased)`,
    });
  if (unstable.length > 0) {
    const wip = unstable.flatMap((r) =>
      r.steadyState.growing.filter((g) => g.id === 'WIP').map((g) => g.rise),
    );
    const queues = unstable.flatMap((r) => {
      const q = r.steadyState.growing.find((g) => g.id !== 'WIP');
      return q === undefined ? [] : [q];
    });
    const bottlenecks = unstable.flatMap((r) => (r.steadyState.bottleneck ? [r.steadyState.bottleneck] : []));
    const parts = [
      `queues keep growing in ${unstable.length} of ${n} replications (the plant is overloaded, or still filling up): results depend on the run length`,
      wip.length > 0
        ? `WIP rises by ${range(wip, (v) => v.toFixed(0))} parts over the measured window`
        : null,
      queues.length > 0
        ? `longest growing queue: ${mode(queues.map((q) => q.id))} (+${range(
            queues.map((q) => q.rise),
            (v) => v.toFixed(0),
          )} parts)`
        : null,
      bottlenecks.length > 0
        ? bottleneckClause(
            mode(bottlenecks.map((b) => b.machineId)),
            bottlenecks.reduce((a, b) => a + b.utilization, 0) / bottlenecks.length,
            range(
              bottlenecks.map((b) => b.utilization * 100),
              (v) => v.toFixed(0),
            ),
          )
        : null,
    ];
    warnings.push({ runs: unstable.length, text: parts.filter((p) => p !== null).join('; ') });
  }
  return {
    warmupH: confidenceInterval(ok.map((r) => r.warmupH)),
    noSteadyState: notFound.length,
    unstable: unstable.length,
    warnings,
  };
}

function rows(
  targets: CompareTarget[],
  byIndex: (Extract<RunJobResult, { ok: true }> | null)[][],
  results: Map<string, RunJobResult>,
  replications: number,
  seeds: (number | string)[],
  inputs: CaseInput[],
): ReplicationRow[] {
  const out: ReplicationRow[] = [];
  targets.forEach((target, t) => {
    for (let r = 0; r < replications; r++) {
      const seed = replicationSeed(seeds[t], r);
      const ok = byIndex[t][r];
      if (ok === null) {
        const res = results.get(`${t}/${r}`);
        const error = res === undefined ? 'no result' : res.ok ? '' : res.error;
        out.push({ target: target.label, replication: r, seed, ok: false, error, kpis: {} });
        continue;
      }
      out.push({
        target: target.label,
        replication: r,
        seed,
        ok: true,
        warmupH: ok.warmupH,
        valueEurPerHour: valueEurPerHour(inputs[t].scenario, inputs[t].assumptions, ok.drivers),
        stable: ok.steadyState.stable,
        kpis: ok.kpis,
      });
    }
  });
  return out;
}
