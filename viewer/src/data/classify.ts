import type { NotableKind, SeriesView } from './run-model';

/** Which KPI chart a recorded series belongs on, from its name. */
export function seriesGroup(name: string): SeriesView['group'] {
  const n = name.toLowerCase();
  if (/agv/.test(n)) return 'agvStates';
  if (/prb/.test(n)) return 'prb';
  if (/latenc|delay|p50|p9\d/.test(n)) return 'latency';
  if (/throughput|parts?_per|output/.test(n)) return 'throughput';
  if (/wip|work.?in.?progress/.test(n)) return 'wip';
  return 'other';
}

/** The unit in a series name such as 'latency_p99_ms/urllc' or 'prb_util' (best effort). */
export function seriesUnit(name: string): string {
  const n = name.toLowerCase();
  if (/_ms\b|_ms\/|ms$/.test(n)) return 'ms';
  if (/per_h/.test(n)) return '/h';
  if (/util|ratio|frac/.test(n)) return '';
  return '';
}

/** Notable event kinds, from the recording's event kind names. */
export function notableKind(eventKind: string): NotableKind | undefined {
  const k = eventKind.toLowerCase();
  if (/resume|clear|repair|end/.test(k)) return undefined;
  if (/safety|e-?stop|emergency/.test(k)) return 'safetyStop';
  if (/fail|breakdown|fault|down/.test(k)) return 'failure';
  if (/handover|hand-over|ho\b/.test(k)) return 'handover';
  return undefined;
}
