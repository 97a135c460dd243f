// Packet against flow fidelity over replications: the packet model's 95 % confidence interval per metric,
// whether the flow model's mean lies inside it, and if not whether it lies within the metric's planning
// tolerance. A plant passes when every metric does one or the other.
import { confidenceInterval } from '@factory-twin/sim-core';

/** One replication's metrics by name (NaN: not measured in that run). */
export type Metrics = Record<string, number>;

export interface MetricComparison {
  metric: string;
  packetMean: number;
  packetHalfWidth: number;
  flowMean: number;
  flowHalfWidth: number;
  /** flow − packet. */
  diff: number;
  /** Inside the packet CI (or within the latency histogram's resolution for latency percentiles). */
  pass: boolean;
  /** Outside the CI but within the metric's planning tolerance (`PLANNING_TOLERANCE`): equal for decisions. */
  withinTolerance: boolean;
}

/**
 * How far a flow figure may lie from the packet one and still read the same for a planner's decision, for
 * metrics whose packet interval is narrower than that (ASSUMPTIONS, each reasoned):
 * - on-time shares: 1e-4 (0.01 percentage points), a tenth of the step between the 99.9 % and 99.99 %
 *   availability classes of TS 22.104 that targets are set in;
 * - latency percentiles: 5 % of the packet value or 0.5 ms, whichever is more (under the TDD pattern's slot
 *   granularity at 30 kHz, and under what a p99 target of tens of ms can resolve);
 * - PRB use: 0.005 of the cell (half a percent of its PRBs).
 * Throughput and safety stops have none: the CI decides.
 */
export function planningTolerance(metric: string, packetMean: number): number {
  if (metric.endsWith('.onTime')) return 1e-4;
  if (metric.endsWith('Ms')) return Math.max(0.5, 0.05 * Math.abs(packetMean));
  if (metric.endsWith('PrbUse')) return 0.005;
  return 0;
}

/** Relative resolution of the latency percentiles (log buckets of 0.5 %: ±0.25 %, twice for safety). */
const LATENCY_RESOLUTION = 0.005;

/** The packet model's interval of one metric (from runs, or from a stored result: `--packet-from`). */
export interface PacketInterval {
  metric: string;
  packetMean: number;
  packetHalfWidth: number;
}

export function compareMetrics(packet: readonly Metrics[], flow: readonly Metrics[]): MetricComparison[] {
  const names = new Set<string>();
  for (const m of packet) for (const k of Object.keys(m)) names.add(k);
  const intervals: PacketInterval[] = [];
  for (const metric of [...names].sort()) {
    const p = values(packet, metric);
    if (p.length === 0) continue;
    const pc = confidenceInterval(p);
    intervals.push({ metric, packetMean: pc.mean, packetHalfWidth: pc.halfWidth });
  }
  return compareToPacket(intervals, flow);
}

function values(runs: readonly Metrics[], metric: string): number[] {
  return runs.map((m) => m[metric]).filter((v): v is number => v !== undefined && Number.isFinite(v));
}

/** The flow runs against the packet model's intervals, metric by metric (metrics either side lacks are left out). */
export function compareToPacket(
  packet: readonly PacketInterval[],
  flow: readonly Metrics[],
): MetricComparison[] {
  const out: MetricComparison[] = [];
  for (const { metric, packetMean, packetHalfWidth } of [...packet].sort((a, b) =>
    a.metric < b.metric ? -1 : a.metric > b.metric ? 1 : 0,
  )) {
    const f = values(flow, metric);
    if (f.length === 0 || !Number.isFinite(packetMean)) continue;
    const fc = confidenceInterval(f);
    const diff = fc.mean - packetMean;
    const resolution = metric.endsWith('Ms') ? LATENCY_RESOLUTION * Math.abs(packetMean) : 0;
    const tolerance = Math.max(Number.isFinite(packetHalfWidth) ? packetHalfWidth : 0, resolution, 1e-12);
    out.push({
      metric,
      packetMean,
      packetHalfWidth,
      flowMean: fc.mean,
      flowHalfWidth: fc.halfWidth,
      diff,
      pass: Math.abs(diff) <= tolerance,
      withinTolerance: Math.abs(diff) <= Math.max(tolerance, planningTolerance(metric, packetMean)),
    });
  }
  return out;
}

const num = (v: number) =>
  !Number.isFinite(v)
    ? '–'
    : Math.abs(v) >= 100
      ? v.toFixed(1)
      : Math.abs(v) >= 1
        ? v.toFixed(3)
        : v.toPrecision(4);

export function comparisonTable(rows: readonly MetricComparison[]): string {
  const out = [
    '| metric | packet (95 % CI) | flow (95 % CI) | flow − packet | inside | within tolerance |',
    '| --- | ---: | ---: | ---: | :---: | :---: |',
  ];
  for (const r of rows)
    out.push(
      `| ${r.metric} | ${num(r.packetMean)} ± ${num(r.packetHalfWidth)} | ${num(r.flowMean)} ± ${num(r.flowHalfWidth)} | ${num(r.diff)} | ${r.pass ? 'yes' : '**no**'} | ${r.pass ? '' : r.withinTolerance ? 'yes' : '**no**'} |`,
    );
  return out.join('\n');
}

/** A plant passes when every metric is inside the packet CI or within its planning tolerance. */
export function plantPasses(rows: readonly MetricComparison[]): boolean {
  return rows.length > 0 && rows.every((r) => r.pass || r.withinTolerance);
}
