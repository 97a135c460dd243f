import type { NotableEvent, RunModel } from '../../data/run-model';

/** One stop of the demo tour: what to show, where to look, and what to say (a message key and its values). */
export interface TourStop {
  kind: 'bottleneck' | 'target' | 'failure' | 'safetyStops' | 'coverageHole';
  /** Simulated time the stop is about (the clock slows down here); undefined: shown at the start. */
  atMs?: number;
  /** The entity the camera goes to and the panel selects. */
  path?: string;
  /** Values for the caption (times are clock times, never milliseconds or record counts). */
  vars: Record<string, string | number>;
}

/** Events closer than this in simulated time are told as one stop ("5 safety stops within 2 min"). */
export const CLUSTER_MS = 3 * 60_000;
/** At most this many event stops per kind, spread over the run. */
const MAX_PER_KIND = 6;

export interface TourOptions {
  /** Formats a simulated time as a clock time ("1:05:30"). */
  clock(ms: number): string;
  /** Formats a duration ("25 min"). */
  duration(ms: number): string;
  /** A traffic class in the UI language. */
  className(trafficClass: string): string;
}

const idOf = (path: string) => path.slice(path.lastIndexOf('/') + 1);
const pct = (share: number) =>
  `${(100 * share).toFixed(share > 0.999 && share < 1 ? 4 : 1).replace(/\.?0+$/, '')} %`;

/** Groups events of one kind into bursts: a burst ends where the next event is more than CLUSTER_MS later. */
export function clusters(events: readonly NotableEvent[]): NotableEvent[][] {
  const out: NotableEvent[][] = [];
  for (const e of events) {
    const last = out.at(-1);
    if (last && e.tMs - last[last.length - 1].tMs <= CLUSTER_MS) last.push(e);
    else out.push([e]);
  }
  return out;
}

/** `n` items spread evenly over a list (all when it has no more). */
function spread<T>(list: readonly T[], n: number): T[] {
  if (list.length <= n) return [...list];
  return Array.from({ length: n }, (_, i) => list[Math.round((i * (list.length - 1)) / (n - 1))]);
}

/**
 * The demo tour of a run, driven by what matters: the bottleneck machine, the traffic class furthest below
 * its on-time target, then in time order the failures, bursts of AGV safety stops and of links lost too
 * long (coverage holes). Handovers are never a stop (there are hundreds): the captions count them.
 */
export function planTour(run: RunModel, o: TourOptions): TourStop[] {
  const stops: TourStop[] = [];
  const from = run.info.warmUpEndMs ?? run.startMs;
  const { kpis } = run.kpis();

  // The bottleneck: the busiest machine after the warm-up.
  let best: { id: string; u: number } | undefined;
  for (const [k, v] of Object.entries(kpis)) {
    const m = /^machine\.(.+)\.utilization$/.exec(k);
    if (m && Number.isFinite(v) && (best === undefined || v > best.u)) best = { id: m[1], u: v };
  }
  if (best) {
    const id = best.id;
    const i = run.layout.machines.findIndex((x) => x.id === id);
    const path = i >= 0 ? run.pathOf('machine', i) : undefined;
    stops.push({
      kind: 'bottleneck',
      ...(path ? { path } : {}),
      vars: { machine: best.id, share: pct(best.u) },
    });
  }

  // The traffic class furthest below its target (mean of its on-time samples after the warm-up).
  let worst: { cls: string; share: number; target: number } | undefined;
  for (const s of run.series) {
    if (s.group !== 'onTime') continue;
    const cls = s.key.slice(s.key.indexOf('/') + 1);
    const target = run.info.onTimeTargets[cls];
    let sum = 0;
    let n = 0;
    for (let i = 0; i < s.tMs.length; i++)
      if (s.tMs[i] >= from && Number.isFinite(s.values[i])) {
        sum += s.values[i];
        n++;
      }
    if (target === undefined || n === 0) continue;
    const share = sum / n;
    if (share < target && (worst === undefined || target - share > worst.target - worst.share))
      worst = { cls, share, target };
  }
  if (worst)
    stops.push({
      kind: 'target',
      vars: { class: o.className(worst.cls), share: pct(worst.share), target: pct(worst.target) },
    });

  const after = run.notable.filter((n) => n.tMs >= from);
  const timed: TourStop[] = [];
  for (const f of spread(
    after.filter((n) => n.kind === 'failure'),
    MAX_PER_KIND,
  )) {
    const down = run.stateHistory(f.path, 10_000).find((s) => s.state === 'down' && s.fromMs >= f.tMs - 1);
    const repaired = down !== undefined && down.toMs < run.endMs;
    timed.push({
      kind: 'failure',
      atMs: f.tMs,
      path: f.path,
      vars: {
        time: o.clock(f.tMs),
        machine: idOf(f.path),
        ...(repaired ? { duration: o.duration(down.toMs - down.fromMs) } : {}),
      },
    });
  }
  for (const [kind, stop] of [
    ['safetyStop', 'safetyStops'],
    ['linkLoss', 'coverageHole'],
  ] as const) {
    for (const c of spread(clusters(after.filter((n) => n.kind === kind)), MAX_PER_KIND)) {
      const first = c[0];
      const span = c[c.length - 1].tMs - first.tMs;
      timed.push({
        kind: stop,
        atMs: first.tMs,
        path: first.path,
        vars: {
          time: o.clock(first.tMs),
          count: c.length,
          agv: idOf(first.path),
          device: idOf(first.path),
          duration: o.duration(Math.max(60_000, span)),
        },
      });
    }
  }
  timed.sort((a, b) => (a.atMs ?? 0) - (b.atMs ?? 0));
  return [...stops, ...timed];
}

/** Handovers up to a time (for the captions between stops). */
export function handoversUntil(run: RunModel, tMs: number): number {
  let n = 0;
  for (const e of run.notable) {
    if (e.tMs > tMs) break;
    if (e.kind === 'handover') n++;
  }
  return n;
}
