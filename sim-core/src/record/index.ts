// Public face of the recording format (see FORMAT.md).
export { RecordingFormatError } from './errors';
export { FORMAT_VERSION as RECORDING_FORMAT_VERSION } from './format';
export { memorySink } from './memory-sink';
export { type OpenRecordingOptions, openRecording, Recording, type SeriesData } from './recording';
export { RecordingWriter, type RecordingWriterOptions } from './recording-writer';
export { ReplayCursor } from './replay-cursor';
export { PROFILE_FIELDS, ReplayState } from './replay-state';
export type {
  ChunkInfo,
  DecodedRecord,
  EntityInfo,
  MotionProfile,
  RecordedMotion,
  RecordingHeader,
  RecordingHeaderInit,
  RecordingMetadata,
  RecordType,
  RunMetadata,
} from './types';
