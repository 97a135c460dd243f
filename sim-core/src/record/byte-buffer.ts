import { utf8Encode } from './utf8';

/**
 * A growing little-endian byte buffer. Writers call `ensure(n)` once for a record of at most n bytes and
 * then the `put*` methods, which do not check capacity (no allocation per record).
 */
export class ByteBuffer {
  bytes: Uint8Array;
  private view: DataView;
  length = 0;

  constructor(initialCapacity = 1024) {
    this.bytes = new Uint8Array(Math.max(16, initialCapacity));
    this.view = new DataView(this.bytes.buffer);
  }

  reset(): void {
    this.length = 0;
  }

  ensure(extra: number): void {
    const needed = this.length + extra;
    if (needed <= this.bytes.length) return;
    let capacity = this.bytes.length * 2;
    while (capacity < needed) capacity *= 2;
    const grown = new Uint8Array(capacity);
    grown.set(this.bytes.subarray(0, this.length));
    this.bytes = grown;
    this.view = new DataView(grown.buffer);
  }

  putU8(value: number): void {
    this.bytes[this.length++] = value;
  }

  putU32(value: number): void {
    this.view.setUint32(this.length, value, true);
    this.length += 4;
  }

  putF32(value: number): void {
    this.view.setFloat32(this.length, value, true);
    this.length += 4;
  }

  /** Unsigned LEB128 of a non-negative safe integer (at most 8 bytes). */
  putVarint(value: number): void {
    const b = this.bytes;
    let p = this.length;
    while (value > 0x7f) {
      b[p++] = (value & 0x7f) | 0x80;
      value = value < 0x80000000 ? value >>> 7 : Math.floor(value / 128);
    }
    b[p++] = value;
    this.length = p;
  }

  /** Signed integer as a zigzag varint (0, -1, 1, -2, ... -> 0, 1, 2, 3, ...). */
  putZigzag(value: number): void {
    this.putVarint(zigzag(value));
  }

  putBytes(bytes: Uint8Array): void {
    this.ensure(bytes.length);
    this.bytes.set(bytes, this.length);
    this.length += bytes.length;
  }

  /** A varint byte length, then UTF-8. Checks capacity itself. */
  putString(text: string): void {
    const encoded = utf8Encode(text);
    this.ensure(8 + encoded.length);
    this.putVarint(encoded.length);
    this.putBytes(encoded);
  }

  /** A copy of the written bytes. */
  toBytes(): Uint8Array {
    return this.bytes.slice(0, this.length);
  }
}

export function zigzag(value: number): number {
  return value >= 0 ? value * 2 : -value * 2 - 1;
}

export function unzigzag(encoded: number): number {
  return encoded % 2 === 0 ? encoded / 2 : -(encoded + 1) / 2;
}
