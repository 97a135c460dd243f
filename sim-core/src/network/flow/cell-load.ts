// The offered load of one cell and direction in flow fidelity: the legs of active streams (rates known) and
// an exponentially weighted estimate of message traffic, and from them the queue each traffic tier sees:
// the M/G/1 wait while the carrier keeps up, max-min fair (or strict priority) shares when it does not.
import type { Dir } from '../tdd-grid';
import { priorityWaitMs, waterFill } from './queue-model';

/** One leg of an active stream, booked on the cell that serves its device. */
export interface LoadEntry {
  /** Packets per ms. */
  readonly ratePerMs: number;
  /** Expected PRB-symbols per packet (all HARQ transmissions); updated with the device's link. */
  prbSymbols: number;
  readonly tier: number;
  /** Device index (the water-filling shares by device). */
  readonly deviceIndex: number;
  /** Position in the cell's entry list (-1 when not booked). */
  slot: number;
  // Queue seen by this entry, written by CellLoad.update().
  waitProb: number;
  waitMeanMs: number;
  servedShare: number;
}

/** Time constant of the message-load estimate (assumption: sporadic messages averaged over a minute). */
const MESSAGE_TIME_CONSTANT_MS = 60_000;
/** Message load change (share of the carrier) that triggers a recomputation of the queue. */
const MESSAGE_LOAD_STEP = 0.005;
/** Highest waiting probability used (M/G/1: P(wait) = ρ). */
const MAX_WAIT_PROB = 0.999;

export class CellLoad {
  readonly entries: LoadEntry[] = [];
  /** PRB-symbols per ms of this direction. */
  readonly capacity: number;
  /** Entries whose queue changed at the last update (read by the network to refresh their flows). */
  readonly changed: LoadEntry[] = [];
  dirty = false;
  /** Offered load over capacity (can exceed 1). */
  rho = 0;
  /** Per tier: wait probability, mean wait and served share for traffic of that tier (messages use these). */
  readonly tierWaitProb: Float64Array;
  readonly tierWaitMeanMs: Float64Array;
  readonly tierServed: Float64Array;
  /** UL only: interference per PRB this cell's UEs cause at each gNB (mean over time), mW. */
  readonly ulInterferenceMw: Float64Array;
  // Message estimate: PRB-symbols per ms and λ·E[S²] per tier, decayed from `messageAtMs`.
  private messageRate: Float64Array;
  private messageSquares: Float64Array;
  private messageAtMs = 0;
  private messageRhoUsed = 0;
  private readonly demand: Float64Array;
  private readonly alloc: Float64Array;

  constructor(
    readonly cell: number,
    readonly dir: Dir,
    nPrb: number,
    symbolsPerMs: number,
    readonly tiers: number,
    cellCount: number,
    /** Most entries expected (scratch size; grows if needed). */
    size: number,
  ) {
    this.capacity = nPrb * symbolsPerMs;
    this.tierWaitProb = new Float64Array(tiers);
    this.tierWaitMeanMs = new Float64Array(tiers);
    this.tierServed = new Float64Array(tiers).fill(1);
    this.messageRate = new Float64Array(tiers);
    this.messageSquares = new Float64Array(tiers);
    this.ulInterferenceMw = new Float64Array(cellCount);
    this.demand = new Float64Array(Math.max(8, size));
    this.alloc = new Float64Array(Math.max(8, size));
  }

  add(e: LoadEntry): void {
    e.slot = this.entries.length;
    this.entries.push(e);
    this.dirty = true;
  }

  remove(e: LoadEntry): void {
    const i = e.slot;
    if (i < 0) return;
    const last = this.entries.pop()!;
    if (last !== e) {
      this.entries[i] = last;
      last.slot = i;
    }
    e.slot = -1;
    this.dirty = true;
  }

  /** A message of `prbSymbols` in `tier` at `tMs`: into the exponentially weighted estimate. */
  addMessage(tier: number, prbSymbols: number, tMs: number): void {
    this.decayMessages(tMs);
    const s = prbSymbols / this.capacity; // service time, ms
    this.messageRate[tier] += prbSymbols / MESSAGE_TIME_CONSTANT_MS;
    this.messageSquares[tier] += (s * s) / MESSAGE_TIME_CONSTANT_MS;
    if (Math.abs(this.messageRho() - this.messageRhoUsed) > MESSAGE_LOAD_STEP) this.dirty = true;
  }

  private decayMessages(tMs: number): void {
    if (tMs <= this.messageAtMs) return;
    const f = Math.exp(-(tMs - this.messageAtMs) / MESSAGE_TIME_CONSTANT_MS);
    for (let k = 0; k < this.tiers; k++) {
      this.messageRate[k] *= f;
      this.messageSquares[k] *= f;
    }
    this.messageAtMs = tMs;
  }

  private messageRho(): number {
    let r = 0;
    for (let k = 0; k < this.tiers; k++) r += this.messageRate[k];
    return r / this.capacity;
  }

  /** Share of the PRBs in use (0..1), for other cells' interference and the load probe. */
  get utilization(): number {
    return Math.min(1, this.rho);
  }

  /**
   * Recomputes the queue of every tier and entry at `tMs`. Entries whose queue moved by more than the
   * quantisation of the flow distributions are listed in `changed`.
   */
  update(tMs: number): void {
    this.dirty = false;
    this.changed.length = 0;
    this.decayMessages(tMs);
    this.messageRhoUsed = this.messageRho();
    const n = this.entries.length;
    const tiers = this.tiers;
    const sigma = new Float64Array(tiers);
    let residual = 0;
    for (let k = 0; k < tiers; k++) {
      sigma[k] = this.messageRate[k] / this.capacity;
      residual += this.messageSquares[k] / 2;
    }
    for (let i = 0; i < n; i++) {
      const e = this.entries[i];
      const s = e.prbSymbols / this.capacity;
      sigma[e.tier] += e.ratePerMs * s;
      residual += (e.ratePerMs * s * s) / 2;
    }
    let rho = 0;
    for (let k = 0; k < tiers; k++) rho += sigma[k];
    this.rho = rho;
    const waitProb = Math.min(MAX_WAIT_PROB, rho);
    // Tiers in order while the cumulative load stays below the carrier: the Cobham waits.
    let before = 0;
    let k = 0;
    for (; k < tiers; k++) {
      const through = before + sigma[k];
      if (through >= 1) break;
      const w = priorityWaitMs(residual, before, through);
      this.tierWaitProb[k] = waitProb;
      this.tierWaitMeanMs[k] = waitProb > 0 ? w / waitProb : 0;
      this.tierServed[k] = 1;
      before = through;
    }
    // The tier where the carrier runs out shares what is left max-min fairly; the ones after get nothing.
    let tierShare = 1;
    if (k < tiers) {
      const left = Math.max(0, 1 - before) * this.capacity;
      const demand = this.demand.length >= n ? this.demand : new Float64Array(n);
      const alloc = this.alloc.length >= n ? this.alloc : new Float64Array(n);
      let count = 0;
      let tierDemand = this.messageRate[k];
      for (let i = 0; i < n; i++) {
        const e = this.entries[i];
        if (e.tier !== k) continue;
        demand[count++] = e.ratePerMs * e.prbSymbols;
        tierDemand += e.ratePerMs * e.prbSymbols;
      }
      tierShare = tierDemand > 0 ? Math.min(1, left / tierDemand) : 1;
      waterFill(demand, count, left, alloc);
      let c = 0;
      for (let i = 0; i < n; i++) {
        const e = this.entries[i];
        if (e.tier !== k) continue;
        const d = demand[c];
        this.setQueue(e, 0, 0, d > 0 ? alloc[c] / d : 1);
        c++;
      }
      this.tierWaitProb[k] = 0;
      this.tierWaitMeanMs[k] = 0;
      this.tierServed[k] = tierShare;
      for (let j = k + 1; j < tiers; j++) {
        this.tierWaitProb[j] = 0;
        this.tierWaitMeanMs[j] = 0;
        this.tierServed[j] = 0;
      }
    }
    for (let i = 0; i < n; i++) {
      const e = this.entries[i];
      if (e.tier < k) this.setQueue(e, this.tierWaitProb[e.tier], this.tierWaitMeanMs[e.tier], 1);
      else if (e.tier > k) this.setQueue(e, 0, 0, 0);
    }
  }

  private setQueue(e: LoadEntry, waitProb: number, waitMeanMs: number, served: number): void {
    const p = quantizeProb(waitProb);
    const w = quantizeWait(waitMeanMs);
    const s = quantizeShare(served);
    if (p === e.waitProb && w === e.waitMeanMs && s === e.servedShare) return;
    e.waitProb = p;
    e.waitMeanMs = w;
    e.servedShare = s;
    this.changed.push(e);
  }
}

/** Quantisation of the queue inputs of a flow distribution (assumption: finer steps change no KPI figure). */
export function quantizeProb(p: number): number {
  return p < 0.001 ? 0 : Math.round(p * 200) / 200;
}
export function quantizeWait(ms: number): number {
  if (!(ms > 1e-4)) return 0;
  if (!Number.isFinite(ms)) return ms;
  return Math.exp(Math.round(Math.log(ms) * 20) / 20); // 5 % steps
}
export function quantizeShare(s: number): number {
  return s >= 0.9995 ? 1 : Math.round(s * 1000) / 1000;
}
