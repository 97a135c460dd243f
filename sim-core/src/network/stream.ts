// A stream (motion control, telemetry, video frames; periodic unless its traffic source says otherwise) and its
// TS 22.104 survival-time watchdog.
import type { StreamHandle, StreamListener, StreamSpec } from '../control/seam';
import type { SimAction } from '../engine/sim-action';
import type { Simulation } from '../engine/simulation';
import type { DeviceState } from './device';
import type { Packet } from './packet';
import type { TrafficSource } from './traffic/traffic-source';

/**
 * Packets of a stream are generated in batches covering this much time (and at least
 * STREAM_BATCH_MIN_PACKETS packets), one event per batch, and queued ahead of their send time (they only
 * become eligible at it). Pausing cancels the ones not yet sent.
 */
export const STREAM_BATCH_MS = 1000;
/** Slow streams (telemetry every second) batch at least this many packets, so they cost few events. */
export const STREAM_BATCH_MIN_PACKETS = 8;

export interface StreamHost {
  readonly sim: Simulation;
  /** Creates and routes packet `index` of the stream's current activation. */
  emit(stream: StreamState, index: number): Packet;
  /** The stream was closed. */
  closed(stream: StreamState): void;
  /** The receiver entered (failed = true) or left a survival-time failure at `timeMs`. */
  survivalChanged(stream: StreamState, failed: boolean, timeMs: number): void;
}

export class StreamStats {
  sent = 0;
  delivered = 0;
  onTime = 0;
  late = 0;
  lost = 0;
  survivalFailures = 0;

  reset(): void {
    this.sent = 0;
    this.delivered = 0;
    this.onTime = 0;
    this.late = 0;
    this.lost = 0;
    this.survivalFailures = 0;
  }
}

export class StreamState implements StreamHandle {
  readonly intervalMs: number;
  readonly deadlineMs: number;
  readonly survivalMs: number;
  active = false;
  closedFlag = false;
  /** Bumped at every activation: packets of an earlier activation do not feed the watchdog. */
  epoch = 0;
  /** Send time of packet 0 of the current activation. */
  firstSendMs = 0;
  private nextIndex = 0;
  private generator: SimAction<undefined>;
  /** Packets of the current batch (by index), to cancel the unsent ones on pause (first `batchCount`). */
  private readonly batch: Packet[] = [];
  private readonly batchIndex: number[] = [];
  private batchCount = 0;

  // Survival watchdog (times in ms). `deadline`: failure time given the valid packets arrived so far.
  failed = false;
  private deadline = Number.POSITIVE_INFINITY;
  /** Valid packets decided but not yet arrived: arrival time and the deadline they extend to. */
  private readonly pendingArrivalMs: number[] = [];
  private readonly pendingDeadlineMs: number[] = [];
  private watchdog: SimAction<undefined> | null = null;
  private watchAtMs = Number.NaN;

  constructor(
    private readonly host: StreamHost,
    readonly spec: StreamSpec,
    readonly listener: StreamListener | undefined,
    readonly classIndex: number,
    readonly src: DeviceState | null,
    readonly dst: DeviceState | null,
    /** Offset of the first packet after an activation, within one interval. */
    readonly phaseMs: number,
    /** Shared by every stream opened under the same id. */
    readonly stats: StreamStats,
    /** When packets are sent (traffic/). */
    private readonly source: TrafficSource,
  ) {
    if (!(spec.intervalMs > 0)) throw new RangeError(`stream ${spec.id}: intervalMs must be > 0`);
    this.intervalMs = spec.intervalMs;
    this.deadlineMs = spec.deadlineMs ?? spec.intervalMs;
    this.survivalMs = spec.survivalTimeMs ?? Number.POSITIVE_INFINITY;
    this.generator = host.sim.action(() => this.generate(), { label: `stream ${spec.id}` });
  }

  setActive(active: boolean): void {
    if (this.closedFlag || active === this.active) return;
    this.active = active;
    if (active) this.start();
    else this.stop();
  }

  close(): void {
    if (this.closedFlag) return;
    if (this.active) this.stop();
    this.active = false;
    this.closedFlag = true;
    this.generator.unsubscribe();
    this.host.closed(this);
  }

  sendTimeMs(index: number): number {
    return this.firstSendMs + this.source.offsetMs(index);
  }

  private start(): void {
    const now = this.host.sim.now();
    this.epoch++;
    this.nextIndex = 0;
    this.source.restart?.();
    this.firstSendMs = now + this.phaseMs;
    this.failed = false;
    this.pendingArrivalMs.length = 0;
    this.pendingDeadlineMs.length = 0;
    this.deadline = this.firstSendMs + this.deadlineMs + this.survivalMs;
    this.generator.schedule(undefined, this.phaseMs);
    this.scheduleWatch();
  }

  private stop(): void {
    const now = this.host.sim.now();
    for (let i = 0; i < this.batchCount; i++) {
      const p = this.batch[i];
      if (
        p.stream === this &&
        p.streamEpoch === this.epoch &&
        p.streamIndex === this.batchIndex[i] &&
        p.createdMs > now
      )
        p.cancelled = true;
    }
    this.batchCount = 0;
    this.epoch++;
    this.generator.unsubscribe();
    // unsubscribe closes a SimAction for good: take a fresh one for the next activation.
    this.generator = this.host.sim.action(() => this.generate(), {
      label: `stream ${this.spec.id}`,
    });
    this.cancelWatch();
    this.failed = false;
  }

  private generate(): void {
    const first = this.nextIndex;
    const endMs =
      this.sendTimeMs(first) + Math.max(STREAM_BATCH_MS, STREAM_BATCH_MIN_PACKETS * this.intervalMs);
    let n = 0;
    let i = first;
    do {
      const p = this.host.emit(this, i);
      this.stats.sent++;
      this.batch[n] = p;
      this.batchIndex[n] = i;
      n++;
      i++;
    } while (this.sendTimeMs(i) < endMs - 1e-9);
    this.batchCount = n;
    this.nextIndex = i;
    this.generator.schedule(undefined, this.sendTimeMs(i) - this.host.sim.now());
  }

  /** A packet of this activation was decided valid; it arrives at `arrivalMs`. */
  validPacket(index: number, arrivalMs: number): void {
    if (this.survivalMs === Number.POSITIVE_INFINITY || !this.active) return;
    const extendsTo = this.sendTimeMs(index + 1) + this.deadlineMs + this.survivalMs;
    if (!this.failed && arrivalMs <= this.deadline) {
      // It arrives before the current deadline, and deadlines only move later, so no failure can come
      // first: fold it in now (and any waiting packet this makes safe the same way).
      if (extendsTo > this.deadline) this.deadline = extendsTo;
      this.commitArrived();
      this.scheduleWatch();
      return;
    }
    let i = this.pendingArrivalMs.length;
    this.pendingArrivalMs.push(arrivalMs);
    this.pendingDeadlineMs.push(extendsTo);
    while (i > 0 && this.pendingArrivalMs[i - 1] > arrivalMs) {
      this.pendingArrivalMs[i] = this.pendingArrivalMs[i - 1];
      this.pendingDeadlineMs[i] = this.pendingDeadlineMs[i - 1];
      i--;
    }
    this.pendingArrivalMs[i] = arrivalMs;
    this.pendingDeadlineMs[i] = extendsTo;
    this.scheduleWatch();
  }

  /** Folds waiting valid packets that now arrive before the deadline into it (same argument as above). */
  private commitArrived(): void {
    const arrivals = this.pendingArrivalMs;
    if (arrivals.length === 0) return;
    const deadlines = this.pendingDeadlineMs;
    let n = 0;
    while (n < arrivals.length && arrivals[n] <= this.deadline) {
      if (deadlines[n] > this.deadline) this.deadline = deadlines[n];
      n++;
    }
    if (n > 0) {
      const rest = arrivals.length - n;
      for (let i = 0; i < rest; i++) {
        arrivals[i] = arrivals[i + n];
        deadlines[i] = deadlines[i + n];
      }
      arrivals.length = rest;
      deadlines.length = rest;
    }
  }

  /** Next instant the watchdog must look: a failure if nothing valid arrives first, or a recovery. */
  private nextWatchMs(): number {
    if (this.survivalMs === Number.POSITIVE_INFINITY) return Number.POSITIVE_INFINITY;
    if (this.failed)
      return this.pendingArrivalMs.length > 0 ? this.pendingArrivalMs[0] : Number.POSITIVE_INFINITY;
    let failAt = this.deadline;
    for (let i = 0; i < this.pendingArrivalMs.length; i++) {
      if (this.pendingArrivalMs[i] > failAt) break;
      if (this.pendingDeadlineMs[i] > failAt) failAt = this.pendingDeadlineMs[i];
    }
    return failAt;
  }

  private scheduleWatch(): void {
    const at = this.nextWatchMs();
    if (at === this.watchAtMs) return;
    if (at === Number.POSITIVE_INFINITY) {
      this.cancelWatch();
      return;
    }
    if (this.watchdog === null)
      this.watchdog = this.host.sim.action(() => this.watch(), { label: `stream ${this.spec.id} survival` });
    this.watchAtMs = at;
    this.watchdog.schedule(undefined, Math.max(0, at - this.host.sim.now()));
  }

  private cancelWatch(): void {
    this.watchdog?.unsubscribe();
    this.watchdog = null;
    this.watchAtMs = Number.NaN;
  }

  private watch(): void {
    this.watchAtMs = Number.NaN;
    const now = this.host.sim.now() + 1e-9;
    const epoch = this.epoch;
    for (;;) {
      const nextArrival =
        this.pendingArrivalMs.length > 0 ? this.pendingArrivalMs[0] : Number.POSITIVE_INFINITY;
      if (!this.failed && this.deadline < nextArrival && this.deadline <= now) {
        this.failed = true;
        this.stats.survivalFailures++;
        this.host.survivalChanged(this, true, this.host.sim.now());
        this.listener?.onSurvivalTimeExceeded?.(this.host.sim.now());
        if (this.epoch !== epoch) return; // the listener paused the stream
        continue;
      }
      if (nextArrival <= now) {
        const extendsTo = this.pendingDeadlineMs[0];
        this.pendingArrivalMs.shift();
        this.pendingDeadlineMs.shift();
        if (extendsTo > this.deadline) this.deadline = extendsTo;
        if (this.failed) {
          this.failed = false;
          this.host.survivalChanged(this, false, this.host.sim.now());
          this.listener?.onRecovered?.(this.host.sim.now());
          if (this.epoch !== epoch) return;
        }
        continue;
      }
      break;
    }
    this.scheduleWatch();
  }
}
