// Public API of the industrial Wi-Fi model.
export type { AccessPointConfig, WifiConfig } from './config';
export {
  channelFrequencyGHz,
  DEFAULT_ROAMING_INTERRUPTION_MS,
  HT_MCS_20MHZ,
  phyRateForRssiMbps,
  WIFI_DEFAULTS,
} from './config';
export {
  type Contender,
  type ContentionState,
  contentionState,
  type FrameOutlook,
  frameOutlook,
} from './contention';
export {
  basicAccessTimesUs,
  bianchiFixedPoint,
  bianchiTau,
  DCF_OFDM,
  type DcfFixedPoint,
  type DcfTiming,
  frameAirtimeUs,
  meanSlotUs,
  saturatedServiceTimeMs,
  saturationThroughputMbps,
} from './dcf';
export { medianInfPathLossDb } from './propagation';
export {
  type AccessPointKpis,
  buildWifiNetwork,
  type RoamEvent,
  type WifiDependencies,
  type WifiKpis,
  type WifiNetwork,
  type WifiProbes,
  type WifiStreamKpis,
} from './wifi-network';
