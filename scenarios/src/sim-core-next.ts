// sim-core pieces that its index.ts does not export yet (they are being written). Everything in scenarios/
// imports them from here, so switching to '@factory-twin/sim-core' is a one-file change.

export {
  type EntityInfo,
  type FactoryConfig,
  type MachineConfig,
  type OperationConfig,
  openRecording,
  type Recording,
  type RecordingHeaderInit,
  RecordingWriter,
  type SourceConfig,
  validateFactoryConfig,
} from '@factory-twin/sim-core';
export {
  AGV_STATES,
  type AgvConfig,
  type AgvEvent,
  type AgvFleet,
  type AgvFleetStats,
  type AgvVehicleConfig,
  buildAgvFleet,
  validateAgvConfig,
} from '../../sim-core/src/factory/agv/index';
export {
  buildNetwork,
  type DeviceConfig,
  type GnbConfig,
  type NetworkConfig,
  type NetworkKpis,
  type NetworkModel,
  TRAFFIC_CLASSES,
} from '../../sim-core/src/network/index';
