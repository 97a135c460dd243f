import { describe, expect, it } from 'vitest';
import { type MergeProblem, mergePatch } from './merge';

describe('mergePatch', () => {
  it('merges objects key by key and replaces scalars and plain arrays', () => {
    const base = { a: 1, b: { c: 2, d: 3 }, list: [1, 2, 3] };
    expect(mergePatch(base, { b: { d: 4, e: 5 }, list: [9] })).toEqual({
      a: 1,
      b: { c: 2, d: 4, e: 5 },
      list: [9],
    });
    expect(base.b.d).toBe(3); // the base is not mutated
  });

  it('merges arrays of entities by id: update in place, append new, $remove', () => {
    const base = {
      m: [
        { id: 'A', x: 1, y: 1 },
        { id: 'B', x: 2 },
        { id: 'C', x: 3 },
      ],
    };
    const out = mergePatch(base, {
      m: [
        { id: 'B', x: 20 },
        { id: 'D', x: 4 },
        { id: 'A', $remove: true },
      ],
    });
    expect(out).toEqual({
      m: [
        { id: 'B', x: 20 },
        { id: 'C', x: 3 },
        { id: 'D', x: 4 },
      ],
    });
  });

  it('keeps untouched fields of a merged entity', () => {
    const out = mergePatch(
      { m: [{ id: 'A', f: { mtbfH: 5, mttrMin: 10 } }] },
      { m: [{ id: 'A', f: { mtbfH: 8 } }] },
    );
    expect(out).toEqual({ m: [{ id: 'A', f: { mtbfH: 8, mttrMin: 10 } }] });
  });

  it('$replace replaces wholesale, even an entity array', () => {
    expect(
      mergePatch({ z: [{ id: 'I1' }], k: { a: 1 } }, { z: { $replace: [] }, k: { $replace: { b: 2 } } }),
    ).toEqual({
      z: [],
      k: { b: 2 },
    });
  });

  it('$delete removes a key', () => {
    expect(
      mergePatch(
        { m: [{ id: 'A', legacy: true, gatewayId: 'G' }] },
        { m: [{ id: 'A', legacy: false, gatewayId: { $delete: true } }] },
      ),
    ).toEqual({
      m: [{ id: 'A', legacy: false }],
    });
  });

  it('null is a value, not a deletion', () => {
    expect(mergePatch({ capacity: 5 }, { capacity: null })).toEqual({ capacity: null });
  });

  it('reports a $remove of a missing id and a misplaced directive', () => {
    const problems: MergeProblem[] = [];
    mergePatch({ m: [{ id: 'A' }] }, { m: [{ id: 'Z', $remove: true }], k: { $remove: true } }, problems);
    expect(problems.map((p) => p.path)).toEqual([
      ['m', 0],
      ['k', '$remove'],
    ]);
  });
});
