// The TDD slot grid of one cell: transmission opportunities per direction (TS 38.213 §11.1 slot formats,
// reduced to D / U / S slots with a configurable special-slot split).
import {
  DEFAULT_SPECIAL_SLOT,
  type LinkDirection,
  type SpecialSlot,
  SYMBOLS_PER_SLOT,
  slotDurationMs,
  tddShare,
} from './radio/throughput';

/** Direction index used in typed arrays: UL = 0, DL = 1. */
export const UL = 0;
export const DL = 1;
export type Dir = typeof UL | typeof DL;
export const DIRECTION_NAMES: readonly LinkDirection[] = ['UL', 'DL'];

/** Tolerance for "this opportunity starts at or after t" (times are sums of binary fractions). */
const EPS_MS = 1e-9;

interface Opportunities {
  readonly count: number;
  /** Start of the first symbol of the direction, from the period start. */
  readonly startMs: Float64Array;
  readonly endMs: Float64Array;
  readonly symbols: Int32Array;
  /** Symbols of this direction per period. */
  readonly symbolsPerPeriod: number;
}

/**
 * Opportunities are numbered absolutely: index = period · count + i. The opportunity i of a D slot covers the
 * whole slot, of an S slot the DL symbols (at its start) or the UL symbols (at its end).
 */
export class TddGrid {
  readonly slotMs: number;
  readonly symbolMs: number;
  readonly periodMs: number;
  readonly pattern: string;
  readonly special: SpecialSlot;
  private readonly opps: readonly [Opportunities, Opportunities];

  constructor(pattern: string, mu: number, special: SpecialSlot = DEFAULT_SPECIAL_SLOT) {
    tddShare(pattern, special); // validates the pattern and the special slot
    this.pattern = pattern;
    this.special = special;
    this.slotMs = slotDurationMs(mu);
    this.symbolMs = this.slotMs / SYMBOLS_PER_SLOT;
    this.periodMs = pattern.length * this.slotMs;
    this.opps = [this.build(UL), this.build(DL)];
    if (this.opps[UL].count === 0 || this.opps[DL].count === 0)
      throw new RangeError(`TDD pattern '${pattern}' needs both DL and UL symbols`);
  }

  private build(dir: Dir): Opportunities {
    const start: number[] = [];
    const end: number[] = [];
    const symbols: number[] = [];
    let perPeriod = 0;
    for (let s = 0; s < this.pattern.length; s++) {
      const slotStart = s * this.slotMs;
      const kind = this.pattern[s];
      let first = 0;
      let count = 0;
      if (kind === 'D' && dir === DL) count = SYMBOLS_PER_SLOT;
      else if (kind === 'U' && dir === UL) count = SYMBOLS_PER_SLOT;
      else if (kind === 'S' && dir === DL) count = this.special.dl;
      else if (kind === 'S' && dir === UL) {
        first = this.special.dl + this.special.gap;
        count = this.special.ul;
      }
      if (count === 0) continue;
      start.push(slotStart + first * this.symbolMs);
      end.push(slotStart + (first + count) * this.symbolMs);
      symbols.push(count);
      perPeriod += count;
    }
    return {
      count: start.length,
      startMs: Float64Array.from(start),
      endMs: Float64Array.from(end),
      symbols: Int32Array.from(symbols),
      symbolsPerPeriod: perPeriod,
    };
  }

  /** Index of the first opportunity of `dir` starting at or after `tMs`. */
  nextOpportunity(dir: Dir, tMs: number): number {
    const o = this.opps[dir];
    let k = Math.floor(tMs / this.periodMs);
    let offset = tMs - k * this.periodMs;
    if (offset < 0) {
      k--;
      offset += this.periodMs;
    }
    for (let i = 0; i < o.count; i++) if (o.startMs[i]! >= offset - EPS_MS) return k * o.count + i;
    return (k + 1) * o.count;
  }

  startMs(dir: Dir, index: number): number {
    const o = this.opps[dir];
    const k = Math.floor(index / o.count);
    return k * this.periodMs + o.startMs[index - k * o.count]!;
  }

  endMs(dir: Dir, index: number): number {
    const o = this.opps[dir];
    const k = Math.floor(index / o.count);
    return k * this.periodMs + o.endMs[index - k * o.count]!;
  }

  symbols(dir: Dir, index: number): number {
    const o = this.opps[dir];
    return o.symbols[index - Math.floor(index / o.count) * o.count]!;
  }

  /** Opportunities of `dir` per period. */
  count(dir: Dir): number {
    return this.opps[dir].count;
  }

  /** Average symbols of `dir` per millisecond (for utilisation denominators). */
  symbolsPerMs(dir: Dir): number {
    return this.opps[dir].symbolsPerPeriod / this.periodMs;
  }

  /**
   * First opportunity of a HARQ retransmission after a transmission ending at `endMs`: the feedback (DL:
   * HARQ-ACK on an UL opportunity; UL: the retransmission grant on a DL opportunity) after `processingMs`,
   * then the next opportunity of `dir` after another `processingMs` (TS 38.213 §9.2.3 / TS 38.214 §6.1.2.1,
   * reduced to one processing time) with at least `symbols` symbols, as the retransmission repeats the block.
   */
  harqRetransmission(dir: Dir, endMs: number, processingMs: number, symbols: number): number {
    const other: Dir = dir === UL ? DL : UL;
    const feedback = this.nextOpportunity(other, endMs + processingMs);
    let retx = this.nextOpportunity(dir, this.endMs(other, feedback) + processingMs);
    while (this.symbols(dir, retx) < symbols) retx++;
    return retx;
  }
}
