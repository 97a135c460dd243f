import { describe, expect, it } from 'vitest';
import { type MergeProblem, mergePatch, mergeTracked, Provenance } from './merge';

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

  it('{ "id": X, "$delete": true } removes entity X', () => {
    const problems: MergeProblem[] = [];
    const out = mergePatch({ m: [{ id: 'A' }, { id: 'B' }] }, { m: [{ id: 'A', $delete: true }] }, problems);
    expect(out).toEqual({ m: [{ id: 'B' }] });
    expect(problems).toEqual([]);
  });

  it('$delete of a key or an id the base does not have is an error, not silently ignored', () => {
    const problems: MergeProblem[] = [];
    const out = mergePatch(
      { m: [{ id: 'A', gatewayId: 'G' }] },
      {
        m: [
          { id: 'A', gatewayld: { $delete: true } },
          { id: 'Q', $delete: true },
        ],
      },
      problems,
    );
    expect(out).toEqual({ m: [{ id: 'A', gatewayId: 'G' }] });
    expect(problems).toEqual([
      {
        path: ['m', 0, 'gatewayld'],
        message: '"$delete": there is no key "gatewayld" here to delete',
        layer: undefined,
      },
      { path: ['m', 1], message: '"$delete": there is no entity with id "Q" to delete', layer: undefined },
    ]);
  });

  it('an entity element without a usable id is an error; the other elements still merge by id', () => {
    const problems: MergeProblem[] = [];
    const base = {
      m: [
        { id: 'A', x: 1 },
        { id: 'B', x: 2 },
      ],
    };
    const out = mergePatch(
      base,
      { m: [{ id: 'B', x: 20 }, { x: 3 }, { id: { not: 'an id' }, x: 4 }] },
      problems,
    );
    // Before, one element without an id made the whole patch array replace the base array.
    expect(out).toEqual({
      m: [
        { id: 'A', x: 1 },
        { id: 'B', x: 20 },
      ],
    });
    expect(problems.map((p) => p.path)).toEqual([
      ['m', 1],
      ['m', 2],
    ]);
    expect(problems[0].message).toMatch(/needs an "id" \(none given\).*\$replace/);
    expect(problems[1].message).toMatch(/got an object/);
  });

  it('remembers where every merged value came from (file and path in it)', () => {
    const provenance = new Provenance<string>();
    const base = { m: [{ id: 'A', f: { mtbfH: 5, mttrMin: 10 } }, { id: 'B' }], k: 1 };
    provenance.adopt(base, 'base.json');
    const patch = { m: [{ id: 'B', x: 1 }, { id: 'A', f: { mtbfH: 8 } }, { id: 'C' }] };
    const problems: MergeProblem<string>[] = [];
    const out = mergeTracked(base, patch, provenance, { layer: 'variant.json', path: [] }, problems);
    const at = (path: PropertyKey[]) => provenance.locate(out, path);
    expect(at(['m', 0, 'f', 'mtbfH'])).toEqual({ layer: 'variant.json', path: ['m', 1, 'f', 'mtbfH'] });
    expect(at(['m', 0, 'f', 'mttrMin'])).toEqual({ layer: 'base.json', path: ['m', 0, 'f', 'mttrMin'] });
    expect(at(['m', 1, 'x'])).toEqual({ layer: 'variant.json', path: ['m', 0, 'x'] });
    expect(at(['m', 2])).toEqual({ layer: 'variant.json', path: ['m', 2] });
    expect(at(['k'])).toEqual({ layer: 'base.json', path: ['k'] });
    // A missing key is reported at the deepest container: the entity, last written by the variant.
    expect(at(['m', 0, 'type'])).toEqual({ layer: 'variant.json', path: ['m', 1] });
    // A second patch onto the merged result keeps the first one's origins where it does not write.
    const out2 = mergeTracked(out, { k: 2 }, provenance, { layer: 'sweep', path: [] }, problems);
    expect(provenance.locate(out2, ['k'])).toEqual({ layer: 'sweep', path: ['k'] });
    expect(provenance.locate(out2, ['m', 1, 'x'])).toEqual({ layer: 'variant.json', path: ['m', 0, 'x'] });
    expect(problems).toEqual([]);
  });
});
