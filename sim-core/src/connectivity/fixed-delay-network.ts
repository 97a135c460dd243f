// A network that delivers every message after the same delay and loses nothing: Ethernet between fixed
// endpoints, or people carrying paper. Streams are not simulated packet by packet (they cannot fail); with
// statistics on, their packets are booked by count when they are read.
import type { ControlNetwork, Message, StreamHandle, StreamSpec } from '../control/seam';
import { Probe } from '../engine/probe';
import type { Simulation } from '../engine/simulation';
import type { LinkSample } from '../network/types';
import type { DeliveryStats } from './delivery-stats';

class CountedStream implements StreamHandle {
  active = false;
  private firstSendMs = 0;
  private booked = 0;

  constructor(
    private readonly host: FixedDelayNetwork,
    readonly spec: StreamSpec,
  ) {}

  setActive(active: boolean): void {
    if (active === this.active) return;
    const now = this.host.sim.now();
    if (active) {
      this.firstSendMs = now;
      this.booked = 0;
    } else this.bookUntil(now);
    this.active = active;
  }

  close(): void {
    this.setActive(false);
  }

  /** Books the packets sent by `timeMs` (one at the activation, then one per interval). */
  bookUntil(timeMs: number): void {
    if (!this.active || timeMs < this.firstSendMs) return;
    const sent = Math.floor((timeMs - this.firstSendMs) / this.spec.intervalMs) + 1;
    for (; this.booked < sent; this.booked++) this.host.book(this.spec);
  }

  /** Starts counting afresh at `atMs` (warm-up): packets before it are not booked. */
  skipUntil(atMs: number): void {
    if (!this.active || atMs < this.firstSendMs) return;
    this.booked = Math.floor((atMs - this.firstSendMs) / this.spec.intervalMs) + 1;
  }
}

export class FixedDelayNetwork implements ControlNetwork {
  readonly linkSamples = new Probe<LinkSample>();
  private readonly streams: CountedStream[] = [];

  /** `stats`: book deliveries there (absent: none are kept). */
  constructor(
    readonly sim: Simulation,
    readonly delayMs: number,
    private readonly label: string,
    private readonly stats?: DeliveryStats,
  ) {
    if (!(delayMs >= 0 && Number.isFinite(delayMs)))
      throw new RangeError(`${label}: delay must be a finite number >= 0, got ${delayMs}`);
  }

  send<P>(message: Message<P>, onDelivered: (message: Message<P>) => void): void {
    const now = this.sim.now();
    if (this.stats !== undefined) {
      const late = this.stats.delivered(message.trafficClass, this.delayMs);
      if (this.linkSamples.active)
        this.linkSamples.emit({
          timeMs: now + this.delayMs,
          sentMs: now,
          endpointId: message.from,
          deviceId: null,
          from: message.from,
          to: message.to,
          trafficClass: message.trafficClass,
          latencyMs: this.delayMs,
          lost: false,
          late,
          streamId: null,
        });
    }
    this.sim.after(this.delayMs, () => onDelivered(message), { label: this.label });
  }

  openStream(spec: StreamSpec): StreamHandle {
    const s = new CountedStream(this, spec);
    if (this.stats !== undefined) this.streams.push(s);
    s.setActive(true);
    return s;
  }

  /** @internal One stream packet delivered (statistics only). */
  book(spec: StreamSpec): void {
    this.stats?.delivered(spec.trafficClass, this.delayMs);
  }

  /** Books stream packets sent up to `timeMs` (before statistics are read). */
  bookStreams(timeMs: number): void {
    for (const s of this.streams) s.bookUntil(timeMs);
  }

  resetStreams(atMs: number): void {
    for (const s of this.streams) s.skipUntil(atMs);
  }
}
