import { quantile } from '@factory-twin/sim-core';
import type { SeriesView } from './run-model';

const TARGET_BUCKETS = 240;
const QUANTILES: [string, number][] = [
  ['p50', 0.5],
  ['p95', 0.95],
  ['p99', 0.99],
];

/**
 * Latency percentiles per flow class over time, derived from LINK records (for recordings that carry
 * no latency series of their own). A device's class is its layout kind (agv, machine, gateway, camera...).
 */
export class LinkLatencyCollector {
  private readonly bucketMs: number;
  private readonly buckets: Map<number, number[]>[];

  constructor(
    private readonly startMs: number,
    endMs: number,
    private readonly classes: readonly string[],
  ) {
    this.bucketMs = Math.max(1000, Math.ceil((endMs - startMs) / TARGET_BUCKETS));
    this.buckets = classes.map(() => new Map());
  }

  add(flowClass: number, timeMs: number, latencyMs: number): void {
    if (flowClass < 0 || !Number.isFinite(latencyMs)) return;
    const b = Math.floor((timeMs - this.startMs) / this.bucketMs);
    const m = this.buckets[flowClass];
    let list = m.get(b);
    if (!list) m.set(b, (list = []));
    list.push(latencyMs);
  }

  series(): SeriesView[] {
    const out: SeriesView[] = [];
    this.classes.forEach((name, c) => {
      const keys = [...this.buckets[c].keys()].sort((a, b) => a - b);
      if (keys.length === 0) return;
      const tMs = Float64Array.from(keys, (k) => this.startMs + (k + 1) * this.bucketMs);
      const sorted = keys.map((k) => this.buckets[c].get(k)!.sort((a, b) => a - b));
      for (const [label, q] of QUANTILES) {
        out.push({
          key: `latency_${label}_ms/${name}`,
          group: 'latency',
          label: `${label} ${name}`,
          unit: 'ms',
          tMs,
          values: Float64Array.from(sorted, (v) => quantile(v, q)),
        });
      }
    });
    return out;
  }
}
