// Test helpers of sim-core, for tests and benchmarks only: `@factory-twin/sim-core/testing` (not part of
// the public API in index.ts). Example network configurations and a synthetic plant, a scripted control
// network and small AGV path networks, and a plant-like synthetic record sequence for the recording format.
export {
  FakeControlNetwork,
  type GridRun,
  type GridRunOptions,
  gridNetwork,
  gridRun,
  lineNetwork,
  scheduleGridWorkload,
  TEST_VEHICLE,
} from './factory/agv/testing';
export {
  type ExampleFactory,
  type ExampleFactoryOptions,
  exampleDevice,
  exampleFactory,
  exampleGnb,
  exampleNetwork,
} from './network/fixtures';
export { type SyntheticMixOptions, syntheticMix, writeRecords } from './record/synthetic-mix';
