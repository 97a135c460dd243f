import { line } from '../cost-line';
import type { ConnectivityPricing } from './pricing';

/** '5g': gNBs, an on-site core for hybrid and private, gateways for legacy machines, a module per device, the plan. */
export const fiveGPricing: ConnectivityPricing = {
  capex: (s, a) => {
    const mode = s.network.deployment;
    return [
      line('gNBs', s.network.gnbs.length, a.gnbEur),
      line('on-site core / UPF', mode === 'hybrid' || mode === 'private' ? 1 : 0, a.onSiteCoreEur),
      line('gateways for legacy machines', s.gateways?.length ?? 0, a.gatewayEur),
      line('5G modules', s.network.devices.length, a.moduleEurPerDevice),
    ];
  },
  opex: (s, a) => [
    line(
      `network plan (${s.network.deployment}), months`,
      12,
      a.networkPlanEurPerMonth[s.network.deployment],
    ),
  ],
};
