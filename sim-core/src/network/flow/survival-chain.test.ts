// The survival chain against closed forms: with independent packets (invalid with probability p) a failure
// starts at a run of m invalid packets after a valid one, rate (1 − p)·p^m per packet; the fitted
// Gilbert–Elliott chain has the requested invalid share and mean bad sojourn.
import { describe, expect, it } from 'vitest';
import { RandomStreams } from '../../engine/random';
import { averageFadeDurationMs, FadingPowerCdf } from '../radio/fade-statistics';
import { maxDopplerHz } from '../radio/fading';
import { type ChainParams, CONTINUE, FAIL, fitChain, RECOVER, SurvivalChain } from './survival-chain';

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

/**
 * A chain fitted to packets invalid with probability `p` one by one (a bad state of runs 1 / (1 − p) long): its
 * stationary bad share is p and, over 4 million packets (stream `seed`), it fails at (1 − p)·p^m per packet.
 */
function expectIndependentFailures(params: ChainParams, p: number, m: number, seed: number): void {
  expect(params.enterBad / (params.enterBad + params.leaveBad)).toBeCloseTo(p, 12);
  const packets = 4_000_000;
  const chain = new SurvivalChain(new RandomStreams(seed).stream('s', 'survival'), m, 1000);
  chain.reset(params);
  const { failures } = walk(chain, packets);
  const expected = packets * (1 - p) * p ** m;
  expect(failures).toBeGreaterThan(1000);
  expect(Math.abs(failures - expected)).toBeLessThan(4 * Math.sqrt(expected));
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

  it('fades: the bad state lasts the fade duration, and failures come at the Gilbert–Elliott closed form', () => {
    // 15 % of a 10 ms stream's packets spoilt by Rayleigh fades (a NLOS link of the fading model at its MCS) at
    // 0.5 m/s and 3.5 GHz: fades below ρ² = −ln 0.85 last (e^{ρ²} − 1) / (ρ·f_d·√(2π)) = 30 ms (Rappaport eq. 5.81).
    const share = 0.15;
    const intervalMs = 10;
    const m = 2;
    const cdf = new FadingPowerCdf(0);
    const rho2 = cdf.quantile(share);
    const fd = maxDopplerHz(0.5, 3.5);
    const fadeMs = averageFadeDurationMs(cdf, rho2, fd);
    expect(fadeMs).toBeCloseTo(
      (1000 * (Math.exp(rho2) - 1)) / (Math.sqrt(rho2) * fd * Math.sqrt(2 * Math.PI)),
      9,
    );
    const sojourn = fadeMs / intervalMs;
    expect(sojourn).toBeGreaterThan(2.5);
    const params = fitChain(share, share, 1, { share, sojournPackets: sojourn });
    expect(params.pGood).toBe(0);
    expect(1 / params.leaveBad).toBeCloseTo(sojourn, 9);
    const pi = params.enterBad / (params.enterBad + params.leaveBad);
    expect(pi).toBeCloseTo(share, 12);
    // A failure per bad sojourn of m packets or more: (1 − π)·a·(1 − b)^(m − 1) per packet.
    const packets = 2_000_000;
    const chain = new SurvivalChain(new RandomStreams(8).stream('s', 'survival'), m, 1000);
    chain.reset(params);
    const { failures } = walk(chain, packets);
    const expected = packets * (1 - pi) * params.enterBad * (1 - params.leaveBad) ** (m - 1);
    expect(Math.abs(failures - expected)).toBeLessThan(4 * Math.sqrt(expected));
    // Independent packets of the same share fail at (1 − p)·p^m: fewer, as fades make runs of invalid packets.
    const independent = packets * (1 - share) * share ** m;
    expect(expected).toBeGreaterThan(1.5 * independent);
    // Without fading the fit is the old one, draw for draw (no fade share: no change).
    expect(fitChain(0.02, 0.001, 20, { share: 0, sojournPackets: 5 })).toEqual(fitChain(0.02, 0.001, 20));
  });

  it('fades shorter than the packet interval: packets spoilt independently, failures at (1 − p)·p^m', () => {
    // engine-parts with fading: AGVs' 100 ms motion stream, 16 % of its packets lost in Rayleigh fades a few ms
    // long at 1.6 m/s (sojourn max(1, AFD / T) = 1). The bad state must not last exactly one packet: that forbids
    // two invalid packets in a row, and m = 4 (S = 300 ms) never fails (flow 0 safety stops against packet 12).
    const share = 0.16;
    const m = 4;
    expectIndependentFailures(fitChain(share, share, 1, { share, sojournPackets: 1 }), share, m, 9);
  });

  it('queueing with a busy period shorter than a packet: packets late independently, failures at (1 − p)·p^m', () => {
    // No lateness without queueing; 10 % of packets late behind others, busy period half a packet interval.
    const excess = 0.1;
    const m = 3;
    expectIndependentFailures(fitChain(excess, 0, 0.5), excess, m, 11);
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
