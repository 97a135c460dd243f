// A packet of several blocks with HARQ as the packet MAC sends it (frame-harq.ts): a schedule worked out by hand
// from the MAC's rules (../cell-link.ts `reserve` and `run` step 3), and the share of histories it leaves out.
import { describe, expect, it } from 'vitest';
import { type Dir, DL, TddGrid, UL } from '../tdd-grid';
import { type FrameOutcomes, frameHarq, MAX_STATES } from './frame-harq';
import type { LegLink } from './radio-leg';

// DDDSU at 30 kHz: DL opportunities 0, 1, 2 (D, 14 symbols, [0, 0.5], [0.5, 1], [1, 1.5] ms), 3 (S, 10 symbols,
// [1.5, 1.857]), then 4… in the next 2.5 ms period. HARQ timing (one slot of processing, feedback in the next UL
// symbols): opportunities 0 and 1 retransmit from 4 on, 2 from 5, 3, 4 and 5 from 8, 6 from 9, 7, 8, 9 from 12.
const grid = new TddGrid('DDDSU', 1, { dl: 10, gap: 2, ul: 2 });

function link(residual: number[] | null, bler = 0.1, capPrb = 100, dir: Dir = DL): LegLink {
  return {
    grid,
    dir,
    bitsPerPrbSymbol: 10,
    bler: residual === null ? bler : residual[0]!,
    ...(residual === null ? {} : { residual: Float64Array.from(residual) }),
    capPrb,
    nPrb: 100,
    maxAttempts: 4,
    harqProcessingMs: 0.5,
  };
}

const out: FrameOutcomes = { endMs: [], prob: [] };

describe('a packet of several blocks with HARQ, as the packet MAC books its retransmissions', () => {
  it('every block sent twice: the retransmissions take the later blocks’ PRBs and wait for free ones', () => {
    // 66 000 bits from t = 0 at 1 000 bits per PRB and D slot (700 per S): six whole blocks in opportunities 0–5,
    // done at 3.5 ms when each goes once.
    const bits = 3 * 14_000 + 10_000 + 2 * 14_000;
    expect(frameHarq(link([0, 0, 0, 0]), bits, 0, 0, out, 6)).toBe(1);
    expect(out.endMs).toEqual([3.5]);
    // Every block twice (a fade: P(2) = 1). Block 0 books opportunity 4; block 1 would too, but its 100 PRBs
    // are taken: 5; block 2: 6; block 3 (S): 8. Opportunities 4, 5, 6 are booked whole: the packet's next new
    // data goes in 7 (S, 10 000 bits; retransmission booked in 12), 9 (14 000 bits: 8 is booked; 12 is: 13) and
    // the last 4 000 bits in 10 (29 PRBs), whose retransmission finds 12 and 13 booked: 14, ending at 9 ms. Each
    // block's retransmission timed from its own end alone, the packet would end with opportunity 8's at 5.5 ms.
    expect(frameHarq(link([1, 0, 0, 0]), bits, 0, 0, out, 6)).toBe(1);
    expect(out.endMs).toEqual([grid.endMs(DL, 14)]);
    expect(grid.endMs(DL, 14)).toBe(9);
  });

  it('without fading: one history per attempt count of each block, summing to the delivered share', () => {
    // Two blocks from t = 0 (opportunities 0 and 1), BLER 0.5: block 0 twice and block 1 once ends with 4;
    // block 1 twice books 4 too if block 0 did not, else 5.
    const bits = 2 * 14_000;
    const total = frameHarq(link(null, 0.5), bits, 0, 0, out, 2);
    const byEnd = new Map<number, number>();
    for (let i = 0; i < out.endMs.length; i++)
      byEnd.set(out.endMs[i]!, (byEnd.get(out.endMs[i]!) ?? 0) + out.prob[i]!);
    expect(total).toBeCloseTo((1 - 0.5 ** 4) ** 2, 12);
    // Both once: 1 ms (opportunity 1's end).
    expect(byEnd.get(1)).toBeCloseTo(0.25, 12);
    // Exactly one of them twice, the other once: opportunity 4 (3 ms).
    expect(byEnd.get(3)).toBeCloseTo(2 * 0.25 * 0.5, 12);
    // Both twice: block 0 in 4, block 1 waits for 5 (3.5 ms); or block 1 twice, block 0 three times (4, then
    // 8), block 1 in 5: 8 is the last, 5.5 ms.
    expect(byEnd.get(3.5)).toBeCloseTo(0.25 * 0.25, 12);
  });

  it('long UL frames: the states carried (32, the rest merged) keep the mean within 1 % of all of them, p99 within a period', () => {
    // UL opportunities: the S slot's 2 symbols and the U slot's 14 (one retransmission time apart). Blocks of 90
    // PRBs of 100 (a retransmission leaves 10 PRBs to the packet, two never share an opportunity) and of 60.
    for (const [blocks, capPrb, bler] of [
      [12, 90, 0.05],
      [30, 90, 0.05],
      [20, 60, 0.1],
      [16, 60, 0.1],
    ] as const) {
      const l = link(null, bler, capPrb, UL);
      const bits = blocks * capPrb * 14 * 10;
      const merged = summary(frameHarq(l, bits, 0, 0, out, 2 * blocks));
      const all = summary(frameHarq(l, bits, 0, 0, out, 2 * blocks, 100_000));
      expect(Math.abs(merged.total / all.total - 1)).toBeLessThan(1e-3);
      expect(Math.abs(merged.meanMs / all.meanMs - 1)).toBeLessThan(0.01);
      // p99 on opportunity ends: within one TDD period.
      expect(Math.abs(merged.p99Ms - all.p99Ms)).toBeLessThanOrEqual(grid.periodMs);
      // At most the delivered share of the blocks alone (pushed blocks may split in two: a little less).
      let alone = 0;
      let left = bits;
      for (let o = grid.nextOpportunity(UL, 0); left > 1e-6; o++, alone++)
        left -= capPrb * grid.symbols(UL, o) * 10;
      expect(all.total).toBeLessThanOrEqual((1 - bler ** 4) ** alone + 1e-12);
    }
    expect(MAX_STATES).toBe(32);
  });
});

/** Mean and p99 of the outcomes in `out` (given delivery) and their total probability. */
function summary(total: number): { total: number; meanMs: number; p99Ms: number } {
  const order = out.endMs.map((_, i) => i).sort((x, y) => out.endMs[x]! - out.endMs[y]!);
  let mean = 0;
  let cum = 0;
  let p99 = Number.NaN;
  for (const i of order) {
    mean += (out.endMs[i]! * out.prob[i]!) / total;
    cum += out.prob[i]! / total;
    if (Number.isNaN(p99) && cum >= 0.99) p99 = out.endMs[i]!;
  }
  return { total, meanMs: mean, p99Ms: p99 };
}
