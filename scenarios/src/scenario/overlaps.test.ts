import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { firstOverlaps, type Rect } from './overlaps';

/** The definition, pair by pair: for each rectangle, the first earlier one it overlaps. */
function bruteForce(rects: (Rect | undefined)[]): [number, number][] {
  const out: [number, number][] = [];
  rects.forEach((r, j) => {
    if (r === undefined) return;
    const i = rects.findIndex(
      (q, k) => k < j && q !== undefined && q.x0 < r.x1 && r.x0 < q.x1 && q.y0 < r.y1 && r.y0 < q.y1,
    );
    if (i >= 0) out.push([j, i]);
  });
  return out;
}

const rect = fc
  .record({
    x: fc.double({ min: -50, max: 50, noNaN: true }),
    y: fc.double({ min: -50, max: 50, noNaN: true }),
    // Sizes over four orders of magnitude, so some rectangles span many grid cells.
    w: fc.double({ min: 0.01, max: 100, noNaN: true }),
    d: fc.double({ min: 0.01, max: 100, noNaN: true }),
  })
  .map(({ x, y, w, d }): Rect => ({ x0: x, x1: x + w, y0: y, y1: y + d }));

describe('firstOverlaps (uniform grid)', () => {
  it('finds, for every rectangle, the first earlier rectangle it overlaps, as the pairwise check does', () => {
    fc.assert(
      fc.property(fc.array(fc.option(rect, { nil: undefined }), { maxLength: 60 }), (rects) => {
        expect(firstOverlaps(rects)).toEqual(bruteForce(rects));
      }),
      { numRuns: 300 },
    );
  });

  it('touching edges do not overlap; one stacked pile reports each machine once', () => {
    const unit = (x: number): Rect => ({ x0: x, x1: x + 1, y0: 0, y1: 1 });
    expect(firstOverlaps([unit(0), unit(1), unit(2)])).toEqual([]);
    const pile = Array.from({ length: 5000 }, () => unit(0));
    const pairs = firstOverlaps(pile);
    expect(pairs).toHaveLength(4999);
    expect(pairs.every(([j, i], k) => j === k + 1 && i === 0)).toBe(true);
  });

  it('copes with huge and non-finite-looking coordinates without looping', () => {
    const far: Rect = { x0: -1e308, x1: 1e308, y0: -1e308, y1: 1e308 };
    const tiny: Rect = { x0: 0, x1: 1e-9, y0: 0, y1: 1e-9 };
    // A 3 m machine at x = 1e300 m: x ± 1.5 rounds to one number, and there a cell index + 1 is the
    // same index; the grid must not loop on it (the loader's fuzz test found this).
    const farOut: Rect = { x0: 1e300 - 1.5, x1: 1e300 + 1.5, y0: 0, y1: 2 };
    const unit: Rect = { x0: 0, x1: 1, y0: 0, y1: 1 };
    expect(firstOverlaps([unit, unit, farOut])).toEqual([[1, 0]]);
    expect(firstOverlaps([tiny, far, tiny])).toEqual([
      [1, 0],
      [2, 0],
    ]);
  });
});
