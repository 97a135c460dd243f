import { describe, expect, it } from 'vitest';
import type { Scenario } from '../scenario/schema';
import { tinyScenario } from '../scenario/test-fixtures';
import { annuityFactor, businessCase, type CaseInput, sensitivity } from './business-case';
import { capex, costAssumptions } from './cost-model';

const scenario = (patch: (s: ReturnType<typeof tinyScenario>) => void = () => {}) => {
  const s = tinyScenario();
  patch(s);
  return s as unknown as Scenario;
};

/** Replications of throughput (parts/h of P1, margin 30 EUR): no scrap, no breakdowns. */
const input = (s: Scenario, perHour: number[]): CaseInput => ({
  scenario: s,
  assumptions: costAssumptions({
    ...s.costs,
    operatingHoursPerYear: 1000,
    discountRatePerYear: 0.1,
    horizonYears: 3,
  }),
  drivers: perHour.map((p) => ({
    partsPerHourByProduct: { P1: p },
    scrappedPerHour: 0,
    downMachineHoursPerHour: 0,
  })),
});

const base = [10.1, 12.4, 9.7, 11.0, 10.6];

describe('business case', () => {
  it('annuity factor: (1 − 1.1^−3) / 0.1 = 2.48685; r = 0 gives the years', () => {
    expect(annuityFactor(0.1, 3)).toBeCloseTo(2.486851991, 8);
    expect(annuityFactor(0, 4)).toBe(4);
  });

  it('a variant identical to the baseline: no significant difference, never a payback month', () => {
    const twoGnb = scenario((s) =>
      s.network.gnbs.push({ id: 'G2', xM: 35, yM: 10, heightM: 8, txPowerDbm: 24 }),
    );
    const c = businessCase([input(scenario(), base), input(twoGnb, base)], 0);
    const v = c.versus[1]!;
    expect(v.paired).toBe(true);
    expect(v.significant).toBe(false);
    expect(v.verdict).toBe('not significant');
    expect(v.paybackMonths).toBeNull();
    expect(v.paybackRangeMonths).toBeNull();
    expect(v.gainEurPerYear).toMatchObject({ mean: 0, halfWidth: 0 });
    // It still costs one gNB more: the NPV says so, with no uncertainty from production.
    expect(v.deltaCapexEur).toBe(15_000);
    expect(v.npvEur.mean).toBeLessThan(-15_000);
  });

  it('paired gain with its interval; payback months at the mean and at both ends of the net interval', () => {
    const s0 = scenario();
    const s1 = scenario((s) => s.network.gnbs.push({ id: 'G2', xM: 35, yM: 10, heightM: 8, txPowerDbm: 24 }));
    // +2 parts/h in every replication, ±0.1: paired differences 1.9, 2.1, 2.0, 1.9, 2.1.
    const better = base.map((v, i) => v + [1.9, 2.1, 2.0, 1.9, 2.1][i]);
    const c = businessCase([input(s0, base), input(s1, better)], 0);
    const v = c.versus[1]!;
    const hours = 1000;
    expect(v.significant).toBe(true);
    expect(v.gainEurPerYear.mean).toBeCloseTo(2 * 30 * hours, 6);
    // Student t, 4 df: 2.776445 · sd(d) / √5 with sd(d) = √(0.1 / 4)… d − 2 = −.1, .1, 0, −.1, .1.
    const sd = Math.sqrt(0.04 / 4);
    expect(v.gainEurPerYear.halfWidth).toBeCloseTo(2.776445105 * (sd / Math.sqrt(5)) * 30 * hours, 3);
    const a = input(s1, better).assumptions;
    const dCapex = capex(s1, a).totalEur - capex(s0, a).totalEur;
    const dOpex = a.maintenanceShareOfCapexPerYear * dCapex;
    expect(v.netEurPerYear.mean).toBeCloseTo(60_000 - dOpex, 6);
    expect(v.verdict).toBe('pays back');
    expect(v.paybackMonths).toBeCloseTo((12 * dCapex) / (60_000 - dOpex), 9);
    expect(v.paybackRangeMonths![0]).toBeCloseTo((12 * dCapex) / v.netEurPerYear.upper, 9);
    expect(v.paybackRangeMonths![1]).toBeCloseTo((12 * dCapex) / v.netEurPerYear.lower, 9);
    expect(v.npvEur.mean).toBeCloseTo(-dCapex + v.netEurPerYear.mean * annuityFactor(0.1, 3), 6);
    expect(v.npvEur.halfWidth).toBeCloseTo(v.gainEurPerYear.halfWidth * annuityFactor(0.1, 3), 6);
  });

  it('the same gain measured without common random numbers is within noise (the unpaired interval)', () => {
    const better = base.map((v, i) => v + [1.9, 2.1, 2.0, 1.9, 2.1][i]);
    const c = businessCase([input(scenario(), base), input(scenario(), better)], 0, {}, false);
    expect(c.versus[1]!.paired).toBe(false);
    expect(c.versus[1]!.gainEurPerYear.halfWidth).toBeGreaterThan(30 * 1000); // > 1 part/h
  });

  it('tornado: the margin moves the NPV by ±20 % of the discounted gain; widest bar first', () => {
    const better = base.map((v) => v + 2);
    const s1 = scenario((s) => s.network.gnbs.push({ id: 'G2', xM: 35, yM: 10, heightM: 8, txPowerDbm: 24 }));
    const inputs = [input(scenario(), base), input(s1, better)];
    const bars = sensitivity(inputs, 0, 1);
    const margin = bars.find((b) => b.assumption === 'margin per part')!;
    expect(margin.npvHighEur - margin.npvLowEur).toBeCloseTo(0.4 * 60_000 * annuityFactor(0.1, 3), 4);
    // Margin and operating hours scale the gain alike: the two widest bars.
    expect(
      bars
        .slice(0, 2)
        .map((b) => b.assumption)
        .sort(),
    ).toEqual(['margin per part', 'operating hours per year']);
    // Prices of things neither variant changes do not move the difference.
    expect(bars.map((b) => b.assumption)).not.toContain('AGV price');
  });
});

describe('tornado across connectivities', () => {
  it('a Wi-Fi variant against the 5G baseline: the Wi-Fi prices move the NPV by ±20 % of their capex', () => {
    const wifi = scenario((s) => {
      (s.network as Record<string, unknown>).connectivity = 'wifi';
    });
    const inputs = [input(scenario(), base), input(wifi, base)];
    const bars = sensitivity(inputs, 0, 1);
    const a = inputs[1].assumptions;
    // Only the variant buys APs: the incremental NPV moves by 0.4 × their capex (and the maintenance on it).
    const apCapex = capex(wifi, a).lines.find((l) => l.item === 'Wi-Fi access points')!.totalEur;
    const ap = bars.find((b) => b.assumption === 'Wi-Fi access point price')!;
    const maintenanceFactor = 1 + a.maintenanceShareOfCapexPerYear * annuityFactor(0.1, 3);
    expect(ap.npvLowEur - ap.npvHighEur).toBeCloseTo(0.4 * apCapex * maintenanceFactor, 6);
    expect(bars.map((b) => b.assumption)).toContain('Wi-Fi client price');
    expect(bars.map((b) => b.assumption)).toContain('gNB price');
  });
});
