import type { Scenario } from '../../scenario/schema';
import type { CostAssumptions } from '../cost-defaults';
import type { CostLine } from '../cost-line';

/** The network's share of a variant's cost under one connectivity: its capex and opex lines. */
export interface ConnectivityPricing {
  capex(scenario: Scenario, a: CostAssumptions): CostLine[];
  /** Running cost per year (maintenance on capex is added for all). */
  opex(scenario: Scenario, a: CostAssumptions): CostLine[];
}
