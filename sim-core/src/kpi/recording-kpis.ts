// The run's KPIs that a recording holds enough to recompute, by the same definitions as the run's summary.

import { fleetTimeShares } from '../factory/agv/fleet';
import { AGV_STATES, type AgvState } from '../factory/agv/state-clock';
import { machineTimeKpis } from '../factory/machine-time-kpis';
import { MACHINE_STATES } from '../factory/probes';
import type { Recording } from '../record/recording';

/** The statistics window of a recording: the run's, after the warm-up. */
export interface RecordingWindow {
  /** End of the warm-up (the recording's `warmUpEnd` event), else the recording's start. */
  fromMs: number;
  toMs: number;
  /** True when the window starts at a recorded `warmUpEnd` event. */
  afterWarmUp: boolean;
}

export interface RecordingKpis {
  window: RecordingWindow;
  /** Flat KPI names (KPIS registry) → values over the window, as `flattenKpis` names them. */
  kpis: Record<string, number>;
  /** Notable events by kind over the whole recording (the summary's `eventCounts`). */
  eventCounts: Record<string, number>;
}

/** The series the recorder samples as parts completed per hour over the interval ending at each sample. */
const THROUGHPUT_SERIES = 'throughput_parts_per_h';

/** The recording's statistics window: from its `warmUpEnd` event (the model's warm-up reset) to its end. */
export function recordingWindow(rec: Recording): RecordingWindow {
  const kind = rec.header.eventKinds.indexOf('warmUpEnd');
  const times = kind >= 0 ? rec.eventTimes(kind) : new Float64Array(0);
  const [startMs, endMs] = rec.timeRangeMs;
  return times.length > 0
    ? { fromMs: times[0]!, toMs: endMs, afterWarmUp: true }
    : { fromMs: startMs, toMs: endMs, afterWarmUp: false };
}

/**
 * KPIs recomputed from a recording over the window after the warm-up, with the model's own definitions:
 * throughput (`throughputPerHour`: parts completed in the window per hour), machine utilisation,
 * availability and time shares per state (`machineTimeKpis`), and the AGV fleet's time shares
 * (`fleetTimeShares`). On a complete recording they equal the run summary's values of the same names
 * (a test checks); a damaged recording gives what its readable part holds.
 */
export function recordingKpis(rec: Recording, window: RecordingWindow = recordingWindow(rec)): RecordingKpis {
  const { fromMs, toMs } = window;
  const windowMs = toMs - fromMs;
  const kpis: Record<string, number> = {};
  const throughput = rec.header.series.indexOf(THROUGHPUT_SERIES);
  if (throughput >= 0 && windowMs > 0) kpis.throughputPerHour = windowRate(rec, throughput, fromMs, toMs);

  const times = stateTimes(rec, fromMs, toMs);
  const machineNames = rec.header.stateNames.machine ?? [];
  const agvNames = rec.header.stateNames.agv ?? [];
  const agvVehicles: { timeInStateMs: Record<AgvState, number> }[] = [];
  rec.entities.forEach((e, row) => {
    const id = e.path.slice(e.path.lastIndexOf('/') + 1);
    if (e.kind === 'machine' && windowMs > 0) {
      const ms = byName(MACHINE_STATES, machineNames, times[row]);
      const m = machineTimeKpis(ms, windowMs);
      kpis[`machine.${id}.utilization`] = m.utilization;
      kpis[`machine.${id}.availability`] = m.availability;
      for (const s of MACHINE_STATES) kpis[`machine.${id}.time.${s}`] = ms[s] / windowMs;
    } else if (e.kind === 'agv') {
      agvVehicles.push({ timeInStateMs: byName(AGV_STATES, agvNames, times[row]) });
    }
  });
  if (agvVehicles.length > 0) {
    const shares = fleetTimeShares({ fromMs, toMs, vehicles: agvVehicles });
    for (const s of AGV_STATES) kpis[`agv.share.${s}`] = shares[s];
    kpis['agv.utilization'] = 1 - shares.idle;
    kpis['agv.safetyStopShare'] = shares.stopped;
  }

  const eventCounts: Record<string, number> = {};
  const kinds = rec.header.eventKinds;
  kinds.forEach((k, i) => {
    const n = rec.eventTimes(i).length;
    if (n > 0) eventCounts[k] = n;
  });
  return { window, kpis, eventCounts };
}

/**
 * Mean rate over (fromMs, toMs] of a series whose samples are rates over the interval ending at each
 * sample (the recorder's throughput: parts completed since the previous sample, per hour). Exact when
 * fromMs falls on a sample time; otherwise the straddling interval counts in proportion to its overlap.
 */
function windowRate(rec: Recording, series: number, fromMs: number, toMs: number): number {
  const { timesMs, values } = rec.series(series);
  let sum = 0;
  let prev = rec.timeRangeMs[0];
  for (let i = 0; i < timesMs.length; i++) {
    const t = timesMs[i]!;
    const a = Math.max(prev, fromMs);
    const b = Math.min(t, toMs);
    if (b > a) sum += values[i]! * (b - a);
    prev = t;
  }
  return sum / (toMs - fromMs);
}

/** Per entity: ms spent in each state code within (fromMs, toMs], from the STATE records. */
function stateTimes(rec: Recording, fromMs: number, toMs: number): Map<number, number>[] {
  const n = rec.entities.length;
  const code = new Int32Array(n).fill(-1);
  const since = new Float64Array(n);
  const out: Map<number, number>[] = Array.from({ length: n }, () => new Map());
  const add = (row: number, until: number) => {
    const c = code[row]!; // row < n: the arrays are sized by the entity count
    if (c < 0) return;
    const d = Math.min(until, toMs) - Math.max(since[row]!, fromMs);
    if (d > 0) out[row]!.set(c, (out[row]!.get(c) ?? 0) + d);
  };
  for (const r of rec.records(Number.NEGATIVE_INFINITY, toMs)) {
    if (r.type !== 'state') continue;
    add(r.entity, r.timeMs);
    code[r.entity] = r.code;
    since[r.entity] = r.timeMs;
  }
  for (let row = 0; row < n; row++) add(row, toMs);
  return out;
}

/** Time per state name (every name of `states`, zero when absent) from time per recorded state code. */
function byName<S extends string>(
  states: readonly S[],
  codeNames: readonly string[],
  times: Map<number, number> | undefined,
): Record<S, number> {
  const out = Object.fromEntries(states.map((s) => [s, 0])) as Record<S, number>;
  for (const [code, ms] of times ?? []) {
    const name = codeNames[code] as S | undefined;
    if (name !== undefined && name in out) out[name] += ms;
  }
  return out;
}
