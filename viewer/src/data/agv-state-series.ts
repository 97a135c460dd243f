import { seriesMeta } from './classify';
import type { SeriesView } from './run-model';

const TARGET_POINTS = 240;

/**
 * How many AGVs are in each state over time, from their STATE records (for recordings without
 * agv_count series). Sampled at the end of equal time slices.
 */
export function agvStateSeries(
  histories: { timesMs: Float64Array; codes: Int32Array }[],
  stateNames: readonly string[],
  startMs: number,
  endMs: number,
): SeriesView[] {
  const changes: { t: number; from: number; to: number }[] = [];
  for (const h of histories) {
    for (let i = 0; i < h.timesMs.length; i++)
      changes.push({ t: h.timesMs[i], from: i > 0 ? h.codes[i - 1] : -1, to: h.codes[i] });
  }
  if (changes.length === 0 || stateNames.length === 0) return [];
  changes.sort((a, b) => a.t - b.t);
  const step = Math.max(1000, (endMs - startMs) / TARGET_POINTS);
  const points = Math.max(1, Math.ceil((endMs - startMs) / step));
  const tMs = Float64Array.from({ length: points }, (_, i) => Math.min(endMs, startMs + (i + 1) * step));
  const values = stateNames.map(() => new Float64Array(points));
  const counts = new Int32Array(stateNames.length);
  let c = 0;
  for (let p = 0; p < points; p++) {
    while (c < changes.length && changes[c].t <= tMs[p]) {
      const { from, to } = changes[c++];
      if (from >= 0 && from < counts.length) counts[from]--;
      if (to >= 0 && to < counts.length) counts[to]++;
    }
    for (let s = 0; s < counts.length; s++) values[s][p] = counts[s];
  }
  return stateNames.map((name, s) => ({
    key: `agv_count/${name}`,
    group: 'agvStates' as const,
    ...seriesMeta(`agv_count/${name}`),
    tMs,
    values: values[s],
  }));
}
