import { useMemo } from 'react';
import { useStore } from 'zustand';
import type { RunModel, SeriesView } from '../data/run-model';
import type { MessageKey } from '../i18n/index';
import { useT } from '../i18n/use-t';
import { recordings } from '../store/recording';
import { holdOnto } from './align';
import { type ChartLine, UPlotChart } from './UPlotChart';
import { displayUnit, scaled, withUnit } from './units';

const GROUPS: { group: SeriesView['group']; title: MessageKey }[] = [
  { group: 'throughput', title: 'kpi.throughput' },
  { group: 'wip', title: 'kpi.wip' },
  { group: 'latency', title: 'kpi.latency' },
  { group: 'prb', title: 'kpi.prb' },
  { group: 'agvStates', title: 'kpi.agvStates' },
  { group: 'other', title: 'kpi.other' },
];
const PALETTE = [
  '#60a5fa',
  '#f472b6',
  '#34d399',
  '#fbbf24',
  '#a78bfa',
  '#f87171',
  '#22d3ee',
  '#fb923c',
  '#a3e635',
  '#e879f9',
];

/** Line colour i: the palette first, then hues spread by the golden angle (every line is drawn). */
export const lineColor = (i: number) =>
  i < PALETTE.length ? PALETTE[i] : `hsl(${Math.round((i * 137.508) % 360)}, 70%, ${i % 2 ? 62 : 72}%)`;

interface Chart {
  key: string;
  title: MessageKey;
  /** The unit every line shares, shown in the title ('' when none or mixed). */
  unit: string;
  xMs: ArrayLike<number>;
  lines: ChartLine[];
}

/** KPI charts from the SAMPLE series, grouped by meaning; run B's series dashed on the same axes. */
export function KpiCharts() {
  const t = useT();
  const runA = useStore(recordings, (s) => s.runs[0]);
  const runB = useStore(recordings, (s) => s.runs[1]);
  const charts = useMemo(() => (runA ? buildCharts(runA, runB) : []), [runA, runB]);
  if (!runA) return null;
  return (
    <section className="panel kpis" data-testid="kpis">
      <h3>{t('panel.kpis')}</h3>
      {charts.length === 0 && <p className="muted">{t('kpi.none')}</p>}
      {charts.map((c) => (
        <UPlotChart key={c.key} title={withUnit(t(c.title), c.unit)} xMs={c.xMs} lines={c.lines} />
      ))}
    </section>
  );
}

function buildCharts(a: RunModel, b: RunModel | null): Chart[] {
  const charts: Chart[] = [];
  for (const { group, title } of GROUPS) {
    const own = a.series.filter((s) => s.group === group && s.tMs.length > 0);
    if (own.length === 0) continue;
    const xMs = own.reduce((best, s) => (s.tMs.length > best.length ? s.tMs : best), own[0].tMs);
    const units = own.map((s) => displayUnit(s.unit));
    const shared = units.every((u) => u.unit === units[0].unit) ? units[0].unit : '';
    const label = (s: SeriesView, i: number) =>
      shared === '' && units[i].unit !== '' ? withUnit(s.label, units[i].unit) : s.label;
    const lines: ChartLine[] = own.map((s, i) => ({
      label: label(s, i),
      values: toNullable(
        scaled(sameTimes(s.tMs, xMs) ? s.values : holdOnto(s.tMs, s.values, xMs), units[i].factor),
      ),
      color: lineColor(i),
    }));
    if (b) {
      own.forEach((s, i) => {
        const other = b.series.find((x) => x.key === s.key);
        if (!other) return;
        lines.push({
          label: `B ${label(s, i)}`,
          values: toNullable(scaled(holdOnto(other.tMs, other.values, xMs), units[i].factor)),
          color: lineColor(i),
          dashed: true,
        });
      });
    }
    charts.push({ key: group, title, unit: shared, xMs, lines });
  }
  return charts;
}

const sameTimes = (p: ArrayLike<number>, q: ArrayLike<number>) =>
  p === q || (p.length === q.length && p[0] === q[0] && p[p.length - 1] === q[q.length - 1]);

function toNullable(v: ArrayLike<number>): (number | null)[] {
  const out = new Array<number | null>(v.length);
  for (let i = 0; i < v.length; i++) out[i] = Number.isFinite(v[i]) ? v[i] : null;
  return out;
}
