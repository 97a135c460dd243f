import { describe, expect, it } from 'vitest';
import { TimedHeap } from './timed-heap';

describe('TimedHeap', () => {
  it('pops by time, then insertion order', () => {
    const h = new TimedHeap<string>();
    const input: [number, string][] = [];
    for (let i = 0; i < 200; i++) input.push([(i * 37) % 23, `item${i}`]);
    for (const [t, v] of input) h.push(t, v);
    const expected = input
      .map(([t, v], i) => ({ t, v, i }))
      .sort((a, b) => a.t - b.t || a.i - b.i)
      .map((e) => e.v);
    const out: string[] = [];
    while (h.size > 0) out.push(h.pop()!);
    expect(out).toEqual(expected);
    expect(h.pop()).toBeUndefined();
    expect(h.peekTime()).toBe(Number.POSITIVE_INFINITY);
  });
});
