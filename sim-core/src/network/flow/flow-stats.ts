// The flow model's statistics: per class (counts and latency), per cell and direction (bits, PRB use,
// blocks), per device and per stream. Messages count one by one; stream packets count per regime (the
// expected counts of a stretch with one delay distribution, fractional until the KPIs round them).
import type { DeviceState } from '../device';
import { ClassCountsBase, countFinished } from '../kpi-rows';
import type { Dir } from '../tdd-grid';
import type { DelayDistribution } from './delay-distribution';
import type { FlowStream } from './flow-stream';
import { WeightedLatencyHistogram } from './weighted-histogram';

export class ClassStats extends ClassCountsBase {
  /** Messages, one by one. */
  readonly latency = new WeightedLatencyHistogram();
  /** Stream packets: packets per distribution, folded into the histogram when read. */
  readonly weights = new Map<DelayDistribution, number>();

  reset(): void {
    this.resetCounts();
    this.latency.reset();
    this.weights.clear();
  }
}

export class DirStats {
  bits = 0;
  prbSymbols = 0;
  blocks = 0;
  retransmissions = 0;
  reset(): void {
    this.bits = 0;
    this.prbSymbols = 0;
    this.blocks = 0;
    this.retransmissions = 0;
  }
}

export class FlowStats {
  readonly classStats: ClassStats[];
  /** Per cell: [UL, DL]. */
  readonly cellStats: [DirStats, DirStats][];

  constructor(classes: number, cells: number) {
    this.classStats = Array.from({ length: classes }, () => new ClassStats());
    this.cellStats = Array.from({ length: cells }, () => [new DirStats(), new DirStats()]);
  }

  /** One message of class `ci` finished (delivered after `latencyMs`, or lost / discarded); `dev` its device. */
  message(
    ci: number,
    dev: DeviceState | null,
    latencyMs: number,
    lost: boolean,
    discarded: boolean,
    late: boolean,
  ): void {
    countFinished(this.classStats[ci]!, dev, latencyMs, lost, discarded, late);
  }

  /** One leg of a message on `cell` (its device's serving cell): what it cost the cell (all transmissions) and carried. */
  messageLeg(
    dev: DeviceState,
    cell: number,
    dir: Dir,
    prbSymbols: number,
    blocks: number,
    retransmissions: number,
    bits: number,
    lost: boolean,
  ): void {
    const st = this.cellStats[cell]![dir];
    st.prbSymbols += prbSymbols;
    st.blocks += blocks;
    st.retransmissions += retransmissions;
    dev.stats.packets[dir]++;
    dev.stats.prbSymbols[dir] += prbSymbols;
    if (!lost) {
      st.bits += bits;
      dev.stats.bits[dir] += bits;
    }
  }

  /** `n` packets of `s` had distribution `dist`: their expected counts into every statistic. */
  accrue(s: FlowStream, dist: DelayDistribution, n: number): void {
    const ss = s.stats;
    const delivered = n * dist.deliveredProb;
    const late = n * dist.lateProb;
    const lost = n * dist.lostProb;
    const discarded = n * dist.discardedProb;
    ss.sent += n;
    ss.delivered += delivered;
    ss.late += late;
    ss.onTime += delivered - late;
    ss.lost += lost + discarded;
    const cs = this.classStats[s.classIndex]!;
    cs.finished += n;
    cs.delivered += delivered;
    cs.late += late;
    cs.onTime += delivered - late;
    cs.lost += lost;
    cs.discarded += discarded;
    cs.weights.set(dist, (cs.weights.get(dist) ?? 0) + n);
    const dev = s.src ?? s.dst;
    if (dev !== null) {
      dev.stats.delivered += delivered;
      dev.stats.late += late;
      dev.stats.lost += lost + discarded;
      dev.stats.latencySumMs += delivered * dist.meanMs;
    }
    const bits = Math.max(8, s.spec.sizeBytes * 8);
    for (let i = 0; i < s.legs.length; i++) {
      const leg = s.legs[i]!;
      const load = dist.legLoads[i]!;
      const sent = n * load.share;
      const ds = leg.device.stats;
      ds.packets[leg.dir] += sent;
      ds.prbSymbols[leg.dir] += sent * load.prbSymbols;
      ds.bits[leg.dir] += delivered * bits;
      if (leg.cell >= 0) {
        const st = this.cellStats[leg.cell]![leg.dir];
        st.bits += delivered * bits;
        st.prbSymbols += sent * load.prbSymbols;
        st.blocks += sent * load.blocks;
        st.retransmissions += sent * load.retransmissions;
      }
    }
  }

  /**
   * Packets [from, until) of `s` leave after a handover interruption, at `endMs`, late: moved from the
   * regime's distribution (which counts them when the regime closes) to late deliveries at their latency.
   */
  accrueForced(s: FlowStream, dist: DelayDistribution, from: number, until: number, endMs: number): void {
    const k = until - from;
    const ss = s.stats;
    const cs = this.classStats[s.classIndex]!;
    const dev = s.src ?? s.dst;
    const onTime = dist.deliveredProb - dist.lateProb;
    for (const st of [ss, cs]) {
      st.delivered += k * (1 - dist.deliveredProb);
      st.late += k * (1 - dist.lateProb);
      st.onTime -= k * onTime;
    }
    ss.lost -= k * (dist.lostProb + dist.discardedProb);
    cs.lost -= k * dist.lostProb;
    cs.discarded -= k * dist.discardedProb;
    cs.weights.set(dist, (cs.weights.get(dist) ?? 0) - k);
    for (let i = from; i < until; i++) {
      const latency = Math.max(s.deadlineMs + 1e-6, endMs - s.sendTimeMs(i));
      cs.latency.add(latency);
      if (dev !== null) dev.stats.latencySumMs += latency - dist.meanMs * dist.deliveredProb;
    }
    if (dev !== null) {
      dev.stats.delivered += k * (1 - dist.deliveredProb);
      dev.stats.late += k * (1 - dist.lateProb);
      dev.stats.lost -= k * (dist.lostProb + dist.discardedProb);
    }
  }

  /** Class and cell statistics restart (devices and streams reset their own). */
  reset(): void {
    for (const cs of this.classStats) cs.reset();
    for (const pair of this.cellStats) for (const st of pair) st.reset();
  }
}
