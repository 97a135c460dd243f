// The Pareto front as rows: screening figures of each member and, where it was simulated, the confirmation
// (throughput, on time per class, NPV against the base). One model for the CSV, the Markdown and the report.
import type { TrafficClass } from '@factory-twin/sim-core';
import { type Cell, type ColumnSpec, type Table, tableOf } from '../table/table';
import { markdownText } from '../text/markdown';
import type { FrontFigures } from './api/wire';
import type { Confirmation, Confirmed } from './confirm';
import { coverageOf, worstOnTime } from './objectives';
import type { FrontMember } from './search';

/** A front member's row: the screening figures front.json carries (api/wire.ts) and the full confirmation. */
export interface FrontRow extends FrontFigures {
  gnbs: number;
  onTime: Partial<Record<TrafficClass, number>>;
  confirmed: Confirmed | null;
}

export function frontRows(
  members: readonly FrontMember[],
  carrierLabels: readonly string[],
  hasPaths: boolean,
  confirmation: Confirmation | null,
): FrontRow[] {
  return members.map((m) => ({
    id: m.id,
    gnbs: m.candidate.gnbs.length,
    layout: m.candidate.gnbs
      .map(
        (g, i) =>
          `${g.id}:${carrierLabels[m.candidate.carrierIndex[i]]}${azimuthTag(m.candidate.azimuthDeg[i])}`,
      )
      .join(' '),
    deployment: m.candidate.deployment,
    feasible: m.feasible,
    capexEur: m.screening.capexEur,
    tcoEur: m.screening.tcoEur,
    floorShare: m.screening.floorShare,
    pathShare: m.screening.pathShare,
    coverage: coverageOf(m.screening, hasPaths),
    worstOnTime: worstOnTime(m.screening),
    maxLoad: m.screening.maxLoad,
    onTime: m.screening.onTime,
    confirmed: confirmation?.targets.find((t) => t.label === m.id) ?? null,
  }));
}

const round = (v: number, digits: number) => (Number.isFinite(v) ? Number(v.toFixed(digits)) : v);

/** Typed columns for the CSV (and any other table format). */
export function frontTable(rows: readonly FrontRow[], classes: readonly TrafficClass[]): Table {
  const specs: ColumnSpec<FrontRow>[] = [
    { name: 'id', type: 'string', get: (r) => r.id },
    { name: 'gnbs', type: 'int32', get: (r) => r.gnbs },
    { name: 'layout', type: 'string', get: (r) => r.layout },
    { name: 'deployment', type: 'string', get: (r) => r.deployment },
    { name: 'feasible', type: 'boolean', get: (r) => r.feasible },
    { name: 'capexEur', type: 'double', get: (r) => round(r.capexEur, 0) },
    { name: 'tcoEur', type: 'double', get: (r) => round(r.tcoEur, 0) },
    { name: 'floorCoverage', type: 'double', get: (r) => round(r.floorShare, 4) },
    { name: 'pathCoverage', type: 'double', get: (r) => round(r.pathShare, 4) },
    { name: 'maxCellLoad', type: 'double', get: (r) => round(r.maxLoad, 4) },
    ...classes.map(
      (c): ColumnSpec<FrontRow> => ({
        name: `onTimeProxy.${c}`,
        type: 'double',
        get: (r) => round(r.onTime[c] ?? Number.NaN, 5),
      }),
    ),
    { name: 'confirmedRuns', type: 'int32', get: (r) => r.confirmed?.runs ?? null },
    { name: 'throughputPerHour', type: 'double', get: (r) => ci(r.confirmed?.throughputPerHour?.mean) },
    {
      name: 'throughputPerHourHalfWidth',
      type: 'double',
      get: (r) => ci(r.confirmed?.throughputPerHour?.halfWidth),
    },
    ...classes.map(
      (c): ColumnSpec<FrontRow> => ({
        name: `onTime.${c}`,
        type: 'double',
        get: (r) => ci(r.confirmed?.onTime[c]?.mean, 5),
      }),
    ),
    { name: 'npvEur', type: 'double', get: (r) => ci(r.confirmed?.npvEur?.mean, 0) },
    { name: 'npvLowerEur', type: 'double', get: (r) => ci(r.confirmed?.npvEur?.lower, 0) },
    { name: 'npvUpperEur', type: 'double', get: (r) => ci(r.confirmed?.npvEur?.upper, 0) },
  ];
  return tableOf(rows, specs);
}

const ci = (v: number | undefined, digits = 3): Cell => (v === undefined ? null : round(v, digits));

const pct = (v: number | undefined) =>
  v === undefined || !Number.isFinite(v) ? '–' : `${(v * 100).toFixed(1)} %`;
const money = (v: number | undefined) =>
  v === undefined || !Number.isFinite(v) ? '–' : Math.round(v).toLocaleString('en-US');

/** The front as a GFM table: screening first, then the confirmation where there is one. */
export function frontMarkdown(rows: readonly FrontRow[], classes: readonly TrafficClass[]): string {
  const confirmed = rows.some((r) => r.confirmed !== null);
  const head = [
    'member',
    'gNBs',
    'deployment',
    'capex EUR',
    'TCO EUR',
    'floor cov.',
    'path cov.',
    ...classes.map((c) => `${c} (proxy)`),
    'feasible',
    ...(confirmed ? ['parts/h (sim)', ...classes.map((c) => `${c} (sim)`), 'NPV vs base EUR'] : []),
  ];
  const lines = [`| ${head.join(' | ')} |`, `|${head.map(() => ' --- ').join('|')}|`];
  for (const r of rows) {
    const c = r.confirmed;
    const cells = [
      r.id,
      String(r.gnbs),
      r.deployment,
      money(r.capexEur),
      money(r.tcoEur),
      pct(r.floorShare),
      pct(r.pathShare),
      ...classes.map((k) => pct(r.onTime[k])),
      r.feasible ? 'yes' : 'no',
      ...(confirmed
        ? [
            c?.throughputPerHour
              ? `${c.throughputPerHour.mean.toFixed(2)} ± ${fmtHw(c.throughputPerHour.halfWidth)}`
              : '–',
            ...classes.map((k) => pct(c?.onTime[k]?.mean)),
            c?.npvEur ? `${money(c.npvEur.mean)} (${money(c.npvEur.lower)} … ${money(c.npvEur.upper)})` : '–',
          ]
        : []),
    ];
    lines.push(`| ${cells.map(markdownText).join(' | ')} |`);
  }
  const layouts = rows.map((r) => `- ${markdownText(r.id)}: ${markdownText(r.layout)}`);
  return `${lines.join('\n')}\n\nLayouts (mounting point:carrier option):\n\n${layouts.join('\n')}\n`;
}

const fmtHw = (v: number) => (Number.isFinite(v) ? v.toFixed(2) : '∞');

/** `@90°` when the search chose the gNB's azimuth, else nothing. */
const azimuthTag = (azimuthDeg: number | null | undefined) =>
  azimuthDeg === null || azimuthDeg === undefined ? '' : `@${azimuthDeg}°`;
