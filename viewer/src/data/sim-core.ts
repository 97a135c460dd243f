// sim-core pieces the viewer uses.

export {
  type DecodedRecord,
  distanceAtS,
  openRecording,
  PROFILE_FIELDS,
  type Recording,
  RecordingWriter,
  type ReplayCursor,
  type ReplayState,
  type SpeedProfile,
} from '@factory-twin/sim-core';
