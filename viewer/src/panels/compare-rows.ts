import { KPIS, type KpiDirection, RECORDED_SERIES, type ResolvedKpi } from '@factory-twin/sim-core';
import type { RunModel } from '../data/run-model';
import { timeWeightedMean } from './align';

export interface CompareRow {
  /** Flat KPI name (the run summary's), or `events.<kind>` for an event count. */
  key: string;
  label: string;
  /** Raw values (the KPI's own unit, as in the run summary). */
  a: number;
  b: number;
  /** Values as shown (display unit and decimals of the KPI registry). */
  textA: string;
  textB: string;
  textDiff: string;
  /** Whether B is better, worse or neither than A by the KPI's direction. */
  verdict: 'better' | 'worse' | 'same' | 'neutral';
}

export interface CompareGroup {
  key: 'production' | 'agv' | 'machines' | 'machineStates' | 'samples' | 'events';
  rows: CompareRow[];
}

const GROUP_OF = (name: string): CompareGroup['key'] | undefined => {
  if (name === 'throughputPerHour') return 'production';
  if (name.startsWith('agv.')) return 'agv';
  if (/^machine\..+\.time\./.test(name)) return 'machineStates';
  if (name.startsWith('machine.')) return 'machines';
  return undefined;
};

/** The throughput series: the summary's throughput is recomputed from it exactly (production group). */
const THROUGHPUT_SERIES = 'throughput_parts_per_h';

/** The event kinds counted in the table (the ones a planner asks about). */
export const COUNTED_EVENTS = ['failure', 'safetyStop', 'survivalTimeExceeded', 'handover'] as const;

const fmt = (v: number, digits: number) => (Number.isFinite(v) ? v.toFixed(digits) : '—');

/** "+1.5 pp", "−0.3", or "0" when the difference rounds to nothing (never "-0.0"). */
function diffText(d: number, digits: number, unit: string): string {
  if (!Number.isFinite(d)) return '—';
  const text = Math.abs(d).toFixed(digits);
  if (Number(text) === 0) return '0';
  return `${d > 0 ? '+' : '−'}${text}${unit}`;
}

function verdictOf(better: KpiDirection, d: number): CompareRow['verdict'] {
  if (!Number.isFinite(d)) return 'neutral';
  if (Math.abs(d) < 1e-12) return 'same';
  if (better === 'neutral') return 'neutral';
  return d > 0 === (better === 'higher') ? 'better' : 'worse';
}

function row(
  key: string,
  a: number,
  b: number,
  meta = KPIS.lookup(key) as ResolvedKpi | undefined,
): CompareRow | undefined {
  if (meta === undefined) return undefined;
  const da = meta.toDisplay(a);
  const db = meta.toDisplay(b);
  const d = db - da;
  const digits = meta.display.digits;
  const unit = meta.display.unit === '%' ? ' pp' : '';
  return {
    key,
    label: meta.title,
    a,
    b,
    textA: fmt(da, digits),
    textB: fmt(db, digits),
    textDiff: diffText(d, digits, unit),
    verdict: verdictOf(meta.better, d),
  };
}

/**
 * Run B against run A, KPI by KPI, over each run's window after the warm-up (the run summary's window and
 * definitions: `recordingKpis`), and the notable events counted over the whole runs (the summary's
 * eventCounts). Within a group, the largest differences come first.
 */
export function compareGroups(a: RunModel, b: RunModel): CompareGroup[] {
  const ka = a.kpis();
  const kb = b.kpis();
  const groups = new Map<CompareGroup['key'], CompareRow[]>();
  for (const key of Object.keys(ka.kpis)) {
    const g = GROUP_OF(key);
    if (g === undefined || !(key in kb.kpis)) continue;
    const r = row(key, ka.kpis[key], kb.kpis[key]);
    if (r) groups.set(g, [...(groups.get(g) ?? []), r]);
  }
  // The recorded series (network load, on-time shares, WIP…) as time-weighted means of their samples over
  // the same window: close to the summary's figures, not equal (sampled each minute).
  const samples: CompareRow[] = [];
  for (const s of a.series) {
    if (s.key === THROUGHPUT_SERIES || s.group === 'latency') continue;
    const o = b.series.find((x) => x.key === s.key);
    const meta = RECORDED_SERIES.lookup(s.key);
    if (!o || !meta) continue;
    const va = timeWeightedMean(s.tMs, s.values, ka.window.fromMs, ka.window.toMs);
    const vb = timeWeightedMean(o.tMs, o.values, kb.window.fromMs, kb.window.toMs);
    const r = row(`series.${s.key}`, va, vb, { ...meta, title: `≈ ${meta.title}` });
    if (r) samples.push(r);
  }
  if (samples.length > 0) groups.set('samples', samples);
  const events: CompareRow[] = COUNTED_EVENTS.map((k) => {
    const va = ka.eventCounts[k] ?? 0;
    const vb = kb.eventCounts[k] ?? 0;
    const d = vb - va;
    return {
      key: `events.${k}`,
      label: k,
      a: va,
      b: vb,
      textA: String(va),
      textB: String(vb),
      textDiff: diffText(d, 0, ''),
      verdict: k === 'handover' ? (d === 0 ? 'same' : 'neutral') : verdictOf('lower', d),
    };
  });
  groups.set('events', events);
  const size = (r: CompareRow) => {
    const d = Math.abs(r.b - r.a);
    return Number.isFinite(d) ? d / Math.max(1e-9, Math.abs(r.a) + Math.abs(r.b)) : -1;
  };
  const order: CompareGroup['key'][] = [
    'production',
    'samples',
    'agv',
    'machines',
    'machineStates',
    'events',
  ];
  return order
    .filter((k) => groups.has(k))
    .map((k) => ({
      key: k,
      rows:
        k === 'production' || k === 'events'
          ? groups.get(k)!
          : [...groups.get(k)!].sort((x, y) => size(y) - size(x)),
    }));
}
