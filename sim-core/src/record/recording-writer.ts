import { ByteBuffer, zigzag } from './byte-buffer';
import { crc32Update } from './crc32';
import {
  BLOCK_CHUNK,
  BLOCK_HEADER_BYTES,
  BLOCK_INDEX,
  FOOTER_MAGIC,
  LINK_RELIABILITY_F32,
  LINK_RELIABILITY_ONE,
  LINK_RELIABILITY_ZERO,
  MAX_RECORD_BYTES,
  MAX_RECORD_INT,
  MOTION_FROM_PREVIOUS,
  MOTION_MASK_START_OFFSET,
  MOTION_STARTS_NOW,
  msToUs,
  REC_EVENT,
  REC_LEVEL,
  REC_LINK,
  REC_MOTION,
  REC_SAMPLE,
  REC_STATE,
  TAG_INLINE_ESCAPE,
  TAG_SAME_TIME,
  usToMs,
} from './format';
import { encodeHeader, normalizeHeader } from './header-codec';
import { PROFILE_FIELDS, ReplayState } from './replay-state';
import { encodeSnapshot } from './snapshot-codec';
import type { MotionProfile, RecordingHeader, RecordingHeaderInit } from './types';

export interface RecordingWriterOptions {
  header: RecordingHeaderInit;
  /** Receives finished pieces in file order: the header at once, each chunk when it closes, then the index
   * and footer on finish. Each piece is a new array the sink may keep. */
  sink: (bytes: Uint8Array) => void;
  /** A chunk closes after this many records (default 20 000). */
  chunkMaxRecords?: number;
  /** ... or once its records take this many bytes (default 256 KiB). */
  chunkMaxBytes?: number;
  /** ... or before a record that is more than this much later than the chunk's first (default 10 min). */
  chunkMaxSpanMs?: number;
}

const INT32_LIMIT = 2 ** 31;

/**
 * Streams a recording (format in FORMAT.md). Records must come in non-decreasing time order. The writer
 * keeps the latest state, level, motion and link of every entity, so each chunk starts with a full
 * snapshot without asking the models. A crash loses at most the open chunk; `flush()` closes it early.
 */
export class RecordingWriter {
  readonly header: RecordingHeader;
  private readonly sink: (bytes: Uint8Array) => void;
  private readonly maxRecords: number;
  private readonly maxBytes: number;
  private readonly maxSpanUs: number;
  /** Largest state code + 1 per entity when its kind has state names, else INT32_LIMIT. */
  private readonly stateLimit: number[];
  private readonly latest: ReplayState;
  private readonly records = new ByteBuffer(64 * 1024);
  private readonly snapshot = new ByteBuffer(4096);
  private readonly scratch = new ByteBuffer(64);
  private readonly profile = new Float32Array(PROFILE_FIELDS);
  /** Per closed chunk: offset, byteLength, startUs, endUs, recordCount. */
  private readonly index: number[] = [];
  private chunkOpen = false;
  private chunkStartUs = 0;
  private chunkRecords = 0;
  private previousUs = 0;
  private lastTimeMs: number;
  private totalRecords = 0;
  private written = 0;
  private finished = false;

  constructor(options: RecordingWriterOptions) {
    this.header = normalizeHeader(options.header);
    this.sink = options.sink;
    this.maxRecords = positive(options.chunkMaxRecords ?? 20_000, 'chunkMaxRecords');
    this.maxBytes = positive(options.chunkMaxBytes ?? 256 * 1024, 'chunkMaxBytes');
    this.maxSpanUs = msToUs(positive(options.chunkMaxSpanMs ?? 600_000, 'chunkMaxSpanMs'));
    const { entities, stateNames } = this.header;
    this.stateLimit = entities.map((e) => stateNames[e.kind]?.length ?? INT32_LIMIT);
    this.latest = new ReplayState(entities.length);
    this.lastTimeMs = options.header.startTimeMs ?? 0;
    this.emit(encodeHeader(this.header));
  }

  get recordCount(): number {
    return this.totalRecords;
  }

  /** Bytes handed to the sink so far. */
  get bytesWritten(): number {
    return this.written;
  }

  get chunkCount(): number {
    return this.index.length / 5;
  }

  /** The entity's state (machine state, AGV state, cell on/off...) becomes `code`. */
  state(timeMs: number, entity: number, code: number): void {
    this.checkEntity(entity, 'state');
    checkIndex(code, this.stateLimit[entity]!, 'state: code', this.header.entities[entity]!.kind);
    const dt = this.begin(timeMs, 'state');
    this.head(REC_STATE, inline(code), dt);
    this.escape(code);
    this.records.putVarint(entity);
    this.latest.stateCode[entity] = code;
  }

  /** The entity's integer level (buffer fill, WIP) becomes `value`. */
  level(timeMs: number, entity: number, value: number): void {
    this.checkEntity(entity, 'level');
    checkInt(value, 'level: value');
    const previous = this.latest.level[entity]!;
    const delta = zigzag(value - (Number.isNaN(previous) ? 0 : previous));
    const dt = this.begin(timeMs, 'level');
    this.head(REC_LEVEL, inline(delta), dt);
    this.escape(delta);
    this.records.putVarint(entity);
    this.latest.level[entity] = value;
  }

  /**
   * An AGV starts a path segment from `fromNode` to `toNode` over [startMs, endMs], `startOffsetM` along
   * the edge (non-zero when resuming after a stop). A later segment of the same AGV replaces it.
   */
  motion(
    timeMs: number,
    entity: number,
    fromNode: number,
    toNode: number,
    startMs: number,
    endMs: number,
    profile: MotionProfile,
    startOffsetM = 0,
  ): void {
    this.checkEntity(entity, 'motion');
    checkIndex(fromNode, INT32_LIMIT, 'motion: fromNode');
    checkIndex(toNode, INT32_LIMIT, 'motion: toNode');
    const startUs = msToUs(startMs);
    const endUs = msToUs(endMs);
    if (!Number.isFinite(startMs) || !Number.isFinite(endMs) || startUs < 0 || endUs < startUs) {
      throw new RangeError(
        `RecordingWriter.motion: needs 0 <= startMs <= endMs, got ${startMs} and ${endMs}`,
      );
    }
    const p = this.profile;
    p[0] = profile.v0Mps;
    p[1] = profile.vMaxMps;
    p[2] = profile.v1Mps;
    p[3] = profile.accelMps2;
    p[4] = profile.decelMps2;
    p[5] = profile.lengthM;
    const offsetM = Math.fround(startOffsetM);
    const dt = this.begin(timeMs, 'motion');
    const s = this.latest;
    const k0 = entity * PROFILE_FIELDS;
    const fromPrevious = s.motionTo[entity] === fromNode;
    const startsNow = startUs === this.previousUs;
    let mask = 0;
    for (let k = 0; k < PROFILE_FIELDS; k++) if (!Object.is(p[k], s.motionProfile[k0 + k])) mask |= 1 << k;
    if (!Object.is(offsetM, 0)) mask |= MOTION_MASK_START_OFFSET;
    const b = this.records;
    this.head(
      REC_MOTION,
      (startsNow ? MOTION_STARTS_NOW : 0) | (fromPrevious ? MOTION_FROM_PREVIOUS : 0),
      dt,
    );
    b.putVarint(entity);
    if (!fromPrevious) b.putVarint(fromNode);
    b.putVarint(toNode);
    if (!startsNow) b.putZigzag(startUs - this.previousUs);
    b.putVarint(endUs - startUs);
    b.putU8(mask);
    for (let k = 0; k < PROFILE_FIELDS; k++) if (mask & (1 << k)) b.putF32(p[k]!);
    if (mask & MOTION_MASK_START_OFFSET) b.putF32(offsetM);
    s.motionFrom[entity] = fromNode;
    s.motionTo[entity] = toNode;
    s.motionStartMs[entity] = usToMs(startUs);
    s.motionEndMs[entity] = usToMs(endUs);
    s.motionProfile.set(p, k0);
    s.motionStartOffsetM[entity] = offsetM;
  }

  /** A notable event (failure, repair, safety stop, handover, part completed...) with an integer argument. */
  event(timeMs: number, entity: number, kind: number, arg = 0): void {
    this.checkEntity(entity, 'event');
    checkIndex(kind, this.header.eventKinds.length, 'event: kind (an index into header.eventKinds)');
    checkInt(arg, 'event: arg');
    const dt = this.begin(timeMs, 'event');
    this.head(REC_EVENT, inline(kind), dt);
    this.escape(kind);
    this.records.putVarint(entity);
    this.records.putZigzag(arg);
  }

  /** A value of a numeric series (stored as float32). */
  sample(timeMs: number, series: number, value: number): void {
    checkIndex(series, this.header.series.length, 'sample: series (an index into header.series)');
    if (typeof value !== 'number') throw new TypeError(`RecordingWriter.sample: value must be a number`);
    const dt = this.begin(timeMs, 'sample');
    this.head(REC_SAMPLE, inline(series), dt);
    this.escape(series);
    this.records.putF32(value);
  }

  /**
   * A device's link quality: latency (float32, NaN allowed for a lost packet) and reliability in [0, 1]
   * (1 delivered, 0 lost, or the delivered fraction over a window).
   */
  link(timeMs: number, entity: number, latencyMs: number, reliability: number): void {
    this.checkEntity(entity, 'link');
    if (typeof latencyMs !== 'number')
      throw new TypeError('RecordingWriter.link: latencyMs must be a number');
    if (!(reliability >= 0 && reliability <= 1)) {
      throw new RangeError(`RecordingWriter.link: reliability must be in [0, 1], got ${reliability}`);
    }
    const r = Math.fround(reliability);
    const mode = Object.is(r, 1)
      ? LINK_RELIABILITY_ONE
      : Object.is(r, 0)
        ? LINK_RELIABILITY_ZERO
        : LINK_RELIABILITY_F32;
    const dt = this.begin(timeMs, 'link');
    this.head(REC_LINK, mode, dt);
    this.records.putVarint(entity);
    this.records.putF32(latencyMs);
    if (mode === LINK_RELIABILITY_F32) this.records.putF32(r);
    this.latest.linkLatencyMs[entity] = latencyMs;
    this.latest.linkReliability[entity] = r;
  }

  /** Closes the open chunk now, so everything so far is in the sink (the next record starts a new chunk). */
  flush(): void {
    this.closeChunk();
  }

  /** Closes the last chunk and writes the index and footer. `endTimeMs` is the run's end (>= every record). */
  finish(endTimeMs: number): void {
    this.checkOpen('finish');
    if (!(endTimeMs >= this.lastTimeMs) || !Number.isFinite(endTimeMs)) {
      throw new RangeError(
        `RecordingWriter.finish: end time ${endTimeMs} ms is before the last record (${this.lastTimeMs} ms)`,
      );
    }
    this.closeChunk();
    const payload = new ByteBuffer(64 + this.index.length * 8);
    const chunks = this.chunkCount;
    payload.putVarint(chunks);
    payload.putVarint(msToUs(endTimeMs));
    payload.putVarint(this.totalRecords);
    let previousEnd = 0;
    let previousStartUs = 0;
    for (let i = 0; i < this.index.length; i += 5) {
      // closeChunk pushes five numbers per chunk, so i + 5 <= index.length.
      const [offset, byteLength, startUs, endUs, count] = this.index.slice(i, i + 5) as [
        number,
        number,
        number,
        number,
        number,
      ];
      payload.ensure(48);
      payload.putVarint(i === 0 ? offset : offset - previousEnd);
      payload.putVarint(byteLength);
      payload.putVarint(startUs - previousStartUs);
      payload.putVarint(endUs - startUs);
      payload.putVarint(count);
      previousEnd = offset + byteLength;
      previousStartUs = startUs;
    }
    const indexOffset = this.written;
    this.emit(block(BLOCK_INDEX, [payload]));
    const footer = new ByteBuffer(16);
    footer.putU32(indexOffset % 2 ** 32);
    footer.putU32(Math.floor(indexOffset / 2 ** 32));
    footer.putBytes(FOOTER_MAGIC);
    this.emit(footer.toBytes());
    this.finished = true;
  }

  private checkOpen(what: string): void {
    if (this.finished) throw new Error(`RecordingWriter.${what}: the recording is already finished`);
  }

  private checkEntity(entity: number, what: string): void {
    checkIndex(entity, this.latest.entityCount, `${what}: entity (an index into header.entities)`);
  }

  /** Checks the time, rolls the chunk over when it is full, and returns the time delta (µs). */
  private begin(timeMs: number, what: string): number {
    this.checkOpen(what);
    if (!(timeMs >= this.lastTimeMs) || !Number.isFinite(timeMs)) {
      const before = this.totalRecords === 0 ? "the recording's start" : 'the previous record';
      throw new RangeError(
        `RecordingWriter.${what}: time ${timeMs} ms is before ${before} (${this.lastTimeMs} ms); ` +
          'records must come in non-decreasing time order',
      );
    }
    const us = msToUs(timeMs);
    if (
      this.chunkOpen &&
      (us - this.chunkStartUs > this.maxSpanUs ||
        this.chunkRecords >= this.maxRecords ||
        this.records.length >= this.maxBytes)
    ) {
      this.closeChunk();
    }
    if (!this.chunkOpen) this.openChunk(us);
    this.records.ensure(MAX_RECORD_BYTES);
    const dt = us - this.previousUs;
    this.previousUs = us;
    this.lastTimeMs = timeMs;
    this.chunkRecords++;
    this.totalRecords++;
    return dt;
  }

  private head(type: number, upper: number, dt: number): void {
    this.records.putU8(type | (dt === 0 ? TAG_SAME_TIME : 0) | (upper << 4));
    if (dt !== 0) this.records.putVarint(dt);
  }

  private escape(value: number): void {
    if (value >= TAG_INLINE_ESCAPE) this.records.putVarint(value - TAG_INLINE_ESCAPE);
  }

  private openChunk(startUs: number): void {
    this.chunkOpen = true;
    this.chunkStartUs = startUs;
    this.previousUs = startUs;
    this.chunkRecords = 0;
    this.records.reset();
    this.snapshot.reset();
    encodeSnapshot(this.latest, startUs, this.snapshot);
  }

  private closeChunk(): void {
    if (!this.chunkOpen) return;
    const head = this.scratch;
    head.reset();
    head.ensure(48);
    head.putVarint(this.chunkCount);
    head.putVarint(this.chunkStartUs);
    head.putVarint(this.previousUs - this.chunkStartUs);
    head.putVarint(this.chunkRecords);
    head.putVarint(this.snapshot.length);
    const bytes = block(BLOCK_CHUNK, [head, this.snapshot, this.records]);
    this.index.push(this.written, bytes.length, this.chunkStartUs, this.previousUs, this.chunkRecords);
    this.chunkOpen = false;
    this.emit(bytes);
  }

  private emit(bytes: Uint8Array): void {
    this.written += bytes.length;
    this.sink(bytes);
  }
}

/** A block: type byte, payload length, payload CRC, payload (the parts concatenated). */
function block(type: number, parts: ByteBuffer[]): Uint8Array {
  let length = 0;
  let crc = 0;
  for (const part of parts) {
    length += part.length;
    crc = crc32Update(crc, part.bytes, 0, part.length);
  }
  const out = new Uint8Array(BLOCK_HEADER_BYTES + length);
  const view = new DataView(out.buffer);
  out[0] = type;
  view.setUint32(1, length, true);
  view.setUint32(5, crc, true);
  let at = BLOCK_HEADER_BYTES;
  for (const part of parts) {
    out.set(part.bytes.subarray(0, part.length), at);
    at += part.length;
  }
  return out;
}

function inline(value: number): number {
  return Math.min(value, TAG_INLINE_ESCAPE);
}

function positive(value: number, what: string): number {
  if (!(value > 0)) throw new RangeError(`RecordingWriter: ${what} must be > 0, got ${value}`);
  return value;
}

function checkIndex(value: number, limit: number, what: string, kind?: string): void {
  if (!Number.isInteger(value) || value < 0 || value >= limit) {
    const names = kind === undefined ? '' : ` (state names of kind '${kind}')`;
    throw new RangeError(`RecordingWriter.${what} must be an integer in [0, ${limit})${names}, got ${value}`);
  }
}

function checkInt(value: number, what: string): void {
  if (!Number.isInteger(value) || Math.abs(value) > MAX_RECORD_INT) {
    throw new RangeError(`RecordingWriter.${what} must be an integer with |value| <= 2^50, got ${value}`);
  }
}
