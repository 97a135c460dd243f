/** One entity of the recording: its index is its position in the header's entity table. */
export interface EntityInfo {
  /** Rerun-like path, e.g. '/factory/machine/M7'. */
  path: string;
  /** e.g. 'machine', 'agv', 'buffer', 'cell', 'device'; selects the state names. */
  kind: string;
}

/** What is needed to reproduce the run exactly. Never put a wall-clock date here (byte-identical output). */
export interface RunMetadata {
  softwareVersion: string;
  scenarioName: string;
  /** The scenario as JSON (stored with sorted keys). */
  scenario: unknown;
  seed: number | string;
  [extra: string]: unknown;
}

export interface RecordingMetadata extends RunMetadata {
  createdBy: 'factory-twin';
}

export interface RecordingHeader {
  metadata: RecordingMetadata;
  /** Static floor data for the viewer; opaque to the format (any JSON). */
  layout: unknown;
  /** The run's start time (ms, quantized to 1 µs); no record may be earlier. */
  startTimeMs: number;
  entities: readonly EntityInfo[];
  /** Names of the numeric series (SAMPLE records refer to them by index). */
  series: readonly string[];
  /** Names of the EVENT kinds (EVENT records refer to them by index). */
  eventKinds: readonly string[];
  /** State names per entity kind (STATE codes index them). */
  stateNames: Readonly<Record<string, readonly string[]>>;
}

/** What a writer is given; missing tables are empty, `createdBy` is filled in, `startTimeMs` defaults to 0. */
export interface RecordingHeaderInit {
  metadata: RunMetadata & { createdBy?: 'factory-twin' };
  layout: unknown;
  startTimeMs?: number;
  entities: readonly EntityInfo[];
  series?: readonly string[];
  eventKinds?: readonly string[];
  stateNames?: Readonly<Record<string, readonly string[]>>;
}

/**
 * An AGV path segment's speed profile (stored as float32: about 7 significant digits). In terms of the AGV
 * model's SpeedProfile: vMaxMps is its vCruiseMps (the peak speed this segment reaches, not the vehicle's
 * top speed) and v1Mps its vEndMps.
 */
export interface MotionProfile {
  v0Mps: number;
  vMaxMps: number;
  v1Mps: number;
  accelMps2: number;
  decelMps2: number;
  lengthM: number;
}

/** A MOTION record's segment. Node ids are integers whose meaning the layout defines. */
export interface RecordedMotion {
  fromNode: number;
  toNode: number;
  startMs: number;
  endMs: number;
  profile: MotionProfile;
  /** Where along the edge the segment starts (non-zero when resuming after a stop); float32. */
  startOffsetM: number;
}

export type DecodedRecord =
  | { type: 'state'; timeMs: number; entity: number; code: number }
  | { type: 'level'; timeMs: number; entity: number; value: number }
  | ({ type: 'motion'; timeMs: number; entity: number } & RecordedMotion)
  | { type: 'event'; timeMs: number; entity: number; kind: number; arg: number }
  | { type: 'sample'; timeMs: number; series: number; value: number }
  | { type: 'link'; timeMs: number; entity: number; latencyMs: number; reliability: number };

export type RecordType = DecodedRecord['type'];

/** A readable chunk of the recording, as listed by the index (or found by scanning). */
export interface ChunkInfo {
  /** Position in the file's chunk sequence (0, 1, ...); a gap means a damaged chunk was skipped. */
  sequence: number;
  /** Byte offset of the chunk's block in the file. */
  offset: number;
  /** Bytes of the whole block (block header included). */
  byteLength: number;
  /** Time of the chunk's first and last record (ms). */
  startMs: number;
  endMs: number;
  recordCount: number;
}
