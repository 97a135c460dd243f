// A latency histogram that takes weighted counts: a flow's delay distribution times the packets it carried
// adds in one pass. Same buckets as ../latency-histogram.ts (log buckets, 0.25 % quantile resolution), so
// flow and packet fidelity report percentiles on the same grid.
import type { LatencySummary } from '../latency-histogram';

import { GROWTH, LATENCY_BUCKETS, MIN_MS } from '../latency-histogram';
import { latencyBucket } from './latency-bucket';

/** Upper edge of a bucket: bucket b holds latencies in (MIN · GROWTH^(b−1), MIN · GROWTH^b]. */
export function latencyBucketUpperMs(bucket: number): number {
  return MIN_MS * GROWTH ** bucket;
}

export class WeightedLatencyHistogram {
  private readonly counts = new Float64Array(LATENCY_BUCKETS);
  private n = 0;
  private sum = 0;
  private lo = Number.POSITIVE_INFINITY;
  private hi = Number.NEGATIVE_INFINITY;

  add(latencyMs: number, weight = 1): void {
    this.addBucket(latencyBucket(latencyMs), latencyMs, weight);
  }

  /** Adds `weight` packets of latency `latencyMs` already mapped to `bucket`. */
  addBucket(bucket: number, latencyMs: number, weight: number): void {
    if (!(weight > 0)) return;
    this.counts[bucket]! += weight;
    this.n += weight;
    this.sum += latencyMs * weight;
    if (latencyMs < this.lo) this.lo = latencyMs;
    if (latencyMs > this.hi) this.hi = latencyMs;
  }

  /** Adds everything `other` holds. */
  merge(other: WeightedLatencyHistogram): void {
    if (!(other.n > 0)) return;
    for (let b = 0; b < LATENCY_BUCKETS; b++) this.counts[b]! += other.counts[b]!;
    this.n += other.n;
    this.sum += other.sum;
    if (other.lo < this.lo) this.lo = other.lo;
    if (other.hi > this.hi) this.hi = other.hi;
  }

  get count(): number {
    return this.n;
  }

  /** The p-quantile by weight, as the geometric centre of its bucket clamped to [min, max]; NaN if empty. */
  quantile(p: number): number {
    if (!(this.n > 0)) return Number.NaN;
    const rank = p * this.n;
    let seen = 0;
    for (let b = 0; b < LATENCY_BUCKETS; b++) {
      seen += this.counts[b]!;
      if (seen >= rank - 1e-9 * this.n && this.counts[b]! > 0) {
        const centre = b === 0 ? MIN_MS : MIN_MS * GROWTH ** (b - 0.5);
        return Math.min(this.hi, Math.max(this.lo, centre));
      }
    }
    return this.hi;
  }

  summary(): LatencySummary {
    const empty = !(this.n > 0);
    return {
      count: Math.round(this.n),
      meanMs: empty ? Number.NaN : this.sum / this.n,
      p50Ms: this.quantile(0.5),
      p95Ms: this.quantile(0.95),
      p99Ms: this.quantile(0.99),
      p999Ms: this.quantile(0.999),
      maxMs: empty ? Number.NaN : this.hi,
    };
  }

  reset(): void {
    this.counts.fill(0);
    this.n = 0;
    this.sum = 0;
    this.lo = Number.POSITIVE_INFINITY;
    this.hi = Number.NEGATIVE_INFINITY;
  }
}
