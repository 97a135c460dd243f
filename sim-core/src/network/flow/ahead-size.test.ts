// The others' packet size ahead of a leg (`aheadPrbSymbols`) is left out of its model's key where it cannot change
// the leg's delay (`aheadSizeMatters`, flow-distributions.ts): checked by building the distribution at several
// sizes, on both sides of the boundary, for DL and UL with SR access, both disciplines and a range of loads.
import { describe, expect, it } from 'vitest';
import { type Dir, DL, UL } from '../tdd-grid';
import { SrSchedule } from '../uplink-access';
import { DelayDistribution, DistributionMemo, type LegModel } from './delay-distribution';
import { exampleLeg, TEST_GRID } from './leg-fixture';
import { aheadSizeMatters, longestWindowMs, minOpportunitySymbols } from './radio-leg';
import { backlogFree, poisson, slotBacklog } from './slot-backlog';

const grid = TEST_GRID;
const sr = new SrSchedule(grid, 5, 4, 1, 0.5);

interface Case {
  dir: Dir;
  bits: number;
  bitsPerPrbSymbol: number;
  nPrb: number;
  rate: number;
  sharing: 'fifo' | 'ps';
  access: SrSchedule | null;
}

function leg(c: Case, aheadPrbSymbols: number): LegModel {
  return exampleLeg(
    { grid, dir: c.dir, bitsPerPrbSymbol: c.bitsPerPrbSymbol, capPrb: c.nPrb, nPrb: c.nPrb },
    { aheadRatePerMs: c.rate, aheadPrbSymbols, aheadPeriodMs: 10, sharing: c.sharing, access: c.access },
  );
}

function radio(c: Case, aheadPrbSymbols: number) {
  const path = {
    legs: [leg(c, aheadPrbSymbols)],
    core: { meanMs: 1, jitterMs: 0, minMs: 1 },
    bits: c.bits,
    deadlineMs: 5,
  };
  return new DelayDistribution(path, new DistributionMemo()).radio;
}

/** As flow-distributions.ts: the Poisson tail of the longest window. */
function maxAhead(c: Case): number {
  return poisson(c.rate * longestWindowMs(grid, c.dir, c.access), []) - 1;
}

// Dense near the boundaries of the cases below (so a looser rule would claim a size that matters).
const SIZES = [...Array.from({ length: 60 }, (_, i) => i + 1), 70, 90, 120, 160, 250];

describe('flow: the size of the packets ahead, where it cannot matter', () => {
  const cases: Case[] = [];
  for (const dir of [DL, UL] as const)
    for (const sharing of ['fifo', 'ps'] as const)
      for (const nPrb of [6, 20, 100])
        for (const rate of [0.3, 3])
          cases.push({
            dir,
            bits: 600,
            bitsPerPrbSymbol: 8,
            nPrb,
            rate,
            sharing,
            access: dir === UL ? sr : null,
          });

  it('where aheadSizeMatters says no, every size gives the same distribution; where it says yes, sizes differ', () => {
    let invariant = 0;
    let differs = 0;
    for (const c of cases) {
      const min = minOpportunitySymbols(grid, c.dir);
      const sizes = SIZES.filter(
        (w) =>
          !aheadSizeMatters(
            { bitsPerPrbSymbol: c.bitsPerPrbSymbol, capPrb: c.nPrb, nPrb: c.nPrb },
            c.bits,
            min,
            w,
            maxAhead(c),
          ),
      );
      if (sizes.length >= 2) {
        invariant++;
        const first = radio(c, sizes[0]!);
        for (const w of sizes.slice(1))
          expect(radio(c, w), `${JSON.stringify({ ...c, access: !!c.access })} at ${w}`).toEqual(first);
      }
      // The largest size that matters against the smallest: here the packets ahead do take the leg's PRBs.
      const big = 250;
      if (
        aheadSizeMatters(
          { bitsPerPrbSymbol: c.bitsPerPrbSymbol, capPrb: c.nPrb, nPrb: c.nPrb },
          c.bits,
          min,
          big,
          maxAhead(c),
        )
      )
        if (JSON.stringify(radio(c, big)) !== JSON.stringify(radio(c, 2))) differs++;
    }
    // Both sides are exercised.
    expect(invariant).toBeGreaterThanOrEqual(6);
    expect(differs).toBeGreaterThanOrEqual(6);
  });

  it('nobody ahead: the size never matters', () => {
    expect(aheadSizeMatters({ bitsPerPrbSymbol: 8, capPrb: 20, nPrb: 20 }, 600, 10, 1e6, 0)).toBe(false);
  });
});

describe('flow: a backlog that cannot build', () => {
  it('where backlogFree says so, the backlog is the same at every PRB count and packet size; elsewhere it differs', () => {
    let free = 0;
    let builds = 0;
    for (const dir of [DL, UL] as const)
      for (const rate of [0.2, 1, 4]) {
        let reference: Float64Array[] | null = null;
        for (const nPrb of [1, 2, 3, 5, 10, 50])
          for (const work of [10, 14, 20, 28, 40, 60, 100]) {
            const b = slotBacklog(grid, dir, nPrb, rate, work, 10);
            if (backlogFree(grid, dir, nPrb, rate, work)) {
              free++;
              reference ??= b;
              expect(b, `${dir} ${rate} ${nPrb} ${work}`).toEqual(reference);
            } else if (reference !== null && JSON.stringify(b) !== JSON.stringify(reference)) builds++;
          }
      }
    expect(free).toBeGreaterThanOrEqual(10);
    expect(builds).toBeGreaterThanOrEqual(10);
  });
});
