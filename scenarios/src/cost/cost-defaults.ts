import type { DeploymentMode } from '../scenario/schema';

/**
 * Editable cost assumptions of the 5G business case, all in EUR. Every item says where its number comes
 * from, or that it is an assumption. A scenario overrides any of them under `costs`.
 * Conversion used for yuan figures: 1 EUR ≈ 7.8 CNY (assumption: 2021–2024 average, rounded).
 */
export interface CostAssumptions {
  /** One indoor gNB (radio unit + baseband share + installation), EUR. */
  gnbEur: number;
  /** On-site core / UPF (+ MEC server) for hybrid and private deployments, EUR, once per site. */
  onSiteCoreEur: number;
  /** One industrial gateway that joins legacy machines (serial/PLC → 5G), EUR. */
  gatewayEur: number;
  /** One 5G module / CPE per connected device, EUR. */
  moduleEurPerDevice: number;
  /** One AGV (vehicle, safety scanners, navigation), EUR. */
  agvEur: number;
  /**
   * Network service plan per month, EUR (site-wide): by 5G deployment mode, and for the other connectivities
   * (Wi-Fi controller licences and support, LAN support, none for the unconnected plant).
   */
  networkPlanEurPerMonth: Record<DeploymentMode | 'wifi' | 'wired' | 'unconnected', number>;
  /** One industrial Wi-Fi access point, installed (PoE port, cabling, mounting), EUR. */
  wifiApEur: number;
  /** WLAN controller (or cloud management licences) with fast roaming, and the site survey, EUR, once. */
  wifiControllerEur: number;
  /** One industrial Wi-Fi client (module or client bridge) per device, EUR. */
  wifiClientEurPerDevice: number;
  /** One Ethernet drop to a fixed endpoint (cable run, switch port share, termination, installation), EUR. */
  ethernetEurPerEndpoint: number;
  /** Loaded hourly labour cost of the operator who patrols the machines, EUR. */
  patrolLabourEurPerHour: number;
  /** Operator time per machine and patrol round (walk to it, look), minutes. */
  patrolMinutesPerMachine: number;
  /** Yearly maintenance as a share of the capex (hardware support, spares, software). */
  maintenanceShareOfCapexPerYear: number;
  /** Contribution margin of a part whose product sets none, EUR. */
  defaultMarginEurPerPart: number;
  /** Production hours per year, to turn an hourly throughput gain into a yearly one. */
  operatingHoursPerYear: number;
  /** Value lost with a scrapped part (material, processing), EUR. */
  scrapCostEurPerPart: number;
  /** Cost of an hour of machine breakdown beyond the lost output (repair labour, spares), EUR. */
  downtimeCostEurPerMachineHour: number;
  /** Running cost of one AGV per year (energy, tyres, battery wear), EUR; counted in opex. */
  agvRunningEurPerYear: number;
  /** Years over which NPV and total cost of ownership are taken. */
  horizonYears: number;
  /** Yearly discount rate for NPV (0.08 = 8 %). */
  discountRatePerYear: number;
  /** Currency amounts are shown in (ISO 4217 code); everything is computed in EUR. */
  currency: string;
  /** Units of `currency` per EUR, for display (1 for EUR). */
  perEur: number;
}

/** Units per EUR of the currencies known without a `costs.perEur` (assumption: 2021–2024 averages, rounded). */
export const KNOWN_RATES_PER_EUR: Record<string, number> = { EUR: 1, CNY: 7.8, USD: 1.08 };

export const COST_DEFAULTS: CostAssumptions = {
  // Weihai MIIT reply on proposal 81 (2021, /work/shared/seeds): 2603 public macro sites for 650 million yuan,
  // ≈ 250 000 CNY ≈ 32 000 EUR per site. An indoor small-cell gNB is far cheaper; assumption: 15 000 EUR
  // installed (radio + share of baseband + cabling), about half a macro site.
  gnbEur: 15_000,
  // Assumption: compact on-site UPF + MEC server (one rack unit pair, licences, integration).
  onSiteCoreEur: 60_000,
  // Assumption: industrial 5G gateway with PLC/serial adapters, installed.
  gatewayEur: 1_200,
  // Assumption: industrial 5G module / CPE price, 2024 street level.
  moduleEurPerDevice: 250,
  // Assumption: mid-size latent/tugger AGV with laser navigation and safety scanners.
  agvEur: 35_000,
  networkPlanEurPerMonth: {
    // Assumption: enterprise data plans for the site's devices on the public network.
    public: 1_500,
    // Assumption: operator slice with guaranteed QoS, priced above a plain plan.
    slice: 4_000,
    // Assumption: shared RAN + control plane from the operator, local UPF breakout (service + support fee).
    hybrid: 3_000,
    // Assumption: standalone private network: spectrum lease and support, no operator service.
    private: 2_000,
    // Assumption: WLAN controller / cloud-management licences and vendor support for an industrial WLAN.
    wifi: 300,
    // Assumption: support contract for the managed industrial switches of the plant LAN.
    wired: 200,
    // The status quo: no network to pay for.
    unconnected: 0,
  },
  // Assumption: industrial dual-band 802.11ac AP about 800 EUR, plus PoE port, cabling and mounting.
  wifiApEur: 1_500,
  // Assumption: controller or cloud licences with 802.11r/k/v, plus a site survey and commissioning.
  wifiControllerEur: 8_000,
  // Assumption: industrial Wi-Fi module or client bridge, 2024 street level.
  wifiClientEurPerDevice: 300,
  // Assumption: a shielded industrial cable run of about 50 m on trays to a machine, a managed-switch port share,
  // termination and installation in a running hall.
  ethernetEurPerEndpoint: 800,
  // Assumption: loaded labour cost of a maintenance operator in a European plant.
  patrolLabourEurPerHour: 35,
  // Assumption: half a minute per machine and round (walk past, look at the stack light and the display).
  patrolMinutesPerMachine: 0.5,
  // Assumption: 10 % of capex per year is a common rule of thumb for IT/OT hardware maintenance.
  maintenanceShareOfCapexPerYear: 0.1,
  // Assumption: a generic machined part.
  defaultMarginEurPerPart: 20,
  // Assumption: two 8-hour shifts on 250 days.
  operatingHoursPerYear: 4_000,
  // Assumption: half the default margin of a machined part (material and the processing already spent).
  scrapCostEurPerPart: 10,
  // Assumption: a maintenance technician plus spares per hour of breakdown (the lost output is counted apart).
  downtimeCostEurPerMachineHour: 60,
  // Assumption: energy (≈ 4 MWh/year at 0.15 EUR/kWh), tyres and battery wear of a mid-size AGV.
  agvRunningEurPerYear: 3_000,
  // Assumption: 5 years, the usual depreciation period of IT/OT equipment.
  horizonYears: 5,
  // Assumption: 8 %/year, a common cost of capital for manufacturing SMEs.
  discountRatePerYear: 0.08,
  currency: 'EUR',
  perEur: 1,
};
