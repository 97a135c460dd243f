// Discrete delay distributions as atoms (delay, probability): convolution (independent delays add),
// compression onto the latency histogram's buckets (atoms of one bucket merge at their mean, so repeated
// convolutions stay small), mixtures, and the core delay's atoms.

import { LATENCY_BUCKETS } from '../latency-histogram';
import { normalCdf } from '../radio/random';
import type { CoreModel } from './delay-distribution';
import { latencyBucket } from './latency-bucket';
import { latencyBucketUpperMs } from './weighted-histogram';

export interface Atoms {
  d: number[];
  p: number[];
}

/** The discretised core delay covers mean ± this many σ (the mass beyond, 2e-9, is left out and renormalised). */
const CORE_TAIL_SIGMAS = 6;
/** Beyond ± this many σ (mass 5e-4, past the p99.9) atoms hold this many buckets each: fewer atoms to convolve. */
const CORE_FINE_SIGMAS = 3.5;
const CORE_TAIL_BUCKETS = 8;

/** The core's atoms by model (a network has one core model: built once). */
const coreAtomsMemo = new WeakMap<CoreModel, Atoms>();

export function coreAtoms(core: CoreModel): Atoms {
  let atoms = coreAtomsMemo.get(core);
  if (atoms === undefined) {
    atoms = buildCoreAtoms(core);
    coreAtomsMemo.set(core, atoms);
  }
  return atoms;
}

/**
 * The clamped normal core delay max(min, mean + jitter · Z) on the latency histogram's buckets: the mass Φ(a)
 * clamped to the floor in one atom, then per bucket its exact mass Φ(z1) − Φ(z0) at its conditional mean
 * mean + jitter·(φ(z0) − φ(z1)) / mass (beyond ± 3.5 σ, 8 buckets per atom). Convolved with a flow's radio
 * delay it puts every percentile of the sum within a bucket or so (0.5 %), where 48 equal-probability atoms put
 * the tails a fixed atom apart (the p99 of a stream class then sat on the atom at 2.31 σ whatever the radio part
 * did).
 */
function buildCoreAtoms(core: CoreModel): Atoms {
  const { meanMs: mean, jitterMs: sigma, minMs } = core;
  if (sigma === 0) return { d: [Math.max(minMs, mean)], p: [1] };
  const d: number[] = [];
  const p: number[] = [];
  const hi = mean + CORE_TAIL_SIGMAS * sigma;
  let lo = mean - CORE_TAIL_SIGMAS * sigma;
  if (minMs >= lo) {
    lo = minMs;
    d.push(minMs);
    p.push(normalCdf((minMs - mean) / sigma));
  }
  let z0 = (lo - mean) / sigma;
  let cdf0 = normalCdf(z0);
  for (let b = latencyBucket(lo); z0 < CORE_TAIL_SIGMAS; b++) {
    if (Math.abs(z0) > CORE_FINE_SIGMAS) b += CORE_TAIL_BUCKETS - 1;
    const upper = Math.min(hi, latencyBucketUpperMs(b));
    const z1 = (upper - mean) / sigma;
    const cdf1 = normalCdf(z1);
    const mass = cdf1 - cdf0;
    if (mass > 1e-12) {
      d.push(mean + (sigma * (normalPdf(z0) - normalPdf(z1))) / mass);
      p.push(mass);
    }
    z0 = z1;
    cdf0 = cdf1;
  }
  let total = 0;
  for (const x of p) total += x;
  for (let i = 0; i < p.length; i++) p[i]! /= total;
  return { d, p };
}

function normalPdf(z: number): number {
  return Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI);
}

// The open accumulation: per latency bucket the weighted delay sum and the weight of the atoms added, the
// buckets touched (in the order first touched) and their range (kept zero outside an accumulation; one
// accumulation at a time).
const bucketSum = new Float64Array(LATENCY_BUCKETS);
const bucketWeight = new Float64Array(LATENCY_BUCKETS);
const touched = new Int32Array(LATENCY_BUCKETS);
let touchedCount = 0;
let lo = LATENCY_BUCKETS;
let hi = -1;

/** Adds an atom of delay `x` and weight `w` to the open accumulation (see `drain`). */
export function accumulate(x: number, w: number): void {
  accumulateAt(latencyBucket(x), x, w);
}

/** `accumulate` of an atom whose latency bucket the caller knows (`latencyBucket(x)`). */
export function accumulateAt(k: number, x: number, w: number): void {
  if (!(w > 0)) return;
  if (bucketWeight[k] === 0) touched[touchedCount++] = k;
  bucketSum[k]! += x * w;
  bucketWeight[k]! += w;
  if (k < lo) lo = k;
  if (k > hi) hi = k;
}

/**
 * The accumulated atoms merged per latency bucket, in bucket order (each at the mean delay of its atoms,
 * with their weight times `scale`); the accumulation starts again empty.
 */
export function drain(scale = 1): Atoms {
  const n = touchedCount;
  const d = new Array<number>(n);
  const p = new Array<number>(n);
  // A few atoms over a wide range (a radio leg's HARQ tail): the touched buckets sorted, else a scan.
  if (hi - lo + 1 > 4 * n) {
    const order = touched.subarray(0, n).sort();
    for (let i = 0; i < n; i++) {
      const k = order[i]!;
      const w = bucketWeight[k]!;
      d[i] = bucketSum[k]! / w;
      p[i] = w * scale;
      bucketSum[k] = 0;
      bucketWeight[k] = 0;
    }
  } else {
    let i = 0;
    for (let k = lo; k <= hi; k++) {
      const w = bucketWeight[k]!;
      if (w > 0) {
        d[i] = bucketSum[k]! / w;
        p[i] = w * scale;
        i++;
      }
      bucketSum[k] = 0;
      bucketWeight[k] = 0;
    }
  }
  touchedCount = 0;
  lo = LATENCY_BUCKETS;
  hi = -1;
  return { d, p };
}

/** The sum of independent delays `a` and `b` (every pair of atoms), merged per latency bucket. */
export function convolveCompress(a: Atoms, b: Atoms): Atoms {
  if (b.d.length === 1 && b.d[0] === 0) return compress(a);
  // A lone atom at 0 with all the weight: 0 + x and 1 · w are x and w, so this is compress(b).
  if (a.d.length === 1 && a.d[0] === 0 && a.p[0] === 1) return compress(b);
  for (let i = 0; i < a.d.length; i++) {
    const ad = a.d[i]!;
    const ap = a.p[i]!;
    for (let j = 0; j < b.d.length; j++) accumulate(ad + b.d[j]!, ap * b.p[j]!);
  }
  return drain();
}

/** Merges atoms that fall into the same latency bucket (keeping their mean), so convolutions stay small. */
export function compress(a: Atoms): Atoms {
  // Atoms already one per bucket, in bucket order (a drained accumulation): each alone in its bucket, so
  // the result is what `drain` makes of it, (0 + d·p) / p at weight p, without the accumulation.
  const n = a.d.length;
  let prev = -1;
  let alone = true;
  for (let i = 0; i < n; i++) {
    const k = latencyBucket(a.d[i]!);
    if (!(k > prev && a.p[i]! > 0)) {
      alone = false;
      break;
    }
    prev = k;
  }
  if (alone) {
    const d = new Array<number>(n);
    const p = new Array<number>(n);
    for (let i = 0; i < n; i++) {
      const w = a.p[i]!;
      d[i] = (0 + a.d[i]! * w) / w;
      p[i] = w;
    }
    return { d, p };
  }
  for (let i = 0; i < n; i++) accumulate(a.d[i]!, a.p[i]!);
  return drain();
}

/** The mixture of `parts` (each atom's probability times its part's weight), merged per latency bucket. */
export function mixture(parts: Iterable<readonly [Atoms, number]>): Atoms {
  for (const [a, weight] of parts) for (let i = 0; i < a.d.length; i++) accumulate(a.d[i]!, a.p[i]! * weight);
  return drain();
}
