// The front's scatter chart as numbers: cost on x, the worst traffic class's on-time share on y (simulated
// where the member was confirmed, else the screening proxy), throughput as the dot's size (simulated only).
import type { FrontMemberJson } from '@factory-twin/scenarios/browser';

export interface ChartBox {
  width: number;
  height: number;
  /** Room for the axes' labels: left, bottom; top and right margins. */
  left: number;
  bottom: number;
  top: number;
  right: number;
}

export interface Dot {
  id: string;
  cx: number;
  cy: number;
  r: number;
  feasible: boolean;
  costEur: number;
  onTime: number;
  /** Simulated parts per hour (null: not confirmed). */
  throughputPerHour: number | null;
}

export interface Chart {
  dots: Dot[];
  x: { min: number; max: number };
  y: { min: number; max: number };
  /** Some member's on time is the screening proxy. */
  proxy: boolean;
  /** Some member has a simulated throughput (dot sizes mean something). */
  sized: boolean;
}

/** The worst class's on-time share: the confirmation's means when simulated, else the screening proxy. */
export function onTimeOf(m: FrontMemberJson): { value: number; simulated: boolean } {
  const sim = m.confirmed ? Object.values(m.confirmed.onTime).map((ci) => ci?.mean ?? Number.NaN) : [];
  const finite = sim.filter(Number.isFinite);
  return finite.length > 0
    ? { value: Math.min(...finite), simulated: true }
    : { value: m.worstOnTime, simulated: false };
}

export const throughputOf = (m: FrontMemberJson): number | null => {
  const v = m.confirmed?.throughputPerHour?.mean;
  return v !== undefined && Number.isFinite(v) ? v : null;
};

const R_MIN = 4;
const R_MAX = 10;
const R_UNSIZED = 5;

/** A range with room: equal ends are widened so that a single member sits in the middle. */
function span(values: number[], pad: number): { min: number; max: number } {
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return { min: 0, max: 1 };
  const d = hi - lo || Math.abs(hi) * 0.1 || 1;
  return { min: lo - d * pad, max: hi + d * pad };
}

export function frontChart(members: readonly FrontMemberJson[], box: ChartBox): Chart {
  const cost = members.map((m) => m.tcoEur);
  const onTime = members.map((m) => onTimeOf(m));
  const tput = members.map(throughputOf);
  const x = span(cost, 0.08);
  const y = span(
    onTime.map((o) => o.value),
    0.08,
  );
  const sizedValues = tput.filter((v): v is number => v !== null);
  const t = sizedValues.length > 0 ? { min: Math.min(...sizedValues), max: Math.max(...sizedValues) } : null;
  const plotW = box.width - box.left - box.right;
  const plotH = box.height - box.top - box.bottom;
  const dots = members.map((m, i) => {
    const v = tput[i];
    const r =
      v === null || t === null
        ? R_UNSIZED
        : t.max === t.min
          ? (R_MIN + R_MAX) / 2
          : R_MIN + ((v - t.min) / (t.max - t.min)) * (R_MAX - R_MIN);
    return {
      id: m.id,
      cx: box.left + ((cost[i] - x.min) / (x.max - x.min)) * plotW,
      cy: box.top + (1 - (onTime[i].value - y.min) / (y.max - y.min)) * plotH,
      r,
      feasible: m.feasible,
      costEur: cost[i],
      onTime: onTime[i].value,
      throughputPerHour: v,
    };
  });
  return { dots, x, y, proxy: onTime.some((o) => !o.simulated), sized: t !== null };
}
