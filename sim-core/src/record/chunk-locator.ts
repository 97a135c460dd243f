import { ByteReader, DecodeError } from './byte-reader';
import { type ChunkLocation, readChunkHead } from './chunk-decoder';
import { crc32 } from './crc32';
import { BLOCK_CHUNK, BLOCK_HEADER_BYTES, BLOCK_INDEX, FOOTER_BYTES, FOOTER_MAGIC } from './format';

export interface LocatedChunks {
  /** The readable chunks (CRC checked), in file order. */
  chunks: ChunkLocation[];
  /** The run's end time from the index, when an index was read. */
  endUs?: number;
  /** Index and footer were found intact. */
  finished: boolean;
}

interface IndexBlock {
  entries: ChunkLocation[];
  endUs: number;
  totalRecords: number;
  blockEnd: number;
}

/**
 * Finds the chunks: through the footer and index when they are intact, else by scanning the
 * length-prefixed blocks from the header's end until the data runs out or stops making sense.
 * Every chunk's CRC is checked (a few ms per 10 MB); damaged chunks are skipped and reported.
 */
export function locateChunks(bytes: Uint8Array, headerEnd: number, problems: string[]): LocatedChunks {
  const before = problems.length;
  const fromIndex = viaFooter(bytes, headerEnd, problems);
  const located = fromIndex ?? scan(bytes, headerEnd, problems, problems.length > before);
  return { ...located, chunks: inOrder(located.chunks, problems) };
}

function viaFooter(bytes: Uint8Array, headerEnd: number, problems: string[]): LocatedChunks | undefined {
  const footerAt = bytes.length - FOOTER_BYTES;
  if (footerAt < headerEnd || FOOTER_MAGIC.some((b, i) => bytes[footerAt + 8 + i] !== b)) return undefined;
  const r = new ByteReader(bytes, footerAt);
  const indexOffset = r.u32() + r.u32() * 2 ** 32;
  let index: IndexBlock;
  try {
    if (indexOffset < headerEnd)
      throw new DecodeError(`the footer points before the header's end (${indexOffset})`);
    if (indexOffset >= footerAt)
      throw new DecodeError(
        `the footer points past the index's end (${indexOffset}; the footer is at ${footerAt})`,
      );
    index = readIndexBlock(bytes, indexOffset);
    if (index.blockEnd !== footerAt) throw new DecodeError('the index does not end where the footer starts');
  } catch (e) {
    if (!(e instanceof DecodeError)) throw e;
    problems.push(`the index is damaged (${e.message}); chunks were found by scanning instead`);
    return undefined;
  }
  const chunks: ChunkLocation[] = [];
  for (const entry of index.entries) {
    const found = checkChunkBlock(bytes, entry.offset, entry.sequence);
    if (typeof found === 'string') problems.push(`${found}; skipped`);
    else if (!sameChunk(found, entry))
      problems.push(`chunk #${entry.sequence} disagrees with the index; skipped`);
    else chunks.push(found);
  }
  return { chunks, endUs: index.endUs, finished: true };
}

function scan(
  bytes: Uint8Array,
  headerEnd: number,
  problems: string[],
  indexReported: boolean,
): LocatedChunks {
  const chunks: ChunkLocation[] = [];
  let pos = headerEnd;
  let sequence = 0;
  for (;;) {
    const left = bytes.length - pos;
    if (left === 0) {
      problems.push(
        `the recording ends after ${chunks.length} chunk(s) without an index: the run did not finish or the file was cut`,
      );
      return { chunks, finished: false };
    }
    if (left < BLOCK_HEADER_BYTES) {
      problems.push(
        `the recording is cut inside a block header at byte ${pos} (${left} of ${BLOCK_HEADER_BYTES} bytes)`,
      );
      return { chunks, finished: false };
    }
    const type = bytes[pos]!;
    const payloadLength = new ByteReader(bytes, pos + 1).u32();
    const blockEnd = pos + BLOCK_HEADER_BYTES + payloadLength;
    const name = type === BLOCK_CHUNK ? `chunk #${sequence}` : 'the index';
    if (type !== BLOCK_CHUNK && type !== BLOCK_INDEX) {
      problems.push(
        `byte ${pos} should start a block but holds 0x${type.toString(16)}: the rest of the file is unreadable`,
      );
      return { chunks, finished: false };
    }
    if (blockEnd > bytes.length) {
      problems.push(
        `${name} at byte ${pos} is cut: ${left - BLOCK_HEADER_BYTES} of ${payloadLength} bytes present`,
      );
      return { chunks, finished: false };
    }
    if (type === BLOCK_INDEX) {
      try {
        const index = readIndexBlock(bytes, pos);
        problems.push('the footer is missing or damaged (the index before it is intact)');
        return { chunks, endUs: index.endUs, finished: false };
      } catch (e) {
        if (!(e instanceof DecodeError)) throw e;
        if (!indexReported) problems.push(`the index at byte ${pos} is damaged (${e.message})`);
        return { chunks, finished: false };
      }
    }
    const found = checkChunkBlock(bytes, pos, sequence);
    if (typeof found === 'string') {
      problems.push(`${found}; skipped`);
    } else {
      chunks.push(found);
      sequence = found.sequence;
    }
    sequence++;
    pos = blockEnd;
  }
}

/** The chunk block at `offset` if it is intact, else a description of what is wrong. */
function checkChunkBlock(bytes: Uint8Array, offset: number, sequence: number): ChunkLocation | string {
  const where = `chunk #${sequence} at byte ${offset}`;
  if (offset + BLOCK_HEADER_BYTES > bytes.length) return `${where} is missing`;
  if (bytes[offset] !== BLOCK_CHUNK) return `${where} does not start with a chunk marker`;
  const r = new ByteReader(bytes, offset + 1);
  const payloadLength = r.u32();
  const crc = r.u32();
  const payloadStart = offset + BLOCK_HEADER_BYTES;
  const end = payloadStart + payloadLength;
  if (end > bytes.length) return `${where} is cut`;
  if (crc32(bytes, payloadStart, end) !== crc) return `${where} fails its CRC check (damaged)`;
  try {
    const head = readChunkHead(bytes, payloadStart, end);
    return {
      sequence: head.sequence,
      offset,
      byteLength: end - offset,
      startUs: head.startUs,
      endUs: head.endUs,
      recordCount: head.recordCount,
    };
  } catch (e) {
    if (!(e instanceof DecodeError)) throw e;
    return `${where} has a malformed header (${e.message})`;
  }
}

function readIndexBlock(bytes: Uint8Array, offset: number): IndexBlock {
  const block = new ByteReader(bytes, offset);
  if (block.u8() !== BLOCK_INDEX) throw new DecodeError(`no index marker at byte ${offset}`);
  const payloadLength = block.u32();
  const crc = block.u32();
  const blockEnd = block.pos + payloadLength;
  if (blockEnd > bytes.length) throw new DecodeError('the index is cut');
  if (crc32(bytes, block.pos, blockEnd) !== crc) throw new DecodeError('CRC mismatch');
  const r = new ByteReader(bytes, block.pos, blockEnd);
  const count = r.varint();
  const endUs = r.varint();
  const totalRecords = r.varint();
  const entries: ChunkLocation[] = [];
  let previousEnd = 0;
  let previousStartUs = 0;
  for (let sequence = 0; sequence < count; sequence++) {
    const offsetDelta = r.varint();
    const chunkOffset = sequence === 0 ? offsetDelta : previousEnd + offsetDelta;
    const byteLength = r.varint();
    const startUs = previousStartUs + r.varint();
    const endUsOfChunk = startUs + r.varint();
    const recordCount = r.varint();
    entries.push({ sequence, offset: chunkOffset, byteLength, startUs, endUs: endUsOfChunk, recordCount });
    previousEnd = chunkOffset + byteLength;
    previousStartUs = startUs;
  }
  if (r.remaining !== 0) throw new DecodeError(`${r.remaining} unread bytes at the end of the index`);
  return { entries, endUs, totalRecords, blockEnd };
}

function sameChunk(a: ChunkLocation, b: ChunkLocation): boolean {
  return (
    a.sequence === b.sequence &&
    a.byteLength === b.byteLength &&
    a.startUs === b.startUs &&
    a.endUs === b.endUs &&
    a.recordCount === b.recordCount
  );
}

/** Keeps chunks whose sequence numbers and times go forward (a CRC-valid chunk out of order is dropped). */
function inOrder(chunks: ChunkLocation[], problems: string[]): ChunkLocation[] {
  const kept: ChunkLocation[] = [];
  for (const c of chunks) {
    const last = kept[kept.length - 1];
    if (last !== undefined && (c.sequence <= last.sequence || c.startUs < last.endUs)) {
      problems.push(`chunk #${c.sequence} at byte ${c.offset} is out of order; skipped`);
    } else {
      kept.push(c);
    }
  }
  return kept;
}
