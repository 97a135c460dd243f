// A network that carries messages but no periodic streams (the unconnected plant: paper and word of mouth
// carry orders, nothing carries telemetry or video). Every stream packet is lost, so a receiver that asks
// for on-time shares (StreamListener.onDeliveryRatio, e.g. a video inspection) hears 0 for each window in
// which its stream sent, per the contract in control/seam.ts; other receivers hear nothing.
import type { ControlNetwork, Message, StreamHandle, StreamListener, StreamSpec } from '../control/seam';
import type { SimAction } from '../engine/sim-action';
import type { Simulation } from '../engine/simulation';

class LostStream implements StreamHandle {
  private readonly action: SimAction<undefined>;
  private readonly deadlineMs: number;
  private active = false;
  private closed = false;
  /** The first send after an activation (one at the activation, then one per interval). */
  private firstSendMs = 0;
  /** The first send of the window whose report is pending (NaN: none pending). */
  private pendingSendMs = Number.NaN;
  private pendingWindow = 0;

  constructor(
    private readonly sim: Simulation,
    private readonly spec: StreamSpec,
    private readonly windowMs: number,
    private readonly listener: StreamListener & { onDeliveryRatio(share: number, endMs: number): void },
  ) {
    if (!(spec.intervalMs > 0)) throw new RangeError(`stream ${spec.id}: intervalMs must be > 0`);
    if (!(windowMs > 0)) throw new RangeError(`stream ${spec.id}: deliveryWindowMs must be > 0`);
    this.deadlineMs = spec.deadlineMs ?? spec.intervalMs;
    this.action = sim.action(() => this.report(), { label: `stream ${spec.id} not carried` });
  }

  setActive(active: boolean): void {
    if (this.closed || active === this.active) return;
    this.active = active;
    const now = this.sim.now();
    if (active) {
      this.firstSendMs = now;
      if (Number.isNaN(this.pendingSendMs)) this.pendWindowOf(now);
    } else if (this.pendingSendMs > now) {
      // The pending window's first send would have come after now: nothing was sent in it.
      this.pendingSendMs = Number.NaN;
      this.action.cancel();
    }
  }

  close(): void {
    if (this.closed) return;
    this.setActive(false);
    this.closed = true;
    this.action.unsubscribe();
  }

  /** Reports the window holding the send at `sendMs`, at its end + the deadline. */
  private pendWindowOf(sendMs: number): void {
    this.pendingSendMs = sendMs;
    this.pendingWindow = Math.floor(sendMs / this.windowMs);
    const atMs = (this.pendingWindow + 1) * this.windowMs + this.deadlineMs;
    this.action.schedule(undefined, Math.max(0, atMs - this.sim.now()));
  }

  private report(): void {
    const k = this.pendingWindow;
    this.pendingSendMs = Number.NaN;
    if (this.active) {
      // The next send at or after the next window's start.
      const fromMs = (k + 1) * this.windowMs;
      const n = Math.max(0, Math.ceil((fromMs - this.firstSendMs) / this.spec.intervalMs - 1e-9));
      this.pendWindowOf(this.firstSendMs + n * this.spec.intervalMs);
    }
    this.listener.onDeliveryRatio(0, (k + 1) * this.windowMs);
  }
}

const IDLE: StreamHandle = { setActive() {}, close() {} };

export class StreamsNotCarried implements ControlNetwork {
  constructor(
    private readonly sim: Simulation,
    /** What carries the messages (paper: at once, or after the dispatch delay). */
    readonly messages: ControlNetwork,
  ) {}

  send<P>(
    message: Message<P>,
    onDelivered: (message: Message<P>) => void,
    onLost?: (message: Message<P>) => void,
  ): void {
    this.messages.send(message, onDelivered, onLost);
  }

  openStream(spec: StreamSpec, listener?: StreamListener): StreamHandle {
    const windowMs = listener?.deliveryWindowMs;
    const onDeliveryRatio = listener?.onDeliveryRatio;
    if (listener === undefined || windowMs === undefined || onDeliveryRatio === undefined) return IDLE;
    const s = new LostStream(this.sim, spec, windowMs, {
      deliveryWindowMs: windowMs,
      onDeliveryRatio: (share, endMs) => onDeliveryRatio.call(listener, share, endMs),
    });
    s.setActive(true);
    return s;
  }
}
