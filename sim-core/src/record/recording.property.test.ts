import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { memorySink } from './memory-sink';
import { openRecording } from './recording';
import { RecordingWriter } from './recording-writer';
import type { ReplayState } from './replay-state';
import { writeRecords } from './synthetic-mix';
import type { DecodedRecord, RecordedMotion, RecordingHeaderInit } from './types';

// Random headers and record sequences of every type, written with random chunk sizes, read back.

interface Case {
  header: RecordingHeaderInit;
  records: DecodedRecord[];
  endTimeMs: number;
  chunkMaxRecords: number;
  chunkMaxSpanMs: number;
}

const MACHINE_STATES = Array.from({ length: 20 }, (_, i) => `s${i}`);
/** Integers up to 2^50 in magnitude, mostly small. */
const bigInt = fc.oneof(
  fc.integer({ min: -20, max: 20 }),
  fc
    .tuple(fc.integer({ min: -(2 ** 20), max: 2 ** 20 - 1 }), fc.integer({ min: 0, max: 2 ** 30 - 1 }))
    .map(([hi, lo]) => hi * 2 ** 30 + lo),
);
const node = fc.oneof(fc.nat(300), fc.nat(2 ** 31 - 1));
const gapMs = fc.oneof(
  fc.constant(0),
  fc.double({ min: 0, max: 50, noNaN: true }),
  fc.double({ min: 0, max: 1e7, noNaN: true }),
);

const caseArb: fc.Arbitrary<Case> = fc
  .record({
    kinds: fc.array(fc.constantFrom('machine', 'thing'), { minLength: 1, maxLength: 40 }),
    seriesCount: fc.integer({ min: 1, max: 20 }),
    eventKindCount: fc.integer({ min: 1, max: 20 }),
    startTimeMs: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 1e6, noNaN: true })),
  })
  .chain(({ kinds, seriesCount, eventKindCount, startTimeMs }) => {
    const entity = fc.nat(kinds.length - 1);
    const body = fc.oneof(
      entity.chain((e) =>
        (kinds[e] === 'machine' ? fc.nat(19) : node).map((code) => ({
          type: 'state' as const,
          entity: e,
          code,
        })),
      ),
      fc.record({ type: fc.constant('level' as const), entity, value: bigInt }),
      fc.record({
        type: fc.constant('event' as const),
        entity,
        kind: fc.nat(eventKindCount - 1),
        arg: bigInt,
      }),
      fc.record({ type: fc.constant('sample' as const), series: fc.nat(seriesCount - 1), value: fc.float() }),
      fc.record({
        type: fc.constant('link' as const),
        entity,
        latencyMs: fc.float(),
        reliability: fc.oneof(fc.constant(1), fc.constant(0), fc.double({ min: 0, max: 1, noNaN: true })),
      }),
      fc.record({
        type: fc.constant('motion' as const),
        entity,
        fromNode: node,
        toNode: node,
        startOffsetMs: fc.oneof(fc.constant(0), fc.double({ min: -10, max: 1e4, noNaN: true })),
        durationMs: fc.double({ min: 0, max: 1e5, noNaN: true }),
        startOffsetM: fc.oneof(fc.constant(0), fc.float()),
        profile: fc.record({
          v0Mps: fc.float(),
          vMaxMps: fc.oneof(fc.constant(1.5), fc.float()),
          v1Mps: fc.float(),
          accelMps2: fc.oneof(fc.constant(0.5), fc.float()),
          decelMps2: fc.float(),
          lengthM: fc.float(),
        }),
      }),
    );
    return fc
      .record({
        header: fc.constant({
          metadata: { softwareVersion: 'test', scenarioName: 'property', scenario: { kinds }, seed: 7 },
          layout: null,
          startTimeMs,
          entities: kinds.map((kind, i) => ({ path: `/e/${i}`, kind })),
          series: Array.from({ length: seriesCount }, (_, i) => `series${i}`),
          eventKinds: Array.from({ length: eventKindCount }, (_, i) => `kind${i}`),
          stateNames: { machine: MACHINE_STATES },
        }),
        steps: fc.array(fc.tuple(gapMs, body), { maxLength: 150 }),
        endGapMs: gapMs,
        chunkMaxRecords: fc.integer({ min: 1, max: 40 }),
        chunkMaxSpanMs: fc.oneof(fc.double({ min: 0.01, max: 1e5, noNaN: true }), fc.constant(1e9)),
      })
      .map(({ header, steps, endGapMs, chunkMaxRecords, chunkMaxSpanMs }) => {
        let timeMs = startTimeMs;
        const records = steps.map(([gap, b]): DecodedRecord => {
          timeMs += gap;
          if (b.type !== 'motion') return { ...b, timeMs };
          const { startOffsetMs, durationMs, ...rest } = b;
          const startMs = Math.max(0, timeMs + startOffsetMs);
          return { ...rest, timeMs, startMs, endMs: startMs + durationMs };
        });
        return { header, records, endTimeMs: timeMs + endGapMs, chunkMaxRecords, chunkMaxSpanMs };
      });
  });

function write(c: Case): Uint8Array {
  const m = memorySink();
  const w = new RecordingWriter({ ...c, sink: m.sink });
  writeRecords(w, c.records);
  w.finish(c.endTimeMs);
  return m.bytes();
}

const q = (timeMs: number) => Math.round(timeMs * 1000) / 1000;
const f = Math.fround;

/** What the format promises to give back: times at 1 µs, floats as float32. */
function stored(r: DecodedRecord): DecodedRecord {
  switch (r.type) {
    case 'sample':
      return { ...r, timeMs: q(r.timeMs), value: f(r.value) };
    case 'link':
      return { ...r, timeMs: q(r.timeMs), latencyMs: f(r.latencyMs), reliability: f(r.reliability) };
    case 'motion': {
      const p = r.profile;
      return {
        ...r,
        timeMs: q(r.timeMs),
        startMs: q(r.startMs),
        endMs: q(r.endMs),
        startOffsetM: f(r.startOffsetM),
        profile: {
          v0Mps: f(p.v0Mps),
          vMaxMps: f(p.vMaxMps),
          v1Mps: f(p.v1Mps),
          accelMps2: f(p.accelMps2),
          decelMps2: f(p.decelMps2),
          lengthM: f(p.lengthM),
        },
      };
    }
    default:
      return { ...r, timeMs: q(r.timeMs) };
  }
}

interface PlainState {
  stateCode: number[];
  level: number[];
  motion: (RecordedMotion | undefined)[];
  link: ({ latencyMs: number; reliability: number } | undefined)[];
}

/** The state by applying every stored record with time <= t, one by one (independent of the reader). */
function naiveState(entityCount: number, records: DecodedRecord[], timeMs: number): PlainState {
  const s: PlainState = {
    stateCode: Array(entityCount).fill(-1),
    level: Array(entityCount).fill(Number.NaN),
    motion: Array(entityCount).fill(undefined),
    link: Array(entityCount).fill(undefined),
  };
  for (const r of records) {
    if (r.timeMs > q(timeMs)) break;
    if (r.type === 'state') s.stateCode[r.entity] = r.code;
    else if (r.type === 'level') s.level[r.entity] = r.value;
    else if (r.type === 'link') s.link[r.entity] = { latencyMs: r.latencyMs, reliability: r.reliability };
    else if (r.type === 'motion') {
      const { fromNode, toNode, startMs, endMs, profile, startOffsetM } = r;
      s.motion[r.entity] = { fromNode, toNode, startMs, endMs, profile, startOffsetM };
    }
  }
  return s;
}

function plain(state: ReplayState): PlainState {
  const entities = Array.from({ length: state.entityCount }, (_, e) => e);
  return {
    stateCode: [...state.stateCode],
    level: [...state.level],
    motion: entities.map((e) => state.motion(e)),
    link: entities.map((e) =>
      Number.isNaN(state.linkReliability[e])
        ? undefined
        : { latencyMs: state.linkLatencyMs[e], reliability: state.linkReliability[e] },
    ),
  };
}

describe('recording (property)', () => {
  it('reads back every record as written (times within 1 µs, floats as float32)', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const rec = openRecording(write(c));
        expect(rec.problems).toEqual([]);
        expect(rec.finished).toBe(true);
        expect(rec.recordCount).toBe(c.records.length);
        const back = [...rec.records()];
        expect(back).toEqual(c.records.map(stored));
        back.forEach((r, i) => {
          expect(Math.abs(r.timeMs - c.records[i].timeMs)).toBeLessThanOrEqual(0.0005 + 1e-9 * r.timeMs);
        });
        expect(rec.timeRangeMs).toEqual([q(c.header.startTimeMs ?? 0), q(c.endTimeMs)]);
      }),
      { seed: 201 },
    );
  });

  it('stateAt(t) equals applying all records up to t, and a forward cursor agrees', () => {
    fc.assert(
      fc.property(
        caseArb,
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 10 }),
        (c, extra) => {
          const rec = openRecording(write(c), { cachedChunks: 2 });
          const expected = c.records.map(stored);
          const [t0, t1] = rec.timeRangeMs;
          const times = [
            t0 - 1,
            ...expected.flatMap((r, i) => [
              r.timeMs,
              i > 0 ? (r.timeMs + expected[i - 1].timeMs) / 2 : r.timeMs,
            ]),
            ...extra.map((u) => t0 + u * (t1 - t0)),
            t1 + 1,
          ].sort((a, b) => a - b);
          const cursor = rec.cursor();
          const sparse = rec.cursor();
          const n = c.header.entities.length;
          times.forEach((t, i) => {
            const want = naiveState(n, expected, t);
            expect(plain(rec.stateAt(t))).toEqual(want);
            expect(plain(cursor.seek(t))).toEqual(want);
            if (i % 5 === 4) expect(plain(sparse.seek(t))).toEqual(want);
          });
        },
      ),
      { seed: 202 },
    );
  });
});
