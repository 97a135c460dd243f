// 'wifi': every device of the network config is a Wi-Fi client (network/wifi/); endpoints without one, and
// the control system, are on the plant LAN behind the APs.
import { buildWifiNetwork, type WifiNetwork } from '../network/wifi/wifi-network';
import type { Connectivity, ConnectivityContext, ConnectivityKpis, PlantNetwork } from './connectivity';

export const wifi: Connectivity = {
  description: 'industrial Wi-Fi: APs, DCF contention (Bianchi 2000), co-channel interference, roaming gaps',
  problems: (input) =>
    input.network === undefined
      ? ['connectivity "wifi" needs a network config (devices, sites, clutter)']
      : [],
  build: (context) => wifiPlantNetwork(context, context.network!.devices),
};

/** The Wi-Fi network of `devices` as a plant network (also the moving part of 'wired'). */
export function wifiPlantNetwork(
  { sim, streams, locate, network, connectivity }: ConnectivityContext,
  devices: NonNullable<ConnectivityContext['network']>['devices'],
): PlantNetwork & { wifi: WifiNetwork; kpis(endMs: number): ConnectivityKpis } {
  const n = network!;
  const model = buildWifiNetwork(sim, connectivity.wifi ?? {}, {
    streams,
    locate,
    devices,
    clutter: n.clutter,
    sites: n.gnbs,
    ...(n.classOptions === undefined ? {} : { classOptions: n.classOptions }),
  });
  return {
    wifi: model,
    control: model,
    probes: model.probes,
    resetStats: (atMs) => model.resetStats(atMs),
    kpis(endMs) {
      const k = model.kpis(endMs);
      const flat: Record<string, number> = { 'net.roams': k.roams };
      for (const ap of k.accessPoints) {
        flat[`ap.${ap.apId}.airtime`] = ap.airtime;
        flat[`ap.${ap.apId}.accessDelayMs`] = ap.accessDelayMs;
        flat[`ap.${ap.apId}.collisionProbability`] = ap.collisionProbability;
      }
      return { classes: k.classes, survivalFailures: k.survivalFailures, flat, detail: k };
    },
  };
}
