// A leg behind others' traffic whose packet goes in one transport block: its delay given a transmissions does not
// depend on the BLER, so DistributionMemo builds those once per BLER-free inputs and mixes them by
// P(a | delivered) = (1 − β) β^(a−1) / (1 − β^A) for each BLER. Checked against building the leg for that BLER
// directly (blerFreeRadioId −1 shares nothing), and a packet that may take two blocks is built directly.
import { describe, expect, it } from 'vitest';
import { DelayDistribution, DistributionMemo, type LegModel } from './delay-distribution';
import { exampleLeg } from './leg-fixture';

function leg(bler: number, shared: boolean, nPrb: number, sharing: 'fifo' | 'ps'): LegModel {
  // One radio id per BLER, as flow-distributions.ts gives them; others ahead as in mcs-key.test.ts.
  return exampleLeg(
    { bler, capPrb: nPrb, nPrb },
    {
      radioId: Math.round(bler * 1e6),
      blerFreeRadioId: shared ? 0 : -1,
      aheadRatePerMs: 2,
      aheadPrbSymbols: 90,
      aheadPeriodMs: 10,
      sharing,
    },
  );
}

function build(l: LegModel, memo: DistributionMemo): DelayDistribution {
  return new DelayDistribution(
    { legs: [l], core: { meanMs: 1, jitterMs: 0.2, minMs: 0.5 }, bits: 600, deadlineMs: 3 },
    memo,
  );
}

const BLERS = [0, 1e-4, 0.01, 0.1, 0.3];

describe('flow: a one-block leg behind others, split by transmission count', () => {
  for (const sharing of ['fifo', 'ps'] as const)
    it(`${sharing}: the mixture for each BLER is the leg built for it (one split for all BLERs)`, () => {
      const memo = new DistributionMemo();
      for (const bler of BLERS) {
        const mixed = build(leg(bler, true, 100, sharing), memo);
        const direct = build(leg(bler, false, 100, sharing), new DistributionMemo());
        expect(mixed.radio.d.length).toBe(direct.radio.d.length);
        for (let i = 0; i < direct.radio.d.length; i++) {
          expect(mixed.radio.d[i]!).toBeCloseTo(direct.radio.d[i]!, 12);
          expect(mixed.radio.p[i]!).toBeCloseTo(direct.radio.p[i]!, 12);
        }
        expect(mixed.meanMs).toBeCloseTo(direct.meanMs, 12);
        expect(mixed.invalidProb).toBeCloseTo(direct.invalidProb, 14);
        expect(mixed.lostProb).toBe(direct.lostProb);
      }
      // The HARQ tail moves with the BLER (so the mixture is not one distribution for all).
      expect(build(leg(0.3, true, 100, sharing), memo).meanMs).toBeGreaterThan(
        build(leg(0.01, true, 100, sharing), memo).meanMs + 0.1,
      );
      expect(memo.behindHeld).toEqual({ split: 1, whole: 0 });
    });

  it('a packet that spills into a second block where others fill the opportunity is built for its BLER', () => {
    // 600 bits need 5 PRBs of 14 symbols; on 20 PRBs the others' 90 PRB-symbols each leave fewer now and then.
    const memo = new DistributionMemo();
    for (const bler of BLERS) {
      const mixed = build(leg(bler, true, 20, 'fifo'), memo);
      const direct = build(leg(bler, false, 20, 'fifo'), new DistributionMemo());
      expect(mixed.radio).toEqual(direct.radio);
    }
    expect(memo.behindHeld).toEqual({ split: 0, whole: 1 });
  });
});
