import type { RunModel, SeriesView } from '../data/run-model';
import type { MessageKey } from '../i18n/index';
import { holdOnto } from './align';
import { movingMean } from './smooth';
import { displayUnit, scaled, withUnit } from './units';

export interface ChartLine {
  label: string;
  values: ArrayLike<number | null>;
  color: string;
  dashed?: boolean;
  /** A target in the chart's unit, drawn as a dashed line of the same colour. */
  target?: number;
  /** True when the line's mean after the warm-up misses its target (the legend says so). */
  failing?: boolean;
}

export interface Chart {
  key: SeriesView['group'];
  title: MessageKey;
  /** The unit every line shares ('' when none or mixed). */
  unit: string;
  /** Trailing moving-average window applied to the lines (ms), 0 when drawn as recorded. */
  smoothMs: number;
  xMs: ArrayLike<number>;
  lines: ChartLine[];
}

const MIN = 60_000;
const GROUPS: { group: SeriesView['group']; title: MessageKey; smoothMs: number }[] = [
  // Per-minute counts jump between 0 and a full batch: a 15-minute mean reads as a rate.
  { group: 'throughput', title: 'kpi.throughput', smoothMs: 15 * MIN },
  { group: 'onTime', title: 'kpi.onTime', smoothMs: 10 * MIN },
  { group: 'wip', title: 'kpi.wip', smoothMs: 0 },
  { group: 'latency', title: 'kpi.latency', smoothMs: 0 },
  { group: 'prb', title: 'kpi.prb', smoothMs: 5 * MIN },
  { group: 'agvStates', title: 'kpi.agvStates', smoothMs: 0 },
  { group: 'other', title: 'kpi.other', smoothMs: 0 },
];

/** Okabe–Ito (colour-blind safe) first, then hues spread by the golden angle (every line is drawn). */
const PALETTE = ['#56b4e9', '#e69f00', '#009e73', '#f0e442', '#cc79a7', '#d55e00', '#0072b2', '#bbbbbb'];
export const lineColor = (i: number) =>
  i < PALETTE.length ? PALETTE[i] : `hsl(${Math.round((i * 137.508) % 360)}, 70%, ${i % 2 ? 62 : 72}%)`;

/** The on-time target of an `ontime/<class>` series (0…1), if the recording states it. */
const targetOf = (run: RunModel, s: SeriesView) =>
  s.group === 'onTime' ? run.info.onTimeTargets[s.key.slice(s.key.indexOf('/') + 1)] : undefined;

/** Mean of the finite values at or after `fromMs`. */
function meanAfter(times: ArrayLike<number>, values: ArrayLike<number>, fromMs: number): number {
  let sum = 0;
  let n = 0;
  for (let i = 0; i < times.length; i++)
    if (times[i] >= fromMs && Number.isFinite(values[i])) {
      sum += values[i];
      n++;
    }
  return n > 0 ? sum / n : Number.NaN;
}

/** KPI charts from the SAMPLE series, grouped by meaning; run B's lines dashed on the same axes. */
export function buildCharts(a: RunModel, b: RunModel | null, labelOf: (s: SeriesView) => string): Chart[] {
  const charts: Chart[] = [];
  for (const { group, title, smoothMs } of GROUPS) {
    const own = a.series.filter((s) => s.group === group && s.tMs.length > 0);
    if (own.length === 0) continue;
    const xMs = own.reduce((best, s) => (s.tMs.length > best.length ? s.tMs : best), own[0].tMs);
    const units = own.map((s) => displayUnit(s.unit));
    const shared = units.every((u) => u.unit === units[0].unit) ? units[0].unit : '';
    const label = (s: SeriesView, i: number) =>
      shared === '' && units[i].unit !== '' ? withUnit(labelOf(s), units[i].unit) : labelOf(s);
    const prepare = (s: SeriesView, factor: number) => {
      const v = smoothMs > 0 ? movingMean(s.tMs, s.values, smoothMs) : s.values;
      return toNullable(scaled(sameTimes(s.tMs, xMs) ? v : holdOnto(s.tMs, v, xMs), factor));
    };
    const warm = a.info.warmUpEndMs ?? a.startMs;
    const lines: ChartLine[] = own.map((s, i) => {
      const target = targetOf(a, s);
      const line: ChartLine = {
        label: label(s, i),
        values: prepare(s, units[i].factor),
        color: lineColor(i),
      };
      if (target !== undefined) {
        line.target = target * units[i].factor;
        line.failing = meanAfter(s.tMs, s.values, warm) < target;
      }
      return line;
    });
    if (b) {
      own.forEach((s, i) => {
        const other = b.series.find((x) => x.key === s.key);
        if (!other || other.tMs.length === 0) return;
        const v = smoothMs > 0 ? movingMean(other.tMs, other.values, smoothMs) : other.values;
        lines.push({
          label: `B ${label(s, i)}`,
          values: toNullable(scaled(holdOnto(other.tMs, v, xMs), units[i].factor)),
          color: lineColor(i),
          dashed: true,
        });
      });
    }
    charts.push({ key: group, title, unit: shared, smoothMs, xMs, lines });
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
