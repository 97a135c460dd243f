// sim-core pieces that its index.ts does not export yet (they are being written). Everything in scenarios/
// imports them from here, so switching to '@factory-twin/sim-core' is a one-file change.
export type { AgvConfig, AgvVehicleConfig } from '../../sim-core/src/factory/agv/config';
export { validateAgvConfig } from '../../sim-core/src/factory/agv/config';
export type {
  FactoryConfig,
  MachineConfig,
  OperationConfig,
  SourceConfig,
} from '../../sim-core/src/factory/config';
export { validateFactoryConfig } from '../../sim-core/src/factory/validate';
export type { DeviceConfig, GnbConfig, NetworkConfig } from '../../sim-core/src/network/config';
