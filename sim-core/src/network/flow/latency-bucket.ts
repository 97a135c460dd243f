// The latency histogram's bucket of a latency, ⌈ln(x / MIN) / ln(GROWTH)⌉ (../latency-histogram.ts), without
// a logarithm per call: the delay distributions map tens of millions of atoms to buckets per run. A table per
// 1/1024 of an octave (the top ten mantissa bits) holds the bucket at the start of that span and the one
// threshold inside it (a bucket is 1/139 of an octave wide, so there is at most one), both found with the
// logarithm itself at start-up. Values near a threshold (within 1e-12, relative; and near a span's start
// when a threshold may be that close to it) ask the logarithm: away from them the computed quotient is more than its rounding error (~1e-15 relative, as ln is
// within 1 ulp) from an integer, so the table gives exactly what the formula gives.

import { latencyBucketExact, MIN_MS } from '../latency-histogram';

const SPAN_BITS = 10;
const GUARD = 1e-12;
const word = new Float64Array(1);
const words = new Uint32Array(word.buffer);
const HI = new Uint16Array(new Float64Array([1]).buffer)[3] === 0x3ff0 ? 1 : 0; // little-endian: word 1

/** Span index of a positive double: exponent and top mantissa bits. */
function spanOf(x: number): number {
  word[0] = x;
  return words[HI]! >>> (20 - SPAN_BITS);
}

function spanStart(span: number): number {
  words[HI] = span << (20 - SPAN_BITS);
  words[1 - HI] = 0;
  return word[0]!;
}

const FIRST = spanOf(MIN_MS);
const LAST = spanOf(1e7); // at and above: the formula (the last bucket's clamp)
const startBucket = new Int32Array(LAST - FIRST + 1);
const startAt = new Float64Array(LAST - FIRST + 1);
const threshold = new Float64Array(LAST - FIRST + 1);
/** 1 when a threshold may lie within the guard band of the span's start (values there ask the formula). */
const startGuard = new Uint8Array(LAST - FIRST + 1);
let tableBuilt = false;

/** The table (a few milliseconds, at the first call: runs without flow fidelity never pay for it). */
function buildTable(): void {
  tableBuilt = true;
  for (let s = FIRST; s <= LAST; s++) {
    const a = spanStart(s);
    const b = spanStart(s + 1);
    const ka = latencyBucketExact(a);
    startBucket[s - FIRST] = ka;
    startAt[s - FIRST] = a;
    const below = latencyBucketExact(a * (1 - 4 * GUARD));
    startGuard[s - FIRST] = below === latencyBucketExact(a * (1 + 4 * GUARD)) ? 0 : 1;
    // The last double before b, then bisection for the first double of the next bucket.
    let hi = b * (1 - 2 ** -53);
    if (latencyBucketExact(hi) === ka) {
      threshold[s - FIRST] = b; // none inside: every value of the span is below b
      continue;
    }
    let lo = a;
    while (true) {
      const mid = lo + (hi - lo) / 2;
      if (mid <= lo || mid >= hi) break;
      if (latencyBucketExact(mid) === ka) lo = mid;
      else hi = mid;
    }
    threshold[s - FIRST] = hi;
  }
}

/** Bucket of a latency (shared with the delay distributions, which are kept per bucket). */
export function latencyBucket(latencyMs: number): number {
  if (!(latencyMs > MIN_MS && latencyMs < 1e7)) return latencyBucketExact(latencyMs);
  if (!tableBuilt) buildTable();
  const i = spanOf(latencyMs) - FIRST;
  const t = threshold[i]!;
  const a = startAt[i]!;
  if ((startGuard[i] === 1 && latencyMs - a <= a * GUARD) || Math.abs(latencyMs - t) <= t * GUARD)
    return latencyBucketExact(latencyMs);
  return latencyMs >= t ? startBucket[i]! + 1 : startBucket[i]!;
}
