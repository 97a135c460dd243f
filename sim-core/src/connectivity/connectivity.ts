// The connectivity choice: how the plant's ControlNetwork is built (5G, Wi-Fi, wired, unconnected, ideal).
// One file per built-in, registered by name in `connectivities` (registry.ts); buildTwin builds the one the
// twin config names.
import type { Observable } from 'rxjs';
import type { ControlNetwork } from '../control/seam';
import type { RandomStreams } from '../engine/random';
import type { Simulation } from '../engine/simulation';
import type { AgvConfig } from '../factory/agv/config';
import type { FactoryConfig, Position } from '../factory/config';
import type { NetworkConfig } from '../network/config';
import type { LinkSample, NetworkModel, NetworkNotableEvent } from '../network/types';
import type { WifiConfig } from '../network/wifi/config';
import type { ClassDeliveryKpis } from './delivery-stats';

/** Fixed endpoints on Ethernet, moving ones (AGVs) on a wireless network. */
export interface WiredConfig {
  /** The wireless network of the moving endpoints: 'wifi' (default) or '5g' (the network config's). */
  mobile?: 'wifi' | '5g';
  /** One-way delay between two Ethernet endpoints, ms (default ETHERNET_DELAY_MS). */
  ethernetDelayMs?: number;
}

/** No network: paper and people carry orders and reports. */
export interface UnconnectedConfig {
  /** From an order or report to its effect (someone walks, reads, keys in), ms (default 0: at once). */
  dispatchDelayMs?: number;
}

/** Which connectivity a twin runs on, and its parameters (TwinConfig.connectivity). */
export interface ConnectivityConfig {
  /** A name registered in `connectivities`: '5g', 'wifi', 'wired', 'unconnected', 'ideal', or your own. */
  kind: string;
  wifi?: WifiConfig;
  wired?: WiredConfig;
  unconnected?: UnconnectedConfig;
  /** Parameters of a connectivity of your own. */
  options?: Readonly<Record<string, unknown>>;
}

/** What a connectivity sees of the twin before it builds. */
export interface ConnectivityInput {
  factory: FactoryConfig;
  agv?: AgvConfig;
  /** The plant's radio description: 5G sites, the devices (radios) and the endpoints they serve, clutter, class options. */
  network?: NetworkConfig;
  connectivity: ConnectivityConfig;
}

export interface ConnectivityContext extends ConnectivityInput {
  readonly sim: Simulation;
  readonly streams: RandomStreams;
  /** Endpoints that move (the AGVs). */
  readonly mobileEndpoints: ReadonlySet<string>;
  /** Where an endpoint is at a simulated time (asked only while the simulation runs). */
  locate(endpointId: string, timeMs: number): Position | undefined;
  /**
   * The earliest time the endpoint can have moved `distanceM` on from where it is at `timeMs` (a lower
   * bound from its planned motion; Infinity for one that never moves; undefined when unknown): lets a
   * network wait for a move instead of polling positions.
   */
  movedByMs?(endpointId: string, timeMs: number, distanceM: number): number | undefined;
}

/** A probe as an observer sees it. */
export interface ProbeView<T> {
  readonly stream$: Observable<T>;
}

/** Delivery KPIs of a network that is not (only) the 5G model. */
export interface ConnectivityKpis {
  /** Per traffic class, against the TS 22.104 targets (flattened as net.<class>.*, like the 5G model's). */
  classes: ClassDeliveryKpis[];
  survivalFailures: number;
  /** KPIs of its own, flat (e.g. ap.<id>.airtime, net.roams); their names are registered in KPIS. */
  flat: Record<string, number>;
  /** The network's own structured KPIs (e.g. WifiKpis), for summaries. */
  detail?: unknown;
}

/** What a connectivity builds: the network the models send through, and what it reports. */
export interface PlantNetwork {
  readonly control: ControlNetwork;
  /** The 5G model, when the plant (or its moving part) runs on one: its KPIs, cells, coverage. */
  readonly fiveG?: NetworkModel;
  readonly probes?: {
    readonly linkSamples: ProbeView<LinkSample>;
    readonly notable: ProbeView<NetworkNotableEvent>;
  };
  /** Delivery KPIs over [last reset, endMs]; absent: the 5G model's KPIs (if any) tell all. */
  kpis?(endMs: number): ConnectivityKpis;
  /** Forgets statistics before `atMs` (warm-up), its 5G model's included. */
  resetStats?(atMs: number): void;
  /** It runs events ahead of the clock (the 5G MAC): buildTwin puts a marker at the end of the run. */
  readonly runsAhead?: boolean;
}

/** One way to connect the plant. */
export interface Connectivity {
  readonly description: string;
  /** What makes a twin config unusable under this connectivity, one sentence each (empty: fine). */
  problems?(input: ConnectivityInput): string[];
  /** The factory as it runs under this connectivity (e.g. unconnected: no machine reports a breakdown). */
  factory?(factory: FactoryConfig, config: ConnectivityConfig): FactoryConfig;
  build(context: ConnectivityContext): PlantNetwork;
}
