// The per-device and per-stream KPI rows of a network run, shared by the packet and flow models. Counts are
// rounded to whole packets: the flow model's are expected counts; the packet model's are integers already.
import type { StreamSpec } from '../control/seam';
import type { DeviceState } from './device';
import type { RadioEnvironment } from './radio-environment';
import type { StreamStats } from './stream';
import { DL, UL } from './tdd-grid';
import type { DeviceKpis, StreamKpis } from './types';

/** What a stream row reads: the latest spec, the statistics and the current activation of one stream id. */
export interface StreamRow {
  spec: StreamSpec;
  stats: StreamStats;
  current: { readonly active: boolean; readonly failed: boolean } | null;
}

export function deviceKpiRow(d: DeviceState, env: RadioEnvironment, durationMs: number): DeviceKpis {
  const s = d.stats;
  const ul = d.quality[UL];
  const dl = d.quality[DL];
  return {
    deviceId: d.id,
    endpointId: d.endpointId,
    servingCellId: d.serving >= 0 ? env.cells[d.serving]!.id : null,
    xM: d.xM,
    yM: d.yM,
    rsrpDbm: d.serving >= 0 ? d.rsrpDbm[d.serving]! : Number.NaN,
    dlSinrDb: dl.sinrDb,
    ulSinrDb: ul.sinrDb,
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

export function streamKpiRow(id: string, r: StreamRow): StreamKpis {
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
