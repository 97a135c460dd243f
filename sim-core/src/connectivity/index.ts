// Public API of the connectivity choice: how the plant's ControlNetwork is built.
export type {
  Connectivity,
  ConnectivityConfig,
  ConnectivityContext,
  ConnectivityInput,
  ConnectivityKpis,
  PlantNetwork,
  ProbeView,
  UnconnectedConfig,
  WiredConfig,
} from './connectivity';
export { type ClassDeliveryKpis, DeliveryStats } from './delivery-stats';
export { FixedDelayNetwork } from './fixed-delay-network';
export { connectivities } from './registry';
export { ETHERNET_DELAY_MS } from './wired';
