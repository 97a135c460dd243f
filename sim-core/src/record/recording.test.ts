import { describe, expect, it } from 'vitest';
import { RandomStreams } from '../engine/random';
import { memorySink } from './memory-sink';
import { openRecording } from './recording';
import { RecordingWriter } from './recording-writer';
import { ReplayState } from './replay-state';
import { syntheticMix, writeRecords } from './synthetic-mix';
import type { DecodedRecord } from './types';

const mix = syntheticMix({ records: 20_000, seed: 9 });
const sink = memorySink();
const writer = new RecordingWriter({ header: mix.header, sink: sink.sink, chunkMaxRecords: 1500 });
writeRecords(writer, mix.records);
writer.finish(mix.endTimeMs);
const rec = openRecording(sink.bytes(), { cachedChunks: 2 });
const all = [...rec.records()];
const [startMs, endMs] = rec.timeRangeMs;
const rnd = new RandomStreams(1).stream('test', 'times');
const randomTime = () => startMs + rnd.next() * (endMs - startMs);

/** The first field where two states differ (typed-array compare: much faster than a deep toEqual). */
function difference(a: ReplayState, b: ReplayState): string | undefined {
  const fields = [
    'stateCode',
    'level',
    'motionFrom',
    'motionTo',
    'motionStartMs',
    'motionEndMs',
    'motionProfile',
  ] as const;
  for (const f of [...fields, 'motionStartOffsetM', 'linkLatencyMs', 'linkReliability'] as const) {
    const i = a[f].findIndex((v, k) => !Object.is(v, b[f][k]));
    if (i >= 0) return `${f}[${i}]: ${a[f][i]} vs ${b[f][i]}`;
  }
  return a.timeMs === b.timeMs ? undefined : `timeMs ${a.timeMs} vs ${b.timeMs}`;
}

describe('Recording queries', () => {
  it('lists chunks with time ranges that cover the records in order', () => {
    expect(rec.chunks.length).toBe(Math.ceil(20_000 / 1500));
    expect(rec.chunks[0].startMs).toBe(all[0].timeMs);
    expect(rec.chunks.at(-1)!.endMs).toBe(all.at(-1)!.timeMs);
    for (let i = 1; i < rec.chunks.length; i++)
      expect(rec.chunks[i].startMs).toBeGreaterThanOrEqual(rec.chunks[i - 1].endMs);
    expect(endMs).toBeCloseTo(mix.endTimeMs, 3);
  });

  it('records(from, to) gives exactly the records in [from, to], in order', () => {
    for (let k = 0; k < 8; k++) {
      const [a, b] = [randomTime(), randomTime()].sort((x, y) => x - y);
      const from = k === 0 ? all[100].timeMs : a; // a boundary that has records exactly at it
      const to = k === 0 ? all[200].timeMs : b;
      expect([...rec.records(from, to)]).toEqual(all.filter((r) => r.timeMs >= from && r.timeMs <= to));
    }
  });

  it('series() and eventTimes() give the samples and event times of the whole run', () => {
    const samples = all.filter((r): r is Extract<DecodedRecord, { type: 'sample' }> => r.type === 'sample');
    for (const s of [0, 7, 29]) {
      const mine = samples.filter((r) => r.series === s);
      const got = rec.series(s);
      expect([...got.timesMs]).toEqual(mine.map((r) => r.timeMs));
      expect([...got.values]).toEqual(mine.map((r) => r.value));
      const from = mine[10].timeMs;
      const to = mine[20].timeMs;
      expect([...rec.series(s, from, to).timesMs]).toEqual(mine.slice(10, 21).map((r) => r.timeMs));
    }
    expect(() => rec.series(30)).toThrow(/not in the header/);
    const events = all.filter((r) => r.type === 'event');
    expect([...rec.eventTimes()]).toEqual(events.map((r) => r.timeMs));
    expect([...rec.eventTimes(1)]).toEqual(events.filter((r) => r.kind === 1).map((r) => r.timeMs));
  });

  it('stateAt reuses a given state and names state codes', () => {
    const into = new ReplayState(rec.entities.length);
    const t = randomTime();
    expect(rec.stateAt(t, into)).toBe(into);
    expect(into).toEqual(rec.stateAt(t));
    expect(into.timeMs).toBe(t);
    const before = rec.stateAt(startMs - 1);
    expect([...before.stateCode].every((c) => c === -1)).toBe(true);
    expect(rec.stateName(0, 2)).toBe('busy');
    expect(rec.stateName(0, 99)).toBeUndefined();
  });
});

describe('ReplayCursor', () => {
  it('equals stateAt after any sequence of seeks, forward and backward', () => {
    const cursor = rec.cursor();
    let t = startMs;
    for (let k = 0; k < 300; k++) {
      const u = rnd.next();
      // Mostly small steps forward (playback), sometimes a jump anywhere.
      t = u < 0.8 ? t + rnd.next() * 2000 : u < 0.9 ? t - rnd.next() * 5000 : randomTime();
      expect(difference(cursor.seek(t), rec.stateAt(t))).toBeUndefined();
      expect(cursor.timeMs).toBe(t);
    }
  });

  it('moving forward visits exactly the records passed, and does not jump', () => {
    const cursor = rec.cursor();
    const seen: DecodedRecord[] = [];
    cursor.seek(startMs);
    let jumps = 0;
    for (let t = startMs; t <= endMs + 500; t += 500) {
      cursor.seek(t, (r) => seen.push(r));
      if (cursor.jumped) jumps++;
    }
    expect(jumps).toBe(0);
    expect(seen).toEqual(all.filter((r) => r.timeMs > startMs));
  });

  it('restarts from a snapshot when seeking backwards or far ahead', () => {
    const cursor = rec.cursor();
    cursor.seek(rec.chunks[1].startMs);
    cursor.seek(rec.chunks[1].startMs + 1);
    expect(cursor.jumped).toBe(false);
    cursor.seek(rec.chunks[5].startMs);
    expect(cursor.jumped).toBe(true);
    cursor.seek(rec.chunks[2].startMs);
    expect(cursor.jumped).toBe(true);
    expect(cursor.state).toEqual(rec.stateAt(rec.chunks[2].startMs));
  });
});
