// Statistics of the network: per class, device, stream and cell, reset at the warm-up; the KPIs and the
// snapshot read from them.
import type { StreamSpec } from '../control/seam';
import type { CellLink } from './cell-link';
import type { NetworkConfig } from './config';
import type { DeviceState } from './device';
import type { Handover } from './handover';
import { deviceKpiRow, streamKpiRow } from './kpi-rows';
import { LatencyHistogram } from './latency-histogram';
import type { Packet } from './packet';
import type { RadioEnvironment } from './radio-environment';
import { type StreamState, StreamStats } from './stream';
import { type Dir, DL, UL } from './tdd-grid';
import type { ClassProfile } from './traffic-classes';
import type { CellKpis, ClassKpis, DirectionKpis, NetworkKpis, NetworkSnapshot, StreamKpis } from './types';
import type { ZoneSchedule } from './zone-schedule';

const EPS_MS = 1e-9;

class ClassStats {
  finished = 0;
  delivered = 0;
  onTime = 0;
  late = 0;
  lost = 0;
  discarded = 0;
  readonly latency = new LatencyHistogram();

  reset(): void {
    this.finished = 0;
    this.delivered = 0;
    this.onTime = 0;
    this.late = 0;
    this.lost = 0;
    this.discarded = 0;
    this.latency.reset();
  }
}

/** Every stream opened under one id: its latest spec, its statistics, its current activation. */
export interface StreamRecord {
  spec: StreamSpec;
  stats: StreamStats;
  current: StreamState | null;
}

/** What the statistics read from: the network's parts. */
export interface NetworkParts {
  readonly config: NetworkConfig;
  readonly env: RadioEnvironment;
  readonly profiles: readonly ClassProfile[];
  readonly devices: readonly DeviceState[];
  readonly links: readonly (readonly [CellLink, CellLink])[];
  readonly handover: Handover;
  readonly zones: ZoneSchedule;
}

export class NetworkStats {
  private readonly classStats: ClassStats[];
  readonly streams = new Map<string, StreamRecord>();
  private startMs: number;

  constructor(
    private readonly parts: NetworkParts,
    startMs: number,
  ) {
    this.classStats = parts.profiles.map(() => new ClassStats());
    this.startMs = startMs;
  }

  /** The record of stream `spec.id` (created at its first opening). */
  streamRecord(spec: StreamSpec): StreamRecord {
    let record = this.streams.get(spec.id);
    if (record === undefined) {
      record = { spec, stats: new StreamStats(), current: null };
      this.streams.set(spec.id, record);
    }
    return record;
  }

  /**
   * The packet's fate is decided (`latencyMs` after it was sent): class, device and stream statistics, and
   * the stream's survival-time watchdog. Returns the device the packet is counted for (null: wired).
   */
  finished(p: Packet, timeMs: number, latencyMs: number, lost: boolean, discarded: boolean, late: boolean) {
    const cs = this.classStats[p.classIndex]!;
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
    const dev = p.src ?? p.dst;
    if (dev !== null) {
      if (lost) dev.stats.lost++;
      else {
        dev.stats.delivered++;
        dev.stats.latencySumMs += latencyMs;
        if (late) dev.stats.late++;
      }
    }
    const stream = p.stream;
    if (stream !== null) {
      const ss = stream.stats;
      if (lost) ss.lost++;
      else {
        ss.delivered++;
        if (late) ss.late++;
        else {
          ss.onTime++;
          stream.onTimePacket(p.createdMs);
          if (p.streamEpoch === stream.epoch) stream.validPacket(p.streamIndex, timeMs);
        }
      }
    }
    return dev;
  }

  reset(atMs: number): void {
    this.startMs = atMs;
    for (const cs of this.classStats) cs.reset();
    for (const [ul, dl] of this.parts.links) {
      ul.settleBefore(atMs);
      dl.settleBefore(atMs);
      ul.resetStats();
      dl.resetStats();
    }
    for (const d of this.parts.devices) d.stats.reset();
    for (const r of this.streams.values()) r.stats.reset();
    this.parts.handover.resetStats();
  }

  kpis(endMs: number): NetworkKpis {
    const { config, env, profiles, devices, links, handover } = this.parts;
    const durationMs = Math.max(EPS_MS, endMs - this.startMs);
    for (const [ul, dl] of links) {
      ul.settleBefore(endMs);
      dl.settleBefore(endMs);
    }
    const classes: ClassKpis[] = profiles.map((p) => {
      const s = this.classStats[p.index]!;
      const reliability = s.finished > 0 ? s.onTime / s.finished : Number.NaN;
      return {
        trafficClass: p.trafficClass,
        fiveQi: p.qos.fiveQi,
        priorityLevel: p.qos.priorityLevel,
        deadlineMs: p.deadlineMs,
        finished: s.finished,
        delivered: s.delivered,
        onTime: s.onTime,
        late: s.late,
        lost: s.lost,
        discarded: s.discarded,
        reliability,
        targetReliability: p.targetReliability,
        meetsTarget: s.finished === 0 || reliability >= p.targetReliability,
        latency: s.latency.summary(),
      };
    });
    const direction = (l: CellLink, dir: Dir): DirectionKpis => ({
      throughputMbps: l.bitsDelivered / (durationMs * 1000),
      prbUtilization: l.prbSymbolsUsed / (l.nPrb * l.grid.symbolsPerMs(dir) * durationMs),
      transportBlocks: l.transportBlocks,
      harqRetransmissions: l.harqRetransmissions,
    });
    const cells: CellKpis[] = env.cells.map((c) => ({
      cellId: c.id,
      ul: direction(links[c.index]![UL], UL),
      dl: direction(links[c.index]![DL], DL),
      handoversIn: handover.tally.intoCell[c.index]!,
      handoversOut: handover.tally.outOfCell[c.index]!,
    }));
    const deviceKpis = devices.map((d) => deviceKpiRow(d, env, durationMs));
    const streams: StreamKpis[] = [];
    let survivalFailures = 0;
    for (const [id, r] of this.streams) {
      survivalFailures += r.stats.survivalFailures;
      streams.push(streamKpiRow(id, r));
    }
    return {
      fromMs: this.startMs,
      toMs: endMs,
      deploymentMode: config.deployment.mode,
      scheduler: config.scheduler,
      classes,
      cells,
      devices: deviceKpis,
      streams,
      handovers: handover.tally.count,
      pingPongs: handover.tally.pingPongs,
      survivalFailures,
    };
  }

  /** Devices, cells and zones at `now`. */
  snapshot(now: number): NetworkSnapshot {
    const { env, devices, links, zones } = this.parts;
    return {
      timeMs: now,
      devices: devices.map((d) => ({
        deviceId: d.id,
        endpointId: d.endpointId,
        servingCellId: d.serving >= 0 ? env.cells[d.serving]!.id : null,
        xM: d.xM,
        yM: d.yM,
        rsrpDbm: d.serving >= 0 ? d.rsrpDbm[d.serving]! : Number.NaN,
        dlSinrDb: d.quality[DL].sinrDb,
        ulSinrDb: d.quality[UL].sinrDb,
        ulBacklogBytes: d.backlogBits[UL] / 8,
        dlBacklogBytes: d.backlogBits[DL] / 8,
        inHandover: d.blockedUntilMs > now,
      })),
      cells: env.cells.map((c) => ({
        cellId: c.id,
        dlLoad: links[c.index]![DL].loadAt(now),
        ulLoad: links[c.index]![UL].loadAt(now),
        dlBackloggedUes: links[c.index]![DL].backlogCount,
        ulBackloggedUes: links[c.index]![UL].backlogCount,
      })),
      zones: env.zones.map((z) => ({ zoneId: z.id, active: zones.isActive(z.index) })),
    };
  }
}
