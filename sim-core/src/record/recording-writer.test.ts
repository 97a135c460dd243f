import { describe, expect, it } from 'vitest';
import { memorySink } from './memory-sink';
import { openRecording } from './recording';
import { RecordingWriter, type RecordingWriterOptions } from './recording-writer';
import { syntheticMix, writeRecords } from './synthetic-mix';
import type { RecordingHeaderInit } from './types';

const header: RecordingHeaderInit = {
  metadata: { softwareVersion: '1.2.3', scenarioName: 'tiny', scenario: { b: 1, a: [1, 2] }, seed: 42 },
  layout: { nodes: [{ id: 'n0', xM: 0, yM: 0 }] },
  entities: [
    { path: '/factory/machine/M1', kind: 'machine' },
    { path: '/factory/agv/A1', kind: 'agv' },
  ],
  series: ['latency'],
  eventKinds: ['failure'],
  stateNames: { machine: ['idle', 'busy'] },
};

function record(options: Partial<RecordingWriterOptions>, play: (w: RecordingWriter) => void): Uint8Array {
  const m = memorySink();
  const w = new RecordingWriter({ header, ...options, sink: m.sink });
  play(w);
  return m.bytes();
}

function mixBytes(records: number, seed: number, options: Partial<RecordingWriterOptions> = {}): Uint8Array {
  const mix = syntheticMix({ records, seed });
  return record({ header: mix.header, ...options }, (w) => {
    writeRecords(w, mix.records);
    w.finish(mix.endTimeMs);
  });
}

describe('RecordingWriter', () => {
  it('writes byte-identical recordings for identical inputs', () => {
    const a = mixBytes(5000, 3, { chunkMaxRecords: 700 });
    const b = mixBytes(5000, 3, { chunkMaxRecords: 700 });
    expect(a.length).toBeGreaterThan(10_000);
    expect(b).toEqual(a);
    expect(mixBytes(5000, 4, { chunkMaxRecords: 700 })).not.toEqual(a);
  });

  it('does not depend on the key order of the metadata, scenario or layout objects', () => {
    const reordered: RecordingHeaderInit = {
      stateNames: { machine: ['idle', 'busy'] },
      eventKinds: ['failure'],
      series: ['latency'],
      entities: header.entities,
      layout: { nodes: [{ yM: 0, xM: 0, id: 'n0' }] },
      metadata: { seed: 42, scenario: { a: [1, 2], b: 1 }, scenarioName: 'tiny', softwareVersion: '1.2.3' },
    };
    const play = (w: RecordingWriter) => {
      w.state(1, 0, 1);
      w.finish(2);
    };
    expect(record({ header: reordered }, play)).toEqual(record({}, play));
  });

  it('stores the metadata for reproduction: scenario, seed, software version, createdBy', () => {
    const rec = openRecording(record({}, (w) => w.finish(0)));
    expect(rec.header.metadata).toEqual({ ...header.metadata, createdBy: 'factory-twin' });
    expect(rec.header.layout).toEqual(header.layout);
    expect(rec.entities).toEqual(header.entities);
    expect(rec.entityIndex('/factory/agv/A1')).toBe(1);
    expect(rec.entityIndex('/nope')).toBe(-1);
    expect(rec.chunks).toEqual([]);
    expect(rec.problems).toEqual([]);
  });

  it('streams: the header at once, each chunk when it closes, index and footer on finish', () => {
    const pieces: number[] = [];
    const w = new RecordingWriter({ header, chunkMaxRecords: 2, sink: (b) => pieces.push(b.length) });
    expect(pieces).toHaveLength(1);
    w.state(1, 0, 0);
    w.state(2, 0, 1);
    expect(pieces).toHaveLength(1);
    w.state(3, 0, 0); // closes the first chunk
    expect(pieces).toHaveLength(2);
    w.flush();
    expect(pieces).toHaveLength(3);
    w.finish(10);
    expect(pieces).toHaveLength(5);
    expect(pieces[4]).toBe(16);
    expect(w.bytesWritten).toBe(pieces.reduce((a, b) => a + b, 0));
    expect(() => w.state(11, 0, 0)).toThrow(/already finished/);
  });

  it('closes chunks by record count, byte size and time span', () => {
    const chunkCount = (options: Partial<RecordingWriterOptions>) =>
      openRecording(
        record(options, (w) => {
          for (let i = 0; i < 100; i++) w.sample(i * 10, 0, i);
          w.finish(1000);
        }),
      ).chunks.length;
    expect(chunkCount({})).toBe(1);
    expect(chunkCount({ chunkMaxRecords: 10 })).toBe(10);
    expect(chunkCount({ chunkMaxSpanMs: 95 })).toBe(10); // 10 records of 10 ms span 90 ms
    // A record takes 7 bytes (the first of a chunk 5): a chunk closes after 9 records (61 bytes).
    expect(chunkCount({ chunkMaxBytes: 60 })).toBe(12);
  });

  it('throws a clear error for records out of time order, and leaves the writer usable', () => {
    const m = memorySink();
    const w = new RecordingWriter({ header, sink: m.sink });
    w.state(5, 0, 1);
    expect(() => w.level(4.999, 1, 3)).toThrow(
      /level: time 4\.999 ms is before the previous record \(5 ms\); records must come in non-decreasing time order/,
    );
    expect(() => w.event(Number.NaN, 0, 0)).toThrow(/time NaN/);
    w.event(5, 0, 0, 7);
    expect(() => w.finish(4)).toThrow(/before the last record/);
    w.finish(6);
    expect([...openRecording(m.bytes()).records()]).toEqual([
      { type: 'state', timeMs: 5, entity: 0, code: 1 },
      { type: 'event', timeMs: 5, entity: 0, kind: 0, arg: 7 },
    ]);
  });

  it('rejects records earlier than the start time', () => {
    const m = memorySink();
    const w = new RecordingWriter({ header: { ...header, startTimeMs: 100 }, sink: m.sink });
    expect(() => w.state(99, 0, 0)).toThrow(/before the recording's start \(100 ms\)/);
  });

  it('validates entities, codes and arguments before writing anything', () => {
    const m = memorySink();
    const w = new RecordingWriter({ header, sink: m.sink });
    expect(() => w.state(1, 2, 0)).toThrow(/entity .* in \[0, 2\), got 2/);
    expect(() => w.state(1, 0, 2)).toThrow(/code .*\[0, 2\) \(state names of kind 'machine'\), got 2/);
    expect(() => w.state(1, 0, 0.5)).toThrow(RangeError);
    w.state(1, 1, 12345); // agv has no state names: any code
    expect(() => w.level(1, 0, 1.5)).toThrow(/integer/);
    expect(() => w.event(1, 0, 1)).toThrow(/eventKinds/);
    expect(() => w.sample(1, 1, 0)).toThrow(/series/);
    expect(() => w.link(1, 0, 3, 1.5)).toThrow(/reliability/);
    expect(() => w.motion(1, 1, 0, 1, 5, 4, { ...zeroProfile })).toThrow(/startMs <= endMs/);
    expect(() => w.motion(1, 1, -1, 1, 1, 4, { ...zeroProfile })).toThrow(/fromNode/);
    w.finish(2);
    const rec = openRecording(m.bytes());
    expect(rec.recordCount).toBe(1);
    expect(rec.problems).toEqual([]);
  });

  it('refuses bad headers and options', () => {
    const sink = () => {};
    const twice = [header.entities[0], header.entities[0]];
    expect(() => new RecordingWriter({ header: { ...header, entities: twice }, sink })).toThrow(
      /duplicate path/,
    );
    const nan = { ...header, layout: { x: Number.NaN } };
    expect(() => new RecordingWriter({ header: nan, sink })).toThrow(/\$\.layout\.x is NaN/);
    expect(() => new RecordingWriter({ header, sink, chunkMaxRecords: 0 })).toThrow(/chunkMaxRecords/);
  });

  it('averages at most 16 bytes per record on a plant-like mix', () => {
    const records = 100_000;
    const bytes = mixBytes(records, 11);
    const rec = openRecording(bytes);
    expect(rec.recordCount).toBe(records);
    // Measured 5.8 bytes/record (header, snapshots, index and footer included).
    expect(bytes.length / records).toBeLessThanOrEqual(16);
  });
});

const zeroProfile = { v0Mps: 0, vMaxMps: 0, v1Mps: 0, accelMps2: 0, decelMps2: 0, lengthM: 0 };
