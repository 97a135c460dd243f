// Public API of the production model.

export type { StationKpis } from './buffer';
export { type BuildFactoryOptions, buildFactory, type Factory, type FactorySnapshot } from './build-factory';
export { Calendar } from './calendar';
export type {
  BufferConfig,
  CalendarConfig,
  ControlConfig,
  FactoryConfig,
  FailureConfig,
  GatewayConfig,
  MachineConfig,
  MachineType,
  OperationConfig,
  Position,
  ProductConfig,
  SetupConfig,
  SinkConfig,
  SourceConfig,
} from './config';
export type {
  FailureModel,
  FailureModelContext,
  FailureModelType,
} from './failures/failure-model';
export {
  type BuiltinFailureModelName,
  type FailureModelName,
  failureModels,
  registerFailureModel,
} from './failures/registry';
export type {
  DispositionConfig,
  FallbackConfig,
  InspectionPointConfig,
  LateCheckConfig,
  QualityConfig,
} from './inspection/config';
export { type FallbackKind, type FallbackPolicy, inspectionFallbacks } from './inspection/fallback';
export type { InspectionPointKpis } from './inspection/inspection-point';
export type { QualityKpis } from './inspection/quality-control';
export type { FactoryKpis, LeadTimeStats } from './kpi';
export type { MachineKpis } from './machine';
export {
  AFTER_REPAIR,
  type AfterRepair,
  type CrewPoolConfig,
  type DetectionConfig,
  type MaintenanceConfig,
} from './maintenance/config';
export { CREW_STATES, type CrewState } from './maintenance/crew-pool';
export { type RepairDispatchRule, repairDispatchRules } from './maintenance/dispatch-rule';
export type { Maintenance, MaintenanceKpis, MaintenanceProbes } from './maintenance/maintenance';
export type { DetectedBy, RepairJob, RepairRecord } from './maintenance/repair-job';
export { CONTROL_ENDPOINT, type MachineReport, type StartOrder, type StatusBatch } from './messages';
export {
  type BufferLevelEvent,
  FactoryProbes,
  MACHINE_STATES,
  type MachineState,
  type MachineStateEvent,
  type NotableEvent,
  type NotableKind,
  type PartEvent,
} from './probes';
export {
  analyzeSteadyState,
  bottleneckClause,
  type GrowingQueue,
  type SteadyStateReport,
  SteadyStateSeries,
  stabilityWarning,
  steadyStateWarnings,
} from './steady-state';
export {
  FixedDelayTransport,
  InstantTransport,
  type TransportRequest,
  type TransportService,
} from './transport';
export { validateFactoryConfig } from './validate';
