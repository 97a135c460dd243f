import type { Scenario } from '../../scenario/schema';
import { line } from '../cost-line';
import type { ConnectivityPricing } from './pricing';

/** Access points: the scenario's own, else one per 5G site (where the model puts them). */
export const accessPointCount = (s: Scenario): number =>
  s.network.wifi?.accessPoints?.length ?? s.network.gnbs.length;

/** 'wifi': access points, the controller, gateways for legacy machines, a Wi-Fi client per device, the WLAN plan. */
export const wifiPricing: ConnectivityPricing = {
  capex: (s, a) => [
    line('Wi-Fi access points', accessPointCount(s), a.wifiApEur),
    line('WLAN controller and site survey', 1, a.wifiControllerEur),
    line('gateways for legacy machines', s.gateways?.length ?? 0, a.gatewayEur),
    line('Wi-Fi clients', s.network.devices.length, a.wifiClientEurPerDevice),
  ],
  opex: (_s, a) => [line('network plan (wifi), months', 12, a.networkPlanEurPerMonth.wifi)],
};
