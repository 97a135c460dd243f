// The survival chain against closed forms: with independent packets (invalid with probability p) a failure
// starts at a run of m invalid packets after a valid one, rate (1 − p)·p^m per packet; the fitted
// Gilbert–Elliott chain has the requested invalid share and mean bad sojourn.
import { describe, expect, it } from 'vitest';
import { RandomStreams } from '../../engine/random';
import { CONTINUE, FAIL, fitChain, RECOVER, SurvivalChain } from './survival-chain';

/** Walks the chain over `packets` packets; failures, recoveries and packets spent failed. */
function walk(chain: SurvivalChain, packets: number) {
  let failures = 0;
  let recoveries = 0;
  let failedPackets = 0;
  let failedAt = -1;
  for (;;) {
    const kind = chain.nextKind;
    const index = chain.nextIndex;
    if (!(index < packets) || kind === 0) break;
    if (kind === FAIL) {
      failures++;
      failedAt = index;
    } else if (kind === RECOVER) {
      recoveries++;
      failedPackets += index - failedAt;
    } else expect(kind).toBe(CONTINUE);
    chain.advance();
  }
  return { failures, recoveries, failedPackets };
}

describe('survival chain', () => {
  for (const [p, m] of [
    [0.05, 2],
    [0.2, 2],
    [0.2, 3],
  ] as const)
    it(`independent packets, p = ${p}, m = ${m}: failures at (1 − p)·p^m per packet, each ~1/(1 − p) packets long`, () => {
      const packets = 2_000_000;
      const chain = new SurvivalChain(new RandomStreams(5).stream('s', 'survival'), m, 1000);
      chain.reset(fitChain(p, p, 1));
      const { failures, recoveries, failedPackets } = walk(chain, packets);
      const expected = packets * (1 - p) * p ** m;
      expect(Math.abs(failures - expected)).toBeLessThan(4 * Math.sqrt(expected) + 2);
      // After the m-th invalid packet, the receiver waits for the first valid one: geometric, mean 1 / (1 − p).
      expect(Math.abs(failedPackets / recoveries - 1 / (1 - p))).toBeLessThan(0.05);
    });

  it('a fitted Gilbert–Elliott chain: invalid share and burst length as asked', () => {
    const params = fitChain(0.02, 0.001, 20);
    expect(params.leaveBad).toBeCloseTo(1 / 20, 12);
    const stationaryBad = params.enterBad / (params.enterBad + params.leaveBad);
    expect(stationaryBad + (1 - stationaryBad) * 0.001).toBeCloseTo(0.02, 6);
    // m = 1: every invalid run is a failure; runs come from bad sojourns (mean 20) and lone good-state losses.
    const chain = new SurvivalChain(new RandomStreams(6).stream('s', 'survival'), 1, 1000);
    chain.reset(params);
    const packets = 4_000_000;
    const { failures, failedPackets } = walk(chain, packets);
    expect(Math.abs(failedPackets / packets - 0.02) / 0.02).toBeLessThan(0.1);
    // Bursty: far fewer failures than independent losses of the same share would give (≈ 0.98 · 0.02 per packet).
    expect(failures).toBeLessThan(0.2 * packets * 0.98 * 0.02);
  });

  it('a forced interruption makes a failure however good the link', () => {
    const chain = new SurvivalChain(new RandomStreams(7).stream('s', 'survival'), 2, 1000);
    chain.reset(fitChain(0, 0, 1));
    expect(chain.nextKind).toBe(0); // a perfect link: nothing ahead, no event
    chain.force(500, 503);
    expect(chain.nextKind).toBe(FAIL);
    expect(chain.nextRunStart).toBe(500);
    chain.advance();
    expect(chain.nextKind).toBe(RECOVER);
    expect(chain.nextIndex).toBe(503);
  });
});
