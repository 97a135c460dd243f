import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';

/**
 * Largest JSON scenario file read. JSON.parse costs ~10-20 bytes of memory per byte and the checks are
 * linear, so 8 MiB stays near 150 MB; the committed plants are 30-70 KB, and the value caps of
 * document-size.ts bound what a file may hold anyway.
 */
export const MAX_JSON_BYTES = 8 * 1024 * 1024;
/**
 * Largest YAML file read. The YAML parser (its document model and line positions) peaks at ~500 bytes of
 * memory per byte of file (measured on `[{},{},…]`: 2 MB of YAML, 990 MB resident) and ~10 s per MB, so
 * 512 KiB keeps the worst case near 250 MB and a few seconds. Larger scenarios are written as JSON.
 */
export const MAX_YAML_BYTES = 512 * 1024;

/** Cap on all the files of one load together (an `extends` chain is up to 16 files long). */
export const MAX_TOTAL_BYTES = 2 * MAX_JSON_BYTES;

/** The size cap for a file, by its extension (`.json` is JSON, anything else is read as YAML). */
export function maxBytesFor(file: string): number {
  return isJsonFile(file) ? MAX_JSON_BYTES : MAX_YAML_BYTES;
}

export function isJsonFile(file: string): boolean {
  return /\.json$/i.test(file);
}

/** A file the loader refuses to read, and why (a sentence for the user, no file content in it). */
export class ReadRefused extends Error {
  constructor(
    message: string,
    /** Where the problem is, when it is inside the file (invalid UTF-8). */
    readonly at?: { line: number; column: number },
  ) {
    super(message);
  }
}

/**
 * Reads a scenario file as UTF-8 text, bounded: only a regular file (a FIFO, a device or a directory is
 * refused from `fstat` on the opened descriptor; the open itself never blocks on a FIFO), and never more
 * than `maxBytes` (reading stops at the cap). Invalid UTF-8 is refused with its byte offset and line.
 * Throws ReadRefused.
 */
export function readBoundedText(file: string, maxBytes = maxBytesFor(file)): string {
  let fd: number;
  try {
    fd = openSync(file, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOCTTY ?? 0));
  } catch (error) {
    throw new ReadRefused(describeOpenError(error));
  }
  let bytes: Buffer;
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) throw new ReadRefused(`not a regular file (${kindOf(stat)})`);
    if (stat.size > maxBytes) throw new ReadRefused(tooLarge(stat.size, maxBytes, file));
    // Read until the end or one byte past the cap, whatever the size said (a file in /proc says 0, a
    // file may grow while it is read).
    const chunks: Buffer[] = [];
    let total = 0;
    for (let room = Math.min(stat.size, maxBytes) + 1; ; room = Math.min(1024 * 1024, maxBytes + 1 - total)) {
      const chunk = Buffer.allocUnsafe(room);
      const n = readSync(fd, chunk, 0, room, null);
      if (n === 0) break;
      chunks.push(chunk.subarray(0, n));
      total += n;
      if (total > maxBytes) throw new ReadRefused(tooLarge(undefined, maxBytes, file));
    }
    bytes = chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, total);
  } catch (error) {
    if (error instanceof ReadRefused) throw error;
    throw new ReadRefused(describeOpenError(error));
  } finally {
    closeSync(fd);
  }
  return decodeUtf8(bytes);
}

/** UTF-8 text of `bytes`; invalid UTF-8 is a ReadRefused naming the byte offset and line (not U+FFFD). */
export function decodeUtf8(bytes: Uint8Array): string {
  try {
    // ignoreBOM keeps a byte-order mark in the text, so columns on line 1 stay right; parsers skip it.
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    const offset = firstInvalidUtf8(bytes);
    let line = 1;
    let lineStart = 0;
    for (let k = 0; k < offset; k++) {
      if (bytes[k] === 0x0a) {
        line++;
        lineStart = k + 1;
      }
    }
    throw new ReadRefused(`invalid UTF-8 at byte ${offset} (line ${line}): save the file as UTF-8`, {
      line,
      column: offset - lineStart + 1,
    });
  }
}

/** Byte offset of the first byte that does not start a valid UTF-8 sequence (RFC 3629, section 4). */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    let n: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) n = 1;
    else if (b >= 0xe0 && b <= 0xef) {
      n = 2;
      if (b === 0xe0) lo = 0xa0; // no overlong forms
      if (b === 0xed) hi = 0x9f; // no surrogates
    } else if (b >= 0xf0 && b <= 0xf4) {
      n = 3;
      if (b === 0xf0) lo = 0x90;
      if (b === 0xf4) hi = 0x8f; // nothing past U+10FFFF
    } else return i;
    for (let k = 1; k <= n; k++) {
      const c = bytes[i + k];
      if (c === undefined || c < (k === 1 ? lo : 0x80) || c > (k === 1 ? hi : 0xbf)) return i;
    }
    i += n + 1;
  }
  return bytes.length;
}

function tooLarge(size: number | undefined, maxBytes: number, file: string): string {
  const KiB = 1024;
  const unit = (b: number) =>
    b >= KiB * KiB ? `${+(b / KiB / KiB).toFixed(1)} MiB` : `${+(b / KiB).toFixed(1)} KiB`;
  const what = isJsonFile(file) ? 'a JSON file' : 'a YAML file (write larger scenarios as JSON)';
  const shown =
    size === undefined
      ? 'larger than the limit'
      : size < 10 * KiB * KiB
        ? `${size.toLocaleString('en')} bytes`
        : unit(size);
  return `file too large (${shown}; the limit for ${what} is ${unit(maxBytes)})`;
}

function kindOf(stat: import('node:fs').Stats): string {
  if (stat.isDirectory()) return 'a directory';
  if (stat.isFIFO()) return 'a FIFO';
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'a device';
  if (stat.isSocket()) return 'a socket';
  return 'not a file';
}

function describeOpenError(error: unknown): string {
  const code = (error as { code?: string }).code;
  if (code === 'ENOENT') return 'file not found';
  if (code === 'EISDIR') return 'not a regular file (a directory)';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'ENXIO') return 'not a regular file (a socket or device)';
  if (code === 'ELOOP') return 'too many symbolic links';
  return code === undefined ? 'cannot read it' : `cannot read it (${code})`;
}
