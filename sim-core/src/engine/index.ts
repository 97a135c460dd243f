export {
  type DistributionKind,
  type DistributionSpec,
  mean,
  sampler,
  validateDistribution,
  variance,
} from './distributions';
export { SimulationError } from './errors';
export { EventQueue, MAX_PRIORITY, MIN_PRIORITY } from './event-queue';
export { Probe } from './probe';
export { type RandomStream, RandomStreams, replicationSeed, type Seed, streamKey } from './random';
export { SimAction, type Work } from './sim-action';
export {
  type RunOptions,
  type RunStats,
  type ScheduleOptions,
  Simulation,
  type TraceRecord,
} from './simulation';
