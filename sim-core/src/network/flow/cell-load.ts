// The offered load of one cell and direction in flow fidelity: the legs of active streams (rates known) and
// an exponentially weighted estimate of message traffic. From them, per traffic tier: which other packets a
// packet shares its opportunity with (their rate and size), and, when the carrier cannot keep up, the share
// of its packets the scheduler serves (in the tier where the PRBs run out: max-min fair under shared PRBs, the
// same share for every flow first come first served; nothing below).
import type { CellShare } from '../ran-share/ran-share';
import type { Dir } from '../tdd-grid';
import { waterFill } from './queue-model';

/** One leg of an active stream, booked on the cell that serves its device. */
export interface LoadEntry {
  /** Packets per ms. */
  readonly ratePerMs: number;
  /** Expected PRB-symbols per packet (all HARQ transmissions); updated with the device's link. */
  prbSymbols: number;
  readonly tier: number;
  /** Position in the cell's entry list (-1 when not booked). */
  slot: number;
  // Written by CellLoad.update():
  servedShare: number;
  /** Others' packets that arrive in the same gap before an opportunity and are served with or before it. */
  aheadRatePerMs: number;
  /** Their mean PRB-symbols per packet. */
  aheadPrbSymbols: number;
  /** Their period (Σλ / Σλ²: the period of equal streams, Infinity for messages alone). */
  aheadPeriodMs: number;
}

/** Time constant of the message-load estimate (assumption: sporadic messages averaged over a minute). */
const MESSAGE_TIME_CONSTANT_MS = 60_000;
/** Relative change of the message rate that triggers a recomputation. */
const MESSAGE_RATE_STEP = 0.1;

export class CellLoad {
  readonly entries: LoadEntry[] = [];
  /** PRB-symbols per ms of this direction (the whole carrier). */
  readonly capacity: number;
  /** PRB-symbols per ms the factory can use: the carrier, or on a shared cell its RAN share (ran-share/). */
  private factoryCapacity: number;
  /** Most PRBs per opportunity the factory's packets get (the carrier's unless the cell is shared). */
  capPrb: number;
  /**
   * UL interference of the cell's UEs over the factory's alone: 1, or on a shared cell 1 + public share /
   * factory share (public UEs assumed spread like the factory's).
   */
  interferenceScale = 1;
  /** The factory UEs with data that the cap was last computed for (backloggedUes). */
  private uesCounted = 0;
  /** Share of the PRBs the public users use (0 unless the cell is shared). */
  private publicShare = 0;
  /** Entries whose inputs changed at the last update (read by the network to refresh their flows). */
  readonly changed: LoadEntry[] = [];
  dirty = false;
  /** Offered load over capacity (can exceed 1). */
  rho = 0;
  /** Per tier: share served, and packets per ms (PRB-symbols per ms) of that tier and the ones before it. */
  readonly tierServed: Float64Array;
  readonly tierAheadRate: Float64Array;
  readonly tierAheadWork: Float64Array;
  /** Σ λ² of the streams of that tier and the ones before it (messages count as Poisson: 0). */
  readonly tierAheadRateSq: Float64Array;
  private served = new Float64Array(8);
  // Message estimate per tier: PRB-symbols per ms and packets per ms, decayed from `messageAtMs`.
  private readonly messageWork: Float64Array;
  private readonly messagePackets: Float64Array;
  private messageAtMs = 0;
  private messageRateUsed = 0;
  private demand = new Float64Array(8);
  private alloc = new Float64Array(8);

  constructor(
    readonly cell: number,
    readonly dir: Dir,
    /**
     * How a packet shares an opportunity with the others that arrived before it: 'fifo' for the priority
     * scheduler (earliest deadline first within a 5QI level: first come, first served for equal budgets),
     * 'ps' for round robin and proportional fair (PRBs shared among the backlogged devices, so a packet
     * waits for others' work only up to its own size).
     */
    readonly discipline: 'fifo' | 'ps',
    nPrb: number,
    symbolsPerMs: number,
    readonly tiers: number,
    /** The public users' claim on this cell and direction (null: the factory's own cell). */
    private readonly share: CellShare | null = null,
    /** Mean time between opportunities of this direction (the TDD period over its opportunities). */
    private readonly opportunityMs = 1,
  ) {
    this.capacity = nPrb * symbolsPerMs;
    this.factoryCapacity = this.capacity;
    this.capPrb = nPrb;
    this.tierServed = new Float64Array(tiers).fill(1);
    this.tierAheadRate = new Float64Array(tiers);
    this.tierAheadWork = new Float64Array(tiers);
    this.tierAheadRateSq = new Float64Array(tiers);
    this.messageWork = new Float64Array(tiers);
    this.messagePackets = new Float64Array(tiers);
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
    this.messageWork[tier]! += prbSymbols / MESSAGE_TIME_CONSTANT_MS;
    this.messagePackets[tier]! += 1 / MESSAGE_TIME_CONSTANT_MS;
    const r = this.messageRate();
    if (Math.abs(r - this.messageRateUsed) > MESSAGE_RATE_STEP * Math.max(r, this.messageRateUsed))
      this.dirty = true;
  }

  private decayMessages(tMs: number): void {
    if (tMs <= this.messageAtMs) return;
    const f = Math.exp(-(tMs - this.messageAtMs) / MESSAGE_TIME_CONSTANT_MS);
    for (let k = 0; k < this.tiers; k++) {
      this.messageWork[k]! *= f;
      this.messagePackets[k]! *= f;
    }
    this.messageAtMs = tMs;
  }

  private messageRate(): number {
    let r = 0;
    for (let k = 0; k < this.tiers; k++) r += this.messagePackets[k]!;
    return r;
  }

  /** Share of the PRBs the factory uses (0..1), for the load probe and snapshots. */
  get utilization(): number {
    return this.share === null ? Math.min(1, this.rho) : Math.min(1, this.rho) * this.factoryShare();
  }

  /** Share of the PRBs in use, the public users' included: the load factor of this cell's interference. */
  get loadFactor(): number {
    return this.share === null ? Math.min(1, this.rho) : Math.min(1, this.utilization + this.publicShare);
  }

  /** Factory's capacity over the carrier's. */
  private factoryShare(): number {
    return this.factoryCapacity / this.capacity;
  }

  /** On a shared cell: the factory's PRB cap at `tMs` for its current flows, the public users' share. */
  private updateShare(tMs: number, work: number): boolean {
    const share = this.share!;
    const nPrb = share.nPrb;
    this.uesCounted = this.backloggedUes();
    const cap = Math.max(1, Math.min(nPrb, share.factoryCapPrb(tMs, this.uesCounted)));
    const moved = cap !== this.capPrb;
    this.capPrb = cap;
    this.factoryCapacity = (this.capacity * cap) / nPrb;
    const used = Math.min(work, this.factoryCapacity) / this.capacity;
    this.publicShare = share.publicShare(tMs, used);
    this.interferenceScale = used > 0 ? 1 + this.publicShare / used : 1;
    return moved;
  }

  /**
   * The factory's UEs with data at an opportunity, as the packet MAC counts them for the RAN share (its backlogged
   * devices), seen by a packet of the cell: its own UE has data, each other leg with the chance b that it has
   * (1 when the scheduler cannot serve it in full, else the chance of a packet since the last opportunity, or its
   * share of the factory's PRBs if larger; messages likewise): 1 + Σ b − max b, the busiest leg standing for the
   * packet's own (ASSUMPTION: one leg per UE). Counting every active leg, as before, overstated the factory's fair
   * share against the public users (GSE's UL: 84 % PRB use against the packet model's 78.9 %).
   */
  private backloggedUes(): number {
    let sum = 0;
    let top = 0;
    for (let i = 0; i < this.entries.length; i++) {
      const e = this.entries[i]!;
      const b =
        e.servedShare < 1
          ? 1
          : Math.min(
              1,
              Math.max(e.ratePerMs * this.opportunityMs, (e.ratePerMs * e.prbSymbols) / this.factoryCapacity),
            );
      sum += b;
      if (b > top) top = b;
    }
    const messages = Math.min(1, this.messageRate() * this.opportunityMs);
    return 1 + sum + messages - Math.max(top, messages);
  }

  /** Recomputes loads and shares at `tMs`; entries whose inputs moved are listed in `changed`. */
  update(tMs: number): void {
    this.dirty = false;
    this.changed.length = 0;
    this.decayMessages(tMs);
    this.messageRateUsed = this.messageRate();
    const n = this.entries.length;
    const tiers = this.tiers;
    const rate = this.tierAheadRate;
    const work = this.tierAheadWork;
    const sq = this.tierAheadRateSq;
    for (let k = 0; k < tiers; k++) {
      rate[k] = this.messagePackets[k]!;
      work[k] = this.messageWork[k]!;
      sq[k] = 0;
    }
    for (let i = 0; i < n; i++) {
      const e = this.entries[i]!;
      rate[e.tier]! += e.ratePerMs;
      work[e.tier]! += e.ratePerMs * e.prbSymbols;
      sq[e.tier]! += e.ratePerMs * e.ratePerMs;
    }
    for (let k = 1; k < tiers; k++) {
      rate[k]! += rate[k - 1]!;
      work[k]! += work[k - 1]!;
      sq[k]! += sq[k - 1]!;
    }
    const capMoved = this.share !== null && this.updateShare(tMs, work[tiers - 1]!);
    const capacity = this.factoryCapacity;
    this.rho = work[tiers - 1]! / capacity;
    // The tiers the carrier serves in full; in the one where it runs out, max-min fair shares; none after.
    let k = 0;
    while (k < tiers && work[k]! < capacity) {
      this.tierServed[k] = 1;
      k++;
    }
    if (k < tiers) {
      const left = Math.max(0, capacity - (k > 0 ? work[k - 1]! : 0));
      if (this.demand.length < n) {
        this.demand = new Float64Array(2 * n);
        this.alloc = new Float64Array(2 * n);
      }
      let count = 0;
      for (let i = 0; i < n; i++) {
        const e = this.entries[i]!;
        if (e.tier === k) this.demand[count++] = e.ratePerMs * e.prbSymbols;
      }
      const tierWork = work[k]! - (k > 0 ? work[k - 1]! : 0);
      if (this.discipline === 'ps') {
        // Shared PRBs: sporadic messages are far below the fair level, so they are served in full (and
        // the streams share what they leave); a stream below the level too, the ones above are cut to it.
        this.tierServed[k] = 1;
        waterFill(this.demand, count, Math.max(0, left - this.messageWork[k]!), this.alloc);
      } else {
        // First come, first served (earliest deadline within a 5QI level): the tier's queue holds every packet of
        // it up to the discard timer, so a light flow's packet waits behind the stale heads of the heavy ones like
        // any other: every flow of the tier gets the same share (the packet model's EDF starves them all alike).
        const served = tierWork > 0 ? Math.min(1, left / tierWork) : 1;
        this.tierServed[k] = served;
        for (let c = 0; c < count; c++) this.alloc[c] = this.demand[c]! * served;
      }
      for (let j = k + 1; j < tiers; j++) this.tierServed[j] = 0;
    }
    if (this.served.length < n) this.served = new Float64Array(2 * n);
    const servedOf = this.served;
    let c = 0;
    let saturated = 0;
    for (let i = 0; i < n; i++) {
      const e = this.entries[i]!;
      let served = 1;
      if (e.tier > k) served = 0;
      else if (e.tier === k) {
        const d = this.demand[c]!;
        served = d > 0 ? this.alloc[c]! / d : 1;
        c++;
      }
      servedOf[i] = served;
      if (quantizeShare(served) < 1) saturated++;
    }
    // Shared PRBs (round robin, proportional fair): a flow the scheduler cannot serve in full is always backlogged
    // and its average throughput is high, so a light flow's device wins the PRBs it needs first; the saturated
    // flows' queues are left out of the arrivals and backlog the others wait behind (they only take what is left).
    if (this.discipline === 'ps' && saturated > 0)
      for (let i = 0; i < n; i++) {
        if (quantizeShare(servedOf[i]!) >= 1) continue;
        const e = this.entries[i]!;
        for (let t = e.tier; t < tiers; t++) {
          rate[t]! -= e.ratePerMs;
          work[t]! -= e.ratePerMs * e.prbSymbols;
          sq[t]! -= e.ratePerMs * e.ratePerMs;
        }
      }
    for (let i = 0; i < n; i++) {
      const e = this.entries[i]!;
      const t = e.tier;
      // A saturated leg's own rate is out of the sums already.
      const own = this.discipline === 'ps' && quantizeShare(servedOf[i]!) < 1 ? 0 : 1;
      this.set(
        e,
        servedOf[i]!,
        rate[t]! - own * e.ratePerMs,
        work[t]! - own * e.ratePerMs * e.prbSymbols,
        sq[t]! - own * e.ratePerMs * e.ratePerMs,
      );
    }
    // A new PRB cap changes every leg's transmission (PRBs per opportunity).
    if (capMoved) {
      this.changed.length = 0;
      for (let i = 0; i < n; i++) this.changed.push(this.entries[i]!);
    }
    // The cap counted the legs' backlog before their shares moved (a starved leg is backlogged): once more when
    // that count moved by half a UE or more (hysteresis: no flapping between neighbouring caps).
    if (this.share !== null && Math.abs(this.backloggedUes() - this.uesCounted) >= 0.5) this.dirty = true;
  }

  private set(e: LoadEntry, served: number, aheadRate: number, aheadWork: number, aheadSq: number): void {
    const s = quantizeShare(served);
    // Hysteresis: a value within one step of the one in use keeps it (no flapping across a step boundary).
    const r = aheadRate > 1e-9 ? sticky(e.aheadRatePerMs, aheadRate) : 0;
    const w = r > 0 ? sticky(e.aheadPrbSymbols, aheadWork / aheadRate) : 0;
    const p =
      r > 0 && aheadSq > 1e-12 ? sticky(e.aheadPeriodMs, aheadRate / aheadSq) : Number.POSITIVE_INFINITY;
    if (s === e.servedShare && r === e.aheadRatePerMs && w === e.aheadPrbSymbols && p === e.aheadPeriodMs)
      return;
    e.servedShare = s;
    e.aheadRatePerMs = r;
    e.aheadPrbSymbols = w;
    e.aheadPeriodMs = p;
    this.changed.push(e);
  }
}

/** Quantisation of the load inputs of a flow distribution (assumption: finer steps change no KPI figure). */
export function quantizeLog(x: number): number {
  return Math.exp(Math.round(Math.log(x) * 10) / 10); // 10 % steps
}
/** Ratios within one quantisation step (|log(x / current)| < 0.1), without a logarithm per entry. */
const STEP_BELOW = Math.exp(-0.1);
const STEP_ABOVE = Math.exp(0.1);

/** `x` quantised, unless the value in use is within one quantisation step of it. */
function sticky(current: number, x: number): number {
  if (current > 0 && Number.isFinite(current)) {
    const ratio = x / current;
    if (ratio > STEP_BELOW && ratio < STEP_ABOVE) return current;
  }
  return quantizeLog(x);
}

export function quantizeShare(s: number): number {
  return s >= 0.9995 ? 1 : Math.round(s * 1000) / 1000;
}
