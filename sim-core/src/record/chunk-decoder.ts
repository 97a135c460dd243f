import { ByteReader, DecodeError } from './byte-reader';
import {
  BLOCK_HEADER_BYTES,
  LINK_RELIABILITY_F32,
  LINK_RELIABILITY_ONE,
  LINK_RELIABILITY_ZERO,
  MOTION_FROM_PREVIOUS,
  MOTION_MASK_START_OFFSET,
  MOTION_STARTS_NOW,
  REC_EVENT,
  REC_LEVEL,
  REC_LINK,
  REC_MOTION,
  REC_SAMPLE,
  REC_STATE,
  TAG_INLINE_ESCAPE,
  TAG_SAME_TIME,
  TAG_TYPE_MASK,
  usToMs,
} from './format';
import { PROFILE_FIELDS, ReplayState } from './replay-state';
import { decodeSnapshot } from './snapshot-codec';
import type { DecodedRecord } from './types';

/** Where a readable chunk is and what its header says (times in integer µs). */
export interface ChunkLocation {
  sequence: number;
  offset: number;
  byteLength: number;
  startUs: number;
  endUs: number;
  recordCount: number;
}

export interface ChunkHead {
  sequence: number;
  startUs: number;
  endUs: number;
  recordCount: number;
  snapshotLength: number;
  /** Offset of the snapshot (just after this head). */
  bodyStart: number;
}

/** Reads the head at the start of a chunk payload [start, end); throws DecodeError when malformed. */
export function readChunkHead(bytes: Uint8Array, start: number, end: number): ChunkHead {
  const r = new ByteReader(bytes, start, end);
  const sequence = r.varint();
  const startUs = r.varint();
  const endUs = startUs + r.varint();
  const recordCount = r.varint();
  const snapshotLength = r.varint();
  if (snapshotLength > r.remaining) throw new DecodeError('snapshot length runs past the chunk');
  // Every record takes at least 2 bytes, so a larger count cannot be right.
  if (recordCount * 2 > r.remaining - snapshotLength)
    throw new DecodeError(`implausible record count ${recordCount}`);
  return { sequence, startUs, endUs, recordCount, snapshotLength, bodyStart: r.pos };
}

export interface HeaderLimits {
  entityCount: number;
  seriesCount: number;
}

/**
 * A chunk decoded into columns (struct of arrays). Column meaning by record type:
 * - a: STATE code, LEVEL value, EVENT kind, SAMPLE value, LINK latency, MOTION fromNode
 * - b: EVENT arg, LINK reliability, MOTION toNode, else 0
 * - entity: the entity, or the series index for SAMPLE
 * - motion: motionSlot indexes motionStartUs / motionEndUs / motionStartOffsetM / motionProfile
 *   (PROFILE_FIELDS per slot)
 */
export interface DecodedChunk {
  location: ChunkLocation;
  /** State just before the chunk's first record. */
  snapshot: ReplayState;
  /** Records decoded (fewer than location.recordCount only if the chunk is malformed: see problem). */
  count: number;
  timeUs: Float64Array;
  type: Uint8Array;
  entity: Int32Array;
  a: Float64Array;
  b: Float64Array;
  motionSlot: Int32Array;
  motionStartUs: Float64Array;
  motionEndUs: Float64Array;
  motionProfile: Float32Array;
  motionStartOffsetM: Float32Array;
  problem?: string;
}

/** Decodes a chunk whose CRC was checked; malformed content yields the records before it plus `problem`. */
export function decodeChunk(bytes: Uint8Array, location: ChunkLocation, limits: HeaderLimits): DecodedChunk {
  const payloadStart = location.offset + BLOCK_HEADER_BYTES;
  const payloadEnd = location.offset + location.byteLength;
  const head = readChunkHead(bytes, payloadStart, payloadEnd);
  const n = head.recordCount;
  const snapshot = new ReplayState(limits.entityCount);
  const chunk: DecodedChunk = {
    location,
    snapshot,
    count: 0,
    timeUs: new Float64Array(n),
    type: new Uint8Array(n),
    entity: new Int32Array(n),
    a: new Float64Array(n),
    b: new Float64Array(n),
    motionSlot: new Int32Array(n).fill(-1),
    motionStartUs: new Float64Array(0),
    motionEndUs: new Float64Array(0),
    motionProfile: new Float32Array(0),
    motionStartOffsetM: new Float32Array(0),
  };
  const motionStarts: number[] = [];
  const motionEnds: number[] = [];
  const motionProfiles: number[] = [];
  const motionOffsets: number[] = [];
  const where = `chunk #${location.sequence} (byte ${location.offset})`;
  try {
    const snapshotEnd = head.bodyStart + head.snapshotLength;
    const sr = new ByteReader(bytes, head.bodyStart, snapshotEnd);
    decodeSnapshot(sr, head.startUs, snapshot);
    if (sr.remaining !== 0) throw new DecodeError(`snapshot has ${sr.remaining} unread bytes`);
    const tracker = snapshot.clone();
    const r = new ByteReader(bytes, snapshotEnd, payloadEnd);
    let timeUs = head.startUs;
    for (let i = 0; i < n; i++) {
      const tag = r.u8();
      const type = tag & TAG_TYPE_MASK;
      const upper = tag >> 4;
      if ((tag & TAG_SAME_TIME) === 0) timeUs += r.varint();
      const small =
        upper === TAG_INLINE_ESCAPE && type !== REC_MOTION && type !== REC_LINK ? 15 + r.varint() : upper;
      let entity = 0;
      let a = 0;
      let b = 0;
      switch (type) {
        case REC_STATE:
          entity = checkEntity(r.varint(), limits);
          a = small;
          tracker.stateCode[entity] = a;
          break;
        case REC_LEVEL: {
          entity = checkEntity(r.varint(), limits);
          const previous = tracker.level[entity]!;
          a = (Number.isNaN(previous) ? 0 : previous) + (small % 2 === 0 ? small / 2 : -(small + 1) / 2);
          tracker.level[entity] = a;
          break;
        }
        case REC_EVENT:
          entity = checkEntity(r.varint(), limits);
          a = small;
          b = r.zigzag();
          break;
        case REC_SAMPLE:
          entity = small;
          if (entity >= limits.seriesCount) throw new DecodeError(`series ${entity} is not in the header`);
          a = r.f32();
          break;
        case REC_LINK:
          entity = checkEntity(r.varint(), limits);
          a = r.f32();
          if (upper === LINK_RELIABILITY_ONE) b = 1;
          else if (upper === LINK_RELIABILITY_ZERO) b = 0;
          else if (upper === LINK_RELIABILITY_F32) b = r.f32();
          else throw new DecodeError(`unknown link reliability mode ${upper}`);
          tracker.linkLatencyMs[entity] = a;
          tracker.linkReliability[entity] = b;
          break;
        case REC_MOTION: {
          entity = checkEntity(r.varint(), limits);
          a = upper & MOTION_FROM_PREVIOUS ? tracker.motionTo[entity]! : r.varint();
          if (a < 0) throw new DecodeError('motion continues from a previous segment that does not exist');
          b = r.varint();
          const startUs = upper & MOTION_STARTS_NOW ? timeUs : timeUs + r.zigzag();
          const endUs = startUs + r.varint();
          const mask = r.u8();
          const k0 = entity * PROFILE_FIELDS;
          for (let k = 0; k < PROFILE_FIELDS; k++) {
            if (mask & (1 << k)) tracker.motionProfile[k0 + k] = r.f32();
            motionProfiles.push(tracker.motionProfile[k0 + k]!);
          }
          const startOffsetM = mask & MOTION_MASK_START_OFFSET ? r.f32() : 0;
          if (mask & ~(MOTION_MASK_START_OFFSET | ((1 << PROFILE_FIELDS) - 1))) {
            throw new DecodeError(`unknown motion mask bits 0x${mask.toString(16)}`);
          }
          chunk.motionSlot[i] = motionStarts.length;
          motionStarts.push(startUs);
          motionEnds.push(endUs);
          motionOffsets.push(startOffsetM);
          tracker.motionStartOffsetM[entity] = startOffsetM;
          tracker.motionFrom[entity] = a;
          tracker.motionTo[entity] = b;
          tracker.motionStartMs[entity] = usToMs(startUs);
          tracker.motionEndMs[entity] = usToMs(endUs);
          break;
        }
        default:
          throw new DecodeError(`unknown record type ${type}`);
      }
      chunk.timeUs[i] = timeUs;
      chunk.type[i] = type;
      chunk.entity[i] = entity;
      chunk.a[i] = a;
      chunk.b[i] = b;
      chunk.count = i + 1;
    }
    if (r.remaining !== 0) throw new DecodeError(`${r.remaining} unread bytes after the last record`);
    if (timeUs !== head.endUs)
      throw new DecodeError(`last record at ${timeUs} µs, the chunk header says ${head.endUs}`);
  } catch (e) {
    if (!(e instanceof DecodeError)) throw e;
    chunk.problem = `${where} is malformed after ${chunk.count} of ${n} records: ${e.message}`;
  }
  chunk.motionStartUs = Float64Array.from(motionStarts);
  chunk.motionEndUs = Float64Array.from(motionEnds);
  chunk.motionStartOffsetM = Float32Array.from(motionOffsets);
  chunk.motionProfile = Float32Array.from(motionProfiles.slice(0, motionStarts.length * PROFILE_FIELDS));
  return chunk;
}

function checkEntity(entity: number, limits: HeaderLimits): number {
  if (entity >= limits.entityCount) throw new DecodeError(`entity ${entity} is not in the header`);
  return entity;
}

/** Applies record i of the chunk to the state (EVENT and SAMPLE change nothing). */
export function applyRecord(chunk: DecodedChunk, i: number, state: ReplayState): void {
  const e = chunk.entity[i]!; // i < chunk.count; e < entityCount (checkEntity), as are the slots below
  switch (chunk.type[i]) {
    case REC_STATE:
      state.stateCode[e] = chunk.a[i]!;
      break;
    case REC_LEVEL:
      state.level[e] = chunk.a[i]!;
      break;
    case REC_LINK:
      state.linkLatencyMs[e] = chunk.a[i]!;
      state.linkReliability[e] = chunk.b[i]!;
      break;
    case REC_MOTION: {
      const slot = chunk.motionSlot[i]!;
      state.motionFrom[e] = chunk.a[i]!;
      state.motionTo[e] = chunk.b[i]!;
      state.motionStartMs[e] = usToMs(chunk.motionStartUs[slot]!);
      state.motionEndMs[e] = usToMs(chunk.motionEndUs[slot]!);
      state.motionProfile.set(
        chunk.motionProfile.subarray(slot * PROFILE_FIELDS, (slot + 1) * PROFILE_FIELDS),
        e * PROFILE_FIELDS,
      );
      state.motionStartOffsetM[e] = chunk.motionStartOffsetM[slot]!;
      break;
    }
  }
}

/** Record i of the chunk as an object. */
export function recordAt(chunk: DecodedChunk, i: number): DecodedRecord {
  const timeMs = usToMs(chunk.timeUs[i]!);
  const entity = chunk.entity[i]!;
  const a = chunk.a[i]!;
  const b = chunk.b[i]!;
  switch (chunk.type[i]) {
    case REC_STATE:
      return { type: 'state', timeMs, entity, code: a };
    case REC_LEVEL:
      return { type: 'level', timeMs, entity, value: a };
    case REC_EVENT:
      return { type: 'event', timeMs, entity, kind: a, arg: b };
    case REC_SAMPLE:
      return { type: 'sample', timeMs, series: entity, value: a };
    case REC_LINK:
      return { type: 'link', timeMs, entity, latencyMs: a, reliability: b };
    default: {
      const slot = chunk.motionSlot[i]!;
      const p = chunk.motionProfile.subarray(slot * PROFILE_FIELDS);
      return {
        type: 'motion',
        timeMs,
        entity,
        fromNode: a,
        toNode: b,
        startMs: usToMs(chunk.motionStartUs[slot]!),
        endMs: usToMs(chunk.motionEndUs[slot]!),
        profile: {
          v0Mps: p[0]!,
          vMaxMps: p[1]!,
          v1Mps: p[2]!,
          accelMps2: p[3]!,
          decelMps2: p[4]!,
          lengthM: p[5]!,
        },
        startOffsetM: chunk.motionStartOffsetM[slot]!,
      };
    }
  }
}

/** Index of the first record with time > timeUs, searching from `from` (records are time-ordered). */
export function firstAfter(chunk: DecodedChunk, timeUs: number, from = 0): number {
  let lo = from;
  let hi = chunk.count;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (chunk.timeUs[mid]! <= timeUs) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
