import {
  type ConfidenceInterval,
  confidenceInterval,
  pairedTTest,
  studentTQuantile,
  welchTTest,
} from '@factory-twin/sim-core';
import type { Scenario } from '../scenario/schema';
import type { CostAssumptions } from './cost-defaults';
import { capex, opexPerYear, type ValueDrivers, valueEurPerHour } from './cost-model';

/** A mean with its 95 % confidence interval (bounds ±Infinity when undefined, e.g. one replication). */
export interface Interval {
  mean: number;
  lower: number;
  upper: number;
  halfWidth: number;
  n: number;
}

const interval = (ci: ConfidenceInterval): Interval => ({
  mean: ci.mean,
  lower: ci.lower,
  upper: ci.upper,
  halfWidth: ci.halfWidth,
  n: ci.n,
});

/** Scales an interval (a linear map a·x + b, a ≥ 0). */
const affine = (i: Interval, a: number, b = 0): Interval => ({
  mean: a * i.mean + b,
  lower: a * i.lower + b,
  upper: a * i.upper + b,
  halfWidth: a * i.halfWidth,
  n: i.n,
});

/** Present value of 1 per year for `years` years at `rate` (end-of-year payments): (1 − (1+r)^−H) / r. */
export function annuityFactor(rate: number, years: number): number {
  return rate === 0 ? years : (1 - (1 + rate) ** -years) / rate;
}

/** One variant of the business case: its scenario and the value drivers of each replication (index = seed). */
export interface CaseInput {
  scenario: Scenario;
  assumptions: CostAssumptions;
  /** Per replication index; null where the run failed. */
  drivers: (ValueDrivers | null)[];
}

export interface VariantCase {
  capexEur: number;
  opexEurPerYear: number;
  /** Value created per year (margin of good parts − scrap − breakdown cost) × operating hours. */
  valueEurPerYear: Interval;
  /** Capex + present value of the opex over the horizon. */
  tcoEur: number;
  /** −capex + present value of (value − opex) over the horizon. */
  npvEur: Interval;
}

export type PaybackVerdict =
  /** The value difference is within noise: no payback month is given. */
  | 'not significant'
  /** Significantly less value than the baseline. */
  | 'worse'
  /** No extra capex and at least as much net value. */
  | 'no extra investment'
  | 'pays back'
  /** Significantly more value, but not enough to cover the extra opex. */
  | 'never';

export interface VersusBaseline {
  /** Paired differences by replication (common random numbers) rather than two independent samples. */
  paired: boolean;
  pValue: number;
  significant: boolean;
  deltaCapexEur: number;
  deltaOpexEurPerYear: number;
  /** Extra value per year against the baseline. */
  gainEurPerYear: Interval;
  /** gain − extra opex. */
  netEurPerYear: Interval;
  /** −Δcapex + net × annuity factor. */
  npvEur: Interval;
  verdict: PaybackVerdict;
  /** Months to earn back the extra capex; null unless the verdict is 'pays back' or 'no extra investment'. */
  paybackMonths: number | null;
  /** Payback at the optimistic and the pessimistic end of the net interval; null = never. */
  paybackRangeMonths: [number, number | null] | null;
}

export interface BusinessCase {
  currency: string;
  perEur: number;
  horizonYears: number;
  discountRatePerYear: number;
  variants: VariantCase[];
  /** Per variant against the baseline (null for the baseline itself). */
  versus: (VersusBaseline | null)[];
}

export interface CaseOptions {
  /** Multiplies every part margin (sensitivity). */
  marginFactor?: number;
  alpha?: number;
}

function values(input: CaseInput, marginFactor: number): number[] {
  return input.drivers.map((d) =>
    d === null ? Number.NaN : valueEurPerHour(input.scenario, input.assumptions, d, marginFactor),
  );
}

/**
 * The business case of every variant against the baseline, with intervals from the replications. When
 * both ran the same replication indices (same seeds), the value difference is a paired difference;
 * otherwise a Welch interval. A difference that is not significant gets no payback month.
 */
export function businessCase(
  inputs: readonly CaseInput[],
  baselineIndex: number,
  options: CaseOptions = {},
  paired = true,
): BusinessCase {
  const marginFactor = options.marginFactor ?? 1;
  const alpha = options.alpha ?? 0.05;
  const base = inputs[baselineIndex];
  const a0 = base.assumptions;
  const annuity = annuityFactor(a0.discountRatePerYear, a0.horizonYears);
  const perHour = inputs.map((i) => values(i, marginFactor));
  const variants: VariantCase[] = inputs.map((input, i) => {
    const a = input.assumptions;
    const c = capex(input.scenario, a).totalEur;
    const o = opexPerYear(input.scenario, a, c).totalEur;
    const value = affine(
      interval(
        confidenceInterval(
          perHour[i].filter((v) => !Number.isNaN(v)),
          1 - alpha,
        ),
      ),
      a.operatingHoursPerYear,
    );
    return {
      capexEur: c,
      opexEurPerYear: o,
      valueEurPerYear: value,
      tcoEur: c + o * annuity,
      npvEur: affine(value, annuity, -c - o * annuity),
    };
  });
  const versus = inputs.map((_, i): VersusBaseline | null => {
    if (i === baselineIndex) return null;
    const v = variants[i];
    const b = variants[baselineIndex];
    const hours = a0.operatingHoursPerYear;
    let gainPerHour: Interval;
    let pValue: number;
    let significant: boolean;
    const isPaired = paired && perHour[i].length === perHour[baselineIndex].length;
    if (isPaired) {
      const t = pairedTTest(perHour[i], perHour[baselineIndex], alpha);
      gainPerHour = interval(t.ci);
      ({ pValue, significant } = t);
    } else {
      const w = welchDifference(perHour[i], perHour[baselineIndex], alpha);
      gainPerHour = w.interval;
      ({ pValue, significant } = w);
    }
    const gain = affine(gainPerHour, hours);
    const deltaCapexEur = v.capexEur - b.capexEur;
    const deltaOpexEurPerYear = v.opexEurPerYear - b.opexEurPerYear;
    const net = affine(gain, 1, -deltaOpexEurPerYear);
    const npv = affine(net, annuity, -deltaCapexEur);
    const { verdict, months, range } = paybackOf(significant, gain.mean, net, deltaCapexEur);
    return {
      paired: isPaired,
      pValue,
      significant,
      deltaCapexEur,
      deltaOpexEurPerYear,
      gainEurPerYear: gain,
      netEurPerYear: net,
      npvEur: npv,
      verdict,
      paybackMonths: months,
      paybackRangeMonths: range,
    };
  });
  return {
    currency: a0.currency,
    perEur: a0.perEur,
    horizonYears: a0.horizonYears,
    discountRatePerYear: a0.discountRatePerYear,
    variants,
    versus,
  };
}

/** Welch interval of mean(a) − mean(b) (NaN entries dropped), for designs without common seeds. */
export function welchDifference(a: number[], b: number[], alpha = 0.05) {
  const x = a.filter((v) => !Number.isNaN(v));
  const y = b.filter((v) => !Number.isNaN(v));
  const t = welchTTest(x, y, alpha);
  const cx = confidenceInterval(x);
  const cy = confidenceInterval(y);
  const se = Math.sqrt(cx.sd ** 2 / cx.n + cy.sd ** 2 / cy.n);
  const halfWidth =
    se === 0
      ? 0
      : Number.isFinite(t.df)
        ? studentTQuantile(1 - alpha / 2, t.df) * se
        : Number.POSITIVE_INFINITY;
  return {
    pValue: t.pValue,
    significant: t.significant,
    interval: {
      mean: t.diff,
      lower: t.diff - halfWidth,
      upper: t.diff + halfWidth,
      halfWidth,
      n: Math.min(x.length, y.length),
    },
  };
}

/** Payback = 12 · Δcapex / net, at the mean and at both ends of the net interval. */
function paybackOf(
  significant: boolean,
  gainMean: number,
  net: Interval,
  deltaCapexEur: number,
): { verdict: PaybackVerdict; months: number | null; range: [number, number | null] | null } {
  if (!significant) return { verdict: 'not significant', months: null, range: null };
  if (gainMean < 0) return { verdict: 'worse', months: null, range: null };
  if (deltaCapexEur <= 0)
    return net.mean >= 0
      ? { verdict: 'no extra investment', months: 0, range: [0, 0] }
      : { verdict: 'never', months: null, range: null };
  if (!(net.mean > 0)) return { verdict: 'never', months: null, range: null };
  const at = (n: number) => (n > 0 ? (12 * deltaCapexEur) / n : null);
  return {
    verdict: 'pays back',
    months: at(net.mean),
    range: [at(net.upper) ?? Number.POSITIVE_INFINITY, at(net.lower)],
  };
}

/** One bar of the tornado chart: the incremental NPV with one assumption at −20 % and at +20 %. */
export interface SensitivityBar {
  assumption: string;
  npvLowEur: number;
  npvHighEur: number;
}

type Lever = { label: string; apply?: (a: CostAssumptions, f: number) => CostAssumptions; margin?: true };

const scaleKey =
  (key: keyof CostAssumptions) =>
  (a: CostAssumptions, f: number): CostAssumptions => ({ ...a, [key]: (a[key] as number) * f });

/** The cost assumptions the tornado varies (each alone, all variants alike). */
export const SENSITIVITY_LEVERS: Lever[] = [
  { label: 'margin per part', margin: true },
  { label: 'operating hours per year', apply: scaleKey('operatingHoursPerYear') },
  { label: 'gNB price', apply: scaleKey('gnbEur') },
  { label: 'on-site core / UPF price', apply: scaleKey('onSiteCoreEur') },
  { label: 'gateway price', apply: scaleKey('gatewayEur') },
  { label: '5G module price', apply: scaleKey('moduleEurPerDevice') },
  { label: 'AGV price', apply: scaleKey('agvEur') },
  { label: 'Wi-Fi access point price', apply: scaleKey('wifiApEur') },
  { label: 'WLAN controller and survey price', apply: scaleKey('wifiControllerEur') },
  { label: 'Wi-Fi client price', apply: scaleKey('wifiClientEurPerDevice') },
  { label: 'Ethernet drop price', apply: scaleKey('ethernetEurPerEndpoint') },
  { label: 'patrol labour cost', apply: scaleKey('patrolLabourEurPerHour') },
  {
    label: 'network plan prices',
    apply: (a, f) => ({
      ...a,
      networkPlanEurPerMonth: Object.fromEntries(
        Object.entries(a.networkPlanEurPerMonth).map(([k, v]) => [k, v * f]),
      ) as CostAssumptions['networkPlanEurPerMonth'],
    }),
  },
  { label: 'maintenance share of capex', apply: scaleKey('maintenanceShareOfCapexPerYear') },
  { label: 'scrap cost per part', apply: scaleKey('scrapCostEurPerPart') },
  { label: 'breakdown cost per machine-hour', apply: scaleKey('downtimeCostEurPerMachineHour') },
  { label: 'AGV running cost', apply: scaleKey('agvRunningEurPerYear') },
  { label: 'discount rate', apply: scaleKey('discountRatePerYear') },
  { label: 'horizon (years)', apply: scaleKey('horizonYears') },
];

/**
 * Tornado data: the mean incremental NPV of `variantIndex` against the baseline with each assumption
 * scaled by (1 − swing) and (1 + swing), the others as given; sorted by the width of the swing, widest first.
 * Assumptions that move nothing are left out.
 */
export function sensitivity(
  inputs: readonly CaseInput[],
  baselineIndex: number,
  variantIndex: number,
  swing = 0.2,
  paired = true,
): SensitivityBar[] {
  const npvWith = (lever: Lever, f: number) => {
    const scaled = inputs.map((i) => ({
      ...i,
      assumptions: lever.apply ? lever.apply(i.assumptions, f) : i.assumptions,
    }));
    const c = businessCase(scaled, baselineIndex, lever.margin ? { marginFactor: f } : {}, paired);
    return c.versus[variantIndex]?.npvEur.mean ?? Number.NaN;
  };
  return SENSITIVITY_LEVERS.map((lever) => ({
    assumption: lever.label,
    npvLowEur: npvWith(lever, 1 - swing),
    npvHighEur: npvWith(lever, 1 + swing),
  }))
    .filter((b) => Math.abs(b.npvHighEur - b.npvLowEur) > 1e-6)
    .sort((x, y) => Math.abs(y.npvHighEur - y.npvLowEur) - Math.abs(x.npvHighEur - x.npvLowEur));
}
