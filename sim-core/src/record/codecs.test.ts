import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ByteBuffer } from './byte-buffer';
import { ByteReader, DecodeError } from './byte-reader';
import { canonicalJson } from './canonical-json';
import { crc32, crc32Update } from './crc32';
import { utf8Decode, utf8Encode } from './utf8';

describe('crc32', () => {
  it('matches the standard check value and runs incrementally', () => {
    const bytes = Uint8Array.from('123456789', (c) => c.charCodeAt(0));
    expect(crc32(bytes)).toBe(0xcbf43926);
    expect(crc32Update(crc32(bytes, 0, 4), bytes, 4)).toBe(0xcbf43926);
    expect(crc32(new Uint8Array(0))).toBe(0);
  });
});

describe('utf8', () => {
  it('agrees with TextEncoder/TextDecoder on any string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (s) => {
        const encoded = utf8Encode(s);
        expect(encoded).toEqual(new TextEncoder().encode(s));
        expect(utf8Decode(encoded)).toBe(new TextDecoder().decode(encoded));
      }),
      { seed: 101 },
    );
  });

  it('decodes malformed bytes like TextDecoder (replacement characters)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 40 }), (bytes) => {
        expect(utf8Decode(bytes)).toBe(new TextDecoder().decode(bytes));
      }),
      { seed: 102 },
    );
  });
});

describe('varints', () => {
  it('round-trip unsigned and zigzag safe integers, little-endian floats', () => {
    const safe = fc.oneof(fc.nat(), fc.maxSafeNat());
    fc.assert(
      fc.property(fc.array(fc.tuple(safe, fc.integer(), fc.float())), (items) => {
        const b = new ByteBuffer(16);
        for (const [u, s, f] of items) {
          b.ensure(32);
          b.putVarint(u);
          b.putZigzag(s);
          b.putF32(f);
        }
        const r = new ByteReader(b.toBytes());
        for (const [u, s, f] of items) {
          expect(r.varint()).toBe(u);
          expect(r.zigzag()).toBe(s);
          expect(r.f32()).toBe(Math.fround(f));
        }
        expect(r.remaining).toBe(0);
      }),
      { seed: 103 },
    );
  });

  it('reports reads past the end as DecodeError', () => {
    expect(() => new ByteReader(Uint8Array.of(0x80, 0x80)).varint()).toThrow(DecodeError);
    // A reader placed past its end (an offset read from damaged data) says so, with no negative count.
    expect(() => new ByteReader(new Uint8Array(8), 4_294_967_000, 8).u8()).toThrow(
      'offset 4294967000 is past the end of the data (8)',
    );
    expect(() => new ByteReader(new Uint8Array(8), 6).u32()).toThrow(
      'needs 4 byte(s) at offset 6 but only 2 remain',
    );
    expect(() => new ByteReader(Uint8Array.of(1, 2, 3)).u32()).toThrow(DecodeError);
  });
});

describe('canonicalJson', () => {
  it('sorts keys at every level, so insertion order does not matter', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: 0, y: null }], c: 'x' } })).toBe(
      '{"a":{"c":"x","d":[1,{"y":null,"z":0}]},"b":1}',
    );
    expect(canonicalJson({ a: 1, b: 2 })).toBe(canonicalJson({ b: 2, a: 1 }));
  });

  it('parses back to an equal value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        expect(JSON.parse(canonicalJson(v))).toEqual(JSON.parse(JSON.stringify(v))); // JSON has no -0
      }),
      { seed: 104 },
    );
  });

  it('refuses values JSON would silently change', () => {
    expect(() => canonicalJson({ a: [1, Number.NaN] })).toThrow(/\$\.a\[1\] is NaN/);
    expect(() => canonicalJson({ f: () => 1 })).toThrow(/function/);
  });
});
