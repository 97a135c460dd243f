export {
  DEFAULT_PUBLIC_LOAD,
  HOUR_MS,
  hourOfDay,
  type PublicLoadConfig,
  type PublicLoadHour,
  profileProblems,
} from './public-load';
export {
  CellShare,
  effectiveQosConfig,
  PUBLIC_DEFAULT_FIVE_QI,
  RanShare,
  type RanShareConfig,
} from './ran-share';
export {
  DEFAULT_SLICE_POLICY,
  factoryPrbCap,
  policyProblems,
  publicPrbUse,
  type RrmPolicyRatio,
  resolvePolicy,
} from './rrm-policy';
