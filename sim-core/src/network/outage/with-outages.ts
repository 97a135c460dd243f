import type {
  ControlNetwork,
  Message,
  StreamHandle,
  StreamListener,
  StreamSpec,
  TrafficClass,
} from '../../control/seam';
import type { SimAction } from '../../engine/sim-action';
import type { OutageProcess } from './outage-process';

/** Which messages and streams an outage cuts: those whose user plane crosses the failed element. */
export type OutageScope = (flow: { from: string; to: string; trafficClass: TrafficClass }) => boolean;

/** What the decorator counted (whole run, not reset at the warm-up). */
export interface OutageEffects {
  /** Messages the inner network delivered but the outage lost. */
  lostMessages: number;
  /** Survival-time failures the outage caused (the inner network's own are not counted here). */
  survivalFailures: number;
}

export interface OutageNetwork extends ControlNetwork {
  readonly process: OutageProcess;
  readonly effects: OutageEffects;
}

// After every other event of the same instant: an inner network's delivery-ratio call for a window
// (at window end + deadline) runs first, so the decorator knows whether it must report the window itself.
const LAST = 2047;

/**
 * A ControlNetwork whose affected traffic is cut while `process` is in an outage; unaffected traffic goes
 * straight to `inner`. Messages: one sent during an outage, or in flight when one starts, still crosses the
 * radio (the inner network carries it and counts its load) and is lost: onLost runs in place of onDelivered
 * at the inner delivery time, or at the outage end if the inner delivery falls inside the outage. Streams: at outage start + survivalTimeMs the listener hears
 * onSurvivalTimeExceeded (unless it is already failed), at outage end onRecovered (unless the inner stream
 * is itself still failed: its own recovery is passed on later); the inner stream's callbacks are held back
 * while the outage holds. Delivery windows (StreamListener.onDeliveryRatio) report the inner share times the
 * share of the window outside outages (packets sent evenly), and windows the inner network skipped (it
 * delivered all on time) are reported by the decorator when they overlap an outage.
 */
export function withOutages(
  inner: ControlNetwork,
  process: OutageProcess,
  affects: OutageScope,
): OutageNetwork {
  const effects: OutageEffects = { lostMessages: 0, survivalFailures: 0 };
  // Losses the inner network would deliver inside an outage are reported at its end (see below).
  const heldLosses: (() => void)[] = [];
  process.subscribe((down) => {
    if (down) return;
    const losses = heldLosses.splice(0);
    for (const lose of losses) lose();
  });
  return {
    process,
    effects,
    send<P>(
      message: Message<P>,
      onDelivered: (m: Message<P>) => void,
      onLost?: (m: Message<P>) => void,
    ): void {
      if (!affects(message)) {
        inner.send(message, onDelivered, onLost);
        return;
      }
      const downAtSend = process.isDown();
      const startedAtSend = process.startedCount;
      inner.send(
        message,
        (m) => {
          if (downAtSend || process.isDown() || process.startedCount !== startedAtSend) {
            effects.lostMessages++;
            // Assumption: a sender learns of a loss by a timeout that outlasts the outage (the transport
            // retries while the WAN is down), so a sender that resends on loss does not storm an outage.
            if (process.isDown()) heldLosses.push(() => onLost?.(m));
            else onLost?.(m);
          } else onDelivered(m);
        },
        onLost,
      );
    },
    openStream(spec: StreamSpec, listener?: StreamListener): StreamHandle {
      if (listener === undefined || !affects(spec)) return inner.openStream(spec, listener);
      return new OutageStream(inner, spec, listener, process, effects);
    },
  };
}

class OutageStream implements StreamHandle {
  private readonly handle: StreamHandle;
  private readonly unsubscribe: () => void;
  private readonly survival: SimAction<undefined>;
  private readonly windowCheck: SimAction<undefined> | null;
  private active = true;
  private closed = false;
  /** The inner stream is in a survival-time failure. */
  private innerFailed = false;
  /** The listener was told of a failure and not yet of a recovery. */
  private reported = false;
  private activatedAtMs: number;
  private deactivatedAtMs = Number.NEGATIVE_INFINITY;
  /** Last window the inner network reported, and the next the decorator checks (−1: none armed). */
  private innerWindow = -1;
  private checkWindow = -1;

  constructor(
    inner: ControlNetwork,
    private readonly spec: StreamSpec,
    private readonly listener: StreamListener,
    private readonly process: OutageProcess,
    private readonly effects: OutageEffects,
  ) {
    const sim = process.sim;
    this.activatedAtMs = sim.now();
    this.survival = sim.action(() => this.survivalExpired(), { label: `${spec.id} outage survival` });
    const windowMs = listener.deliveryWindowMs;
    const ratio = listener.onDeliveryRatio !== undefined && windowMs !== undefined;
    this.windowCheck = ratio
      ? sim.action(() => this.checkWindows(), { label: `${spec.id} outage window`, priority: LAST })
      : null;
    this.handle = inner.openStream(spec, {
      onSurvivalTimeExceeded: (t) => this.innerExceeded(t),
      onRecovered: (t) => this.innerRecovered(t),
      ...(ratio ? { deliveryWindowMs: windowMs, onDeliveryRatio: (s, end) => this.innerRatio(s, end) } : {}),
    });
    this.unsubscribe = process.subscribe((down, t) => (down ? this.outageStarted(t) : this.outageEnded(t)));
  }

  setActive(active: boolean): void {
    if (this.closed || active === this.active) return;
    const now = this.process.sim.now();
    this.active = active;
    if (active) {
      this.activatedAtMs = now;
      // Like a fresh stream: the receiver waits for the first packet, then the survival time.
      if (this.process.isDown())
        this.armSurvival((this.spec.deadlineMs ?? this.spec.intervalMs) + this.survivalMs());
    } else {
      this.deactivatedAtMs = now;
      this.survival.cancel();
      // A paused stream forgets its failure, as the inner one does (no onRecovered).
      this.reported = false;
      this.innerFailed = false;
    }
    this.handle.setActive(active);
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.survival.unsubscribe();
    this.windowCheck?.unsubscribe();
    this.unsubscribe();
    this.handle.close();
  }

  private survivalMs(): number {
    return this.spec.survivalTimeMs ?? Number.POSITIVE_INFINITY;
  }

  private armSurvival(delayMs: number): void {
    if (Number.isFinite(delayMs)) this.survival.schedule(undefined, delayMs);
  }

  private outageStarted(timeMs: number): void {
    if (this.active) this.armSurvival(this.survivalMs());
    if (this.windowCheck !== null && this.checkWindow < 0) {
      this.checkWindow = Math.floor(timeMs / this.listener.deliveryWindowMs!);
      this.scheduleCheck();
    }
  }

  private outageEnded(timeMs: number): void {
    this.survival.cancel();
    if (this.reported && !this.innerFailed) {
      this.reported = false;
      this.listener.onRecovered?.(timeMs);
    }
  }

  private survivalExpired(): void {
    if (!this.process.isDown() || !this.active || this.reported) return;
    this.reported = true;
    this.effects.survivalFailures++;
    this.listener.onSurvivalTimeExceeded?.(this.process.sim.now());
  }

  private innerExceeded(timeMs: number): void {
    this.innerFailed = true;
    if (this.process.isDown() || this.reported) return;
    this.reported = true;
    this.listener.onSurvivalTimeExceeded?.(timeMs);
  }

  private innerRecovered(timeMs: number): void {
    this.innerFailed = false;
    if (this.process.isDown() || !this.reported) return;
    this.reported = false;
    this.listener.onRecovered?.(timeMs);
  }

  private windowBoundsMs(k: number): [number, number] {
    const w = this.listener.deliveryWindowMs!;
    return [k * w, (k + 1) * w];
  }

  private upShare(k: number): number {
    const [a, b] = this.windowBoundsMs(k);
    return 1 - this.process.downMsWithin(a, b) / (b - a);
  }

  private innerRatio(share: number, windowEndMs: number): void {
    const k = Math.round(windowEndMs / this.listener.deliveryWindowMs!) - 1;
    this.innerWindow = k;
    this.listener.onDeliveryRatio!(share * this.upShare(k), windowEndMs);
  }

  private scheduleCheck(): void {
    const [, end] = this.windowBoundsMs(this.checkWindow);
    const deadline = this.spec.deadlineMs ?? this.spec.intervalMs;
    this.windowCheck!.schedule(undefined, Math.max(0, end + deadline - this.process.sim.now()));
  }

  /** Reports window `checkWindow` if the inner network skipped it, then moves on while outages remain. */
  private checkWindows(): void {
    const k = this.checkWindow;
    const [a, b] = this.windowBoundsMs(k);
    // Assumption: a stream active at some time in the window sent a packet in it (its interval is shorter).
    const sent = (this.active && this.activatedAtMs < b) || this.deactivatedAtMs > a;
    const up = this.upShare(k);
    if (k > this.innerWindow && sent && up < 1) this.listener.onDeliveryRatio!(up, b);
    if (this.process.downSince(b)) {
      this.checkWindow = k + 1;
      this.scheduleCheck();
    } else this.checkWindow = -1;
  }
}
