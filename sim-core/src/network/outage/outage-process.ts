import type { RandomStream } from '../../engine/random';
import type { SimAction } from '../../engine/sim-action';
import type { Simulation } from '../../engine/simulation';

/** Where the up and down periods of an outage process come from. */
export interface OutagePeriods {
  /** Length of the next up period, ms. */
  nextUpMs(): number;
  /** Length of the next outage, ms. */
  nextDownMs(): number;
}

/** Mean time between failures and mean time to repair of one outage process, ms. */
export interface OutageTimes {
  mtbfMs: number;
  mttrMs: number;
}

/**
 * MTBF from a steady-state availability A and the mean outage length: A = MTBF / (MTBF + MTTR), so
 * MTBF = MTTR·A/(1−A) (the alternating renewal process; e.g. Birolini, "Reliability Engineering", §6.2).
 */
export function timesFromAvailability(availabilityPct: number, meanOutageMs: number): OutageTimes {
  const a = availabilityPct / 100;
  if (!(a > 0 && a < 1)) throw new RangeError(`availabilityPct must be in (0, 100), got ${availabilityPct}`);
  if (!(meanOutageMs > 0)) throw new RangeError(`meanOutageMs must be > 0, got ${meanOutageMs}`);
  return { mtbfMs: (meanOutageMs * a) / (1 - a), mttrMs: meanOutageMs };
}

/**
 * Exponential up times (mean MTBF: failures without memory, a constant failure rate) and exponential
 * down times (mean MTTR). The exponential repair time is an assumption: it gives the long tail of
 * outages seen in operator incident reports; the steady-state availability depends on the means only.
 */
export function exponentialPeriods(rng: RandomStream, times: OutageTimes): OutagePeriods {
  if (!(times.mtbfMs > 0) || !(times.mttrMs > 0))
    throw new RangeError(`mtbfMs and mttrMs must be > 0, got ${times.mtbfMs} and ${times.mttrMs}`);
  const exp = (meanMs: number) => -Math.log(1 - rng.next()) * meanMs;
  return { nextUpMs: () => exp(times.mtbfMs), nextDownMs: () => exp(times.mttrMs) };
}

/** A fixed list of outages [startMs, endMs), in order, for tests and what-if runs. */
export function scriptedPeriods(outages: readonly { startMs: number; endMs: number }[]): OutagePeriods {
  let i = 0;
  let lastEndMs = 0;
  return {
    nextUpMs() {
      const o = outages[i];
      if (o === undefined) return Number.POSITIVE_INFINITY;
      if (!(o.startMs >= lastEndMs && o.endMs > o.startMs))
        throw new RangeError(
          `outage ${i}: expected ${lastEndMs} <= startMs < endMs, got ${o.startMs}..${o.endMs}`,
        );
      return o.startMs - lastEndMs;
    },
    nextDownMs() {
      const o = outages[i++]!; // nextUpMs found it (or returned Infinity, and this is never called)
      lastEndMs = o.endMs;
      return o.endMs - o.startMs;
    },
  };
}

export interface OutageStats {
  /** Outages that started in the statistics window. */
  count: number;
  /** Share of the statistics window spent in an outage. */
  downShare: number;
  /** Mean length of the outages that ended in the window, ms (NaN when none ended). */
  meanOutageMs: number;
}

export type OutageListener = (down: boolean, timeMs: number) => void;

/**
 * An alternating up/down process on the simulation: the periods are drawn lazily, one at a time, and the
 * process schedules exactly one event per boundary (outage start, outage end). Listeners hear every
 * boundary in the order they subscribed. It schedules nothing at or after `untilMs`, so a run that goes
 * until nothing is pending still ends.
 */
export class OutageProcess {
  private down = false;
  private readonly boundary: SimAction<undefined>;
  private readonly listeners = new Set<OutageListener>();
  /** Outage intervals so far, [startMs, endMs), endMs NaN for an ongoing one. */
  private readonly log: [number, number][] = [];
  private started = 0;
  private statsFromMs = 0;

  constructor(
    readonly sim: Simulation,
    private readonly periods: OutagePeriods,
    private readonly untilMs = Number.POSITIVE_INFINITY,
    label = 'outage',
  ) {
    this.boundary = sim.action(() => this.flip(), { label: `${label} boundary` });
    this.scheduleIn(periods.nextUpMs());
  }

  /** Whether an outage holds now. */
  isDown(): boolean {
    return this.down;
  }

  /** Outages started so far (since the start of the run, not reset by resetStats). */
  get startedCount(): number {
    return this.started;
  }

  /** Hears every boundary; returns the unsubscribe. */
  subscribe(listener: OutageListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Time in an outage within [fromMs, toMs), ms (an ongoing outage counts up to now). */
  downMsWithin(fromMs: number, toMs: number): number {
    const now = this.sim.now();
    let sum = 0;
    for (let i = this.log.length - 1; i >= 0; i--) {
      const [s, e0] = this.log[i]!;
      const e = Number.isNaN(e0) ? now : e0;
      if (e <= fromMs) break;
      sum += Math.max(0, Math.min(e, toMs) - Math.max(s, fromMs));
    }
    return sum;
  }

  /** Whether some outage time lies at or after `fromMs` (an ongoing outage counts). */
  downSince(fromMs: number): boolean {
    const last = this.log[this.log.length - 1];
    return last !== undefined && (Number.isNaN(last[1]) || last[1] > fromMs);
  }

  resetStats(atMs: number): void {
    this.statsFromMs = atMs;
  }

  stats(endMs: number): OutageStats {
    const from = this.statsFromMs;
    let count = 0;
    let ended = 0;
    let endedMs = 0;
    for (const [s, e] of this.log) {
      if (s >= from && s < endMs) count++;
      if (!Number.isNaN(e) && e > from && e <= endMs) {
        ended++;
        endedMs += e - s;
      }
    }
    const windowMs = endMs - from;
    return {
      count,
      downShare: windowMs > 0 ? this.downMsWithin(from, endMs) / windowMs : 0,
      meanOutageMs: ended > 0 ? endedMs / ended : Number.NaN,
    };
  }

  private scheduleIn(delayMs: number): void {
    if (this.sim.now() + delayMs < this.untilMs) this.boundary.schedule(undefined, delayMs);
  }

  private flip(): void {
    const now = this.sim.now();
    this.down = !this.down;
    if (this.down) {
      this.started++;
      this.log.push([now, Number.NaN]);
      this.scheduleIn(this.periods.nextDownMs());
    } else {
      this.log[this.log.length - 1]![1] = now;
      this.scheduleIn(this.periods.nextUpMs());
    }
    for (const l of this.listeners) l(this.down, now);
  }
}
