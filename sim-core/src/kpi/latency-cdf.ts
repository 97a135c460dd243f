/** Log-spaced latency histogram per traffic class, for the latency CDFs of the report. */
const MIN_MS = 0.01;
const PER_DECADE = 20;
const DECADES = 7; // 0.01 ms … 100 s
const BUCKETS = PER_DECADE * DECADES + 1;

export interface LatencyCdf {
  /** Upper edge of each bucket, ms. */
  edgesMs: number[];
  /** Share of delivered packets with latency <= edge. */
  cumulative: number[];
  delivered: number;
  lost: number;
}

export class LatencyCdfCollector {
  private readonly counts = new Map<string, { buckets: Float64Array; lost: number }>();

  add(trafficClass: string, latencyMs: number, lost: boolean): void {
    let c = this.counts.get(trafficClass);
    if (c === undefined) {
      c = { buckets: new Float64Array(BUCKETS), lost: 0 };
      this.counts.set(trafficClass, c);
    }
    if (lost) {
      c.lost++;
      return;
    }
    const b =
      latencyMs <= MIN_MS ? 0 : Math.min(BUCKETS - 1, Math.ceil(Math.log10(latencyMs / MIN_MS) * PER_DECADE));
    c.buckets[b]!++;
  }

  reset(): void {
    this.counts.clear();
  }

  /** CDF per class, trimmed to the buckets that hold data. */
  cdfs(): Record<string, LatencyCdf> {
    const out: Record<string, LatencyCdf> = {};
    for (const [cls, c] of [...this.counts].sort(([a], [b]) => a.localeCompare(b))) {
      const total = c.buckets.reduce((s, v) => s + v, 0);
      let first = c.buckets.findIndex((v) => v > 0);
      let last = BUCKETS - 1;
      while (last > 0 && c.buckets[last] === 0) last--;
      if (first < 0) first = 0;
      const edgesMs: number[] = [];
      const cumulative: number[] = [];
      let run = 0;
      for (let b = 0; b <= last; b++) {
        run += c.buckets[b]!;
        if (b < first) continue;
        edgesMs.push(Number((MIN_MS * 10 ** (b / PER_DECADE)).toPrecision(4)));
        cumulative.push(total === 0 ? 0 : run / total);
      }
      out[cls] = { edgesMs, cumulative, delivered: total, lost: c.lost };
    }
    return out;
  }
}

/**
 * Pools the CDFs of several replications per class: at each edge, the delivered-weighted mean of the
 * replications' CDFs (each a step function: 0 before its first edge, its last value after its last).
 */
export function poolLatencyCdfs(runs: readonly Record<string, LatencyCdf>[]): Record<string, LatencyCdf> {
  const classes = [...new Set(runs.flatMap((r) => Object.keys(r)))].sort();
  const out: Record<string, LatencyCdf> = {};
  for (const cls of classes) {
    const mine = runs.flatMap((r) => (r[cls] === undefined ? [] : [r[cls]]));
    const edgesMs = [...new Set(mine.flatMap((c) => c.edgesMs))].sort((a, b) => a - b);
    const delivered = mine.reduce((s, c) => s + c.delivered, 0);
    const cumulative = edgesMs.map((e) => {
      if (delivered === 0) return 0;
      let sum = 0;
      for (const c of mine) {
        let k = -1;
        while (k + 1 < c.edgesMs.length && c.edgesMs[k + 1]! <= e) k++;
        sum += c.delivered * (k < 0 ? 0 : c.cumulative[k]!);
      }
      return sum / delivered;
    });
    out[cls] = { edgesMs, cumulative, delivered, lost: mine.reduce((s, c) => s + c.lost, 0) };
  }
  return out;
}
