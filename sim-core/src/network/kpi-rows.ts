// The per-class, per-device and per-stream KPI rows and the snapshot's device rows of a network run, and the
// class and device counts of a finished packet or message, shared by the packet and flow models. Counts are
// rounded to whole packets: the flow model's are expected counts; the packet model's are integers already.
import type { StreamSpec } from '../control/seam';
import type { DeviceState } from './device';
import type { LatencySummary } from './latency-histogram';
import type { RadioEnvironment } from './radio-environment';
import type { StreamStats } from './stream';
import { DL, UL } from './tdd-grid';
import type { ClassProfile } from './traffic-classes';
import type { ClassKpis, DeviceKpis, NetworkSnapshot, StreamKpis } from './types';

/** A class's counts since the last reset (its KPI row's), and the latency of its delivered packets. */
export interface ClassCounts
  extends Pick<ClassKpis, 'finished' | 'delivered' | 'onTime' | 'late' | 'lost' | 'discarded'> {
  readonly latency: { add(latencyMs: number): void };
}

/** A class's counts from zero; each fidelity's class statistics add their latency histogram. */
export abstract class ClassCountsBase implements ClassCounts {
  finished = 0;
  delivered = 0;
  onTime = 0;
  late = 0;
  lost = 0;
  discarded = 0;
  abstract readonly latency: ClassCounts['latency'];

  /** Back to zero (the counts; the latency is the subclass's). */
  protected resetCounts(): void {
    this.finished = 0;
    this.delivered = 0;
    this.onTime = 0;
    this.late = 0;
    this.lost = 0;
    this.discarded = 0;
  }
}

/**
 * One packet or message of a class finished (delivered after `latencyMs`, or lost / discarded): into its
 * class's counts and, unless it is wired (`dev` null), its device's.
 */
export function countFinished(
  cs: ClassCounts,
  dev: DeviceState | null,
  latencyMs: number,
  lost: boolean,
  discarded: boolean,
  late: boolean,
): void {
  cs.finished++;
  if (lost) {
    if (discarded) cs.discarded++;
    else cs.lost++;
  } else {
    cs.delivered++;
    cs.latency.add(latencyMs);
    if (late) cs.late++;
    else cs.onTime++;
  }
  if (dev !== null) {
    if (lost) dev.stats.lost++;
    else {
      dev.stats.delivered++;
      dev.stats.latencySumMs += latencyMs;
      if (late) dev.stats.late++;
    }
  }
}

export function classKpiRow(
  p: ClassProfile,
  s: Omit<ClassCounts, 'latency'>,
  latency: LatencySummary,
): ClassKpis {
  const reliability = s.finished > 0 ? s.onTime / s.finished : Number.NaN;
  return {
    trafficClass: p.trafficClass,
    fiveQi: p.qos.fiveQi,
    priorityLevel: p.qos.priorityLevel,
    deadlineMs: p.deadlineMs,
    finished: Math.round(s.finished),
    delivered: Math.round(s.delivered),
    onTime: Math.round(s.onTime),
    late: Math.round(s.late),
    lost: Math.round(s.lost),
    discarded: Math.round(s.discarded),
    reliability,
    targetReliability: p.targetReliability,
    meetsTarget: s.finished === 0 || reliability >= p.targetReliability,
    latency,
  };
}

/** What a stream row reads: the latest spec, the statistics and the current activation of one stream id. */
export interface StreamRow {
  spec: StreamSpec;
  stats: StreamStats;
  current: { readonly active: boolean; readonly failed: boolean } | null;
}

/** The fields a device's KPI row and its snapshot row share: who it is, where, its serving cell and SINRs. */
function deviceRadioRow(d: DeviceState, env: RadioEnvironment) {
  return {
    deviceId: d.id,
    endpointId: d.endpointId,
    servingCellId: d.serving >= 0 ? env.cells[d.serving]!.id : null,
    xM: d.xM,
    yM: d.yM,
    rsrpDbm: d.serving >= 0 ? d.rsrpDbm[d.serving]! : Number.NaN,
    dlSinrDb: d.quality[DL].sinrDb,
    ulSinrDb: d.quality[UL].sinrDb,
  };
}

export function deviceKpiRow(d: DeviceState, env: RadioEnvironment, durationMs: number): DeviceKpis {
  const s = d.stats;
  const ul = d.quality[UL];
  const dl = d.quality[DL];
  return {
    ...deviceRadioRow(d, env),
    dlCqi: dl.cqi,
    ulCqi: ul.cqi,
    dlLayers: dl.layers,
    ulTxPerPrbDbm: ul.txPerPrbDbm,
    ulFullPowerPrbs: ul.fullPowerPrbs,
    ulMbps: s.bits[UL] / (durationMs * 1000),
    dlMbps: s.bits[DL] / (durationMs * 1000),
    ulPrbSymbols: s.prbSymbols[UL],
    dlPrbSymbols: s.prbSymbols[DL],
    ulPackets: Math.round(s.packets[UL]),
    dlPackets: Math.round(s.packets[DL]),
    delivered: Math.round(s.delivered),
    late: Math.round(s.late),
    lost: Math.round(s.lost),
    meanLatencyMs: s.delivered > 0 ? s.latencySumMs / s.delivered : Number.NaN,
    handovers: s.handovers,
  };
}

/** The rows of every stream id, and their survival-time failures in total. */
export function streamKpiRows(records: ReadonlyMap<string, StreamRow>): {
  streams: StreamKpis[];
  survivalFailures: number;
} {
  const streams: StreamKpis[] = [];
  let survivalFailures = 0;
  for (const [id, r] of records) {
    survivalFailures += r.stats.survivalFailures;
    streams.push(streamKpiRow(id, r));
  }
  return { streams, survivalFailures };
}

function streamKpiRow(id: string, r: StreamRow): StreamKpis {
  return {
    streamId: id,
    trafficClass: r.spec.trafficClass,
    from: r.spec.from,
    to: r.spec.to,
    active: r.current?.active ?? false,
    sent: Math.round(r.stats.sent),
    delivered: Math.round(r.stats.delivered),
    onTime: Math.round(r.stats.onTime),
    late: Math.round(r.stats.late),
    lost: Math.round(r.stats.lost),
    survivalFailures: r.stats.survivalFailures,
    inFailure: r.current?.failed ?? false,
  };
}

/** `d` in a snapshot at `nowMs`, with its UL and DL backlogs (bytes). */
export function deviceSnapshotRow(
  d: DeviceState,
  env: RadioEnvironment,
  nowMs: number,
  ulBacklogBytes: number,
  dlBacklogBytes: number,
): NetworkSnapshot['devices'][number] {
  return {
    ...deviceRadioRow(d, env),
    ulBacklogBytes,
    dlBacklogBytes,
    inHandover: d.blockedUntilMs > nowMs,
  };
}
