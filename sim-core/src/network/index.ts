// Public API of the 5G network model (the radio building blocks stay in ./radio).

export type {
  ClassOptions,
  CoreDelayOverrides,
  DeploymentConfig,
  DeviceConfig,
  GnbConfig,
  HandoverConfig,
  InterferenceZoneConfig,
  LinkAdaptationConfig,
  NetworkConfig,
  NetworkFidelity,
  SchedulerKind,
  SliceConfig,
  UplinkPowerControlConfig,
} from './config';
export type { LatencySummary } from './latency-histogram';
export { buildNetwork, DEFAULT_HANDOVER, type NetworkDependencies } from './network-model';
export { TRAFFIC_CLASSES } from './traffic-classes';
export type {
  CellKpis,
  CellLoadSample,
  ClassKpis,
  CoverageGridOptions,
  DeviceKpis,
  DirectionKpis,
  HandoverEvent,
  LinkSample,
  NetworkKpis,
  NetworkModel,
  NetworkNotableEvent,
  NetworkNotableKind,
  NetworkProbes,
  NetworkSnapshot,
  SinrGrid,
  StreamKpis,
} from './types';
