// A flow's radio delay for a packet of several transport blocks with HARQ, against an enumeration of every
// block's attempts (independent, BLER β) as the packet MAC books their retransmissions: each on the grid from its
// own end (TS 38.213 §9.2.3 timing, tdd-grid.ts) in an opportunity with its PRBs free, ahead of the packet's later
// blocks, which get what the bookings leave; the packet is done with its last transmission. E[delay | delivered]
// for a send phase uniform over the TDD period (exact per gap: the delay is linear in the phase there).
import { describe, expect, it } from 'vitest';
import { DL } from '../tdd-grid';
import { DelayDistribution, type LegModel } from './delay-distribution';
import { exampleLeg, TEST_GRID } from './leg-fixture';

const grid = TEST_GRID;
const BITS_PER_PRB_SYMBOL = 10;
const CAP_PRB = 100;
const PROCESSING_MS = 0.5;
const MAX_ATTEMPTS = 4;

function leg(bler: number): LegModel {
  return exampleLeg({
    grid,
    bitsPerPrbSymbol: BITS_PER_PRB_SYMBOL,
    bler,
    capPrb: CAP_PRB,
    nPrb: CAP_PRB,
    maxAttempts: MAX_ATTEMPTS,
    harqProcessingMs: PROCESSING_MS,
  });
}

/**
 * E[delay | delivered] and the loss by enumerating every block's attempts as the packet MAC books them
 * (../cell-link.ts, written out here): one block per DL opportunity of what the bookings leave (up to CAP_PRB);
 * each failed attempt books the retransmission in the first opportunity from the HARQ timing on with the block's
 * symbols and its PRBs free; the packet is done at the end of its last transmission. A midpoint per gap
 * between opportunities (the delay is linear in the phase within a gap).
 */
function macReference(bits: number, bler: number): { meanMs: number; lost: number } {
  const count = grid.count(DL);
  let sumAll = 0;
  let deliveredAll = 0;
  let lost = 0;
  for (let i = count; i < 2 * count; i++) {
    const a = grid.startMs(DL, i - 1);
    const gap = grid.startMs(DL, i) - a;
    const t = a + gap / 2;
    let sum = 0;
    let delivered = 0;
    let failed = 0;
    // o: the next opportunity; left: bits to send; bookings: PRBs booked per opportunity; latest: the last end.
    const walk = (
      o: number,
      left: number,
      bookings: Map<number, number>,
      p: number,
      latest: number,
    ): void => {
      const free = CAP_PRB - (bookings.get(o) ?? 0);
      if (free <= 0) {
        walk(o + 1, left, bookings, p, latest);
        return;
      }
      const symbols = grid.symbols(DL, o);
      const prbs = Math.min(free, Math.ceil(left / (BITS_PER_PRB_SYMBOL * symbols) - 1e-9));
      const rest = left - prbs * BITS_PER_PRB_SYMBOL * symbols;
      for (let k = 1; k <= MAX_ATTEMPTS + 1; k++) {
        // k attempts (k = MAX_ATTEMPTS + 1: every attempt failed, the packet is lost).
        const pk = k > MAX_ATTEMPTS ? bler ** MAX_ATTEMPTS : bler ** (k - 1) * (1 - bler);
        if (k > MAX_ATTEMPTS) {
          failed += p * pk;
          continue;
        }
        const next = new Map(bookings);
        let at = o;
        for (let r = 2; r <= k; r++) {
          at = grid.harqRetransmission(DL, grid.endMs(DL, at), PROCESSING_MS, symbols);
          while (grid.symbols(DL, at) < symbols || (next.get(at) ?? 0) + prbs > CAP_PRB) at++;
          next.set(at, (next.get(at) ?? 0) + prbs);
        }
        const end = Math.max(latest, grid.endMs(DL, at));
        if (rest > 1e-6) walk(o + 1, rest, next, p * pk, end);
        else {
          sum += p * pk * (end - t);
          delivered += p * pk;
        }
      }
    };
    walk(grid.nextOpportunity(DL, t), bits, new Map(), 1, 0);
    sumAll += (gap / grid.periodMs) * sum;
    deliveredAll += (gap / grid.periodMs) * delivered;
    lost += (gap / grid.periodMs) * failed;
  }
  // Given delivery over every phase (a phase whose packet takes more blocks is lost a little more often).
  return { meanMs: sumAll / deliveredAll, lost };
}

/** The same without bookings: each block's retransmissions from its own end, apart (the model before). */
function independentBlocks(bits: number, bler: number): number {
  const count = grid.count(DL);
  let mean = 0;
  for (let i = count; i < 2 * count; i++) {
    const a = grid.startMs(DL, i - 1);
    const gap = grid.startMs(DL, i) - a;
    const t = a + gap / 2;
    const chains: number[][] = [];
    let left = bits;
    for (let o = grid.nextOpportunity(DL, t); left > 1e-9; o++) {
      const symbols = grid.symbols(DL, o);
      left -= Math.min(left, BITS_PER_PRB_SYMBOL * symbols * CAP_PRB);
      const ends = [grid.endMs(DL, o)];
      for (let k = 1; k < MAX_ATTEMPTS; k++)
        ends.push(grid.endMs(DL, grid.harqRetransmission(DL, ends[k - 1]!, PROCESSING_MS, symbols)));
      chains.push(ends);
    }
    let sum = 0;
    let weight = 0;
    const walk = (b: number, latest: number, p: number): void => {
      if (b === chains.length) {
        sum += p * (latest - t);
        weight += p;
        return;
      }
      for (let k = 0; k < MAX_ATTEMPTS; k++)
        walk(b + 1, Math.max(latest, chains[b]![k]!), p * bler ** k * (1 - bler));
    };
    walk(0, 0, 1);
    mean += (gap / grid.periodMs) * (sum / weight);
  }
  return mean;
}

describe('flow fidelity: HARQ of a packet of several blocks', () => {
  it('retransmissions booked ahead of new data, as the packet MAC does: the enumeration of every block', () => {
    // DDDSU at 30 kHz: a D slot's retransmission goes 4 DL opportunities later, where the packet's 5th block would
    // go; the first two D slots of a period both retransmit into the next period's first (so one waits).
    for (const [slots, bler] of [
      [1, 0.1],
      [2, 0.05],
      [3, 0.3],
      [4, 0.2],
      [5, 0.1],
      [5, 0.3],
      [7, 0.05],
    ] as const) {
      // `slots` S slots' worth of bits (10 symbols; a D slot has 14): 1 to 6 blocks by the phase.
      const bits = slots * BITS_PER_PRB_SYMBOL * 10 * CAP_PRB;
      const dist = new DelayDistribution({
        legs: [leg(bler)],
        core: { meanMs: 0, jitterMs: 0, minMs: 0 },
        bits,
        deadlineMs: 100,
      });
      const want = macReference(bits, bler);
      // Histories below 1e-8 left out, states beyond 32 merged (frame-harq.ts): within 1e-4 ms (the blocks apart: 0.01 ms or more off).
      expect(Math.abs(dist.meanMs - want.meanMs)).toBeLessThan(1e-4);
      // The flow counts the blocks of the packet alone for its loss (a pushed block split in two is not counted):
      // within 1 % of the enumeration's.
      expect(Math.abs(dist.lostProb / want.lost - 1)).toBeLessThan(0.01);
      // The blocks apart (the model before) are faster where a packet spans the retransmission time.
      if (slots >= 5) expect(independentBlocks(bits, bler)).toBeLessThan(want.meanMs - 0.01);
    }
  });
});
