import { mser } from '../kpi/mser';
import { upwardTrend } from '../kpi/trend';
import type { Factory } from './build-factory';

/**
 * A cheap batched time series of a factory run for steady-state checks: per interval, the parts
 * completed, the time-average WIP, and each queue's level (buffers, source backlog) at the interval's
 * end. The caller samples between `sim.run({ untilMs })` calls, so nothing is scheduled on the simulation
 * and recordings do not change.
 */
export class SteadyStateSeries {
  readonly completions: number[] = [];
  readonly wip: number[] = [];
  readonly queues = new Map<string, number[]>();
  private lastMs = 0;
  private lastCompleted = 0;
  private lastWipIntegral = 0;

  constructor(private readonly factory: Factory) {}

  /** Closes the interval ending at `atMs` (the simulation's clock must be there). */
  sample(atMs: number): void {
    const span = atMs - this.lastMs;
    if (!(span > 0)) return;
    const completed = this.factory.partCounts().completed;
    const integral = this.factory.wipIntegral(atMs);
    this.completions.push(completed - this.lastCompleted);
    this.wip.push((integral - this.lastWipIntegral) / span);
    const levels: [string, number][] = this.factory.snapshot().buffers.map((b) => [b.id, b.level]);
    levels.push(['source backlog', this.factory.sourceBacklog()]);
    for (const [id, level] of levels) {
      let list = this.queues.get(id);
      if (list === undefined) {
        list = new Array<number>(this.wip.length - 1).fill(0);
        this.queues.set(id, list);
      }
      list.push(level);
    }
    this.lastMs = atMs;
    this.lastCompleted = completed;
    this.lastWipIntegral = integral;
  }

  /** Interval ends sampled so far. */
  get length(): number {
    return this.wip.length;
  }
}

export interface GrowingQueue {
  /** Buffer id, 'source backlog', or 'WIP' (the whole plant). */
  id: string;
  /** Fitted growth over the measured window, parts. */
  rise: number;
  /** Mean level over the window, parts. */
  mean: number;
}

export interface SteadyStateReport {
  intervalMs: number;
  /** MSER-5 truncation point over WIP and completions (the later of the two), ms. */
  detectedWarmupMs: number;
  /** False when MSER's minimum sits at half the run: no steady state found (too short or overloaded). */
  warmupFound: boolean;
  /** No upward trend in WIP or any queue after the warm-up. */
  stable: boolean;
  /** Queues with an upward trend, the fastest growing first. */
  growing: GrowingQueue[];
  /** The machine with the highest utilisation (null without machines). */
  bottleneck: { machineId: string; utilization: number } | null;
}

/** Assumption: a queue growing by fewer than 3 parts over the measured window is noise, not overload. */
const TREND = { alpha: 0.005, minRise: 3 };

/**
 * MSER-5 warm-up on the WIP and throughput series, then an upward-trend test (upwardTrend) on WIP and every
 * queue over the window after the warm-up: a growing queue means the plant is overloaded and its KPIs depend
 * on the run length. `utilization` (machine id → busy share) names the bottleneck.
 */
export function analyzeSteadyState(
  series: Pick<SteadyStateSeries, 'completions' | 'wip' | 'queues'>,
  intervalMs: number,
  utilization: Record<string, number>,
): SteadyStateReport {
  const byWip = mser(series.wip);
  const byThroughput = mser(series.completions);
  const truncate = Math.max(byWip.truncate, byThroughput.truncate);
  const warmupFound = !byWip.atLimit && !byThroughput.atLimit;
  const from = warmupFound ? truncate : Math.floor(series.wip.length / 2);
  const growing: GrowingQueue[] = [];
  const check = (id: string, values: readonly number[]) => {
    const t = upwardTrend(values.slice(from), TREND);
    if (t.growing) growing.push({ id, rise: t.rise, mean: t.mean });
  };
  check('WIP', series.wip);
  for (const [id, values] of series.queues) check(id, values);
  growing.sort((a, b) => b.rise - a.rise || a.id.localeCompare(b.id));
  let bottleneck: SteadyStateReport['bottleneck'] = null;
  for (const [machineId, u] of Object.entries(utilization)) {
    if (Number.isFinite(u) && (bottleneck === null || u > bottleneck.utilization))
      bottleneck = { machineId, utilization: u };
  }
  return {
    intervalMs,
    detectedWarmupMs: truncate * intervalMs,
    warmupFound,
    stable: growing.length === 0,
    growing,
    bottleneck,
  };
}

/**
 * Below this utilisation the busiest machine is not what holds the queue back (ASSUMPTION: a machine that
 * idles half its time is starved, not saturated): the warning then points at transport and the network.
 */
const STARVED_UTILIZATION = 0.5;

/** The warning's bottleneck clause: the busiest machine, or where to look when even it is starved. */
export function bottleneckClause(machineId: string, utilization: number, utilizationText: string): string {
  return utilization < STARVED_UTILIZATION
    ? `no machine is the bottleneck (the busiest, ${machineId}, is ${utilizationText} % busy): parts wait for transport or the network (see the AGV time shares and on-time rates)`
    : `bottleneck: ${machineId} (utilisation ${utilizationText} %)`;
}

/** One line for summaries and reports: what is wrong and where, or null when stable. */
export function stabilityWarning(r: SteadyStateReport): string | null {
  if (r.stable) return null;
  const queue = r.growing.find((g) => g.id !== 'WIP') ?? r.growing[0];
  const wip = r.growing.find((g) => g.id === 'WIP');
  const parts = [
    'not in steady state: queues keep growing (the plant is overloaded, or still filling up), so results depend on the run length',
    wip === undefined ? null : `WIP rises by ${wip.rise.toFixed(0)} parts over the measured window`,
    queue === undefined || queue.id === 'WIP'
      ? null
      : `longest growing queue: ${queue.id} (+${queue.rise.toFixed(0)} parts)`,
    r.bottleneck === null
      ? null
      : bottleneckClause(
          r.bottleneck.machineId,
          r.bottleneck.utilization,
          (r.bottleneck.utilization * 100).toFixed(1),
        ),
  ];
  return parts.filter((p) => p !== null).join('; ');
}

/** Every steady-state warning of a run: no warm-up end found, and the stability warning. */
export function steadyStateWarnings(r: SteadyStateReport): string[] {
  const out: string[] = [];
  if (!r.warmupFound)
    out.push(
      'no steady state found (MSER-5 truncates half the run): the run is too short or the plant never settles; try more --hours (KPIs are measured after the configured warm-up and are biased)',
    );
  const s = stabilityWarning(r);
  if (s !== null) out.push(s);
  return out;
}
