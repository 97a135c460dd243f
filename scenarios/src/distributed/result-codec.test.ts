import { describe, expect, it } from 'vitest';
import { decodeExact, encodeExact } from './result-codec';

describe('encodeExact / decodeExact', () => {
  it('keeps NaN, ±Infinity and -0 that plain JSON loses', () => {
    const value = {
      kpis: { a: Number.NaN, b: Number.POSITIVE_INFINITY, c: Number.NEGATIVE_INFINITY, d: -0, e: 0.1 + 0.2 },
      list: [Number.NaN, 1],
    };
    const back = decodeExact<typeof value>(encodeExact(value));
    expect(Number.isNaN(back.kpis.a)).toBe(true);
    expect(back.kpis.b).toBe(Number.POSITIVE_INFINITY);
    expect(back.kpis.c).toBe(Number.NEGATIVE_INFINITY);
    expect(Object.is(back.kpis.d, -0)).toBe(true);
    expect(back.kpis.e).toBe(0.1 + 0.2);
    expect(Number.isNaN(back.list[0])).toBe(true);
    expect(JSON.parse(JSON.stringify(value)).kpis.a).toBeNull();
  });

  it('leaves ordinary objects, including ones with a "$num" key among others, alone', () => {
    const value = { $num: 'NaN', other: 1, nested: { $num: 3 } };
    expect(decodeExact(encodeExact(value))).toEqual(value);
  });
});
