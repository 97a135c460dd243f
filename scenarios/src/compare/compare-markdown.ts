import { markdownText } from '../text/markdown';
import type { Comparison, TargetResult } from './compare';
import { monthsRange, num, pm } from './format';
import { HEADLINE_KPIS } from './headline-kpis';

/** What the payback cell says: a range of months, or why there is none. */
export function paybackText(t: TargetResult): string {
  const p = t.versusBaseline?.payback;
  if (p === undefined) return '–';
  switch (p.verdict) {
    case 'not significant':
      return 'within noise';
    case 'worse':
      return 'never (worse)';
    case 'never':
      return 'never';
    default:
      return monthsRange(p.paybackRangeMonths);
  }
}

/** Side-by-side Markdown table: mean ± 95 % CI half-width; `*` marks a significant difference to the baseline. */
export function comparisonMarkdown(c: Comparison): string {
  const t = c.targets;
  const cur = c.business;
  const head = `| KPI | ${t.map((x) => markdownText(x.target.label) + (x.target.label === c.baseline ? ' (baseline)' : '')).join(' | ')} |`;
  const sep = `| --- | ${t.map(() => '---:').join(' | ')} |`;
  const rows: string[] = [];
  for (const k of HEADLINE_KPIS) {
    if (!t.some((x) => (x.kpis[k.key]?.n ?? 0) > 0)) continue;
    const cells = t.map((x) => {
      const ci = x.kpis[k.key];
      if (ci === undefined || ci.n === 0) return '–';
      const sig = x.versusBaseline?.significant[k.key]?.significant ? ' *' : '';
      return `${pm(k.toDisplay(ci.mean), k.toDisplay(ci.halfWidth), k.display.digits)}${sig}`;
    });
    rows.push(`| ${markdownText(k.title)} | ${cells.join(' | ')} |`);
  }
  const m = (eur: number) => num(eur * cur.perEur, 0);
  const mi = (i: { mean: number; halfWidth: number }) => pm(i.mean * cur.perEur, i.halfWidth * cur.perEur, 0);
  const unit = markdownText(cur.currency);
  rows.push(`| capex (${unit}) | ${t.map((x) => m(x.economics.capexEur)).join(' | ')} |`);
  rows.push(`| opex (${unit}/year) | ${t.map((x) => m(x.economics.opexEurPerYear)).join(' | ')} |`);
  rows.push(
    `| value created (${unit}/year) | ${t.map((x) => mi(x.economics.valueEurPerYear)).join(' | ')} |`,
  );
  rows.push(
    `| TCO over ${num(cur.horizonYears, 0)} years (${unit}) | ${t.map((x) => m(x.economics.tcoEur)).join(' | ')} |`,
  );
  const vs = (f: (x: NonNullable<TargetResult['versusBaseline']>) => string) =>
    t.map((x) => (x.versusBaseline === undefined ? '–' : f(x.versusBaseline))).join(' | ');
  rows.push(
    `| extra value vs baseline (${unit}/year) | ${vs((v) => `${mi(v.payback.gainEurPerYear)}${v.payback.significant ? ' *' : ''}`)} |`,
  );
  rows.push(`| NPV vs baseline (${unit}) | ${vs((v) => mi(v.payback.npvEur))} |`);
  rows.push(`| payback vs baseline | ${t.map(paybackText).join(' | ')} |`);
  const failures = t.flatMap((x) =>
    x.failures.map((f) => `- ${markdownText(x.target.label)}: ${markdownText(f)}`),
  );
  const warnings = t.flatMap((x) =>
    x.steadyState.warnings.map((w) => `- ${markdownText(x.target.label)}: ${markdownText(w.text)}`),
  );
  const warmup =
    c.warmup === 'auto'
      ? `warm-up by MSER-5 per replication (mean ${t.map((x) => `${markdownText(x.target.label)} ${num(x.steadyState.warmupH.mean, 2)} h`).join(', ')})`
      : c.warmup === 'scenario'
        ? "the scenario's warm-up"
        : `warm-up ${c.warmup} h`;
  const precision =
    c.precision === undefined
      ? ''
      : ` Sequential procedure on ${markdownText(c.precision.kpi)} to ±${num(c.precision.relativeHalfWidth * 100, 1)} %: ${c.precision.reached ? 'reached' : `not reached within ${c.precision.maxReplications} replications`}.`;
  return [
    `${c.replications} replications per variant${c.paired ? ' (paired: the same seeds)' : ''}, ${warmup}; mean ± 95 % confidence half-width; * = differs from the baseline (${c.paired ? 'paired' : 'Welch'} t test, p < 0.05). Amounts in ${unit}${cur.perEur === 1 ? '' : ` (${cur.perEur} per EUR)`}.${precision}`,
    '',
    head,
    sep,
    ...rows,
    '',
    `**Recommendation.** ${markdownText(c.recommendation)}`,
    '',
    ...(warnings.length > 0 ? ['Steady-state warnings:', ...warnings, ''] : []),
    ...(failures.length > 0 ? ['Failed runs:', ...failures, ''] : []),
  ].join('\n');
}
