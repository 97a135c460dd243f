import type { CostOverrides, Scenario } from '../scenario/schema';
import { connectivityPricing } from './connectivity/index';
import { COST_DEFAULTS, type CostAssumptions } from './cost-defaults';
import { type CostLine, line } from './cost-line';

export type { CostLine } from './cost-line';

export interface CostBreakdown {
  lines: CostLine[];
  totalEur: number;
}

/** The defaults with a scenario's `costs` overrides applied. */
export function costAssumptions(overrides: CostOverrides = {}): CostAssumptions {
  const { baselineVariant: _b, networkPlanEurPerMonth, ...rest } = overrides;
  const defined = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined));
  return {
    ...COST_DEFAULTS,
    ...defined,
    networkPlanEurPerMonth: { ...COST_DEFAULTS.networkPlanEurPerMonth, ...networkPlanEurPerMonth },
  };
}

function breakdown(lines: CostLine[]): CostBreakdown {
  const kept = lines.filter((l) => l.quantity > 0);
  return { lines: kept, totalEur: kept.reduce((sum, l) => sum + l.totalEur, 0) };
}

/** The pricing of the scenario's connectivity (none registered: its network costs nothing here). */
function pricingOf(scenario: Scenario) {
  const kind = scenario.network.connectivity ?? '5g';
  return connectivityPricing.has(kind) ? connectivityPricing.get(kind) : undefined;
}

/**
 * One-off investment: the network by connectivity (5G: gNBs, on-site core for hybrid and private, gateways,
 * a module per device; Wi-Fi: APs, controller, gateways, clients; wired: Ethernet drops, gateways and the
 * AGVs' wireless; unconnected and ideal: none), then the AGVs.
 */
export function capex(scenario: Scenario, a: CostAssumptions): CostBreakdown {
  return breakdown([
    ...(pricingOf(scenario)?.capex(scenario, a) ?? []),
    line('AGVs', scenario.transport.kind === 'agv' ? (scenario.agvs?.vehicles.length ?? 0) : 0, a.agvEur),
  ]);
}

/**
 * Patrol labour per year: every round passes every machine, `patrolMinutesPerMachine` each, once per
 * `patrolIntervalMin`, over the operating hours: hours = operating hours × machines × minutes per machine /
 * interval (minutes). Whatever the connectivity: a connected plant that still patrols pays for it too.
 */
export function patrolHoursPerYear(scenario: Scenario, a: CostAssumptions): number {
  const interval = scenario.maintenance?.detection?.patrolIntervalMin;
  if (interval === undefined) return 0;
  return (a.operatingHoursPerYear * scenario.machines.length * a.patrolMinutesPerMachine) / interval;
}

/** Running cost per year: the network plan of the connectivity, patrol labour, maintenance on the capex. */
export function opexPerYear(scenario: Scenario, a: CostAssumptions, capexEur: number): CostBreakdown {
  return breakdown([
    ...(pricingOf(scenario)?.opex(scenario, a) ?? []),
    line('patrol labour, hours', patrolHoursPerYear(scenario, a), a.patrolLabourEurPerHour),
    line('maintenance, share of capex', a.maintenanceShareOfCapexPerYear, capexEur),
  ]);
}

/** Contribution margin earned per hour from finished parts per hour by product. */
export function marginEurPerHour(
  scenario: Scenario,
  a: CostAssumptions,
  partsPerHourByProduct: Record<string, number>,
): number {
  let sum = 0;
  for (const product of scenario.products) {
    sum += (partsPerHourByProduct[product.id] ?? 0) * (product.marginEurPerPart ?? a.defaultMarginEurPerPart);
  }
  return sum;
}

export interface VariantEconomics {
  capexEur: number;
  opexEurPerYear: number;
  marginEurPerHour: number;
}

export interface Payback {
  deltaCapexEur: number;
  deltaOpexEurPerYear: number;
  /** Extra contribution margin per year from the extra throughput. */
  gainEurPerYear: number;
  /** gain − extra opex. */
  netEurPerYear: number;
  /** Months until the extra investment is earned back; 0 if it costs nothing extra; null if never. */
  paybackMonths: number | null;
}

/** Payback of a variant against the baseline: extra capex / (extra margin − extra opex). */
export function payback(variant: VariantEconomics, baseline: VariantEconomics, a: CostAssumptions): Payback {
  const deltaCapexEur = variant.capexEur - baseline.capexEur;
  const deltaOpexEurPerYear = variant.opexEurPerYear - baseline.opexEurPerYear;
  const gainEurPerYear = (variant.marginEurPerHour - baseline.marginEurPerHour) * a.operatingHoursPerYear;
  const netEurPerYear = gainEurPerYear - deltaOpexEurPerYear;
  let paybackMonths: number | null;
  if (deltaCapexEur <= 0) paybackMonths = netEurPerYear >= 0 ? 0 : null;
  else paybackMonths = netEurPerYear > 0 ? (deltaCapexEur / netEurPerYear) * 12 : null;
  return { deltaCapexEur, deltaOpexEurPerYear, gainEurPerYear, netEurPerYear, paybackMonths };
}

/** Capex, opex and margin of one variant from its scenario and its mean throughput by product. */
export function economics(
  scenario: Scenario,
  partsPerHourByProduct: Record<string, number>,
): VariantEconomics & {
  capex: CostBreakdown;
  opex: CostBreakdown;
} {
  const a = costAssumptions(scenario.costs);
  const c = capex(scenario, a);
  const o = opexPerYear(scenario, a, c.totalEur);
  return {
    capex: c,
    opex: o,
    capexEur: c.totalEur,
    opexEurPerYear: o.totalEur,
    marginEurPerHour: marginEurPerHour(scenario, a, partsPerHourByProduct),
  };
}
