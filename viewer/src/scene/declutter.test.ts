import { describe, expect, it } from 'vitest';
import { declutter, labelCandidates } from './declutter';

function candidates(boxes: { x: number; y: number; w: number; h: number; score: number }[]) {
  const c = labelCandidates(boxes.length);
  for (const [i, b] of boxes.entries()) {
    c.x[i] = b.x;
    c.y[i] = b.y;
    c.w[i] = b.w;
    c.h[i] = b.h;
    c.score[i] = b.score;
    c.source[i] = i;
  }
  c.n = boxes.length;
  return c;
}

describe('label declutter', () => {
  it('places the higher score first and drops a label that would overlap it', () => {
    const c = candidates([
      { x: 100, y: 100, w: 40, h: 14, score: 1 },
      { x: 110, y: 104, w: 40, h: 14, score: 5 }, // overlaps the first
      { x: 300, y: 100, w: 40, h: 14, score: 2 },
    ]);
    const placed = new Int32Array(10);
    const n = declutter(c, 10, new Int32Array(3), placed);
    expect(Array.from(placed.subarray(0, n))).toEqual([1, 2]);
  });

  it('never places more than the maximum, and placed boxes never overlap', () => {
    // A 20 × 20 grid of 30 × 12 px labels every 20 px: many overlap their neighbours.
    const boxes = [];
    for (let i = 0; i < 400; i++)
      boxes.push({ x: (i % 20) * 20, y: Math.floor(i / 20) * 20, w: 30, h: 12, score: i });
    const c = candidates(boxes);
    const placed = new Int32Array(50);
    const n = declutter(c, 50, new Int32Array(400), placed, 0);
    expect(n).toBeLessThanOrEqual(50);
    expect(n).toBeGreaterThan(10);
    const ids = Array.from(placed.subarray(0, n));
    for (const a of ids)
      for (const b of ids) {
        if (a === b) continue;
        const overlapX = Math.abs(c.x[a] - c.x[b]) < (c.w[a] + c.w[b]) / 2;
        const overlapY = c.y[a] > c.y[b] - c.h[b] && c.y[b] > c.y[a] - c.h[a];
        expect(overlapX && overlapY, `${a} and ${b}`).toBe(false);
      }
    // Highest score first: the last label of the grid is always placed.
    expect(ids[0]).toBe(399);
  });
});
