import type { ConnectivityPricing } from './pricing';

/** 'ideal': the upper bound of what a network could give, not something to buy: no network cost. */
export const idealPricing: ConnectivityPricing = { capex: () => [], opex: () => [] };
