// Public API of the wired twin: one run's models, its result and the shared vocabularies.
export { buildTwin, fixedPositions, type Twin, type TwinConfig, type TwinOptions } from './build-twin';
export type { RunResult } from './run-result';
export {
  AGV_EVENT_KINDS,
  EVENT_KINDS,
  type EventKind,
  FACTORY_EVENT_KINDS,
  NETWORK_EVENT_KINDS,
  PART_COMPLETED,
} from './vocabulary';
