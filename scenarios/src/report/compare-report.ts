import { KPIS } from '@factory-twin/sim-core';
import type { Comparison, TargetResult } from '../compare/compare';
import { paybackText } from '../compare/compare-markdown';
import { money, num, pm } from '../compare/format';
import { HEADLINE_KPIS } from '../compare/headline-kpis';
import { escapeHtml as esc } from '../text/html';
import { intervalChart, lineChart, tornadoChart } from './svg';

const STYLE =
  'body{font:14px/1.45 system-ui,sans-serif;margin:2rem auto;max-width:1100px;color:#111;padding:0 1rem}table{border-collapse:collapse;margin:.5rem 0}td,th{border:1px solid #ddd;padding:.25rem .6rem;vertical-align:top}td.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}figure{display:inline-block;margin:.5rem 1rem .5rem 0}figcaption{font-size:12px;color:#555}.note{font-size:12px;color:#555}.rec{border-left:4px solid #2563eb;background:#eff6ff;padding:.6rem 1rem}.warn{border-left:4px solid #d97706;background:#fffbeb;padding:.4rem 1rem}.sig{color:#16a34a;font-weight:600}.ns{color:#6b7280}details{margin:.5rem 0}';

const isBase = (c: Comparison, t: TargetResult) => t.target.label === c.baseline;

/** A table row: a KPI, its title, its display conversion (linear: also for half-widths) and decimals. */
interface KpiRow {
  key: string;
  title: string;
  toDisplay: (v: number) => number;
  digits: number;
}

/** A KPI cell: mean ± half-width, and the difference to the baseline with its significance. */
function kpiCell(t: TargetResult, { key, toDisplay, digits }: KpiRow): string {
  const ci = t.kpis[key];
  if (ci === undefined || ci.n === 0) return '<td class="n">–</td>';
  const d = t.versusBaseline?.significant[key];
  const diff =
    d === undefined
      ? ''
      : `<br><span class="${d.significant ? 'sig' : 'ns'}">Δ ${esc(pm(toDisplay(d.diff), toDisplay(d.halfWidth), digits))}${d.significant ? ` (p = ${esc(num(d.pValue, 3))})` : ' n.s.'}</span>`;
  return `<td class="n">${esc(pm(toDisplay(ci.mean), toDisplay(ci.halfWidth), digits))}${diff}</td>`;
}

function kpiTable(c: Comparison, rows: KpiRow[]): string {
  const head = `<tr><th>KPI</th>${c.targets.map((t) => `<th>${esc(t.target.label)}${isBase(c, t) ? ' (baseline)' : ''}</th>`).join('')}</tr>`;
  const body = rows
    .filter((r) => c.targets.some((t) => (t.kpis[r.key]?.n ?? 0) > 0))
    .map((r) => `<tr><td>${esc(r.title)}</td>${c.targets.map((t) => kpiCell(t, r)).join('')}</tr>`)
    .join('');
  return `<table>${head}${body}</table>`;
}

function economicsTable(c: Comparison): string {
  const cur = c.business;
  const unit = esc(cur.currency);
  const m = (eur: number) => esc(num(eur * cur.perEur, 0));
  const mi = (i: { mean: number; halfWidth: number }) =>
    esc(pm(i.mean * cur.perEur, i.halfWidth * cur.perEur, 0));
  const row = (label: string, f: (t: TargetResult) => string) =>
    `<tr><td>${label}</td>${c.targets.map((t) => `<td class="n">${f(t)}</td>`).join('')}</tr>`;
  const vs = (f: (v: NonNullable<TargetResult['versusBaseline']>) => string) => (t: TargetResult) =>
    t.versusBaseline === undefined ? '–' : f(t.versusBaseline);
  return `<table><tr><th></th>${c.targets.map((t) => `<th>${esc(t.target.label)}${isBase(c, t) ? ' (baseline)' : ''}</th>`).join('')}</tr>
${row(`capex (${unit})`, (t) => m(t.economics.capexEur))}
${row(`opex (${unit}/year)`, (t) => m(t.economics.opexEurPerYear))}
${row(`value created (${unit}/year)`, (t) => mi(t.economics.valueEurPerYear))}
${row(`total cost of ownership, ${esc(num(cur.horizonYears, 0))} years (${unit})`, (t) => m(t.economics.tcoEur))}
${row(
  `extra value vs baseline (${unit}/year)`,
  vs(
    (v) =>
      `${mi(v.payback.gainEurPerYear)}<br><span class="${v.payback.significant ? 'sig' : 'ns'}">${v.payback.significant ? `significant (p = ${esc(num(v.payback.pValue, 3))})` : 'not significant'}</span>`,
  ),
)}
${row(
  `NPV vs baseline (${unit})`,
  vs((v) => mi(v.payback.npvEur)),
)}
${row('payback vs baseline', (t) => esc(paybackText(t)))}
</table>`;
}

function latencySection(c: Comparison): string {
  const figures = c.targets
    .filter((t) => t.latencyCdfs !== undefined && Object.keys(t.latencyCdfs).length > 0)
    .map((t) => {
      const series = Object.entries(t.latencyCdfs ?? {}).map(([cls, cdf]) => ({
        label: cls,
        points: cdf.edgesMs.map((x, i) => [x, cdf.cumulative[i]] as [number, number]),
      }));
      return `<figure>${lineChart(series, {
        xLabel: 'one-way latency (ms, log scale)',
        yLabel: 'share delivered within (0–1)',
        logX: true,
        yMax: 1,
      })}<figcaption>${esc(t.target.label)}: pooled over ${t.runs} replications</figcaption></figure>`;
    });
  return `<h2>Latency CDFs per traffic class</h2>${figures.join('') || '<p><em>no latency data</em></p>'}`;
}

function sensitivitySection(c: Comparison): string {
  const s = c.sensitivity;
  if (s === null) return '';
  const cur = c.business;
  const target = c.targets.find((t) => t.target.label === s.target);
  const base = target?.versusBaseline?.payback.npvEur.mean ?? Number.NaN;
  const f = (eur: number) => num(eur * cur.perEur, 0);
  return `<h2>Sensitivity of the NPV to the cost assumptions</h2><p>NPV of <b>${esc(s.target)}</b> against ${esc(c.baseline)} (${esc(money(base, cur))} at the assumptions as given), with each assumption alone at −20 % and +20 %.</p>${tornadoChart(
    s.bars.map((b) => ({ label: b.assumption, low: b.npvLowEur, high: b.npvHighEur })),
    base,
    {
      unit: `NPV vs baseline (${cur.currency})`,
      format: f,
      lowLabel: 'assumption −20 %',
      highLabel: 'assumption +20 %',
    },
  )}`;
}

/**
 * The decision report of a comparison: one self-contained HTML page (inline SVG, no scripts): the
 * recommendation, every KPI with its interval and its significance against the baseline, the business case
 * (value, NPV and payback with intervals), a tornado over the cost assumptions, latency CDFs, and the
 * steady-state warnings. Every scenario-provided string is escaped.
 */
export function compareReport(c: Comparison): string {
  const cur = c.business;
  const warnings = c.targets.flatMap((t) =>
    t.steadyState.warnings.map((w) => `<p class="warn"><b>${esc(t.target.label)}</b>: ${esc(w.text)}</p>`),
  );
  const failures = c.targets.flatMap((t) =>
    t.failures.map((f) => `<li>${esc(t.target.label)}: ${esc(f)}</li>`),
  );
  const headline: KpiRow[] = HEADLINE_KPIS.map((k) => ({
    key: k.key,
    title: k.title,
    toDisplay: k.toDisplay,
    digits: k.display.digits,
  }));
  const known = new Set(HEADLINE_KPIS.map((k) => k.key));
  const allKeys = [...new Set(c.targets.flatMap((t) => Object.keys(t.kpis)))]
    .sort()
    .filter((k) => !known.has(k));
  // Labels, units and decimals from the KPI registry; a KPI it does not know is shown by name, as is.
  const others: KpiRow[] = allKeys.map((key) => {
    const meta = KPIS.lookup(key);
    return meta === undefined
      ? { key, title: key, toDisplay: (v) => v, digits: 3 }
      : { key, title: `${meta.title} · ${key}`, toDisplay: meta.toDisplay, digits: meta.display.digits };
  });
  const npvRows = c.targets
    .filter((t) => t.versusBaseline !== undefined)
    .map((t) => {
      const n = t.versusBaseline!.payback.npvEur;
      return {
        label: t.target.label,
        mean: n.mean * cur.perEur,
        lower: n.lower * cur.perEur,
        upper: n.upper * cur.perEur,
      };
    });
  const design = `${c.replications} replications per variant${c.paired ? ', paired by seed (common random numbers)' : ' (not paired: the targets have different seeds)'}; warm-up ${
    c.warmup === 'auto'
      ? 'by MSER-5 per replication (White 1997)'
      : c.warmup === 'scenario'
        ? 'from the scenario'
        : `${num(c.warmup, 2)} h`
  }${c.lengthH === null ? '' : `; ${num(c.lengthH, 1)} h per run`}; 95 % confidence intervals; differences by ${c.paired ? 'paired' : 'Welch'} t test (p &lt; 0.05).${
    c.precision === undefined
      ? ''
      : ` Sequential procedure (Law &amp; Kelton §9.4.1) on ${esc(c.precision.kpi)} to ±${esc(num(c.precision.relativeHalfWidth * 100, 1))} %: ${c.precision.reached ? 'reached' : `not reached within ${c.precision.maxReplications} replications`}.`
  }`;
  const body = [
    `<h1>${esc(c.scenarioName)} — decision report</h1>`,
    `<p class="rec"><b>Recommendation.</b> ${esc(c.recommendation)}</p>`,
    `<p class="note">${design} Amounts in ${esc(cur.currency)}${cur.perEur === 1 ? '' : ` (${esc(num(cur.perEur, 2))} per EUR)`}; NPV over ${esc(num(cur.horizonYears, 0))} years at ${esc(num(cur.discountRatePerYear * 100, 1))} %/year. ${esc(c.softwareVersion)}.</p>`,
    ...(warnings.length > 0 ? ['<h2>Steady-state warnings</h2>', ...warnings] : []),
    '<h2>KPIs</h2><p class="note">mean ± 95 % half-width; below, the difference to the baseline (green: significant, grey: n.s. = within noise).</p>',
    kpiTable(c, headline),
    `<details><summary>All ${allKeys.length} other KPIs</summary>${kpiTable(c, others)}</details>`,
    `<h2>Business case against ${esc(c.baseline)}</h2><p class="note">Value = contribution margin of good parts − scrap cost − breakdown cost, per operating year. Payback = extra capex ÷ (extra value − extra opex), given only when the extra value is significant; the range comes from the interval of the extra value. Assumptions and their sources: <code>scenarios/src/cost/cost-defaults.ts</code>, overridden under <code>costs</code> in the scenario.</p>`,
    economicsTable(c),
    npvRows.length > 0
      ? `<figure>${intervalChart(npvRows, { unit: `NPV vs ${c.baseline} (${cur.currency}), 95 % interval`, format: (v) => num(v, 0) })}<figcaption>NPV against the baseline: dot = mean, bar = 95 % interval; left of the dashed line the investment loses money.</figcaption></figure>`
      : '',
    sensitivitySection(c),
    latencySection(c),
    ...(failures.length > 0 ? [`<h2>Failed runs</h2><ul>${failures.join('')}</ul>`] : []),
  ];
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${esc(c.scenarioName)} — factory-twin decision report</title>
<style>${STYLE}</style>
</head><body>${body.join('\n')}</body></html>
`;
}
