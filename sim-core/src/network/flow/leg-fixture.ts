// A leg model for tests of the flow's delay distributions: one DL leg on a DDDSU grid (1 ms slots' numerology of
// the tests), alone, with every field given a plain default that a test overrides.
import { DL, TddGrid } from '../tdd-grid';
import type { LegModel } from './delay-distribution';
import type { LegLink } from './radio-leg';

export const TEST_GRID = new TddGrid('DDDSU', 1, { dl: 10, gap: 2, ul: 2 });

/** `link` and `model` override the defaults (no other traffic, 100 PRBs, BLER 0.05, 4 attempts). */
export function exampleLeg(
  link: Partial<LegLink> = {},
  model: Partial<Omit<LegModel, 'link'>> = {},
): LegModel {
  return {
    id: 0,
    radioId: 0,
    blerFreeRadioId: -1,
    servedShare: 1,
    discardTimerMs: 1000,
    aheadRatePerMs: 0,
    aheadPrbSymbols: 0,
    aheadPeriodMs: Number.POSITIVE_INFINITY,
    sharing: 'ps',
    serviceMs: 0,
    access: null,
    ...model,
    link: {
      grid: TEST_GRID,
      dir: DL,
      bitsPerPrbSymbol: 10,
      bler: 0.05,
      capPrb: 100,
      nPrb: 100,
      maxAttempts: 4,
      harqProcessingMs: 0.5,
      ...link,
    },
  };
}
