import type { Simulation } from '../engine/simulation';

/**
 * The control seam: every decision that in a real plant travels over the network goes through a
 * `ControlNetwork`. The factory model never calls another entity directly for these; the network
 * model (or the ideal one below) decides when, and whether, a message arrives.
 */

/** What kind of traffic a message or stream is; the network maps it to a 5QI and a TS 22.104 target. */
export type TrafficClass =
  | 'machineStatus' // a machine (or its gateway) reporting a state change
  | 'controlOrder' // the control system ordering a machine to start, or assigning an AGV task
  | 'motionControl' // periodic motion commands to a moving AGV
  | 'telemetry' // periodic machine telemetry
  | 'video'; // camera uplink streams

/** An endpoint: `control` is the plant's control system; others are entity ids ('M7', 'AGV3', 'CAM1'). */
export type EndpointId = string;

export interface Message<P = unknown> {
  from: EndpointId;
  to: EndpointId;
  sizeBytes: number;
  trafficClass: TrafficClass;
  payload: P;
}

/** A periodic flow (telemetry, motion control, video) declared once instead of sent message by message. */
export interface StreamSpec {
  id: string;
  from: EndpointId;
  to: EndpointId;
  trafficClass: TrafficClass;
  intervalMs: number;
  sizeBytes: number;
  /** A packet later than this counts as late (defaults to intervalMs). */
  deadlineMs?: number;
  /** No valid packet for this long is a failure the receiver must react to (TS 22.104 survival time). */
  survivalTimeMs?: number;
  /**
   * When packets are sent: a registered traffic source (network/traffic/registry.ts), default 'periodic'
   * (every `intervalMs`; other sources keep `intervalMs` as the nominal interval).
   */
  source?: string;
}

export interface StreamListener {
  /** The receiver went `survivalTimeMs` without a valid packet (an AGV makes a safety stop). */
  onSurvivalTimeExceeded?(timeMs: number): void;
  /** Valid packets flow again after a survival-time failure. */
  onRecovered?(timeMs: number): void;
  /**
   * Length of the delivery windows of `onDeliveryRatio`, ms: windows are [k·W, (k+1)·W) of simulated
   * time (k = 0, 1, …, aligned to time 0, not to the stream's activation). Needed for `onDeliveryRatio`.
   */
  readonly deliveryWindowMs?: number;
  /**
   * The share of the packets SENT in window [windowEndMs − W, windowEndMs) that arrived on time
   * (within `deadlineMs` of their send time; lost and late packets are not on time), in [0, 1].
   * Contract every ControlNetwork honours when the listener gives `deliveryWindowMs`:
   * - called once per window in which the stream sent at least one packet (none while paused), in
   *   window order, at simulated time windowEndMs + deadlineMs, when every on-time packet of the window
   *   has arrived; never per packet; none after the stream is closed;
   * - a network that delivers every packet on time may skip the calls: a receiver that hears nothing
   *   must assume share 1 (IdealNetwork never calls it).
   * The video inspection (factory/inspection) falls back to manual inspection on low shares.
   */
  onDeliveryRatio?(onTimeShare: number, windowEndMs: number): void;
}

export interface StreamHandle {
  /** A paused stream sends nothing and costs nothing (a parked AGV, an idle camera). */
  setActive(active: boolean): void;
  close(): void;
}

export interface ControlNetwork {
  /** Sends one message; exactly one of the callbacks runs, at the simulated arrival (or loss) time. */
  send<P>(
    message: Message<P>,
    onDelivered: (message: Message<P>) => void,
    onLost?: (message: Message<P>) => void,
  ): void;
  /** Opens a periodic stream; it starts active. */
  openStream(spec: StreamSpec, listener?: StreamListener): StreamHandle;
}

/** A perfect network: every message arrives in the same simulated instant, streams never fail. */
export class IdealNetwork implements ControlNetwork {
  private readonly deliveries: { message: Message<never>; onDelivered: (m: Message<never>) => void }[] = [];
  private readonly flushAction;
  private flushing = false;

  constructor(sim: Simulation) {
    this.flushAction = sim.action(() => this.flush(), { label: 'ideal network delivery' });
  }

  send<P>(message: Message<P>, onDelivered: (message: Message<P>) => void): void {
    // Delivered after the sender's action ends (same time), so a handler never runs inside its sender.
    // Erases P: the queue holds messages of every payload type, and each is handed back to its own
    // callback unchanged, so the pairing message ↔ onDelivered keeps the types consistent.
    this.deliveries.push({ message, onDelivered } as unknown as (typeof this.deliveries)[number]);
    if (!this.flushing) {
      this.flushing = true;
      this.flushAction.schedule(undefined, 0);
    }
  }

  openStream(): StreamHandle {
    return IDLE_STREAM;
  }

  private flush(): void {
    // Messages sent by handlers during the flush are delivered in this same flush, in order.
    for (let i = 0; i < this.deliveries.length; i++) {
      const { message, onDelivered } = this.deliveries[i]!;
      onDelivered(message);
    }
    this.deliveries.length = 0;
    this.flushing = false;
  }
}

const IDLE_STREAM: StreamHandle = { setActive() {}, close() {} };
