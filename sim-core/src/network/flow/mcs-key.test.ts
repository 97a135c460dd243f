// The MCS key of flow-distributions.ts: every MCS at which one PRB of any opportunity carries a packet
// (`fitsOnePrb`) gives the same delay distribution (delay, loss, load), alone and behind others' traffic, so such
// legs can share one; the first MCS that does not gives another (its PRB-symbols and, behind others, its delay).
import { describe, expect, it } from 'vitest';
import { type Dir, DL, UL } from '../tdd-grid';
import { DelayDistribution, type LegModel } from './delay-distribution';
import { exampleLeg, TEST_GRID } from './leg-fixture';
import { fitsOnePrb, minOpportunitySymbols } from './radio-leg';

// DL opportunities: 14 symbols (D slots) and 10 (the special slot's DL part); UL: 14 (U) and 2 (S).
const grid = TEST_GRID;
const N_PRB = 20;

function leg(dir: Dir, bitsPerPrbSymbol: number, sharing: 'fifo' | 'ps'): LegModel {
  // Others ahead fill whole opportunities now and then (20 PRBs × 14 symbols = 280 PRB-symbols).
  return exampleLeg(
    { grid, dir, bitsPerPrbSymbol, capPrb: N_PRB, nPrb: N_PRB },
    { aheadRatePerMs: 2, aheadPrbSymbols: 90, aheadPeriodMs: 10, sharing },
  );
}

function dist(dir: Dir, bits: number, bitsPerPrbSymbol: number, sharing: 'fifo' | 'ps') {
  const d = new DelayDistribution({
    legs: [leg(dir, bitsPerPrbSymbol, sharing)],
    core: { meanMs: 1, jitterMs: 0.2, minMs: 0.5 },
    bits,
    deadlineMs: 3,
  });
  return { radio: d.radio, lost: d.lostProb, invalid: d.invalidProb, loads: d.legLoads };
}

describe('flow MCS key: one PRB per packet at every MCS of a key', () => {
  it('the fewest symbols of an opportunity: 10 in DL (special slot), 2 in UL', () => {
    expect(minOpportunitySymbols(grid, DL)).toBe(10);
    expect(minOpportunitySymbols(grid, UL)).toBe(2);
  });

  for (const [dir, bits] of [
    [DL, 600],
    [UL, 120],
  ] as const)
    for (const sharing of ['fifo', 'ps'] as const)
      it(`${dir === DL ? 'DL' : 'UL'}, ${sharing}: identical distributions at every MCS that fits one PRB, another at the next one down`, () => {
        const min = minOpportunitySymbols(grid, dir);
        const edge = bits / min; // the lowest bits per PRB-symbol that fits
        const fitting = [edge, edge * 1.3, edge * 2.1, edge * 7];
        for (const b of fitting) expect(fitsOnePrb(bits, b, min)).toBe(true);
        const first = dist(dir, bits, fitting[0]!, sharing);
        for (const b of fitting.slice(1)) expect(dist(dir, bits, b, sharing)).toEqual(first);
        // Just below: the packet needs 2 PRBs of the shortest opportunity (more PRB-symbols, and it spills
        // where others leave one PRB), so it must not share the key.
        const below = edge * 0.97;
        expect(fitsOnePrb(bits, below, min)).toBe(false);
        expect(dist(dir, bits, below, sharing)).not.toEqual(first);
      });
});
