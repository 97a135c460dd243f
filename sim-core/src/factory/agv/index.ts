export {
  type AgvBatteryConfig,
  type AgvConfig,
  type AgvDispatchRule,
  type AgvEdgeConfig,
  type AgvMotionControlConfig,
  type AgvNodeConfig,
  type AgvStationConfig,
  type AgvStationKind,
  type AgvTrafficConfig,
  type AgvVehicleConfig,
  DEFAULT_MOTION_CONTROL,
  validateAgvConfig,
} from './config';
export {
  type BuiltinDispatchRuleName,
  type DispatchRuleName,
  dispatchRules,
  registerDispatchRule,
} from './dispatch/registry';
export type {
  DispatchRouter,
  DispatchRule,
  DispatchRuleContext,
  DispatchRuleFactory,
  DispatchTask,
  DispatchVehicle,
} from './dispatch/rule';
export {
  AgvFleet,
  type AgvFleetOptions,
  type AgvFleetSnapshot,
  type AgvFleetStats,
  type AgvSnapshot,
  type AgvVehicleStats,
  buildAgvFleet,
  fleetTimeShares,
} from './fleet';
export {
  brakeFrom,
  distanceAtS,
  planProfile,
  profileDurationS,
  type SpeedProfile,
  speedAtS,
} from './kinematics';
export { type AgvPosition, type MotionSegment, positionAt } from './motion';
export { AGV_STATES, type AgvState } from './state-clock';
export type { AgvEvent, AgvEventKind, AgvStateChange, VehiclePhase } from './vehicle';
