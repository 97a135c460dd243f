// One radio leg (UL or DL on the serving cell) of a packet, without other traffic: frame alignment on the
// TDD grid, segmentation into transport blocks of whole PRBs, and HARQ retransmission timing. The same
// rules as the packet model's MAC (../cell-link.ts), applied to one packet at a time.
import type { Dir, TddGrid } from '../tdd-grid';
import type { SrSchedule } from '../uplink-access';
import { packetsServed } from './slot-backlog';

export interface LegLink {
  readonly grid: TddGrid;
  readonly dir: Dir;
  /** Bits one PRB carries per OFDM symbol at the device's MCS (all layers, overhead removed). */
  readonly bitsPerPrbSymbol: number;
  /** Block error rate of one transmission at that MCS (with `residual`: its first attempt's, faded). */
  readonly bler: number;
  /**
   * With a fading link model: P(a block is still in error after a transmissions), a = 1..maxAttempts at a − 1,
   * Chase-combined in one fade (flow-fading.ts); absent: independent attempts, β^a.
   */
  readonly residual?: Float64Array;
  /** Most PRBs the device gets in one opportunity (the carrier, its UL power limit, or its fair share). */
  readonly capPrb: number;
  /** PRBs of the carrier. */
  readonly nPrb: number;
  /** First transmission plus HARQ retransmissions. */
  readonly maxAttempts: number;
  readonly harqProcessingMs: number;
}

/** The first transmission of a packet (reused object). */
export interface FirstTransmission {
  /** End of the opportunity that carries its last bits. */
  endMs: number;
  /** PRBs × the symbols of each opportunity used (a booked PRB is taken for the whole opportunity). */
  prbSymbols: number;
  blocks: number;
  /** Symbols of the opportunity of the last block (its retransmission needs as many). */
  lastSymbols: number;
  /** When present: each block's end and its opportunity's symbols, in order, in [0, blocks) (HARQ per block). */
  blockEndMs?: number[];
  blockSymbols?: number[];
}

const DONE_BITS = 1e-6;
/** Blocks whose ends are tracked one by one (beyond, a packet's HARQ is taken as its last block's). */
export const MAX_TRACKED_BLOCKS = 512;
/** A packet that needs more blocks than this is treated as never done (a link far below the lowest MCS). */
const MAX_BLOCKS = 100_000;

/**
 * Sends `bits` from the first opportunity at or after `tMs`, up to `capPrb` PRBs per opportunity, behind
 * `aheadPrbSymbols` of other traffic that the scheduler serves first (whole opportunities' PRBs): so a
 * packet that finds an opportunity partly taken spills into the next, as on the slot grid.
 */
export function firstTransmission(
  link: LegLink,
  bits: number,
  tMs: number,
  out: FirstTransmission,
  aheadPrbSymbols = 0,
): FirstTransmission {
  const { grid, dir } = link;
  // Callers ask for one send time with many loads ahead in a row: its first opportunity is kept.
  if (tMs !== firstAtMs || grid !== firstGrid || dir !== firstDir) {
    firstAtMs = tMs;
    firstGrid = grid;
    firstDir = dir;
    firstOpp = grid.nextOpportunity(dir, tMs);
  }
  let opp = firstOpp;
  let remaining = bits;
  let ahead = aheadPrbSymbols;
  out.prbSymbols = 0;
  out.blocks = 0;
  // Written by index up to `blocks` (no length reset per call: this runs millions of times).
  const ends = out.blockEndMs;
  const syms = out.blockSymbols;
  for (;;) {
    const symbols = grid.symbols(dir, opp);
    let free = link.nPrb;
    if (ahead > 0) {
      const taken = Math.min(link.nPrb, Math.ceil(ahead / symbols - 1e-9));
      ahead -= taken * symbols;
      free -= taken;
      if (free <= 0) {
        opp++;
        continue;
      }
    }
    const perPrb = link.bitsPerPrbSymbol * symbols;
    const prbs = Math.min(Math.ceil(remaining / perPrb - 1e-9), link.capPrb, free);
    remaining -= prbs * perPrb;
    out.prbSymbols += prbs * symbols;
    out.blocks++;
    if (ends !== undefined && out.blocks <= MAX_TRACKED_BLOCKS) {
      ends[out.blocks - 1] = grid.endMs(dir, opp);
      syms![out.blocks - 1] = symbols;
    }
    if (remaining <= DONE_BITS || out.blocks >= MAX_BLOCKS) {
      out.endMs =
        out.blocks >= MAX_BLOCKS && remaining > DONE_BITS ? Number.POSITIVE_INFINITY : grid.endMs(dir, opp);
      out.lastSymbols = symbols;
      return out;
    }
    opp++;
  }
}

// firstTransmission's last send time and its first opportunity (pure memo of grid.nextOpportunity).
let firstAtMs = Number.NaN;
let firstGrid: TddGrid | null = null;
let firstDir = -1;
let firstOpp = 0;

/** The fewest symbols of an opportunity of `dir` on `grid`. */
export function minOpportunitySymbols(grid: TddGrid, dir: Dir): number {
  let min = Number.POSITIVE_INFINITY;
  for (let i = 0; i < grid.count(dir); i++) min = Math.min(min, grid.symbols(dir, i));
  return min;
}

/**
 * Whether one PRB of every opportunity carries `bits` at `bitsPerPrbSymbol` (`minSymbols`: the fewest symbols of an
 * opportunity). Then `firstTransmission` sends the packet in one block of one PRB in the first opportunity with a
 * PRB left, whatever the MCS: the same end, PRB-symbols and retransmission timing at every MCS that passes.
 */
export function fitsOnePrb(bits: number, bitsPerPrbSymbol: number, minSymbols: number): boolean {
  return bits <= bitsPerPrbSymbol * minSymbols;
}

/**
 * The longest window whose arrivals a packet may find ahead of it (delay-distribution.ts): the longest gap between
 * two opportunities of `dir` (also the backlog's, slot-backlog.ts), or for data waiting for a grant the longest SR
 * window, if longer.
 */
export function longestWindowMs(grid: TddGrid, dir: Dir, access: SrSchedule | null): number {
  const count = grid.count(dir);
  let longest = 0;
  for (let i = count; i < 2 * count; i++)
    longest = Math.max(longest, grid.startMs(dir, i) - grid.startMs(dir, i - 1));
  if (access !== null) {
    const occasions = access.occasionStartsMs();
    for (let j = 0; j < occasions.length; j++) {
      const before = j > 0 ? occasions[j - 1]! : occasions[occasions.length - 1]! - access.cycleMs;
      longest = Math.max(longest, occasions[j]! - before);
    }
  }
  return longest;
}

/**
 * Whether the size of the others' packets ahead (`aheadPrbSymbols`) can change a leg's delay behind them: not when
 * the most packets ahead that count (`maxAhead`: the Poisson tail of `longestWindowMs`, slot-backlog.ts) leave the
 * leg's PRBs in the shortest opportunity (`minSymbols`, the worst case) and never exceed what one opportunity
 * serves (no backlog carries over): then every count ahead sends the packet in the first opportunity as if alone,
 * whatever their size. `firstTransmission`'s and `slotBacklog`'s arithmetic, so the answer is exact.
 */
export function aheadSizeMatters(
  link: Pick<LegLink, 'bitsPerPrbSymbol' | 'capPrb' | 'nPrb'>,
  bits: number,
  minSymbols: number,
  aheadPrbSymbols: number,
  maxAhead: number,
): boolean {
  if (maxAhead === 0) return false;
  const taken = Math.ceil((maxAhead * aheadPrbSymbols) / minSymbols - 1e-9);
  const own = Math.min(Math.ceil(bits / (link.bitsPerPrbSymbol * minSymbols) - 1e-9), link.capPrb);
  if (taken + own > link.nPrb) return true;
  return packetsServed(link.nPrb, minSymbols, aheadPrbSymbols) < maxAhead;
}

/** End of the retransmission of a block that ended at `endMs` (TS 38.213 §9.2.3 timing, via the grid). */
export function retransmissionEndMs(link: LegLink, endMs: number, symbols: number): number {
  const { grid, dir } = link;
  return grid.endMs(dir, grid.harqRetransmission(dir, endMs, link.harqProcessingMs, symbols));
}

/** P(a block is still in error after `a` transmissions): β^a, or the link's faded residual. */
export function residualAfter(link: Pick<LegLink, 'bler' | 'residual'>, a: number): number {
  return link.residual === undefined ? link.bler ** a : a === 0 ? 1 : link.residual[a - 1]!;
}

/**
 * P(every one of `blocks` blocks is through within `a` transmissions): (1 − β^a)^blocks, blocks independent; with
 * fading 1 − F_a, the blocks in one fade (`attemptProbabilities`).
 */
export function doneWithin(link: Pick<LegLink, 'bler' | 'residual'>, a: number, blocks: number): number {
  return link.residual === undefined ? (1 - link.bler ** a) ** blocks : 1 - link.residual[a - 1]!;
}

/** Expected transmissions of one block with at most `maxAttempts`: Σ_{a=1..A} F_{a−1} (β^(a−1) without fading). */
export function expectedAttempts(link: Pick<LegLink, 'bler' | 'residual' | 'maxAttempts'>): number {
  const { bler, maxAttempts, residual } = link;
  if (residual !== undefined) {
    let sum = 1;
    for (let a = 1; a < maxAttempts; a++) sum += residual[a - 1]!;
    return sum;
  }
  if (bler >= 1) return maxAttempts;
  if (bler !== expectedBler || maxAttempts !== expectedMax) {
    expectedBler = bler;
    expectedMax = maxAttempts;
    expected = (1 - bler ** maxAttempts) / (1 - bler);
  }
  return expected;
}

// expectedAttempts' last answer (pure memo: a leg asks once per phase point with the same inputs).
let expectedBler = Number.NaN;
let expectedMax = -1;
let expected = 1;

/**
 * Probability that a packet of `blocks` blocks needs exactly `a` transmissions of its slowest block, and that
 * it is lost (some block fails all attempts). Blocks are independent (the HARQ model of ../cell-link.ts). With
 * fading, ASSUMPTION: a packet's blocks share one fade and the BLER curve is steep against the fade's spread (90 %
 * to 10 % in 0.3 dB), so a block decodes at attempt a when the fade is above that attempt's level, and so do the
 * others: P(done within a) = 1 − F_a whatever the block count.
 * Writes P(a) for a = 1..A into `out[a - 1]`; returns the loss probability.
 */
export function attemptProbabilities(
  link: Pick<LegLink, 'bler' | 'residual' | 'maxAttempts'>,
  blocks: number,
  out: Float64Array,
): number {
  const { bler, maxAttempts, residual } = link;
  // The phase points of a leg mostly ask for the same inputs again: the last answer is kept (pure memo).
  if (
    bler !== lastBler ||
    maxAttempts !== lastMaxAttempts ||
    blocks !== lastBlocks ||
    residual !== lastResidual
  ) {
    if (lastAttempts.length < maxAttempts) lastAttempts = new Float64Array(maxAttempts);
    let prev = 0;
    for (let a = 1; a <= maxAttempts; a++) {
      const within = doneWithin(link, a, blocks);
      lastAttempts[a - 1] = within - prev;
      prev = within;
    }
    lastLoss = 1 - prev;
    lastBler = bler;
    lastMaxAttempts = maxAttempts;
    lastBlocks = blocks;
    lastResidual = residual;
  }
  for (let a = 0; a < maxAttempts; a++) out[a] = lastAttempts[a]!;
  return lastLoss;
}

let lastBler = Number.NaN;
let lastMaxAttempts = -1;
let lastBlocks = -1;
let lastResidual: Float64Array | undefined;
let lastLoss = 0;
let lastAttempts = new Float64Array(8);
