import { line } from '../cost-line';
import type { ConnectivityPricing } from './pricing';
import { accessPointCount } from './wifi';

/**
 * 'wired': an Ethernet drop per fixed device (machines, gateways, cameras), gateways for legacy machines;
 * the AGVs' wireless network: Wi-Fi (APs, controller, a client per AGV) or 5G (gNBs, core, a module per AGV).
 */
export const wiredPricing: ConnectivityPricing = {
  capex: (s, a) => {
    const moving = s.network.devices.filter((d) => d.kind === 'agv').length;
    const fixed = s.network.devices.length - moving;
    const common = [
      line('Ethernet drops to fixed devices', fixed, a.ethernetEurPerEndpoint),
      line('gateways for legacy machines', s.gateways?.length ?? 0, a.gatewayEur),
    ];
    if (moving === 0) return common;
    const mode = s.network.deployment;
    return (s.network.wired?.mobile ?? 'wifi') === '5g'
      ? [
          ...common,
          line('gNBs', s.network.gnbs.length, a.gnbEur),
          line('on-site core / UPF', mode === 'hybrid' || mode === 'private' ? 1 : 0, a.onSiteCoreEur),
          line('5G modules (AGVs)', moving, a.moduleEurPerDevice),
        ]
      : [
          ...common,
          line('Wi-Fi access points', accessPointCount(s), a.wifiApEur),
          line('WLAN controller and site survey', 1, a.wifiControllerEur),
          line('Wi-Fi clients (AGVs)', moving, a.wifiClientEurPerDevice),
        ];
  },
  opex: (s, a) => {
    const lines = [line('network plan (wired LAN), months', 12, a.networkPlanEurPerMonth.wired)];
    if (!s.network.devices.some((d) => d.kind === 'agv')) return lines;
    return (s.network.wired?.mobile ?? 'wifi') === '5g'
      ? [
          ...lines,
          line(
            `network plan (${s.network.deployment}), months`,
            12,
            a.networkPlanEurPerMonth[s.network.deployment],
          ),
        ]
      : [...lines, line('network plan (wifi), months', 12, a.networkPlanEurPerMonth.wifi)];
  },
};
