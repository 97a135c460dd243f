// The TS 22.104 survival-time watchdog of one stream, fed with the fate of each packet ahead of time: it costs
// events only around failures (a valid packet arriving before the current failure time is folded in at once).
// Shared by the packet-mode 5G streams (stream.ts) and the Wi-Fi streams (network/README.md, "Streams and
// survival time").
import type { StreamListener } from '../control/seam';
import type { SimAction } from '../engine/sim-action';
import type { Simulation } from '../engine/simulation';

/**
 * Packet k of an activation is sent at send(k); the receiver fails at send(k+1) + deadline + survival, k the last valid packet, unless a valid one arrives first; it recovers at the arrival of the
 * first valid packet after a failure.
 */
export class SurvivalWatchdog {
  failed = false;
  failures = 0;
  private active = false;
  private epoch = 0;
  private deadline = Number.POSITIVE_INFINITY;
  /** Valid packets not yet arrived that arrive after the current failure time: arrival and extension. */
  private readonly pendingArrivalMs: number[] = [];
  private readonly pendingDeadlineMs: number[] = [];
  private action: SimAction<undefined> | null = null;
  private watchAtMs = Number.NaN;

  constructor(
    private readonly sim: Simulation,
    private readonly label: string,
    private readonly survivalMs: number,
    private readonly deadlineMs: number,
    private readonly listener: StreamListener | undefined,
    private readonly onChange: (failed: boolean, timeMs: number) => void,
  ) {}

  /** A new activation whose first packet is sent at `firstSendMs`. */
  start(firstSendMs: number): void {
    this.stop();
    this.active = true;
    this.deadline = firstSendMs + this.deadlineMs + this.survivalMs;
    this.schedule();
  }

  stop(): void {
    this.active = false;
    this.epoch++;
    this.failed = false;
    this.pendingArrivalMs.length = 0;
    this.pendingDeadlineMs.length = 0;
    this.action?.cancel();
    this.watchAtMs = Number.NaN;
  }

  /** A packet decided valid arrives at `arrivalMs`; the next one is sent at `nextSendMs`. */
  valid(arrivalMs: number, nextSendMs: number): void {
    if (!this.active || this.survivalMs === Number.POSITIVE_INFINITY) return;
    const extendsTo = nextSendMs + this.deadlineMs + this.survivalMs;
    if (!this.failed && arrivalMs <= this.deadline) {
      // It arrives before the current deadline, and deadlines only move later, so no failure can come
      // first: fold it in now (and any waiting packet this makes safe the same way).
      if (extendsTo > this.deadline) this.deadline = extendsTo;
      this.commitArrived();
    } else {
      let i = this.pendingArrivalMs.length;
      this.pendingArrivalMs.push(arrivalMs);
      this.pendingDeadlineMs.push(extendsTo);
      while (i > 0 && this.pendingArrivalMs[i - 1]! > arrivalMs) {
        this.pendingArrivalMs[i] = this.pendingArrivalMs[i - 1]!;
        this.pendingDeadlineMs[i] = this.pendingDeadlineMs[i - 1]!;
        i--;
      }
      this.pendingArrivalMs[i] = arrivalMs;
      this.pendingDeadlineMs[i] = extendsTo;
    }
    this.schedule();
  }

  /** Folds waiting valid packets that now arrive before the deadline into it (same argument as above). */
  private commitArrived(): void {
    const arrivals = this.pendingArrivalMs;
    if (arrivals.length === 0) return;
    const deadlines = this.pendingDeadlineMs;
    let n = 0;
    while (n < arrivals.length && arrivals[n]! <= this.deadline) {
      if (deadlines[n]! > this.deadline) this.deadline = deadlines[n]!;
      n++;
    }
    if (n > 0) {
      // In place (no splice garbage: this runs per valid packet in packet mode).
      const rest = arrivals.length - n;
      for (let i = 0; i < rest; i++) {
        arrivals[i] = arrivals[i + n]!;
        deadlines[i] = deadlines[i + n]!;
      }
      arrivals.length = rest;
      deadlines.length = rest;
    }
  }

  /** Next instant the watchdog must look: a failure if nothing valid arrives first, or a recovery. */
  private nextWatchMs(): number {
    if (!this.active || this.survivalMs === Number.POSITIVE_INFINITY) return Number.POSITIVE_INFINITY;
    if (this.failed)
      return this.pendingArrivalMs.length > 0 ? this.pendingArrivalMs[0]! : Number.POSITIVE_INFINITY;
    let failAt = this.deadline;
    for (let i = 0; i < this.pendingArrivalMs.length; i++) {
      if (this.pendingArrivalMs[i]! > failAt) break;
      if (this.pendingDeadlineMs[i]! > failAt) failAt = this.pendingDeadlineMs[i]!;
    }
    return failAt;
  }

  private schedule(): void {
    const at = this.nextWatchMs();
    if (at === this.watchAtMs) return;
    if (at === Number.POSITIVE_INFINITY) {
      this.action?.cancel();
      this.watchAtMs = Number.NaN;
      return;
    }
    this.action ??= this.sim.action(() => this.watch(), { label: this.label });
    this.watchAtMs = at;
    this.action.schedule(undefined, Math.max(0, at - this.sim.now()));
  }

  private watch(): void {
    this.watchAtMs = Number.NaN;
    const nowMs = this.sim.now();
    const now = nowMs + 1e-9;
    const epoch = this.epoch;
    for (;;) {
      const nextArrival =
        this.pendingArrivalMs.length > 0 ? this.pendingArrivalMs[0]! : Number.POSITIVE_INFINITY;
      if (!this.failed && this.deadline < nextArrival && this.deadline <= now) {
        this.failed = true;
        this.failures++;
        this.onChange(true, nowMs);
        this.listener?.onSurvivalTimeExceeded?.(nowMs);
        if (this.epoch !== epoch) return; // the listener paused the stream
        continue;
      }
      if (nextArrival <= now) {
        const extendsTo = this.pendingDeadlineMs[0]!;
        this.pendingArrivalMs.shift();
        this.pendingDeadlineMs.shift();
        if (extendsTo > this.deadline) this.deadline = extendsTo;
        if (this.failed) {
          this.failed = false;
          this.onChange(false, nowMs);
          this.listener?.onRecovered?.(nowMs);
          if (this.epoch !== epoch) return;
        }
        continue;
      }
      break;
    }
    this.schedule();
  }
}
