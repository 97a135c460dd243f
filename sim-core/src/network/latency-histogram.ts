// Log-bucket latency histogram: constant memory, relative quantile error <= (GROWTH - 1) / 2 (0.25 %),
// so p99.9 over millions of packets costs one array increment per packet.

export const MIN_MS = 1e-3; // values below 1 µs share the first bucket
export const GROWTH = 1.005;
const LOG_GROWTH = Math.log(GROWTH);
/** Number of buckets (a bucket index is in 0 .. LATENCY_BUCKETS − 1): up to ~2.8 h of latency. */
export const LATENCY_BUCKETS = Math.ceil(Math.log(1e7 / MIN_MS) / LOG_GROWTH) + 1;
const BUCKETS = LATENCY_BUCKETS;

/** A latency's bucket, ⌈ln(x / MIN) / ln(GROWTH)⌉ (bucket b holds (MIN · GROWTH^(b−1), MIN · GROWTH^b]). */
export function latencyBucketExact(latencyMs: number): number {
  return latencyMs <= MIN_MS
    ? 0
    : Math.min(BUCKETS - 1, Math.ceil(Math.log(latencyMs / MIN_MS) / LOG_GROWTH));
}

export interface LatencySummary {
  count: number;
  meanMs: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  p999Ms: number;
  maxMs: number;
}

export class LatencyHistogram {
  private counts = new Float64Array(BUCKETS);
  private n = 0;
  private sum = 0;
  private lo = Number.POSITIVE_INFINITY;
  private hi = Number.NEGATIVE_INFINITY;

  add(latencyMs: number): void {
    this.counts[latencyBucketExact(latencyMs)]!++;
    this.n++;
    this.sum += latencyMs;
    if (latencyMs < this.lo) this.lo = latencyMs;
    if (latencyMs > this.hi) this.hi = latencyMs;
  }

  get count(): number {
    return this.n;
  }

  /** The p-quantile (nearest rank), as the geometric centre of its bucket clamped to [min, max]; NaN if empty. */
  quantile(p: number): number {
    if (this.n === 0) return Number.NaN;
    const rank = Math.max(1, Math.ceil(p * this.n));
    let seen = 0;
    for (let b = 0; b < BUCKETS; b++) {
      seen += this.counts[b]!;
      if (seen >= rank) {
        const centre = b === 0 ? MIN_MS : MIN_MS * GROWTH ** (b - 0.5);
        return Math.min(this.hi, Math.max(this.lo, centre));
      }
    }
    return this.hi;
  }

  summary(): LatencySummary {
    const empty = this.n === 0;
    return {
      count: this.n,
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
