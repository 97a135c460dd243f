import { describe, expect, it } from 'vitest';
import { LATENCY_BUCKETS, latencyBucketExact, MIN_MS } from '../latency-histogram';
import { latencyBucket } from './latency-bucket';

/** The double next to `x` towards +∞ (dir 1) or −∞ (dir −1), x > 0. */
function nextDouble(x: number, dir: 1 | -1): number {
  const f = new Float64Array([x]);
  const b = new BigInt64Array(f.buffer);
  b[0] = b[0]! + BigInt(dir);
  return f[0]!;
}

/** The values among `xs` where the table and the formula disagree (with both answers). */
function mismatches(xs: Iterable<number>): [number, number, number][] {
  const out: [number, number, number][] = [];
  for (const x of xs) {
    const fast = latencyBucket(x);
    const exact = latencyBucketExact(x);
    if (!Object.is(fast, exact)) out.push([x, fast, exact]);
  }
  return out;
}

describe('latencyBucket (table)', () => {
  it('gives the formula on both sides of every bucket boundary', () => {
    const xs: number[] = [];
    for (let k = 1; k < LATENCY_BUCKETS - 1; k++) {
      // The boundary between buckets k and k + 1 is MIN · GROWTH^k: a few ulps around it (the guard band,
      // where the formula answers) and 1e-11 … 1e-4 relative off it (where the table answers).
      const edge = MIN_MS * 1.005 ** k;
      if (edge >= 1e7) break;
      let x = edge;
      for (let i = 0; i < 4; i++) x = nextDouble(x, -1);
      for (let i = 0; i < 9; i++) {
        xs.push(x);
        x = nextDouble(x, 1);
      }
      for (const r of [1e-11, 1e-9, 1e-6, 1e-4]) xs.push(edge * (1 - r), edge * (1 + r));
    }
    expect(xs.length).toBeGreaterThan(70_000);
    expect(mismatches(xs)).toEqual([]);
  });

  it('gives the formula on a log-uniform sample, at span starts, at the ends and off the table', () => {
    let seed = 12345;
    const rand = () => {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      return seed / 2 ** 32;
    };
    const xs: number[] = [];
    for (let i = 0; i < 100_000; i++) xs.push(10 ** (-4 + 12 * rand()));
    // Span starts (values with few mantissa bits: slot-aligned delays such as 2.5 ms) and their neighbours.
    for (let e = -10; e < 24; e++)
      for (let m = 0; m < 1024; m += 5) {
        const a = 2 ** e * (1 + m / 1024);
        xs.push(a, nextDouble(a, -1), nextDouble(a, 1), a * (1 + 1e-13), a * (1 - 1e-13));
      }
    xs.push(0, -1, MIN_MS, nextDouble(MIN_MS, 1), 1, 1e7, nextDouble(1e7, -1), 1e9, Infinity, NaN);
    expect(mismatches(xs)).toEqual([]);
  });
});
