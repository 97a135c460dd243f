// sim-core pieces the viewer uses.

export {
  type ChunkInfo,
  type DecodedRecord,
  distanceAtS,
  openRecording,
  PROFILE_FIELDS,
  type Recording,
  type RecordingKpis,
  RecordingWriter,
  type ReplayCursor,
  type ReplayState,
  recordingKpis,
  recordingWindow,
  type SpeedProfile,
} from '@factory-twin/sim-core';
