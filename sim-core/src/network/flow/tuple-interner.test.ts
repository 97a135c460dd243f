import { describe, expect, it } from 'vitest';
import { TupleInterner } from './tuple-interner';

function intern(t: TupleInterner, ...values: number[]): number {
  t.key.set(values);
  return t.intern();
}

function find(t: TupleInterner, ...values: number[]): number {
  t.key.set(values);
  return t.find();
}

describe('TupleInterner', () => {
  it('gives equal tuples one id and new tuples the next ids, in order', () => {
    const t = new TupleInterner(3);
    expect(intern(t, 1, 2, 3)).toBe(0);
    expect(intern(t, 1, 2, 4)).toBe(1);
    expect(intern(t, 1, 2, 3)).toBe(0);
    expect(find(t, 3, 2, 1)).toBe(-1);
    expect(t.size).toBe(2);
  });

  it('treats −0 as 0, NaN as equal to NaN, and keeps infinities apart', () => {
    const t = new TupleInterner(2);
    const a = intern(t, 0, Number.NaN);
    expect(intern(t, -0, Number.NaN)).toBe(a);
    const inf = intern(t, Number.POSITIVE_INFINITY, 1);
    expect(intern(t, Number.NEGATIVE_INFINITY, 1)).not.toBe(inf);
    expect(find(t, Number.POSITIVE_INFINITY, 1)).toBe(inf);
  });

  it('keeps every id through growth (10,000 tuples of close doubles)', () => {
    const t = new TupleInterner(4);
    for (let i = 0; i < 10_000; i++) expect(intern(t, 1, i * 1e-9, 0.5, i % 7)).toBe(i);
    for (let i = 0; i < 10_000; i++) expect(find(t, 1, i * 1e-9, 0.5, i % 7)).toBe(i);
    expect(t.size).toBe(10_000);
  });
});
