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
export type { FactoryKpis, LeadTimeStats } from './kpi';
export type { MachineKpis } from './machine';
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
export { flattenKpis } from './summary';
export {
  FixedDelayTransport,
  InstantTransport,
  type TransportRequest,
  type TransportService,
} from './transport';
export { validateFactoryConfig } from './validate';
