// A stream (motion control, telemetry, video frames; periodic unless its traffic source says otherwise) and its
// TS 22.104 survival-time watchdog (survival-watchdog.ts).
import type { StreamHandle, StreamListener, StreamSpec } from '../control/seam';
import type { Probe } from '../engine/probe';
import type { SimAction } from '../engine/sim-action';
import type { Simulation } from '../engine/simulation';
import type { DeviceState } from './device';
import type { Packet } from './packet';
import { SurvivalWatchdog } from './survival-watchdog';
import type { TrafficSource } from './traffic/traffic-source';
import type { NetworkNotableEvent } from './types';

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

  private readonly watchdog: SurvivalWatchdog;
  /** On-time share per delivery window, when the listener asks for it (StreamListener.onDeliveryRatio). */
  private readonly windows: DeliveryWindows | null;

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
    this.watchdog = new SurvivalWatchdog(
      host.sim,
      `stream ${spec.id} survival`,
      this.survivalMs,
      this.deadlineMs,
      listener,
      (failed, timeMs) => {
        if (failed) stats.survivalFailures++;
        host.survivalChanged(this, failed, timeMs);
      },
    );
    this.generator = host.sim.action(() => this.generate(), { label: `stream ${spec.id}` });
    const windowMs = listener?.deliveryWindowMs;
    this.windows =
      listener?.onDeliveryRatio !== undefined && windowMs !== undefined
        ? new DeliveryWindows(host.sim, spec.id, windowMs, this.deadlineMs, listener)
        : null;
  }

  /** The receiver is in a survival-time failure. */
  get failed(): boolean {
    return this.watchdog.failed;
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
    this.windows?.close();
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
    this.generator.schedule(undefined, this.phaseMs);
    this.watchdog.start(this.firstSendMs);
  }

  private stop(): void {
    const now = this.host.sim.now();
    for (let i = 0; i < this.batchCount; i++) {
      const p = this.batch[i]!;
      if (
        p.stream === this &&
        p.streamEpoch === this.epoch &&
        p.streamIndex === this.batchIndex[i] &&
        p.createdMs > now
      ) {
        p.cancelled = true;
        this.windows?.unsent(p.createdMs);
      }
    }
    this.batchCount = 0;
    this.epoch++;
    this.generator.unsubscribe();
    // unsubscribe closes a SimAction for good: take a fresh one for the next activation.
    this.generator = this.host.sim.action(() => this.generate(), {
      label: `stream ${this.spec.id}`,
    });
    this.watchdog.stop();
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
      this.windows?.sent(p.createdMs);
      this.batch[n] = p;
      this.batchIndex[n] = i;
      n++;
      i++;
    } while (this.sendTimeMs(i) < endMs - 1e-9);
    this.batchCount = n;
    this.nextIndex = i;
    this.generator.schedule(undefined, this.sendTimeMs(i) - this.host.sim.now());
  }

  /** A packet sent at `sentMs` (of any activation) was decided on time (for the delivery windows). */
  onTimePacket(sentMs: number): void {
    this.windows?.onTime(sentMs);
  }

  /** A packet of this activation was decided valid; it arrives at `arrivalMs`. */
  validPacket(index: number, arrivalMs: number): void {
    // Not even sendTimeMs without a survival time: a traffic source may draw its offsets lazily.
    if (this.survivalMs === Number.POSITIVE_INFINITY || !this.active) return;
    this.watchdog.valid(arrivalMs, this.sendTimeMs(index + 1));
  }
}

/**
 * Counts a stream's packets by the delivery window of their send time and reports each window's on-time
 * share once, at window end + deadline (the StreamListener.onDeliveryRatio contract in control/seam.ts).
 * Packets are decided at or before their arrival (the MAC runs ahead, never behind), so by then every
 * on-time packet of the window is counted. One event per window; nothing per packet.
 */
export class DeliveryWindows {
  /** Window index → [sent, on time]; a few entries (the windows sent into and not yet reported). */
  private readonly counts = new Map<number, [number, number]>();
  private readonly action: SimAction<undefined>;
  /** Window whose report is scheduled (-1: none). */
  private scheduled = -1;

  constructor(
    private readonly sim: Simulation,
    id: string,
    private readonly windowMs: number,
    private readonly deadlineMs: number,
    private readonly listener: StreamListener,
  ) {
    if (!(windowMs > 0)) throw new RangeError(`stream ${id}: deliveryWindowMs must be > 0`);
    // After the MAC slots of the same instant (priority 100), so a packet due exactly then is counted.
    this.action = sim.action(() => this.report(), { label: `stream ${id} delivery window`, priority: 200 });
  }

  sent(sentMs: number): void {
    const k = Math.floor(sentMs / this.windowMs);
    const c = this.counts.get(k);
    if (c === undefined) this.counts.set(k, [1, 0]);
    else c[0]++;
    if (this.scheduled < 0 || k < this.scheduled) this.schedule(k);
  }

  unsent(sentMs: number): void {
    const k = Math.floor(sentMs / this.windowMs);
    const c = this.counts.get(k);
    if (c !== undefined && --c[0] <= 0) {
      this.counts.delete(k);
      if (k === this.scheduled) this.scheduleNext();
    }
  }

  onTime(sentMs: number): void {
    const c = this.counts.get(Math.floor(sentMs / this.windowMs));
    if (c !== undefined) c[1]++;
  }

  close(): void {
    this.action.unsubscribe();
    this.counts.clear();
  }

  private schedule(k: number): void {
    this.scheduled = k;
    const atMs = (k + 1) * this.windowMs + this.deadlineMs;
    this.action.schedule(undefined, Math.max(0, atMs - this.sim.now()));
  }

  private scheduleNext(): void {
    let next = Number.POSITIVE_INFINITY;
    for (const k of this.counts.keys()) if (k < next) next = k;
    if (next === Number.POSITIVE_INFINITY) {
      this.scheduled = -1;
      this.action.cancel();
    } else this.schedule(next);
  }

  private report(): void {
    const k = this.scheduled;
    const c = this.counts.get(k);
    this.counts.delete(k);
    this.scheduleNext();
    if (c !== undefined && c[0] > 0) this.listener.onDeliveryRatio!(c[1] / c[0], (k + 1) * this.windowMs);
  }
}

/** A 5G stream's survival time ran out (`failed`) or it recovered, at `timeMs`: the notable event, if recorded. */
export function emitSurvivalChange(
  notable: Probe<NetworkNotableEvent>,
  spec: StreamSpec,
  failed: boolean,
  timeMs: number,
): void {
  if (notable.active)
    notable.emit({
      timeMs,
      kind: failed ? 'survivalTimeExceeded' : 'recovered',
      subjectId: spec.id,
      detail: `${spec.from} → ${spec.to}`,
    });
}
