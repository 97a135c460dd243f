// 'wired': machines, gateways, cameras and the control system on switched Ethernet; the moving endpoints
// (AGVs) on a wireless network: Wi-Fi (default) or the 5G model. A message or stream with a moving end
// goes over the wireless network, every other one over Ethernet.
import { merge } from 'rxjs';
import type { ControlNetwork, Message, StreamHandle, StreamListener, StreamSpec } from '../control/seam';
import { buildNetwork } from '../network/network-model';
import type { Connectivity, ConnectivityKpis, PlantNetwork } from './connectivity';
import { DeliveryStats } from './delivery-stats';
import { FixedDelayNetwork } from './fixed-delay-network';
import { wifiPlantNetwork } from './wifi';

/**
 * One-way delay between two Ethernet endpoints, ms (assumption): two or three switch hops of Gigabit
 * Ethernet, store-and-forward 12 µs per hop for a 1500-byte frame plus a few µs of switching, and the
 * endpoints' stacks. Loss is neglected: the 1000BASE-T bit-error objective is 1e-10 (IEEE 802.3 clause 40),
 * a frame error every few minutes of full load, repaired by the transport.
 */
export const ETHERNET_DELAY_MS = 0.1;

export const wired: Connectivity = {
  description: 'fixed endpoints on Ethernet (sub-ms, lossless), moving ones on Wi-Fi or 5G',
  problems(input) {
    const out: string[] = [];
    const d = input.connectivity.wired?.ethernetDelayMs;
    if (d !== undefined && !(d >= 0 && Number.isFinite(d)))
      out.push(`wired.ethernetDelayMs must be a finite number >= 0, got ${d}`);
    if (input.agv !== undefined && input.network === undefined)
      out.push('connectivity "wired" with AGVs needs a network config for their wireless network');
    return out;
  },
  build(context) {
    const { sim, network, mobileEndpoints, connectivity, streams, locate, movedByMs } = context;
    const stats = new DeliveryStats(network?.classOptions);
    const ethernet = new FixedDelayNetwork(
      sim,
      connectivity.wired?.ethernetDelayMs ?? ETHERNET_DELAY_MS,
      'ethernet delivery',
      stats,
    );
    const moving = (network?.devices ?? []).filter((d) => mobileEndpoints.has(d.endpointId));
    let radio: PlantNetwork | undefined;
    let radioKpis: ((endMs: number) => ConnectivityKpis) | undefined;
    if (network !== undefined && mobileEndpoints.size > 0) {
      if ((connectivity.wired?.mobile ?? 'wifi') === '5g') {
        const model = buildNetwork(
          sim,
          { ...network, devices: moving },
          { streams, locate, ...(movedByMs ? { movedByMs } : {}) },
        );
        radio = { control: model, fiveG: model, probes: model.probes, runsAhead: true };
      } else {
        const w = wifiPlantNetwork(context, moving);
        radio = w;
        radioKpis = (endMs) => w.kpis(endMs);
      }
      // Every packet of the wireless part also counts in the plant's per-class figures.
      radio.probes?.linkSamples.stream$.subscribe((s) => {
        if (s.lost) stats.lost(s.trafficClass);
        else stats.delivered(s.trafficClass, s.latencyMs);
      });
    }
    const isMoving = (id: string) => mobileEndpoints.has(id);
    const route = (from: string, to: string): ControlNetwork =>
      radio !== undefined && (isMoving(from) || isMoving(to)) ? radio.control : ethernet;
    const control: ControlNetwork = {
      send<P>(m: Message<P>, onDelivered: (m: Message<P>) => void, onLost?: (m: Message<P>) => void) {
        route(m.from, m.to).send(m, onDelivered, onLost);
      },
      openStream(spec: StreamSpec, listener?: StreamListener): StreamHandle {
        return route(spec.from, spec.to).openStream(spec, listener);
      },
    };
    const radioProbes = radio?.probes;
    return {
      control,
      ...(radio?.fiveG === undefined ? {} : { fiveG: radio.fiveG }),
      probes: {
        linkSamples: {
          stream$:
            radioProbes === undefined
              ? ethernet.linkSamples.stream$
              : merge(ethernet.linkSamples.stream$, radioProbes.linkSamples.stream$),
        },
        notable: { stream$: radioProbes?.notable.stream$ ?? merge() },
      },
      runsAhead: radio?.runsAhead ?? false,
      resetStats(atMs) {
        ethernet.resetStreams(atMs);
        stats.reset();
        radio?.resetStats?.(atMs);
        radio?.fiveG?.resetStats(atMs);
      },
      kpis(endMs) {
        ethernet.bookStreams(endMs);
        const w = radioKpis?.(endMs);
        const g = radio?.fiveG?.kpis(endMs);
        return {
          classes: stats.kpis(),
          survivalFailures: w?.survivalFailures ?? g?.survivalFailures ?? 0,
          flat: w?.flat ?? {},
          ...(w?.detail === undefined ? {} : { detail: w.detail }),
        };
      },
    };
  },
};
