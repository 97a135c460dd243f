// A packet of several transport blocks on the TDD grid with HARQ, sent as the packet model's MAC sends it
// (../cell-link.ts): one block per opportunity; a failed block's retransmissions are booked when it is sent
// (`reserve`: the first opportunity after the feedback with the block's symbols and its PRBs not booked by
// other retransmissions), and an opportunity's new data gets only the PRBs the bookings leave (`run`, step 3).
// So a retransmission takes PRBs from the packet's own later blocks and pushes its tail, and a retransmission
// of a big block waits for an opportunity with that many PRBs free. The outcomes (end of the packet's last
// transmission, probability) come from the histories of the blocks' attempt counts, opportunity by
// opportunity, merged where they leave the same state (bits sent, others' work served, bookings ahead).
import type { Dir, TddGrid } from '../tdd-grid';
import type { LegLink } from './radio-leg';
import { residualAfter } from './radio-leg';

const DONE_BITS = 1e-6;
/**
 * Histories below this probability are left out (so are the lost ones): the outcomes then sum to a little less
 * than the delivered share, which the caller renormalises (assumption: far below the latency histogram's
 * resolution; `frame-harq.test.ts` checks against the full enumeration).
 */
const PRUNE_PROB = 1e-8;
/**
 * At most this many states are carried from one opportunity to the next: the most probable, each of the others
 * merged into the one with the nearest work left (`merge`). ASSUMPTION: frames with several retransmissions
 * pending reach it; against the full enumeration it keeps the mean within 1 % and the p99 within a TDD period
 * (UL frames of 12–30 blocks at BLER 0.05–0.1, `frame-harq.test.ts`; at 0.3 the p99 was 5 % short).
 */
export const MAX_STATES = 32;
/**
 * Packets of more blocks alone keep the independent blocks (delay-distribution.ts): their histories cost ~1 ms or
 * more per send phase (engine-parts' 20–30-block UL video frames: +40 % of its 8 h run). ASSUMPTION: such frames
 * span many retransmission times, so a failed block's push of the tail is a small share of their length.
 */
export const MAX_FRAME_BLOCKS = 16;
/** Opportunities per block alone beyond which a history is given up (a link far too slow: never in practice). */
const MAX_OPPS_PER_BLOCK = 8;

/** A history's state between opportunities. */
interface State {
  prob: number;
  /** PRB-symbols of the packet sent so far (first transmissions). */
  sent: number;
  /** PRB-symbols of the others' work ahead served so far. */
  aheadServed: number;
  /** PRBs booked by retransmissions at opportunities at or after the next one: [opportunity, PRBs], sorted. */
  res: number[];
  hash: number;
  /** The next state with the same hash (carry's table). */
  next: State | null;
}

/** Outcomes of one packet: the end of each delivered history's last transmission and its probability. */
export interface FrameOutcomes {
  readonly endMs: number[];
  readonly prob: number[];
}

/**
 * The delivered outcomes of a packet of `bits` first sent at or after `startMs`, behind `aheadPrbSymbols` of
 * others' work that the scheduler serves first (after the bookings: `firstTransmission`'s rules, radio-leg.ts),
 * each block at most `capPrb` PRBs per opportunity, written into `out` (emptied first). Without fading the blocks'
 * attempt counts are independent, P(a) = β^(a−1)(1 − β); with fading (`link.residual`) every block of the packet
 * takes the same count a, P(a) = F_{a−1} − F_a (ASSUMPTION (2) of flow-fading.ts: one fade for the packet's
 * blocks, the BLER curve steep against it). Returns the probability the outcomes sum to.
 */
export function frameHarq(
  link: LegLink,
  bits: number,
  startMs: number,
  aheadPrbSymbols: number,
  out: FrameOutcomes,
  blocksAlone: number,
  maxStates = MAX_STATES,
): number {
  out.endMs.length = 0;
  out.prob.length = 0;
  const A = link.maxAttempts;
  if (attemptP.length < A) attemptP = new Float64Array(A);
  for (let a = 1; a <= A; a++) attemptP[a - 1] = residualAfter(link, a - 1) - residualAfter(link, a);
  if (link.residual === undefined)
    return run(link, bits, startMs, aheadPrbSymbols, out, blocksAlone, 0, maxStates);
  let total = 0;
  for (let a = 1; a <= A; a++)
    if (attemptP[a - 1]! > 0)
      total += run(link, bits, startMs, aheadPrbSymbols, out, blocksAlone, a, maxStates);
  return total;
}

let attemptP = new Float64Array(8);
const chain: number[] = [];
// Retransmission targets by (opportunity, symbols) of the last run's grid and direction (pure memo).
const targets = new Map<number, number>();
let targetsGrid: TddGrid | null = null;
let targetsDir = -1;
let targetsProcessingMs = Number.NaN;

/** The histories opportunity by opportunity; `fixed` > 0: every block takes that many attempts (fading). */
function run(
  link: LegLink,
  bits: number,
  startMs: number,
  ahead0: number,
  out: FrameOutcomes,
  blocksAlone: number,
  fixed: number,
  maxStates: number,
): number {
  const { grid, dir, nPrb, capPrb, bitsPerPrbSymbol: bps, maxAttempts: A, harqProcessingMs } = link;
  if (grid !== targetsGrid || dir !== targetsDir || harqProcessingMs !== targetsProcessingMs) {
    targets.clear();
    targetsGrid = grid;
    targetsDir = dir;
    targetsProcessingMs = harqProcessingMs;
  }
  let states: State[] = [
    { prob: fixed > 0 ? attemptP[fixed - 1]! : 1, sent: 0, aheadServed: 0, res: [], hash: 0, next: null },
  ];
  let total = 0;
  const first = grid.nextOpportunity(dir, startMs);
  const lastOpp = first + MAX_OPPS_PER_BLOCK * Math.max(1, blocksAlone) + 64;
  const most = fixed > 0 ? fixed : A;
  for (let o = first; states.length > 0 && o <= lastOpp; o++) {
    const symbols = grid.symbols(dir, o);
    const perPrb = bps * symbols;
    const endOpp = grid.endMs(dir, o);
    table.clear();
    nextStates.length = 0;
    for (let si = 0; si < states.length; si++) {
      const s = states[si]!;
      const res = s.res;
      // Bookings are sorted by opportunity, one entry each, all at or after this one.
      let free = nPrb;
      if (res.length > 0 && res[0] === o) free -= res[1]!;
      let aheadServed = s.aheadServed;
      const ahead = ahead0 - aheadServed;
      if (ahead > 0 && free > 0) {
        const taken = Math.min(free, Math.ceil(ahead / symbols - 1e-9));
        aheadServed += taken * symbols;
        free -= taken;
      }
      if (free <= 0) {
        carry(s.prob, s.sent, aheadServed, res, o, 0, 0);
        continue;
      }
      const prbs = Math.min(Math.ceil((bits - bps * s.sent) / perPrb - 1e-9), capPrb, free);
      const sent = s.sent + prbs * symbols;
      const finished = bits - bps * sent <= DONE_BITS;
      // The retransmissions this block would need, booked in order (each after the one before).
      chain.length = 0;
      let prev = o;
      for (let k = 1; k < most; k++) {
        const key = prev * 32 + symbols;
        let r = targets.get(key);
        if (r === undefined) {
          r = grid.harqRetransmission(dir, grid.endMs(dir, prev), harqProcessingMs, symbols);
          targets.set(key, r);
        }
        while (grid.symbols(dir, r) < symbols || booked(res, r) + prbs > nPrb) r++;
        chain.push(r);
        prev = r;
      }
      const latest = res.length > 0 ? res[res.length - 2]! : o;
      for (let a = fixed > 0 ? fixed : 1; a <= most; a++) {
        const p = fixed > 0 ? s.prob : s.prob * attemptP[a - 1]!;
        if (!(p > PRUNE_PROB)) continue;
        if (finished) {
          const last = Math.max(a > 1 ? chain[a - 2]! : o, latest);
          out.endMs.push(last === o ? endOpp : grid.endMs(dir, last));
          out.prob.push(p);
          total += p;
        } else carry(p, sent, aheadServed, res, o, prbs, a - 1);
      }
    }
    states =
      nextStates.length > maxStates ? merge(nextStates, maxStates, bits, bps, grid, dir) : nextStates.slice();
  }
  return total;
}

// The states of the next opportunity, by hash (chained on collisions).
const table = new Map<number, State>();
const nextStates: State[] = [];

/**
 * Adds a state for the next opportunity: the bookings after `o` plus the first `retx` of `chain` (`prbs` each),
 * merged with a state of the same bits sent, others' work served and bookings (their probabilities add).
 */
function carry(
  prob: number,
  sent: number,
  aheadServed: number,
  res: readonly number[],
  o: number,
  prbs: number,
  retx: number,
): void {
  // Sorted merge of the bookings after `o` and the chain's (increasing, each at most once), one entry per
  // opportunity; the hash of their offsets from `o` and PRBs.
  const kept: number[] = [];
  let i = res.length > 0 && res[0] === o ? 2 : 0;
  let k = 0;
  let hash = Math.imul(sent | 0, 0x9e3779b1) ^ Math.imul(aheadServed | 0, 0x85ebca6b);
  while (i < res.length || k < retx) {
    let at: number;
    let n: number;
    if (k >= retx || (i < res.length && res[i]! < chain[k]!)) {
      at = res[i]!;
      n = res[i + 1]!;
      i += 2;
    } else if (i < res.length && res[i] === chain[k]) {
      at = res[i]!;
      n = res[i + 1]! + prbs;
      i += 2;
      k++;
    } else {
      at = chain[k]!;
      n = prbs;
      k++;
    }
    kept.push(at, n);
    hash = Math.imul(hash ^ (at - o), 0x27d4eb2d) ^ n;
  }
  for (let s: State | null | undefined = table.get(hash); s != null; s = s.next)
    if (s.sent === sent && s.aheadServed === aheadServed && sameBookings(s.res, kept)) {
      s.prob += prob;
      return;
    }
  const state: State = { prob, sent, aheadServed, res: kept, hash, next: table.get(hash) ?? null };
  table.set(hash, state);
  nextStates.push(state);
}

function sameBookings(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * The `keep` most probable states, each other merged into the kept one nearest in work left (the packet's bits
 * left plus the PRB-symbols booked ahead, in PRB-symbols): probabilities add, mass is kept.
 */
function merge(states: State[], keep: number, bits: number, bps: number, grid: TddGrid, dir: Dir): State[] {
  states.sort((x, y) => y.prob - x.prob);
  const kept = states.slice(0, keep);
  const work = kept.map((s) => workLeft(s, bits, bps, grid, dir));
  const order = kept.map((_, i) => i).sort((x, y) => work[x]! - work[y]! || x - y);
  const sorted = order.map((i) => work[i]!);
  for (let i = keep; i < states.length; i++) {
    const s = states[i]!;
    const w = workLeft(s, bits, bps, grid, dir);
    // The first kept state with at least this much work left, or the one before if nearer.
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid]! < w) lo = mid + 1;
      else hi = mid;
    }
    if (lo === sorted.length || (lo > 0 && w - sorted[lo - 1]! <= sorted[lo]! - w)) lo--;
    kept[order[lo]!]!.prob += s.prob;
  }
  return kept;
}

function workLeft(s: State, bits: number, bps: number, grid: TddGrid, dir: Dir): number {
  let w = Math.max(0, bits / bps - s.sent);
  for (let i = 0; i < s.res.length; i += 2) w += s.res[i + 1]! * grid.symbols(dir, s.res[i]!);
  return w;
}

/** PRBs booked at opportunity `opp` (bookings sorted by opportunity, one entry each). */
function booked(res: readonly number[], opp: number): number {
  for (let i = 0; i < res.length && res[i]! <= opp; i += 2) if (res[i] === opp) return res[i + 1]!;
  return 0;
}
