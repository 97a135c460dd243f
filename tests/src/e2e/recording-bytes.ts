// Byte surgery on recordings (layout in sim-core/src/record/FORMAT.md), to damage them on purpose.

const HEADER_PREFIX_BYTES = 20;
const CRC_AT = 16;

const CRC_TABLE = Uint32Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

/** CRC-32 (IEEE 802.3, as the format uses) of bytes[from, to). */
export function crc32(bytes: Uint8Array, from = 0, to = bytes.length): number {
  let c = 0xffffffff;
  for (let i = from; i < to; i++) c = CRC_TABLE[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function headerEnd(bytes: Uint8Array): number {
  return HEADER_PREFIX_BYTES + new DataView(bytes.buffer, bytes.byteOffset).getUint32(12, true);
}

/** Where `text` (ASCII) first occurs in the header body; throws if it does not. */
export function findInHeader(bytes: Uint8Array, text: string): number {
  const at = Buffer.from(bytes.buffer, bytes.byteOffset, headerEnd(bytes)).indexOf(
    text,
    HEADER_PREFIX_BYTES,
    'latin1',
  );
  if (at < 0) throw new Error(`"${text}" is not in the recording's header`);
  return at;
}

/**
 * A copy with `find` replaced by `replace` (same length) in the header body. With `fixCrc` the header
 * checksum is recomputed, so the header still opens and only its content has changed.
 */
export function editHeader(bytes: Uint8Array, find: string, replace: string, fixCrc: boolean): Uint8Array {
  if (find.length !== replace.length) throw new Error('a header edit must keep the length');
  const copy = Uint8Array.from(bytes);
  copy.set(Buffer.from(replace, 'latin1'), findInHeader(bytes, find));
  if (fixCrc) {
    new DataView(copy.buffer).setUint32(CRC_AT, crc32(copy, HEADER_PREFIX_BYTES, headerEnd(copy)), true);
  }
  return copy;
}

/**
 * A copy whose header metadata JSON is `json` (ASCII, no longer than the original), padded with spaces
 * (JSON whitespace) so that no offset moves; the header checksum is recomputed, so the header opens.
 */
export function replaceMetadata(bytes: Uint8Array, json: string): Uint8Array {
  let length = 0;
  let at = HEADER_PREFIX_BYTES;
  for (let scale = 1; ; scale *= 128) {
    const b = bytes[at++];
    length += (b & 0x7f) * scale;
    if (b < 0x80) break;
  }
  if (json.length > length) throw new Error(`metadata of ${json.length} bytes does not fit in ${length}`);
  const copy = Uint8Array.from(bytes);
  copy.set(Buffer.from(json.padEnd(length, ' '), 'latin1'), at);
  new DataView(copy.buffer).setUint32(CRC_AT, crc32(copy, HEADER_PREFIX_BYTES, headerEnd(copy)), true);
  return copy;
}
