// Compile-time checks that the scenario format stays in step with sim-core's types: `tsc -b` fails here when
// one side changes without the other. (toModelConfig's return types check the converted configs themselves.)
import type { DeviceKind, FactoryConfig, NetworkConfig, radio, TrafficClass } from '@factory-twin/sim-core';
import type { deploymentModes, deviceKinds, trafficClasses } from '../scenario/schema';

type Equals<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
type Assert<T extends true> = T;

export type DeploymentModesMatch = Assert<Equals<(typeof deploymentModes)[number], radio.DeploymentMode>>;
export type DeviceKindsMatch = Assert<Equals<(typeof deviceKinds)[number], DeviceKind>>;
export type TrafficClassesMatch = Assert<Equals<(typeof trafficClasses)[number], TrafficClass>>;
// Plug-in names (dispatch rule, MAC scheduler, channel model, traffic source, failure model) are checked
// against sim-core's registries at validation time instead (scenario/plugin-names.ts and its test).
export type SinkKindsMatch = Assert<
  Equals<
    NonNullable<import('../scenario/schema').Scenario['sinks'][number]['kind']>,
    NonNullable<FactoryConfig['sinks'][number]['kind']>
  >
>;
type NetworkSpecOf = import('../scenario/schema').NetworkSpec;
export type SubcarrierSpacingsMatch = Assert<
  Equals<NetworkSpecOf['carrier']['scsKHz'], NetworkConfig['gnbs'][number]['scsKHz']>
>;
export type PowerClassesMatch = Assert<
  Equals<
    NonNullable<NetworkSpecOf['devices'][number]['powerClassDbm']>,
    NetworkConfig['devices'][number]['powerClassDbm']
  >
>;
export type CqiTablesMatch = Assert<
  Equals<
    NonNullable<NonNullable<NetworkSpecOf['linkAdaptation']>['cqiTable']>,
    NonNullable<NonNullable<NetworkConfig['linkAdaptation']>['cqiTable']>
  >
>;
/** Every option of these sim-core blocks has a field in the scenario (same names, same value types). */
export type CoreDelayKeysMatch = Assert<
  Equals<
    keyof NonNullable<NetworkSpecOf['coreDelay']>,
    keyof NonNullable<NetworkConfig['deployment']['overrides']>
  >
>;
export type UplinkPowerControlKeysMatch = Assert<
  Equals<
    keyof NonNullable<NetworkSpecOf['uplinkPowerControl']>,
    keyof NonNullable<NetworkConfig['uplinkPowerControl']>
  >
>;
export type UplinkAccessKeysMatch = Assert<
  Equals<keyof NonNullable<NetworkSpecOf['uplinkAccess']>, keyof NonNullable<NetworkConfig['uplinkAccess']>>
>;
export type LinkAdaptationKeysMatch = Assert<
  Equals<
    keyof NonNullable<NetworkSpecOf['linkAdaptation']>,
    keyof NonNullable<NetworkConfig['linkAdaptation']>
  >
>;
