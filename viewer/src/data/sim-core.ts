// sim-core pieces the viewer uses. The AGV kinematics are not in sim-core's index yet.
// TODO: import distanceAtS from '@factory-twin/sim-core' once its index exports the AGV module.

export {
  type DecodedRecord,
  openRecording,
  PROFILE_FIELDS,
  type Recording,
  RecordingWriter,
  type ReplayCursor,
  type ReplayState,
} from '@factory-twin/sim-core';
export { distanceAtS, type SpeedProfile } from '../../../sim-core/src/factory/agv/kinematics';
