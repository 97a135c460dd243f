import {
  type ConfidenceInterval,
  confidenceInterval,
  KPIS,
  replicationSeed,
  welchTTest,
} from '@factory-twin/sim-core';
import { costAssumptions, type Payback, payback } from '../cost/cost-model';
import type { RunBackend, RunJob, RunJobResult } from '../run/backend';
import { markdownText } from '../text/markdown';
import type { CostLimits } from '../validate/cost-guard';
import { loadRunnableScenario } from '../validate/runnable';

/** One side of a comparison: a scenario file and optionally a variant of it. */
export interface CompareTarget {
  label: string;
  file: string;
  variant?: string;
}

/** KPIs shown in the comparison table (those present in the results); labels, units and decimals from
 * sim-core's KPI registry. */
export const HEADLINE_KPIS = [
  'throughputPerHour',
  'leadTime.meanMs',
  'wip.mean',
  'orders.onTimeRate',
  'agv.meanWaitForPickupMs',
  'agv.share.movingLoaded',
  'agv.share.waitingTraffic',
  'agv.safetyStopShare',
  'net.machineStatus.p99Ms',
  'net.motionControl.reliability',
  'net.telemetry.reliability',
  'net.video.reliability',
].map((key) => ({ key, ...KPIS.get(key) }));

export interface TargetResult {
  target: CompareTarget;
  scenarioName: string;
  runs: number;
  failures: string[];
  kpis: Record<string, ConfidenceInterval>;
  economics: { capexEur: number; opexEurPerYear: number; marginEurPerHour: ConfidenceInterval };
  /** Against the baseline (absent for the baseline itself). */
  versusBaseline?: {
    significant: Record<string, { diff: number; pValue: number; significant: boolean }>;
    payback: Payback;
  };
}

export interface Comparison {
  replications: number;
  baseline: string;
  targets: TargetResult[];
}

export interface CompareOptions {
  replications?: number;
  lengthH?: number;
  /** Label of the target payback and significance are measured against (default: the scenario's
   * `costs.baselineVariant` if it is among the targets, else the first target). */
  baseline?: string;
  onResult?: (done: number, total: number, result: RunJobResult) => void;
  /** The cost guard's limits; false turns it off (default: on). */
  costGuard?: CostLimits | false;
}

/**
 * Runs every target × replication on the backend and compares the targets. Every target is validated
 * first, the way `validate` does (ScenarioError before any run starts).
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
  const first = loadRunnableScenario(targets[0].file, {
    ...(targets[0].variant === undefined ? {} : { variant: targets[0].variant }),
    ...guard,
  }).scenario;
  const replications = options.replications ?? first.run.replications;
  const jobs: RunJob[] = [];
  for (const [t, target] of targets.entries()) {
    const base = loadRunnableScenario(target.file, {
      ...(target.variant === undefined ? {} : { variant: target.variant }),
      ...guard,
    }).scenario;
    for (let r = 0; r < replications; r++) {
      jobs.push({
        key: `${t}/${r}`,
        file: target.file,
        ...(target.variant === undefined ? {} : { variant: target.variant }),
        // Replication r of every target uses the same seed: common random numbers sharpen the comparison.
        seed: replicationSeed(base.run.seed, r),
        replication: r,
        ...(options.lengthH === undefined ? {} : { lengthH: options.lengthH }),
        ...(options.costGuard === undefined ? {} : { costGuard: options.costGuard }),
      });
    }
  }
  const results = new Map<string, RunJobResult>();
  await backend.run(jobs, (result) => {
    results.set(result.key, result);
    options.onResult?.(results.size, jobs.length, result);
  });
  const baselineLabel =
    options.baseline ??
    targets.find((t) => t.variant !== undefined && t.variant === first.costs?.baselineVariant)?.label ??
    targets[0].label;
  const perTarget = targets.map((target, t) => {
    const ok = [];
    const failures: string[] = [];
    for (let r = 0; r < replications; r++) {
      const res = results.get(`${t}/${r}`);
      if (res?.ok) ok.push(res);
      else failures.push(res === undefined ? 'no result' : res.error);
    }
    return { target, ok, failures };
  });
  const baseIndex = Math.max(
    0,
    targets.findIndex((t) => t.label === baselineLabel),
  );
  const base = perTarget[baseIndex];
  const assumptions = costAssumptions(first.costs);
  const values = (runs: typeof base.ok, key: string) =>
    runs.map((r) => r.kpis[key]).filter((v) => Number.isFinite(v));
  const keys = [...new Set(perTarget.flatMap((p) => p.ok.flatMap((r) => Object.keys(r.kpis))))].sort();
  const out: TargetResult[] = perTarget.map((p, i) => {
    const kpis: Record<string, ConfidenceInterval> = {};
    for (const key of keys) kpis[key] = confidenceInterval(values(p.ok, key));
    const margin = confidenceInterval(p.ok.map((r) => r.economics.marginEurPerHour));
    const economics = {
      capexEur: p.ok[0]?.economics.capexEur ?? Number.NaN,
      opexEurPerYear: p.ok[0]?.economics.opexEurPerYear ?? Number.NaN,
      marginEurPerHour: margin,
    };
    const result: TargetResult = {
      target: p.target,
      scenarioName: p.ok[0]?.scenarioName ?? '',
      runs: p.ok.length,
      failures: p.failures,
      kpis,
      economics,
    };
    if (i !== baseIndex && base.ok.length > 0 && p.ok.length > 0) {
      const significant: Record<string, { diff: number; pValue: number; significant: boolean }> = {};
      for (const key of keys) {
        const t = welchTTest(values(p.ok, key), values(base.ok, key));
        significant[key] = { diff: t.diff, pValue: t.pValue, significant: t.significant };
      }
      const baseMargin = confidenceInterval(base.ok.map((r) => r.economics.marginEurPerHour)).mean;
      result.versusBaseline = {
        significant,
        payback: payback(
          {
            capexEur: economics.capexEur,
            opexEurPerYear: economics.opexEurPerYear,
            marginEurPerHour: margin.mean,
          },
          {
            capexEur: base.ok[0].economics.capexEur,
            opexEurPerYear: base.ok[0].economics.opexEurPerYear,
            marginEurPerHour: baseMargin,
          },
          assumptions,
        ),
      };
    }
    return result;
  });
  return { replications, baseline: baselineLabel, targets: out };
}

const num = (v: number, digits: number) =>
  Number.isFinite(v) ? v.toFixed(digits) : Number.isNaN(v) ? '–' : '∞';

/** Side-by-side Markdown table: mean ± 95 % CI half-width; `*` marks a significant difference to the baseline. */
export function comparisonMarkdown(c: Comparison): string {
  const t = c.targets;
  const head = `| KPI | ${t.map((x) => markdownText(x.target.label) + (x.target.label === c.baseline ? ' (baseline)' : '')).join(' | ')} |`;
  const sep = `| --- | ${t.map(() => '---:').join(' | ')} |`;
  const rows: string[] = [];
  for (const k of HEADLINE_KPIS) {
    if (!t.some((x) => (x.kpis[k.key]?.n ?? 0) > 0)) continue;
    const cells = t.map((x) => {
      const ci = x.kpis[k.key];
      if (ci === undefined || ci.n === 0) return '–';
      const sig = x.versusBaseline?.significant[k.key]?.significant ? ' *' : '';
      const digits = k.display.digits;
      const hw = Number.isFinite(ci.halfWidth) ? ` ± ${num(k.toDisplay(ci.halfWidth), digits)}` : '';
      return `${num(k.toDisplay(ci.mean), digits)}${hw}${sig}`;
    });
    rows.push(`| ${k.title} | ${cells.join(' | ')} |`);
  }
  rows.push(`| capex (EUR) | ${t.map((x) => num(x.economics.capexEur, 0)).join(' | ')} |`);
  rows.push(`| opex (EUR/year) | ${t.map((x) => num(x.economics.opexEurPerYear, 0)).join(' | ')} |`);
  rows.push(`| margin (EUR/h) | ${t.map((x) => num(x.economics.marginEurPerHour.mean, 0)).join(' | ')} |`);
  rows.push(
    `| payback vs baseline (months) | ${t
      .map((x) => {
        const p = x.versusBaseline?.payback;
        if (p === undefined) return '–';
        return p.paybackMonths === null ? 'never' : num(p.paybackMonths, 1);
      })
      .join(' | ')} |`,
  );
  const failures = t.flatMap((x) =>
    x.failures.map((f) => `- ${markdownText(x.target.label)}: ${markdownText(f)}`),
  );
  return [
    `${c.replications} replications per variant; mean ± 95 % confidence half-width; * = differs from the baseline (Welch t test, p < 0.05).`,
    '',
    head,
    sep,
    ...rows,
    '',
    ...(failures.length > 0 ? ['Failed runs:', ...failures, ''] : []),
  ].join('\n');
}
