import { unzigzag } from './byte-buffer';
import { utf8Decode } from './utf8';

/** Thrown by ByteReader on malformed input; the decoders catch it and report a problem instead. */
export class DecodeError extends Error {
  override readonly name = 'DecodeError';
}

/** A bounds-checked little-endian reader over bytes[pos, end). */
export class ByteReader {
  private readonly view: DataView;

  constructor(
    readonly bytes: Uint8Array,
    public pos = 0,
    readonly end = bytes.length,
  ) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  get remaining(): number {
    return this.end - this.pos;
  }

  private need(n: number): void {
    if (this.pos > this.end)
      throw new DecodeError(`offset ${this.pos} is past the end of the data (${this.end})`);
    if (n > this.end - this.pos) {
      throw new DecodeError(
        `needs ${n} byte(s) at offset ${this.pos} but only ${this.end - this.pos} remain`,
      );
    }
  }

  u8(): number {
    this.need(1);
    return this.bytes[this.pos++]!;
  }

  u32(): number {
    this.need(4);
    const value = this.view.getUint32(this.pos, true);
    this.pos += 4;
    return value;
  }

  f32(): number {
    this.need(4);
    const value = this.view.getFloat32(this.pos, true);
    this.pos += 4;
    return value;
  }

  varint(): number {
    let result = 0;
    let scale = 1;
    for (let i = 0; i < 8; i++) {
      if (this.pos >= this.end)
        throw new DecodeError(`varint runs past the end (${this.end}) at offset ${this.pos}`);
      const b = this.bytes[this.pos++]!;
      result += (b & 0x7f) * scale;
      if (b < 0x80) {
        if (result > Number.MAX_SAFE_INTEGER) throw new DecodeError(`varint too large at offset ${this.pos}`);
        return result;
      }
      scale *= 128;
    }
    throw new DecodeError(`varint longer than 8 bytes at offset ${this.pos}`);
  }

  zigzag(): number {
    return unzigzag(this.varint());
  }

  string(): string {
    const length = this.varint();
    this.need(length);
    const text = utf8Decode(this.bytes, this.pos, this.pos + length);
    this.pos += length;
    return text;
  }
}
