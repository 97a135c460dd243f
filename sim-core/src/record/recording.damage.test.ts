import { describe, expect, it } from 'vitest';
import { RecordingFormatError } from './errors';
import { HEADER_PREFIX_BYTES } from './format';
import { memorySink } from './memory-sink';
import { openRecording, type Recording } from './recording';
import { RecordingWriter } from './recording-writer';
import { syntheticMix, writeRecords } from './synthetic-mix';
import type { DecodedRecord } from './types';

// A small recording: ~300 records in chunks of 40, so every kind of damage hits something.
const mix = syntheticMix({ records: 300, seed: 5, plantScale: 0.1 });
const sink = memorySink();
const writer = new RecordingWriter({ header: mix.header, sink: sink.sink, chunkMaxRecords: 40 });
writeRecords(writer, mix.records);
writer.finish(mix.endTimeMs);
const full = sink.bytes();
const intact = openRecording(full);
const headerEnd = intact.chunks[0].offset;
/** Records of each chunk, by sequence number (chunks hold consecutive runs of the records). */
const bySequence = new Map<number, DecodedRecord[]>();
{
  const all = [...intact.records()];
  let from = 0;
  for (const c of intact.chunks) {
    bySequence.set(c.sequence, all.slice(from, from + c.recordCount));
    from += c.recordCount;
  }
}

/** What a damaged recording must still give: the records of exactly the chunks it lists as readable. */
function expectReadableChunksIntact(rec: Recording): void {
  expect([...rec.records()]).toEqual(rec.chunks.flatMap((c) => bySequence.get(c.sequence)!));
  expect(rec.recordCount).toBe(rec.chunks.reduce((n, c) => n + c.recordCount, 0));
}

describe('damaged recordings', () => {
  it('the intact recording has several chunks and no problems', () => {
    expect(intact.chunks.length).toBeGreaterThanOrEqual(7);
    expect(intact.problems).toEqual([]);
    expect(intact.finished).toBe(true);
    expect([...bySequence.values()].flat()).toEqual([...intact.records()]);
  });

  it('a file cut at any byte opens with the readable prefix and says what is wrong', () => {
    const allRecords = [...intact.records()];
    for (let length = 0; length < full.length; length++) {
      const cut = full.subarray(0, length);
      if (length < headerEnd) {
        expect(() => openRecording(cut)).toThrow(RecordingFormatError);
        continue;
      }
      const rec = openRecording(cut);
      expect(rec.problems.length, `cut at ${length}`).toBeGreaterThan(0);
      expect(rec.finished).toBe(false);
      const complete = intact.chunks.filter((c) => c.offset + c.byteLength <= length);
      expect(rec.chunks).toEqual(complete);
      const count = complete.reduce((n, c) => n + c.recordCount, 0);
      expect(rec.recordCount).toBe(count);
      if (length % 17 === 0 || length > full.length - 40) {
        expect([...rec.records()]).toEqual(allRecords.slice(0, count));
        expect(rec.stateAt(rec.timeRangeMs[1]).level).toEqual(intact.stateAt(rec.timeRangeMs[1]).level);
      }
    }
  });

  it('a run that stopped without finish() leaves every flushed chunk readable', () => {
    const m = memorySink();
    const w = new RecordingWriter({ header: mix.header, sink: m.sink, chunkMaxRecords: 40 });
    writeRecords(w, mix.records.slice(0, 130));
    const rec = openRecording(m.bytes());
    expect(rec.problems).toEqual([expect.stringMatching(/without an index: the run did not finish/)]);
    expect(rec.recordCount).toBe(120);
    expect([...rec.records()]).toEqual([...intact.records()].slice(0, 120));
  });

  it('any single flipped byte is caught: a header error, or a reported problem with the rest intact', () => {
    for (let at = 0; at < full.length; at++) {
      const damaged = full.slice();
      damaged[at] ^= at % 2 === 0 ? 0xff : 0x01;
      if (at < headerEnd) {
        expect(() => openRecording(damaged), `byte ${at}`).toThrow(RecordingFormatError);
        continue;
      }
      const rec = openRecording(damaged);
      expect(rec.problems.length, `byte ${at}`).toBeGreaterThan(0);
      expect(rec.chunks.length).toBeGreaterThanOrEqual(intact.chunks.length - 1);
      if (at % 7 === 0) expectReadableChunksIntact(rec);
    }
  });

  it('a damaged chunk is skipped by its CRC; later chunks still seek correctly from their snapshots', () => {
    const damaged = full.slice();
    const victim = intact.chunks[2];
    damaged[victim.offset + Math.floor(victim.byteLength / 2)] ^= 0x10;
    const rec = openRecording(damaged);
    expect(rec.problems).toEqual([
      `chunk #2 at byte ${victim.offset} fails its CRC check (damaged); skipped`,
    ]);
    expect(rec.finished).toBe(true);
    expect(rec.chunks.map((c) => c.sequence)).toEqual(
      intact.chunks.map((c) => c.sequence).filter((s) => s !== 2),
    );
    expectReadableChunksIntact(rec);
    const later = intact.chunks[4];
    for (const t of [later.startMs, (later.startMs + later.endMs) / 2, rec.timeRangeMs[1]]) {
      expect(rec.stateAt(t)).toEqual(intact.stateAt(t));
    }
    const cursor = rec.cursor();
    cursor.seek(intact.chunks[1].startMs);
    expect(cursor.seek(later.endMs)).toEqual(intact.stateAt(later.endMs));
  });

  it('a damaged index is rebuilt by scanning the chunks', () => {
    const damaged = full.slice();
    damaged[full.length - 20] ^= 0x04; // inside the index, just before the footer
    const rec = openRecording(damaged);
    expect(rec.problems).toEqual([
      'the index is damaged (CRC mismatch); chunks were found by scanning instead',
    ]);
    expect(rec.chunks).toEqual(intact.chunks);
    expect([...rec.records()]).toEqual([...intact.records()]);
    expect(rec.timeRangeMs[1]).toBe(intact.chunks[intact.chunks.length - 1].endMs);
  });

  it('throws a clear error when even the header is unreadable', () => {
    expect(() => openRecording(new Uint8Array(0))).toThrow(
      /not a readable factory-twin recording: only 0 bytes/,
    );
    expect(() => openRecording(Uint8Array.from('PK\x03\x04 a zip file', (c) => c.charCodeAt(0)))).toThrow(
      /wrong magic/,
    );
    const newer = full.slice();
    newer[8] = 2;
    expect(() => openRecording(newer)).toThrow(
      /format version 2 is not supported \(this reader knows version 1\)/,
    );
    expect(() => openRecording(full.subarray(0, HEADER_PREFIX_BYTES + 3))).toThrow(/header truncated/);
    const bad = full.slice();
    bad[HEADER_PREFIX_BYTES + 5] ^= 1;
    expect(() => openRecording(bad)).toThrow(/header checksum mismatch/);
  });

  it('a footer pointing anywhere gives a sane message (no negative byte counts) and a scanned recording', () => {
    const footerAt = full.length - 16;
    for (const offset of [0xffff_fff0, footerAt, footerAt - 1, 2 ** 52, full.length + 5]) {
      const damaged = full.slice();
      const view = new DataView(damaged.buffer);
      view.setUint32(footerAt, offset % 2 ** 32, true);
      view.setUint32(footerAt + 4, Math.floor(offset / 2 ** 32), true);
      const rec = openRecording(damaged);
      expect(rec.problems.length, `offset ${offset}`).toBeGreaterThan(0);
      expect(rec.problems[0]).toMatch(/^the index is damaged \(.+\); chunks were found by scanning instead$/);
      expect(rec.problems.join('\n')).not.toMatch(/-\d/);
      expect(rec.chunks).toEqual(intact.chunks);
    }
  });
});
