import { AGV_STATES } from '@factory-twin/sim-core';
import { costAssumptions, payback } from '../cost/cost-model';
import { deliveryClasses, fmt, kpiHeading, kpiText, type RunSummary } from '../run/summary';
import { coverageMap } from './coverage-map';
import { barChart, esc, lineChart, stackedBars } from './svg';

const title = (s: RunSummary) => s.scenario.variant ?? 'base';

/**
 * One self-contained HTML page (inline SVG, no scripts, no external files) for one or more run summaries of
 * the same plant: KPIs side by side, latency CDFs per traffic class, the coverage map, AGV states, cost and
 * payback against the baseline (the summary of the scenario's `costs.baselineVariant`, else the first).
 */
export function htmlReport(summaries: RunSummary[]): string {
  const first = summaries[0];
  const baseline =
    summaries.find(
      (s) => s.scenario.variant !== null && s.scenario.variant === first.scenario.baselineVariant,
    ) ?? first;
  const sections: string[] = [];

  // Steady state: warnings first, where a reader cannot miss them.
  const warnings = summaries.flatMap((s) =>
    (s.steadyState?.warnings ?? []).map((w) => `<p class="warn"><b>${esc(title(s))}</b>: ${esc(w)}</p>`),
  );
  if (warnings.length > 0) sections.push(`<h2>Steady-state warnings</h2>${warnings.join('')}`);

  // KPIs.
  // Labels, units and decimals from sim-core's KPI registry.
  const rows: [string, (s: RunSummary) => string][] = [
    'throughputPerHour',
    'leadTime.meanMs',
    'wip.mean',
    'orders.onTimeRate',
    'agv.delivered',
    'agv.meanWaitForPickupMs',
    'agv.safetyStopShare',
    'net.survivalFailures',
    'net.handovers',
  ].map((name): [string, (s: RunSummary) => string] => [
    kpiHeading(name),
    (s) => kpiText(name, s.kpis[name]),
  ]);
  const classes = [
    ...new Set(
      summaries.flatMap((s) =>
        deliveryClasses(s)
          .filter((c) => c.finished > 0)
          .map((c) => c.trafficClass),
      ),
    ),
  ];
  for (const c of classes) {
    rows.push([
      `${c}: on time / p99`,
      (s) => {
        const k = deliveryClasses(s).find((x) => x.trafficClass === c);
        return k === undefined || k.finished === 0
          ? '–'
          : `${fmt(k.reliability * 100, 3)} % ${k.meetsTarget ? '✓' : '✗'} / ${fmt(k.latency.p99Ms, 1)} ms`;
      },
    ]);
  }
  sections.push(
    `<h2>KPIs</h2><table><tr><th></th>${summaries.map((s) => `<th>${esc(title(s))}</th>`).join('')}</tr>${rows
      .map(
        ([label, f]) =>
          `<tr><td>${esc(label)}</td>${summaries.map((s) => `<td class="n">${esc(f(s))}</td>`).join('')}</tr>`,
      )
      .join(
        '',
      )}</table><p class="note">One replication per column (seed shown below); use <code>factory-twin compare</code> for confidence intervals.</p>`,
  );

  // Latency CDFs.
  const cdfs = summaries
    .filter((s) => s.latencyCdfs !== null)
    .map((s) => {
      const series = Object.entries(s.latencyCdfs ?? {}).map(([cls, cdf]) => ({
        label: cls,
        points: cdf.edgesMs.map((x, i) => [x, cdf.cumulative[i]] as [number, number]),
      }));
      return `<figure>${lineChart(series, { xLabel: 'one-way latency (ms, log scale)', yLabel: 'share delivered within (0–1)', logX: true, yMax: 1 })}<figcaption>${esc(title(s))}</figcaption></figure>`;
    });
  sections.push(
    `<h2>Latency CDFs per traffic class</h2>${cdfs.join('') || '<p><em>no latency data</em></p>'}`,
  );

  // Coverage.
  sections.push(
    `<h2>Coverage</h2>${summaries
      .map(
        (s) =>
          `<figure>${coverageMap(s.layout, 'ul')}<figcaption>${esc(title(s))}: uplink SINR, ${esc(s.layout.gnbs.length)} gNB(s)</figcaption></figure>`,
      )
      .join('')}`,
  );

  // AGV states.
  const agvFigures = summaries
    .filter((s) => s.agv != null && s.agv.vehicles.length > 0)
    .map((s) => {
      const window = Math.max(1, s.agv!.toMs - s.agv!.fromMs);
      const bars = s.agv!.vehicles.map((v) => ({
        label: v.agvId,
        shares: AGV_STATES.map((st) => (v.timeInStateMs[st] ?? 0) / window),
      }));
      return `<figure>${stackedBars(bars, [...AGV_STATES])}<figcaption>${esc(title(s))}: share of time per state</figcaption></figure>`;
    });
  if (agvFigures.length > 0) sections.push(`<h2>AGV states</h2>${agvFigures.join('')}`);

  // Cost and payback.
  const a = baseline.economics.assumptions ?? costAssumptions();
  const paybacks = summaries.map((s) => ({
    s,
    p:
      s === baseline
        ? null
        : payback(
            {
              capexEur: s.economics.capexEur,
              opexEurPerYear: s.economics.opexEurPerYear,
              marginEurPerHour: s.economics.marginEurPerHour,
            },
            {
              capexEur: baseline.economics.capexEur,
              opexEurPerYear: baseline.economics.opexEurPerYear,
              marginEurPerHour: baseline.economics.marginEurPerHour,
            },
            a,
          ),
  }));
  sections.push(
    `<h2>Cost and payback</h2><p>Baseline: <b>${esc(title(baseline))}</b>. Payback = extra capex ÷ (extra contribution margin − extra opex); defaults and their sources: <code>scenarios/src/cost/cost-defaults.ts</code>.</p>
<table><tr><th></th>${summaries.map((s) => `<th>${esc(title(s))}</th>`).join('')}</tr>
<tr><td>capex (EUR)</td>${summaries.map((s) => `<td class="n">${fmt(s.economics.capexEur, 0)}</td>`).join('')}</tr>
<tr><td>opex (EUR/year)</td>${summaries.map((s) => `<td class="n">${fmt(s.economics.opexEurPerYear, 0)}</td>`).join('')}</tr>
<tr><td>contribution margin (EUR/h)</td>${summaries.map((s) => `<td class="n">${fmt(s.economics.marginEurPerHour, 0)}</td>`).join('')}</tr>
<tr><td>extra margin vs baseline (EUR/year)</td>${paybacks.map(({ p }) => `<td class="n">${p === null ? '–' : fmt(p.gainEurPerYear, 0)}</td>`).join('')}</tr>
<tr><td>payback (months)</td>${paybacks.map(({ p }) => `<td class="n">${p === null ? '–' : p.paybackMonths === null ? 'never' : fmt(p.paybackMonths, 1)}</td>`).join('')}</tr></table>
${
  summaries.length > 1
    ? barChart(
        paybacks
          .filter(({ p }) => p !== null)
          .map(({ s, p }) => ({ label: title(s), value: p!.paybackMonths ?? Number.NaN })),
        { unit: 'months' },
      )
    : ''
}`,
  );

  const runs = summaries
    .map(
      (s) =>
        `<li>${esc(title(s))}: seed ${esc(String(s.seed))}, ${fmt(s.durationH, 1)} h (${fmt(s.warmupH, 1)} h warm-up), scenario hash <code>${esc(String(s.scenario.hash).slice(0, 16))}</code>${s.recording ? `, recording <code>${esc(s.recording)}</code>` : ''}</li>`,
    )
    .join('');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${esc(first.scenario.name)} — factory-twin report</title>
<style>body{font:14px/1.45 system-ui,sans-serif;margin:2rem auto;max-width:1100px;color:#111;padding:0 1rem}table{border-collapse:collapse;margin:.5rem 0}td,th{border:1px solid #ddd;padding:.25rem .6rem}td.n{text-align:right;font-variant-numeric:tabular-nums}figure{display:inline-block;margin:.5rem 1rem .5rem 0}figcaption{font-size:12px;color:#555}.note,.legend{font-size:12px;color:#555}.warn{border-left:4px solid #d97706;background:#fffbeb;padding:.4rem 1rem}</style>
</head><body><h1>${esc(first.scenario.name)}</h1><p>${esc(first.softwareVersion)}. Runs:</p><ul>${runs}</ul>${sections.join('\n')}</body></html>
`;
}
