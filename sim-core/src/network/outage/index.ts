export {
  applyDeploymentOutages,
  defaultOutageTimes,
  OUTAGE_PROFILES,
  type OutageConfig,
  type OutageProfile,
} from './deployment-outages';
export {
  exponentialPeriods,
  type OutageListener,
  type OutagePeriods,
  OutageProcess,
  type OutageStats,
  type OutageTimes,
  scriptedPeriods,
  timesFromAvailability,
} from './outage-process';
export { type OutageEffects, type OutageNetwork, type OutageScope, withOutages } from './with-outages';
