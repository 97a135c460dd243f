// Public API of the 5G network model (the radio building blocks stay in ./radio).

// Plug-in points: MAC scheduler, channel model, traffic source, link model, gNB antenna pattern (a registry each;
// register your own, then name it).
export type { AntennaOrientation, AntennaPattern, AntennaPatternFactory } from './antenna/antenna-pattern';
export { type ElementParameters, ElementPattern, elementAttenuationDb } from './antenna/element-pattern';
export {
  type AntennaPatternName,
  antennaOrientation,
  antennaPatternOf,
  antennaPatterns,
  type BuiltinAntennaPatternName,
  DEFAULT_ANTENNA_PATTERN,
  type GnbAntennaConfig,
  registerAntennaPattern,
} from './antenna/registry';
export type {
  ChannelModel,
  ChannelModelContext,
  ChannelModelFactory,
} from './channel/channel-model';
export {
  type BuiltinChannelModelName,
  type ChannelModelName,
  channelModels,
  registerChannelModel,
} from './channel/registry';
export type {
  ClassOptions,
  CoreDelayOverrides,
  DeploymentConfig,
  DeviceConfig,
  FadingConfig,
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
export type { DeviceState as MacDevice } from './device';
export {
  HANDOVER_PRESETS,
  type HandoverPreset,
  LEGACY_HANDOVER,
  PLANNER_HANDOVER,
} from './handover';
export type { LatencySummary } from './latency-histogram';
export { DEFAULT_POWER_CONTROL, type PowerControl, ulTargetPerPrbDbm } from './link-budget';
export type { LinkModel, LinkModelContext, LinkModelFactory } from './link-model/link-model';
export {
  type BuiltinLinkModelName,
  DEFAULT_LINK_MODEL,
  type LinkModelName,
  linkModels,
  registerLinkModel,
} from './link-model/registry';
export {
  type BuiltinSchedulerName,
  macSchedulers,
  registerMacScheduler,
  type SchedulerName,
} from './mac/schedulers/registry';
export type {
  MacScheduler,
  MacSchedulerContext,
  MacSchedulerFactory,
  SlotGrants,
} from './mac/schedulers/scheduler';
export { buildNetwork, DEFAULT_HANDOVER, type NetworkDependencies } from './network-model';
export type { Flow as MacFlow } from './packet';
// The static radio environment (cells, channel model, zones, path loss from any point): for planners'
// screening (scenarios/src/optimise) that evaluate layouts without running the network.
export { type CellRadio, RadioEnvironment, type ZoneRadio } from './radio-environment';
// Shared RAN of the public / slice deployments: public load profile, RRM policy ratios, the factory's PRB cap.
export * from './ran-share/index';
export {
  type BuiltinTrafficSourceName,
  registerTrafficSource,
  type TrafficSourceName,
  trafficSources,
} from './traffic/registry';
export type { TrafficSource, TrafficSourceContext, TrafficSourceFactory } from './traffic/traffic-source';
export { type ClassProfile, resolveClassProfiles, TRAFFIC_CLASSES } from './traffic-classes';
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
export { NetworkConfigError, type NetworkConfigProblem, validateNetworkConfig } from './validate';
