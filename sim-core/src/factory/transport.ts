import type { Simulation } from '../engine/simulation';
import { DelayLine } from './delay-line';

/**
 * The meeting point of production and the AGV fleet.
 *
 * Stations are buffers and sinks: a station id is a buffer id (`FactoryConfig.buffers`, the automatic
 * `<machineId>.in` / `<machineId>.out`, a source's outlet) or a sink / warehouse id. `Factory.stations()`
 * lists them with their positions.
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
 * - Call the callbacks as methods (`req.onDelivered(t)`): the production model implements them as
 *   methods of one object per request. `onDelivered` is also the control system's notice that the
 *   task is done (an AGV model that sends a completion message calls it when it counts as known).
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
 * Moves every part with the same fixed delay and unlimited carriers: picked up at once (from a
 * scheduled event at the request time), delivered `delayMs` later, in request order.
 */
export class FixedDelayTransport implements TransportService {
  private readonly pickups: DelayLine<TransportRequest>;
  private readonly deliveries: DelayLine<TransportRequest>;

  constructor(
    sim: Simulation,
    readonly delayMs: number,
  ) {
    this.deliveries = new DelayLine(sim, delayMs, (req) => req.onDelivered(sim.now()), 'transport delivery');
    this.pickups = new DelayLine(
      sim,
      0,
      (req) => {
        req.onPickedUp(sim.now());
        this.deliveries.push(req);
      },
      'transport pick-up',
    );
  }

  request(req: TransportRequest): void {
    this.pickups.push(req);
  }
}

/** Teleports parts: picked up and delivered in the same simulated instant (after the caller's event). */
export class InstantTransport extends FixedDelayTransport {
  constructor(sim: Simulation) {
    super(sim, 0);
  }
}
