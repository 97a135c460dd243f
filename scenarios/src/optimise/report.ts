// The optimisation report: one self-contained HTML file (inline SVG, no scripts): the front as charts
// (cost against coverage and against the worst class's on-time proxy; with a confirmation, cost against
// simulated throughput) and as a table.
import type { TrafficClass } from '@factory-twin/sim-core';
import { esc, type ScatterPoint, scatterChart } from '../report/svg';
import type { FrontRow } from './front-table';

const STYLE =
  'body{font:14px/1.45 system-ui,sans-serif;margin:2rem auto;max-width:1100px;color:#111;padding:0 1rem}table{border-collapse:collapse;margin:.5rem 0}td,th{border:1px solid #ddd;padding:.25rem .6rem;vertical-align:top}td.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}figure{display:inline-block;margin:.5rem 1rem .5rem 0}figcaption{font-size:12px;color:#555}.note{font-size:12px;color:#555}';

export interface ReportInput {
  scenarioName: string;
  rows: FrontRow[];
  classes: TrafficClass[];
  evaluations: number;
  frontSize: number;
  seed: number | string;
  confirmation: { replications: number; fidelity: string; hours: number | null } | null;
}

export function optimiseReport(r: ReportInput): string {
  const legend = ['feasible', 'misses a target'];
  const series = (row: FrontRow) => (row.feasible ? 0 : 1);
  const pointsOf = (y: (row: FrontRow) => number | undefined): ScatterPoint[] =>
    r.rows.flatMap((row) => {
      const v = y(row);
      return v === undefined ? [] : [{ x: row.tcoEur / 1000, y: v, label: row.id, series: series(row) }];
    });
  const charts = [
    figure(
      scatterChart(
        pointsOf((row) => row.coverage * 100),
        { xLabel: 'TCO, thousand EUR', yLabel: 'coverage, %', legend },
      ),
      'Cost against coverage (mean of floor and AGV-path shares with SINR at or above the target)',
    ),
    figure(
      scatterChart(
        pointsOf((row) => row.worstOnTime * 100),
        { xLabel: 'TCO, thousand EUR', yLabel: 'worst class on time (proxy), %', legend },
      ),
      'Cost against on time: the screening proxy of the worst traffic class',
    ),
  ];
  if (r.rows.some((row) => row.confirmed?.throughputPerHour))
    charts.push(
      figure(
        scatterChart(
          pointsOf((row) => row.confirmed?.throughputPerHour?.mean),
          { xLabel: 'TCO, thousand EUR', yLabel: 'throughput, parts/h (simulated)', legend },
        ),
        'Cost against throughput: the confirmed members, mean over the replications',
      ),
    );
  const head = [
    'member',
    'gNBs',
    'deployment',
    'TCO EUR',
    'floor',
    'path',
    ...r.classes,
    'parts/h',
    'NPV vs base EUR',
  ];
  const body = r.rows.map((row) => {
    const c = row.confirmed;
    const cells = [
      esc(row.id),
      num(row.gnbs, 0),
      esc(row.deployment),
      num(row.tcoEur, 0),
      pct(row.floorShare),
      pct(row.pathShare),
      ...r.classes.map((k) => {
        const sim = c?.onTime[k]?.mean;
        return `${pct(row.onTime[k])}${sim === undefined ? '' : ` <span class="note">(sim ${pct(sim)})</span>`}`;
      }),
      c?.throughputPerHour
        ? `${num(c.throughputPerHour.mean, 2)} ± ${num(c.throughputPerHour.halfWidth, 2)}`
        : '–',
      c?.npvEur
        ? `${num(c.npvEur.mean, 0)} <span class="note">(${num(c.npvEur.lower, 0)} … ${num(c.npvEur.upper, 0)})</span>`
        : '–',
    ];
    return `<tr>${cells.map((v, i) => `<td${i === 0 || i === 2 ? '' : ' class="n"'}>${v}</td>`).join('')}</tr>`;
  });
  const layouts = r.rows.map((row) => `<li><b>${esc(row.id)}</b>: ${esc(row.layout)}</li>`);
  const conf = r.confirmation;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${esc(r.scenarioName)} — factory-twin layout optimisation</title>
<style>${STYLE}</style></head><body>
<h1>${esc(r.scenarioName)}: gNB layout optimisation</h1>
<p>${r.evaluations.toLocaleString('en-US')} candidate layouts screened (NSGA-II, seed ${esc(r.seed)}); the Pareto front has ${r.frontSize} members, ${r.rows.length} shown.
${conf === null ? 'No confirmation by simulation.' : `The first members and the base were simulated: ${conf.replications} replications each, ${esc(conf.fidelity)} fidelity${conf.hours === null ? '' : `, ${conf.hours} h per run`}.`}</p>
<p class="note">Screening proxies: coverage and on time come from the radio model (path loss, SINR at the best server with co-channel cells at full load and interference zones on) and a capacity model (load per cell and direction, TDD alignment, processor-sharing delay, HARQ, core delay); they rank layouts, the simulation confirms them.</p>
${charts.join('\n')}
<h2>The front</h2>
<table><tr>${head.map((h) => `<th>${esc(h)}</th>`).join('')}</tr>
${body.join('\n')}</table>
<ul>${layouts.join('')}</ul>
</body></html>
`;
}

function figure(svg: string, caption: string): string {
  return `<figure>${svg}<figcaption>${esc(caption)}</figcaption></figure>`;
}

const num = (v: number, digits: number) => (Number.isFinite(v) ? v.toFixed(digits) : '–');
const pct = (v: number | undefined) =>
  v === undefined || !Number.isFinite(v) ? '–' : `${(v * 100).toFixed(1)} %`;
