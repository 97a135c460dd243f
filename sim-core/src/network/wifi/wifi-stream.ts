// A periodic stream on the Wi-Fi model: packets decided in batches (one event per batch), their fates drawn
// from the AP state at the batch's start; statistics booked once a packet's send time has passed.
import type { StreamHandle, StreamListener, StreamSpec } from '../../control/seam';
import type { RandomStream } from '../../engine/random';
import type { SimAction } from '../../engine/sim-action';
import type { Simulation } from '../../engine/simulation';
import { DeliveryWindows } from '../stream';
import { SurvivalWatchdog } from '../survival-watchdog';
import type { Station } from './access-point';

/** Batches of a stream between fixed endpoints cover this much time. */
export const WIFI_STREAM_BATCH_MS = 1000;

export interface WifiStreamHost {
  readonly sim: Simulation;
  /** Batch length for a stream with a moving end (its association is checked once per batch). */
  readonly mobilityCheckMs: number;
  /** Brings the stations' associations up to date at `timeMs` (roams of moving stations). */
  refresh(station: Station, timeMs: number): void;
  /** The stream's offered load starts or stops counting at its stations. */
  load(stream: WifiStream, on: boolean): void;
  /** One packet's fate: its one-way delay, or NaN when lost. */
  fate(stream: WifiStream, sendMs: number, rng: RandomStream): number;
  /** A packet whose send time has passed: book it. */
  book(stream: WifiStream, sendMs: number, delayMs: number): void;
  survivalChanged(stream: WifiStream, failed: boolean, timeMs: number): void;
}

export class WifiStreamStats {
  sent = 0;
  delivered = 0;
  onTime = 0;
  lost = 0;

  reset(): void {
    this.sent = 0;
    this.delivered = 0;
    this.onTime = 0;
    this.lost = 0;
  }
}

export class WifiStream implements StreamHandle {
  readonly intervalMs: number;
  readonly deadlineMs: number;
  readonly stats = new WifiStreamStats();
  readonly watchdog: SurvivalWatchdog;
  active = false;
  private closed = false;
  private firstSendMs = 0;
  private nextIndex = 0;
  private readonly generator: SimAction<undefined>;
  // The current batch: send times and delays (NaN: lost); packets before `booked` are booked.
  private readonly sendMs: number[] = [];
  private readonly delayMs: number[] = [];
  private booked = 0;
  /** On-time share per delivery window, when the listener asks for it (StreamListener.onDeliveryRatio). */
  private readonly windows: DeliveryWindows | null;

  constructor(
    private readonly host: WifiStreamHost,
    readonly spec: StreamSpec,
    listener: StreamListener | undefined,
    readonly src: Station | null,
    readonly dst: Station | null,
    private readonly phaseMs: number,
    private readonly rng: RandomStream,
  ) {
    if (!(spec.intervalMs > 0)) throw new RangeError(`stream ${spec.id}: intervalMs must be > 0`);
    this.intervalMs = spec.intervalMs;
    this.deadlineMs = spec.deadlineMs ?? spec.intervalMs;
    this.watchdog = new SurvivalWatchdog(
      host.sim,
      `stream ${spec.id} survival`,
      spec.survivalTimeMs ?? Number.POSITIVE_INFINITY,
      this.deadlineMs,
      listener,
      (failed, t) => host.survivalChanged(this, failed, t),
    );
    this.generator = host.sim.action(() => this.generate(), { label: `stream ${spec.id}` });
    const windowMs = listener?.deliveryWindowMs;
    this.windows =
      listener?.onDeliveryRatio !== undefined && windowMs !== undefined
        ? new DeliveryWindows(host.sim, spec.id, windowMs, this.deadlineMs, listener)
        : null;
  }

  get mobile(): boolean {
    return (this.src?.mobile ?? false) || (this.dst?.mobile ?? false);
  }

  setActive(active: boolean): void {
    if (this.closed || active === this.active) return;
    this.active = active;
    const now = this.host.sim.now();
    if (active) {
      this.nextIndex = 0;
      this.firstSendMs = now + this.phaseMs;
      this.host.load(this, true);
      this.watchdog.start(this.firstSendMs);
      this.generator.schedule(undefined, this.phaseMs);
    } else {
      this.bookUntil(now);
      // Packets of the batch not sent yet are not sent at all.
      for (let i = this.booked; i < this.sendMs.length; i++) this.windows?.unsent(this.sendMs[i]!);
      this.sendMs.length = 0;
      this.delayMs.length = 0;
      this.booked = 0;
      this.generator.cancel();
      this.watchdog.stop();
      this.host.load(this, false);
    }
  }

  close(): void {
    if (this.closed) return;
    this.setActive(false);
    this.closed = true;
    this.generator.unsubscribe();
    this.windows?.close();
  }

  /** Books the packets of the current batch sent by `timeMs`. */
  bookUntil(timeMs: number): void {
    while (this.booked < this.sendMs.length && this.sendMs[this.booked]! <= timeMs) {
      this.host.book(this, this.sendMs[this.booked]!, this.delayMs[this.booked]!);
      this.booked++;
    }
  }

  private sendTimeMs(index: number): number {
    return this.firstSendMs + index * this.intervalMs;
  }

  private generate(): void {
    const now = this.host.sim.now();
    this.bookUntil(Number.POSITIVE_INFINITY);
    this.sendMs.length = 0;
    this.delayMs.length = 0;
    this.booked = 0;
    if (this.src !== null) this.host.refresh(this.src, now);
    if (this.dst !== null) this.host.refresh(this.dst, now);
    const endMs =
      this.sendTimeMs(this.nextIndex) + (this.mobile ? this.host.mobilityCheckMs : WIFI_STREAM_BATCH_MS);
    let i = this.nextIndex;
    do {
      const send = this.sendTimeMs(i);
      const delay = this.host.fate(this, send, this.rng);
      this.sendMs.push(send);
      this.delayMs.push(delay);
      if (delay <= this.deadlineMs) this.watchdog.valid(send + delay, this.sendTimeMs(i + 1));
      this.windows?.sent(send);
      if (delay <= this.deadlineMs) this.windows?.onTime(send);
      i++;
    } while (this.sendTimeMs(i) < endMs - 1e-9);
    this.nextIndex = i;
    this.generator.schedule(undefined, this.sendTimeMs(i) - now);
  }
}
