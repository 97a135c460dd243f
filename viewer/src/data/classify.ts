import { type EventKind, RECORDED_SERIES } from '@factory-twin/sim-core';
import type { NotableKind, SeriesView } from './run-model';

/** Which KPI chart a recorded series belongs on, from its name. */
export function seriesGroup(name: string): SeriesView['group'] {
  const n = name.toLowerCase();
  if (n.startsWith('ontime/')) return 'onTime';
  if (/agv/.test(n)) return 'agvStates';
  if (/prb/.test(n)) return 'prb';
  if (/latenc|delay|p50|p9\d/.test(n)) return 'latency';
  if (/throughput|parts?_per|output/.test(n)) return 'throughput';
  if (/wip|work.?in.?progress/.test(n)) return 'wip';
  return 'other';
}

/** Label and unit of a recorded series: sim-core's metadata (RECORDED_SERIES), else its name. */
export function seriesMeta(name: string): { label: string; unit: string } {
  const meta = RECORDED_SERIES.lookup(name);
  return meta === undefined
    ? { label: name, unit: seriesUnit(name) }
    : { label: meta.label, unit: meta.unit };
}

/** The unit in a series name such as 'latency_p99_ms/urllc' (best effort, for series sim-core does not name). */
export function seriesUnit(name: string): string {
  const n = name.toLowerCase();
  if (/_ms\b|_ms\/|ms$/.test(n)) return 'ms';
  if (/per_h/.test(n)) return '/h';
  return '';
}

/** The timeline's notable events, by sim-core's event kinds (twin/vocabulary.ts); the others are not. */
const NOTABLE = new Map<string, NotableKind>([
  ['failure', 'failure'],
  ['safetyStop', 'safetyStop'],
  ['handover', 'handover'],
  // A device's stream past its survival time: a coverage hole or an overloaded cell.
  ['survivalTimeExceeded', 'linkLoss'],
] satisfies [EventKind, NotableKind][]);

/** Notable event kinds, from the recording's event kind names. */
export function notableKind(eventKind: string): NotableKind | undefined {
  return NOTABLE.get(eventKind);
}
