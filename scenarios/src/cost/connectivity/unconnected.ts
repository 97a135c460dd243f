import { line } from '../cost-line';
import type { ConnectivityPricing } from './pricing';

/** 'unconnected': no network equipment (legacy machines stay without gateways); its own plan (default none). */
export const unconnectedPricing: ConnectivityPricing = {
  capex: () => [],
  opex: (_s, a) => [line('network plan (unconnected), months', 12, a.networkPlanEurPerMonth.unconnected)],
};
