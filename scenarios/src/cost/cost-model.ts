import type { FactoryKpis } from '@factory-twin/sim-core';
import type { CostOverrides, Scenario } from '../scenario/schema';
import { connectivityPricing } from './connectivity/index';
import { COST_DEFAULTS, type CostAssumptions, KNOWN_RATES_PER_EUR } from './cost-defaults';
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
  const currency = overrides.currency ?? COST_DEFAULTS.currency;
  return {
    ...COST_DEFAULTS,
    ...defined,
    networkPlanEurPerMonth: { ...COST_DEFAULTS.networkPlanEurPerMonth, ...networkPlanEurPerMonth },
    currency,
    perEur: overrides.perEur ?? KNOWN_RATES_PER_EUR[currency] ?? Number.NaN,
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
    line('AGVs', agvCount(scenario), a.agvEur),
  ]);
}

const agvCount = (scenario: Scenario) =>
  scenario.transport.kind === 'agv' ? (scenario.agvs?.vehicles.length ?? 0) : 0;

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

/**
 * Running cost per year: the network plan of the connectivity, patrol labour, maintenance on the capex,
 * AGV running costs.
 */
export function opexPerYear(scenario: Scenario, a: CostAssumptions, capexEur: number): CostBreakdown {
  return breakdown([
    ...(pricingOf(scenario)?.opex(scenario, a) ?? []),
    line('patrol labour, hours', patrolHoursPerYear(scenario, a), a.patrolLabourEurPerHour),
    line('maintenance, share of capex', a.maintenanceShareOfCapexPerYear, capexEur),
    line('AGV running cost (energy, wear)', agvCount(scenario), a.agvRunningEurPerYear),
  ]);
}

/** Contribution margin earned per hour from finished parts per hour by product (`marginFactor` scales every margin). */
export function marginEurPerHour(
  scenario: Scenario,
  a: CostAssumptions,
  partsPerHourByProduct: Record<string, number>,
  marginFactor = 1,
): number {
  let sum = 0;
  for (const product of scenario.products) {
    sum += (partsPerHourByProduct[product.id] ?? 0) * (product.marginEurPerPart ?? a.defaultMarginEurPerPart);
  }
  return sum * marginFactor;
}

/** What a run measured that carries value: good parts, scrap and breakdowns (per simulated hour after warm-up). */
export interface ValueDrivers {
  partsPerHourByProduct: Record<string, number>;
  scrappedPerHour: number;
  /** Σ over machines of the share of time down: machine-hours of breakdown per hour. */
  downMachineHoursPerHour: number;
}

/** The drivers of a run's factory KPIs (window after the warm-up). */
export function valueDrivers(k: FactoryKpis): ValueDrivers {
  const hours = k.durationMs / 3_600_000;
  let downMs = 0;
  for (const m of Object.values(k.machines)) downMs += m.timeInStateMs.down;
  return {
    partsPerHourByProduct: k.throughputPerHourByProduct,
    scrappedPerHour: hours > 0 ? k.parts.scrapped / hours : 0,
    downMachineHoursPerHour: k.durationMs > 0 ? downMs / k.durationMs : 0,
  };
}

/** Value created per hour: contribution margin of good parts − scrap cost − breakdown cost. */
export function valueEurPerHour(
  scenario: Scenario,
  a: CostAssumptions,
  d: ValueDrivers,
  marginFactor = 1,
): number {
  return (
    marginEurPerHour(scenario, a, d.partsPerHourByProduct, marginFactor) -
    d.scrappedPerHour * a.scrapCostEurPerPart -
    d.downMachineHoursPerHour * a.downtimeCostEurPerMachineHour
  );
}

const HOUR_MS = 3_600_000;

/**
 * What defects cost per hour of the run's window (EUR/h): each one found at an inspection point or at the
 * late check costs its disposition's `costEurPerPart` (rework labour or scrap), each defective part shipped
 * `shippedDefectCostEurPerPart` (the scenario's `quality` section; 0 where not given). A scrapped part
 * also earns no margin: that loss is already in the throughput.
 */
export function qualityCostPerHour(
  scenario: Scenario,
  kpis: Pick<FactoryKpis, 'quality' | 'durationMs'>,
): CostBreakdown {
  const q = kpis.quality;
  const spec = scenario.quality;
  if (q === undefined || spec === undefined || !(kpis.durationMs > 0)) return breakdown([]);
  const perHour = HOUR_MS / kpis.durationMs;
  const lines = (spec.inspections ?? []).map((p) =>
    line(
      `defects caught at ${p.id} (${p.caught.kind}), per hour`,
      (q.inspections[p.id]?.caught ?? 0) * perHour,
      p.caught.costEurPerPart ?? 0,
    ),
  );
  if (spec.lateCheck !== undefined)
    lines.push(
      line(
        `defects found late (${spec.lateCheck.found.kind}), per hour`,
        q.foundLate * perHour,
        spec.lateCheck.found.costEurPerPart ?? 0,
      ),
    );
  lines.push(
    line(
      'defective parts shipped, per hour',
      q.shippedDefective * perHour,
      spec.shippedDefectCostEurPerPart ?? 0,
    ),
  );
  return breakdown(lines.filter((l) => l.unitEur > 0));
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

/**
 * Capex, opex, margin and value per hour of one variant from its scenario and what a run measured; with the
 * run's factory KPIs, margin and value are net of what defects cost (qualityCostPerHour).
 */
export function economics(
  scenario: Scenario,
  drivers: ValueDrivers,
  factory?: Pick<FactoryKpis, 'quality' | 'durationMs'>,
): VariantEconomics & {
  capex: CostBreakdown;
  opex: CostBreakdown;
  valueEurPerHour: number;
  /** EUR per hour (lines: defects per hour × EUR per defect). */
  qualityCost: CostBreakdown;
} {
  const a = costAssumptions(scenario.costs);
  const c = capex(scenario, a);
  const o = opexPerYear(scenario, a, c.totalEur);
  const q = factory === undefined ? breakdown([]) : qualityCostPerHour(scenario, factory);
  return {
    capex: c,
    opex: o,
    qualityCost: q,
    capexEur: c.totalEur,
    opexEurPerYear: o.totalEur,
    marginEurPerHour: marginEurPerHour(scenario, a, drivers.partsPerHourByProduct) - q.totalEur,
    valueEurPerHour: valueEurPerHour(scenario, a, drivers) - q.totalEur,
  };
}
