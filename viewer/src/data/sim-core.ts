// The parts of sim-core the viewer needs that its index does not export yet.
// TODO: import from '@factory-twin/sim-core' once sim-core/src/index.ts exports record and AGV kinematics.

export { distanceAtS, type SpeedProfile } from '../../../sim-core/src/factory/agv/kinematics';
export type { DecodedRecord } from '../../../sim-core/src/record/index';
export {
  openRecording,
  PROFILE_FIELDS,
  type Recording,
  RecordingWriter,
  type ReplayCursor,
  type ReplayState,
} from '../../../sim-core/src/record/index';
