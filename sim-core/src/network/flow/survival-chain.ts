// Survival-time failures of a periodic stream without per-packet events: packet validity (on time, not lost)
// as a two-state Gilbert–Elliott chain (Gilbert 1960, Elliott 1963), sampled streak by streak, and the TS
// 22.104 rule of ../stream.ts: the receiver fails once `m` packets in a row are invalid, m = ⌊S / T⌋ + 1 for
// survival time S and interval T (deadline D: the failure instant is send(first invalid) + D + S), and
// recovers at the first valid packet after.
import type { RandomStream } from '../../engine/random';

/** Per-packet chain parameters of one flow regime. */
export interface ChainParams {
  /** Good state: probability a packet is invalid (HARQ, alignment, core jitter: independent packets). */
  readonly pGood: number;
  /** Per packet: probability of entering the bad state (every packet invalid) and of leaving it. */
  readonly enterBad: number;
  readonly leaveBad: number;
}

/** Kind of the next notable packet. */
export const FAIL = 1;
export const RECOVER = 2;
/** Nothing notable within the look-ahead horizon: continue from there. */
export const CONTINUE = 3;

interface Segment {
  start: number;
  length: number;
  invalid: boolean;
  /** Chain state after the segment. */
  badAfter: boolean;
  /** The packet after the segment is forced to the other validity (a streak ends by a status change). */
  flipNext: boolean;
}

/** The share of a flow's packets spoilt by fades (part of its invalid share without queueing), and their run. */
export interface FadeBurst {
  readonly share: number;
  /** Mean packets in a row a fade spoils: max(1, average fade duration / packet interval). */
  readonly sojournPackets: number;
}

/**
 * Fits the chain to a flow: `invalidProb` is every cause, `noQueueInvalidProb` what HARQ, alignment and the core
 * give without queueing; the rest is queueing, correlated over a busy period of `badPackets` packets (at least 1).
 * With `fade`, the part of `noQueueInvalidProb` that fades cause is bursty too: it joins the bad state, whose mean
 * sojourn then keeps the rate of bad episodes of both causes (share over sojourn, summed).
 */
export function fitChain(
  invalidProb: number,
  noQueueInvalidProb: number,
  badPackets: number,
  fade?: FadeBurst,
): ChainParams {
  const burst = fade !== undefined && fade.share > 0 ? fade : null;
  const pGood = Math.min(1, Math.max(0, noQueueInvalidProb - (burst === null ? 0 : burst.share)));
  const excess = pGood >= 1 ? 0 : Math.max(0, (invalidProb - pGood) / (1 - pGood));
  if (!(excess > 0)) return { pGood, enterBad: 0, leaveBad: 1 };
  if (excess >= 1) return { pGood, enterBad: 1, leaveBad: 0 };
  // Stationary bad share π = a / (a + b). A busy period shorter than a packet interval leaves packets late
  // independently: runs of 1 / (1 − excess) packets (a + b = 1), not of one, which would forbid two in a row.
  const sojourn =
    burst === null ? Math.max(badPackets, 1 / (1 - excess)) : fadedSojourn(excess, pGood, badPackets, burst);
  const leaveBad = 1 / sojourn;
  return { pGood, enterBad: (excess / (1 - excess)) * leaveBad, leaveBad };
}

/** The bad state's mean sojourn when fades (`fade.share` of the packets, in runs of its sojourn) join it. */
function fadedSojourn(excess: number, pGood: number, badPackets: number, fade: FadeBurst): number {
  // Bad share from fades (stationary, within the bad state's) and from queueing; bad episodes per packet of each.
  // Fades shorter than a packet interval spoil packets independently: their runs last 1 / (1 − share) packets on
  // average (a Gilbert–Elliott chain with a + b = 1), not one packet, which would forbid two in a row.
  const fadeBad = Math.min(excess, fade.share / (1 - pGood));
  const fadeRun = Math.max(1 / (1 - fadeBad), fade.sojournPackets);
  const episodes = (excess - fadeBad) / Math.max(1, badPackets) + fadeBad / fadeRun;
  return Math.max(1 / (1 - excess), excess / episodes);
}

/** Geometric count of trials before the first success of probability `p` (0 for p >= 1, Infinity for p <= 0). */
function geometric(rng: RandomStream, p: number): number {
  if (p >= 1) return 0;
  if (p <= 0) return Number.POSITIVE_INFINITY;
  return Math.floor(Math.log(1 - rng.next()) / Math.log(1 - p));
}

export class SurvivalChain {
  // Committed state: packets below `index` are decided.
  private index = 0;
  /** Invalid packets in a row ending at index − 1, and where that run began. */
  private run = 0;
  private runStart = 0;
  private bad = false;
  private flipNext = false;
  failed = false;
  /** Run start of the last committed failure (its instant is send(failRunStart) + D + S). */
  failRunStart = 0;
  /** First valid packet after the last committed failure (the receiver recovers at its arrival). */
  recoverIndex = 0;
  /** Packets below this are invalid whatever the chain says (a handover interruption). */
  private forcedUntil = 0;
  private params: ChainParams = { pGood: 0, enterBad: 0, leaveBad: 1 };
  /** Segments drawn ahead of the committed state, up to the next notable packet. */
  private readonly ahead: Segment[] = [];
  /** The next notable packet: kind and index (its run start for a failure). */
  nextKind = 0;
  nextIndex = 0;
  nextRunStart = 0;

  constructor(
    private readonly rng: RandomStream,
    /** Invalid packets in a row that make a failure. */
    readonly m: number,
    /** Packets drawn ahead at most (draws beyond a regime change are discarded, so keep it short). */
    private readonly horizon: number,
  ) {}

  /** A new activation: packet 0 is next, nothing invalid before it. */
  reset(params: ChainParams): void {
    this.index = 0;
    this.run = 0;
    this.runStart = 0;
    this.bad = false;
    this.flipNext = false;
    this.failed = false;
    this.forcedUntil = 0;
    this.ahead.length = 0;
    this.params = params;
    this.lookAhead();
  }

  /**
   * New parameters from packet `from` on (draws beyond it are discarded). Returns true when a failure drawn
   * ahead lies before `from`: its packets are past, so it stands (`failRunStart`), and `failed` is now set.
   */
  change(from: number, params: ChainParams): boolean {
    const committed = this.nextKind === FAIL && this.nextIndex < from;
    this.commitTo(from);
    this.params = params;
    this.lookAhead();
    return committed;
  }

  /** Packets from `from` up to `until` (exclusive) are invalid (a handover interruption); as `change`. */
  force(from: number, until: number): boolean {
    const committed = this.nextKind === FAIL && this.nextIndex < from;
    this.commitTo(from);
    if (until > this.forcedUntil) this.forcedUntil = until;
    this.lookAhead();
    return committed;
  }

  /** The notable packet happened (its event ran): commit through it and look for the next. */
  advance(): void {
    this.commitTo(this.nextKind === CONTINUE ? this.nextIndex : this.nextIndex + 1);
    this.lookAhead();
  }

  /** Applies the segments drawn ahead up to packet `to` (exclusive), dropping the rest. */
  private commitTo(to: number): void {
    for (const s of this.ahead) {
      if (s.start >= to) break;
      const n = Math.min(s.length, to - s.start);
      this.apply(s.start, n, s.invalid);
      // A streak cut where it ends keeps its state transition; inside, the streak's own state holds.
      if (n === s.length) this.bad = s.badAfter;
    }
    // Within the good state packets are independent: after a cut the next one is drawn afresh. (Keeping a
    // streak's "the next one differs" at a cut on its end, while redrawing after a cut inside one, would
    // count the change of validity twice.)
    this.flipNext = false;
    if (to > this.index) {
      // Packets between the last segment and `to` were not drawn (no event among them): none, in practice.
      this.index = to;
    }
    this.ahead.length = 0;
  }

  private apply(start: number, n: number, invalid: boolean): void {
    if (invalid) {
      if (this.run === 0) this.runStart = start;
      this.run += n;
      if (!this.failed && this.run >= this.m) {
        this.failed = true;
        this.failRunStart = this.runStart;
      }
    } else {
      this.run = 0;
      if (this.failed) {
        this.failed = false;
        this.recoverIndex = start;
      }
    }
    this.index = start + n;
  }

  /** Draws segments from the committed state until the next failure or recovery (or none: Infinity). */
  private lookAhead(): void {
    this.nextKind = 0;
    this.nextIndex = Number.POSITIVE_INFINITY;
    let i = this.index;
    let run = this.run;
    let runStart = this.runStart;
    const failed = this.failed;
    let bad = this.bad;
    let flip = this.flipNext;
    const { pGood, enterBad, leaveBad } = this.params;
    const limit = i + this.horizon;
    for (;;) {
      if (i >= limit) {
        this.nextKind = CONTINUE;
        this.nextIndex = limit;
        return;
      }
      let seg: Segment;
      if (i < this.forcedUntil)
        seg = { start: i, length: this.forcedUntil - i, invalid: true, badAfter: bad, flipNext: false };
      else if (bad) {
        const length = 1 + geometric(this.rng, leaveBad);
        seg = { start: i, length, invalid: true, badAfter: false, flipNext: false };
      } else {
        // A streak of packets of one validity in the good state.
        let invalid: boolean;
        if (flip) invalid = run === 0;
        else invalid = pGood >= 1 || (pGood > 0 && this.rng.next() < pGood);
        const same = invalid ? pGood : 1 - pGood;
        const cont = (1 - enterBad) * same;
        const length = 1 + geometric(this.rng, 1 - cont);
        if (!Number.isFinite(length)) {
          seg = { start: i, length: Number.POSITIVE_INFINITY, invalid, badAfter: false, flipNext: false };
        } else {
          // The streak ends by entering the bad state (a) or by a change of validity ((1 − a)(1 − same)).
          const stopBad = enterBad / (enterBad + (1 - enterBad) * (1 - same) || 1);
          const toBad = enterBad >= 1 || this.rng.next() < stopBad;
          seg = { start: i, length, invalid, badAfter: toBad, flipNext: !toBad };
        }
      }
      this.ahead.push(seg);
      if (seg.invalid) {
        if (run === 0) runStart = seg.start;
        if (!failed && run + seg.length >= this.m) {
          this.nextKind = FAIL;
          this.nextIndex = seg.start + (this.m - run) - 1;
          this.nextRunStart = runStart;
          return;
        }
        run += seg.length;
      } else {
        if (failed) {
          this.nextKind = RECOVER;
          this.nextIndex = seg.start;
          return;
        }
        run = 0;
      }
      if (!Number.isFinite(seg.length)) return;
      i = seg.start + seg.length;
      bad = seg.badAfter;
      flip = seg.flipNext;
    }
  }
}
