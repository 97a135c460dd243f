import {
  applyRecord,
  type ChunkLocation,
  type DecodedChunk,
  decodeChunk,
  firstAfter,
  recordAt,
} from './chunk-decoder';
import { locateChunks } from './chunk-locator';
import { msToUs, REC_EVENT, REC_SAMPLE, usToMs } from './format';
import { decodeHeader } from './header-codec';
import { ReplayCursor } from './replay-cursor';
import { ReplayState } from './replay-state';
import type { ChunkInfo, DecodedRecord, EntityInfo, RecordingHeader } from './types';

export interface OpenRecordingOptions {
  /** Decoded chunks kept in memory (least recently used ones are dropped); default 4. */
  cachedChunks?: number;
}

export interface SeriesData {
  timesMs: Float64Array;
  values: Float32Array;
}

interface Timeline {
  seriesTimesMs: Float64Array[];
  seriesValues: Float32Array[];
  eventTimesMs: Float64Array;
  eventKinds: Int32Array;
}

/**
 * Opens a recording (a whole file or any prefix of it). Reads the header and the index (or rebuilds the
 * index by scanning) and checks every chunk's CRC; chunks are decoded lazily when needed.
 * Throws RecordingFormatError only when the header itself is unreadable; any damage after it is listed in
 * `problems` and the readable part stays available.
 */
export function openRecording(bytes: Uint8Array, options: OpenRecordingOptions = {}): Recording {
  return new Recording(bytes, options);
}

export class Recording {
  readonly formatVersion: number;
  readonly header: RecordingHeader;
  readonly entities: readonly EntityInfo[];
  /** [start, end] in ms: the header's start time, and the run's end (from the index, else the last record). */
  readonly timeRangeMs: readonly [number, number];
  readonly chunks: readonly ChunkInfo[];
  /** What is damaged or missing. Decoding a malformed chunk later may add to it. */
  readonly problems: string[] = [];
  /** True when the index and footer were intact (the writer finished). */
  readonly finished: boolean;
  /** Records in the readable chunks. */
  readonly recordCount: number;

  private readonly bytes: Uint8Array;
  private readonly locations: ChunkLocation[];
  private readonly startsUs: Float64Array;
  private readonly cache = new Map<number, DecodedChunk>();
  private readonly cacheSize: number;
  private readonly limits: { entityCount: number; seriesCount: number };
  private readonly reported = new Set<number>();
  private timeline?: Timeline;
  private pathIndex?: Map<string, number>;

  constructor(bytes: Uint8Array, options: OpenRecordingOptions = {}) {
    const decoded = decodeHeader(bytes);
    this.bytes = bytes;
    this.formatVersion = decoded.formatVersion;
    this.header = decoded.header;
    this.entities = decoded.header.entities;
    this.cacheSize = Math.max(1, options.cachedChunks ?? 4);
    this.limits = { entityCount: this.entities.length, seriesCount: this.header.series.length };
    const located = locateChunks(bytes, decoded.end, this.problems);
    this.finished = located.finished;
    this.locations = located.chunks;
    this.startsUs = Float64Array.from(this.locations, (c) => c.startUs);
    this.chunks = this.locations.map((c) => ({
      sequence: c.sequence,
      offset: c.offset,
      byteLength: c.byteLength,
      startMs: usToMs(c.startUs),
      endMs: usToMs(c.endUs),
      recordCount: c.recordCount,
    }));
    this.recordCount = this.locations.reduce((sum, c) => sum + c.recordCount, 0);
    const startMs = this.header.startTimeMs;
    const lastUs =
      this.locations.length > 0 ? this.locations[this.locations.length - 1]!.endUs : msToUs(startMs);
    this.timeRangeMs = [startMs, usToMs(Math.max(located.endUs ?? lastUs, lastUs))];
  }

  /** Index of the entity with this path, or -1. */
  entityIndex(path: string): number {
    this.pathIndex ??= new Map(this.entities.map((e, i) => [e.path, i]));
    return this.pathIndex.get(path) ?? -1;
  }

  /** The name of an entity's state code (from the header's state names of its kind). */
  stateName(entity: number, code: number): string | undefined {
    const kind = this.entities[entity]?.kind;
    return kind === undefined ? undefined : this.header.stateNames[kind]?.[code];
  }

  /**
   * The state after every record at or before `timeMs` (times compared at 1 µs). Decodes at most one
   * chunk: starts from its snapshot. Pass `into` to reuse a state instead of allocating one.
   */
  stateAt(timeMs: number, into?: ReplayState): ReplayState {
    const state = into ?? new ReplayState(this.entities.length);
    const timeUs = msToUs(timeMs);
    const c = this.chunkIndexAt(timeUs);
    if (c < 0) {
      state.clear();
    } else {
      const chunk = this.decoded(c);
      state.copyFrom(chunk.snapshot);
      const end = firstAfter(chunk, timeUs);
      for (let i = 0; i < end; i++) applyRecord(chunk, i, state);
    }
    state.timeMs = timeMs;
    return state;
  }

  /** A cursor for playback: moving forward applies only the new records. */
  cursor(): ReplayCursor {
    return new ReplayCursor(this);
  }

  /** The records with fromMs <= time <= toMs, in order. */
  *records(
    fromMs = Number.NEGATIVE_INFINITY,
    toMs = Number.POSITIVE_INFINITY,
  ): IterableIterator<DecodedRecord> {
    const fromUs = msToUs(fromMs);
    const toUs = msToUs(toMs);
    for (let c = Math.max(0, this.chunkIndexAt(fromUs)); c < this.locations.length; c++) {
      const location = this.locations[c]!;
      if (location.startUs > toUs) return;
      if (location.endUs < fromUs) continue;
      const chunk = this.decoded(c);
      const end = firstAfter(chunk, toUs);
      for (let i = firstAfter(chunk, fromUs - 1); i < end; i++) yield recordAt(chunk, i);
    }
  }

  /** The samples of one series in [fromMs, toMs] (views into an array built on first use: do not modify). */
  series(
    seriesIndex: number,
    fromMs = Number.NEGATIVE_INFINITY,
    toMs = Number.POSITIVE_INFINITY,
  ): SeriesData {
    if (!Number.isInteger(seriesIndex) || seriesIndex < 0 || seriesIndex >= this.limits.seriesCount) {
      throw new RangeError(
        `series index ${seriesIndex} is not in the header (${this.limits.seriesCount} series)`,
      );
    }
    const t = this.buildTimeline();
    const times = t.seriesTimesMs[seriesIndex]!;
    const [lo, hi] = range(times, fromMs, toMs);
    return { timesMs: times.subarray(lo, hi), values: t.seriesValues[seriesIndex]!.subarray(lo, hi) };
  }

  /** Times of EVENT records (all, or of one kind), ascending: for the timeline histogram and event jumps. */
  eventTimes(kind?: number): Float64Array {
    const t = this.buildTimeline();
    if (kind === undefined) return t.eventTimesMs;
    return t.eventTimesMs.filter((_, i) => t.eventKinds[i] === kind);
  }

  /** @internal Last readable chunk starting at or before timeUs, or -1. */
  chunkIndexAt(timeUs: number): number {
    const starts = this.startsUs;
    let lo = 0;
    let hi = starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (starts[mid]! <= timeUs) lo = mid + 1;
      else hi = mid;
    }
    return lo - 1;
  }

  /** @internal The decoded chunk at position c of the readable chunks (cached, least recently used out). */
  decoded(c: number): DecodedChunk {
    const cached = this.cache.get(c);
    if (cached !== undefined) {
      this.cache.delete(c);
      this.cache.set(c, cached);
      return cached;
    }
    const chunk = this.decodeUncached(c);
    this.cache.set(c, chunk);
    if (this.cache.size > this.cacheSize) this.cache.delete(this.cache.keys().next().value as number);
    return chunk;
  }

  /** @internal Whether chunk c+1 starts exactly where chunk c (fully decoded) ends; c = -1: the empty start. */
  followsDirectly(c: number): boolean {
    const next = this.locations[c + 1];
    if (next === undefined) return false;
    if (c < 0) return next.sequence === 0;
    return next.sequence === this.locations[c]!.sequence + 1 && !this.decoded(c).problem;
  }

  private decodeUncached(c: number): DecodedChunk {
    const chunk = decodeChunk(this.bytes, this.locations[c]!, this.limits);
    if (chunk.problem !== undefined && !this.reported.has(c)) {
      this.reported.add(c);
      this.problems.push(chunk.problem);
    }
    return chunk;
  }

  private buildTimeline(): Timeline {
    if (this.timeline) return this.timeline;
    const seriesTimes: number[][] = this.header.series.map(() => []);
    const seriesValues: number[][] = this.header.series.map(() => []);
    const eventTimes: number[] = [];
    const eventKinds: number[] = [];
    for (let c = 0; c < this.locations.length; c++) {
      const chunk = this.cache.get(c) ?? this.decodeUncached(c);
      for (let i = 0; i < chunk.count; i++) {
        const type = chunk.type[i];
        if (type === REC_SAMPLE) {
          seriesTimes[chunk.entity[i]!]!.push(usToMs(chunk.timeUs[i]!));
          seriesValues[chunk.entity[i]!]!.push(chunk.a[i]!);
        } else if (type === REC_EVENT) {
          eventTimes.push(usToMs(chunk.timeUs[i]!));
          eventKinds.push(chunk.a[i]!);
        }
      }
    }
    this.timeline = {
      seriesTimesMs: seriesTimes.map((t) => Float64Array.from(t)),
      seriesValues: seriesValues.map((v) => Float32Array.from(v)),
      eventTimesMs: Float64Array.from(eventTimes),
      eventKinds: Int32Array.from(eventKinds),
    };
    return this.timeline;
  }
}

/** [first index with time >= fromMs, first index with time > toMs) of an ascending array (1 µs resolution). */
function range(timesMs: Float64Array, fromMs: number, toMs: number): [number, number] {
  const from = usToMs(msToUs(fromMs));
  const to = usToMs(msToUs(toMs));
  const search = (pred: (t: number) => boolean) => {
    let lo = 0;
    let hi = timesMs.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (pred(timesMs[mid]!)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return [search((t) => t < from), search((t) => t <= to)];
}
