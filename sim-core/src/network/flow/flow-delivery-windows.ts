// The StreamListener.onDeliveryRatio contract (control/seam.ts) in flow fidelity: packets are counted by the
// delivery window of their send time with their on-time probability (delivered − late of the regime's
// distribution); each window is reported once, at window end + deadline. One event per window.
import type { StreamListener } from '../../control/seam';
import type { SimAction } from '../../engine/sim-action';
import type { Simulation } from '../../engine/simulation';

export class FlowDeliveryWindows {
  /** Window index → [sent, expected on time]: the windows sent into and not yet reported. */
  private readonly counts = new Map<number, [number, number]>();
  private readonly action: SimAction<undefined>;
  /** Window whose report is scheduled (-1: none). */
  private scheduled = -1;

  constructor(
    private readonly sim: Simulation,
    id: string,
    readonly windowMs: number,
    private readonly deadlineMs: number,
    private readonly listener: StreamListener,
    /** Counts the stream's packets up to now (closes its regime) just before a report. */
    private readonly settle: () => void,
    private readonly active: () => boolean,
  ) {
    if (!(windowMs > 0)) throw new RangeError(`stream ${id}: deliveryWindowMs must be > 0`);
    // After the MAC slots of the same instant, as in packet fidelity (stream.ts DeliveryWindows).
    this.action = sim.action(() => this.report(), { label: `stream ${id} delivery window`, priority: 200 });
  }

  /**
   * Packets with send times `firstMs + i·intervalMs`, i in [from, until), each on time with probability
   * `onTimeProb`; `countSent` false: only the on-time expectation changes (packets counted already).
   */
  add(
    firstMs: number,
    intervalMs: number,
    from: number,
    until: number,
    onTimeProb: number,
    countSent = true,
  ): void {
    let i = from;
    while (i < until) {
      const k = Math.floor((firstMs + i * intervalMs) / this.windowMs);
      // First index of the next window (at least i + 1).
      const next = Math.max(i + 1, Math.ceil(((k + 1) * this.windowMs - firstMs) / intervalMs - 1e-9));
      const n = Math.min(until, next) - i;
      let c = this.counts.get(k);
      if (c === undefined) {
        c = [0, 0];
        this.counts.set(k, c);
      }
      if (countSent) c[0] += n;
      c[1] += n * onTimeProb;
      if (this.scheduled < 0 || k < this.scheduled) this.schedule(k);
      i += n;
    }
  }

  /** The stream (re)starts: its first packet goes at `firstSendMs`. */
  started(firstSendMs: number): void {
    const k = Math.floor(firstSendMs / this.windowMs);
    if (this.scheduled < 0 || k < this.scheduled) this.schedule(k);
  }

  close(): void {
    this.action.unsubscribe();
    this.counts.clear();
    this.scheduled = -1;
  }

  private schedule(k: number): void {
    this.scheduled = k;
    const atMs = (k + 1) * this.windowMs + this.deadlineMs;
    this.action.schedule(undefined, Math.max(0, atMs - this.sim.now()));
  }

  private report(): void {
    this.settle();
    const k = this.scheduled;
    const c = this.counts.get(k);
    this.counts.delete(k);
    let next = this.active() ? k + 1 : Number.POSITIVE_INFINITY;
    for (const key of this.counts.keys()) if (key < next) next = key;
    if (next === Number.POSITIVE_INFINITY) this.scheduled = -1;
    else this.schedule(next);
    if (c !== undefined && c[0] > 0)
      this.listener.onDeliveryRatio!(Math.min(1, Math.max(0, c[1] / c[0])), (k + 1) * this.windowMs);
  }
}
