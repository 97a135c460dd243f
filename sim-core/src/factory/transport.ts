import type { SimAction } from '../engine/sim-action';
import type { Simulation } from '../engine/simulation';

/**
 * The meeting point of production and the AGV fleet.
 *
 * Stations are buffers: a station id is a buffer id from `FactoryConfig.buffers` (a machine's output
 * buffer, the next machine's input buffer, the warehouse, a source's outlet). Their positions are in
 * the config (`buffers[].position`, `sinks[].position`).
 *
 * Contract, for every implementation (instant, fixed delay, AGV fleet):
 * - The production model calls `request` only after it has reserved a slot at `toStationId`, so a
 *   carrier never holds a part with nowhere to put it. A part whose destination is full waits in its
 *   output buffer (and may block its machine) without a request being made.
 * - `onPickedUp` runs exactly once, then `onDelivered` exactly once, both at simulated times
 *   >= `requestedAtMs`, and never synchronously inside `request` (always from a scheduled event), so
 *   the production model may call `request` in the middle of its own bookkeeping.
 * - `onPickedUp`: the part leaves `fromStationId` (frees a slot there, which may unblock a machine).
 * - `onDelivered`: the part enters `toStationId` (into the slot reserved at request time).
 * - Requests are never cancelled: a requested part will be delivered.
 * - Higher `priority` is more urgent; equal priorities are served first-come first-served.
 */
export interface TransportRequest {
  requestId: number;
  partId: number;
  productId: string;
  fromStationId: string;
  toStationId: string;
  priority: number;
  requestedAtMs: number;
  /** The part leaves fromStation (frees a slot, may unblock a machine). */
  onPickedUp(timeMs: number): void;
  /** The part enters toStation (a slot there was reserved when the request was made). */
  onDelivered(timeMs: number): void;
}

export interface TransportService {
  request(req: TransportRequest): void;
}

/**
 * Moves every part with the same fixed delay and unlimited carriers: picked up at once, delivered
 * `delayMs` later. With a constant delay deliveries stay in request order, so one FIFO queue and one
 * reusable action serve all requests (no allocation per request beyond the queue entry).
 */
export class FixedDelayTransport implements TransportService {
  private readonly queue: { req: TransportRequest; deliverAtMs: number }[] = [];
  /** Entries before `head` are delivered; entries before `picked` are picked up. */
  private head = 0;
  private picked = 0;
  private readonly action: SimAction<undefined>;
  /** When the action runs next (Infinity when it is not scheduled). */
  private nextRunMs = Number.POSITIVE_INFINITY;

  constructor(
    private readonly sim: Simulation,
    readonly delayMs: number,
  ) {
    if (!(delayMs >= 0) || !Number.isFinite(delayMs)) {
      throw new RangeError(`transport delay must be a finite number >= 0, got ${delayMs}`);
    }
    this.action = sim.action(() => this.flush(), { label: 'transport' });
  }

  request(req: TransportRequest): void {
    const now = this.sim.now();
    this.queue.push({ req, deliverAtMs: now + this.delayMs });
    // Pick-up happens "now", but from a scheduled event (never inside request).
    if (this.nextRunMs > now) this.runAt(now);
  }

  private runAt(timeMs: number): void {
    this.nextRunMs = timeMs;
    this.action.schedule(undefined, timeMs - this.sim.now());
  }

  private flush(): void {
    const now = this.sim.now();
    this.nextRunMs = Number.POSITIVE_INFINITY;
    const q = this.queue;
    // Pick up everything requested so far, in order (a callback may add requests: the loop sees them).
    while (this.picked < q.length) q[this.picked++].req.onPickedUp(now);
    // Deliver everything due that has been picked up (a request made by a delivery callback waits
    // for the next run, which its `request` scheduled at this same instant).
    while (this.head < this.picked && q[this.head].deliverAtMs <= now) {
      const { req } = q[this.head];
      q[this.head++] = undefined as never;
      req.onDelivered(now);
    }
    if (this.head === q.length) {
      q.length = 0;
      this.head = 0;
      this.picked = 0;
      return;
    }
    if (this.head > 1024 && this.head * 2 > q.length) {
      q.splice(0, this.head);
      this.picked -= this.head;
      this.head = 0;
    }
    const dueMs = q[this.head].deliverAtMs;
    if (this.nextRunMs > dueMs) this.runAt(dueMs);
  }
}

/** Teleports parts: picked up and delivered in the same simulated instant (after the caller's event). */
export class InstantTransport extends FixedDelayTransport {
  constructor(sim: Simulation) {
    super(sim, 0);
  }
}
