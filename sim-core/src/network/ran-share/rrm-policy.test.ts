import { describe, expect, it } from 'vitest';
import { DEFAULT_PUBLIC_LOAD, HOUR_MS, hourOfDay, type PublicLoadHour, profileProblems } from './public-load';
import { RanShare } from './ran-share';
import { factoryPrbCap, policyProblems, publicPrbUse } from './rrm-policy';

describe('factory PRB cap (TS 28.541 RRMPolicyRatio; best effort without one), against hand-computed values', () => {
  it('best effort: the factory gets what the public leaves, or its share by active UEs', () => {
    // N = 100; public wants 60, UEs 2 (factory) vs 8 (public): fair 100·2/10 = 20, left 40 → 40.
    expect(factoryPrbCap(100, 60, 2, 8)).toBe(40);
    // Public wants 90: left 10 < fair 20 → 20.
    expect(factoryPrbCap(100, 90, 2, 8)).toBe(20);
    // No public UE: the whole carrier.
    expect(factoryPrbCap(100, 0, 2, 0)).toBe(100);
    // 273 PRBs, public 0.6 · 273 = 163.8, 1 vs 8 UEs: max(30.33, 109.2) → 109.
    expect(factoryPrbCap(273, 0.6 * 273, 1, 8)).toBe(109);
  });

  it('a slice: its prioritised PRBs first, then a share of the rest; the maximum caps it', () => {
    const slice = { dedicatedPct: 10, minPct: 50, maxPct: 100 };
    // M = 50, S = 50; public wants 90: S − P < 0, fair 50·2/10 = 10 → 60.
    expect(factoryPrbCap(100, 90, 2, 8, slice)).toBe(60);
    // Public wants 20: S − P = 30 → 80.
    expect(factoryPrbCap(100, 20, 2, 8, slice)).toBe(80);
    // 273 PRBs: M = floor(136.5) = 136, S = 137, P = 163.8, fair 137·2/10 = 27.4 → floor(163.4) = 163.
    expect(factoryPrbCap(273, 0.6 * 273, 2, 8, slice)).toBe(163);
    // 80 % prioritised: M = 218, S = 55, fair 55/9 = 6.1 → 224.
    expect(factoryPrbCap(273, 0.6 * 273, 1, 8, { dedicatedPct: 0, minPct: 80, maxPct: 100 })).toBe(224);
    // Maximum 30 % of 273 = 81.9 → 81, even with no public load.
    expect(factoryPrbCap(273, 0, 1, 0, { dedicatedPct: 0, minPct: 0, maxPct: 30 })).toBe(81);
  });

  it('the public users get what they want within what the factory and the dedicated PRBs leave', () => {
    const slice = { dedicatedPct: 10, minPct: 50, maxPct: 100 };
    expect(publicPrbUse(100, 60, 20, slice)).toBe(60);
    // The factory uses 5 of its 10 dedicated PRBs: the other 5 stay idle.
    expect(publicPrbUse(100, 95, 5, slice)).toBe(90);
    expect(publicPrbUse(100, 95, 5)).toBe(95);
    expect(publicPrbUse(100, 95, 40, slice)).toBe(60);
  });

  it('checks the ratios: dedicated <= min <= max, percentages', () => {
    expect(policyProblems({ dedicatedPct: 10, minPct: 50, maxPct: 100 })).toEqual([]);
    expect(policyProblems({ dedicatedPct: 60, minPct: 50, maxPct: 100 })[0][0]).toBe('dedicatedPct');
    expect(policyProblems({ dedicatedPct: 0, minPct: 50, maxPct: 40 })[0][0]).toBe('minPct');
    expect(policyProblems({ dedicatedPct: 0, minPct: 0, maxPct: 120 })[0][0]).toBe('maxPct');
  });
});

describe('public load profile', () => {
  it('reads the clock hour from the simulated time and the start hour', () => {
    expect(hourOfDay(0, 6)).toBe(6);
    expect(hourOfDay(3 * HOUR_MS - 1, 22)).toBe(0);
    expect(hourOfDay(3 * HOUR_MS, 22)).toBe(1);
    expect(profileProblems(DEFAULT_PUBLIC_LOAD)).toEqual([]);
    expect(profileProblems(DEFAULT_PUBLIC_LOAD.slice(1))[0][1]).toMatch(/24 hourly entries/);
  });

  it('changes only at hour boundaries where a cell profile changes (one event per change)', () => {
    const cells = [{ id: 'g1', nPrb: 273 }] as never;
    const flat: PublicLoadHour[] = Array.from({ length: 24 }, () => ({
      ulPrbShare: 0.3,
      dlPrbShare: 0.5,
      ues: 5,
    }));
    expect(new RanShare({ publicLoad: { hourly: flat } }, cells).nextChangeMs(0)).toBe(
      Number.POSITIVE_INFINITY,
    );
    // The default profile is flat from 10:00 to 15:59: starting at 10:00, the first change is at 16:00.
    const share = new RanShare({ publicLoad: { hourly: DEFAULT_PUBLIC_LOAD, startHour: 10 } }, cells);
    expect(share.nextChangeMs(0)).toBe(6 * HOUR_MS);
    // The cell's public users at 13:00 (3 h in): 36 % of UL.
    expect(share.cell(0, 0).publicPrbs(3 * HOUR_MS)).toBeCloseTo(0.36 * 273, 9);
  });
});
