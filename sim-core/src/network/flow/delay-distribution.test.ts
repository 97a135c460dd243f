// A flow's radio delay for a packet of several transport blocks with HARQ, against its closed form: every block
// is retransmitted on the grid from its own end (TS 38.213 §9.2.3 timing, tdd-grid.ts), independently with its
// BLER β, and the packet is done when its slowest block is: E[max_b end_b(a_b)] over the attempts a_b, given
// delivery, for a send phase uniform over the TDD period (exact per gap: the delay is linear in the phase there).
import { describe, expect, it } from 'vitest';
import { DL, TddGrid } from '../tdd-grid';
import { DelayDistribution, type LegModel } from './delay-distribution';

const grid = new TddGrid('DDDSU', 1, { dl: 10, gap: 2, ul: 2 });
const BITS_PER_PRB_SYMBOL = 10;
const CAP_PRB = 100;
const PROCESSING_MS = 0.5;
const MAX_ATTEMPTS = 4;

function leg(bler: number): LegModel {
  return {
    id: 0,
    radioId: 0,
    blerFreeRadioId: -1,
    link: {
      grid,
      dir: DL,
      bitsPerPrbSymbol: BITS_PER_PRB_SYMBOL,
      bler,
      capPrb: CAP_PRB,
      nPrb: CAP_PRB,
      maxAttempts: MAX_ATTEMPTS,
      harqProcessingMs: PROCESSING_MS,
    },
    servedShare: 1,
    discardTimerMs: 1000,
    aheadRatePerMs: 0,
    aheadPrbSymbols: 0,
    aheadPeriodMs: Number.POSITIVE_INFINITY,
    sharing: 'ps',
    serviceMs: 0,
    access: null,
  };
}

/** Block ends from a send at t: successive DL opportunities, CAP_PRB PRBs each, until the bits are carried. */
function blockEnds(t: number, bits: number): { end: number; symbols: number }[] {
  const out: { end: number; symbols: number }[] = [];
  let left = bits;
  for (let o = grid.nextOpportunity(DL, t); left > 1e-9; o++) {
    const symbols = grid.symbols(DL, o);
    left -= Math.min(left, BITS_PER_PRB_SYMBOL * symbols * CAP_PRB);
    out.push({ end: grid.endMs(DL, o), symbols });
  }
  return out;
}

/**
 * E[delay | delivered] by enumerating every block's attempts, a midpoint per gap between opportunities; and the
 * loss, 1 − (1 − β^A)^B for the B blocks of the phase.
 */
function closedForm(bits: number, bler: number): { meanMs: number; lost: number } {
  const count = grid.count(DL);
  let mean = 0;
  let lost = 0;
  for (let i = count; i < 2 * count; i++) {
    const a = grid.startMs(DL, i - 1);
    const gap = grid.startMs(DL, i) - a;
    const t = a + gap / 2;
    const chains = blockEnds(t, bits).map(({ end, symbols }) => {
      const ends = [end];
      for (let k = 1; k < MAX_ATTEMPTS; k++)
        ends.push(grid.endMs(DL, grid.harqRetransmission(DL, ends[k - 1]!, PROCESSING_MS, symbols)));
      return ends;
    });
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
    lost += (gap / grid.periodMs) * (1 - (1 - bler ** MAX_ATTEMPTS) ** chains.length);
  }
  return { meanMs: mean, lost };
}

describe('flow fidelity: HARQ of a packet of several blocks', () => {
  it('each block retransmitted from its own end, the packet done with the slowest: the closed form', () => {
    for (const [slots, bler] of [
      [1, 0.1],
      [3, 0.3],
      [5, 0.1],
    ] as const) {
      // `slots` S slots' worth of bits (10 symbols; a D slot has 14): 1 to `slots` blocks by the phase.
      const bits = slots * BITS_PER_PRB_SYMBOL * 10 * CAP_PRB;
      const dist = new DelayDistribution({
        legs: [leg(bler)],
        core: { meanMs: 0, jitterMs: 0, minMs: 0 },
        bits,
        deadlineMs: 100,
      });
      const want = closedForm(bits, bler);
      expect(dist.meanMs).toBeCloseTo(want.meanMs, 6);
      expect(dist.lostProb).toBeCloseTo(want.lost, 9);
    }
  });
});
