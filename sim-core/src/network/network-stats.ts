// Statistics of the network: per class, device, stream and cell, reset at the warm-up; the KPIs and the
// snapshot read from them.
import type { StreamSpec } from '../control/seam';
import type { CellLink } from './cell-link';
import type { NetworkConfig } from './config';
import type { DeviceState } from './device';
import type { Handover } from './handover';
import {
  ClassCountsBase,
  classKpiRow,
  countFinished,
  deviceKpiRow,
  deviceSnapshotRow,
  streamKpiRows,
} from './kpi-rows';
import { LatencyHistogram } from './latency-histogram';
import type { Packet } from './packet';
import type { RadioEnvironment } from './radio-environment';
import { type StreamState, StreamStats } from './stream';
import { type Dir, DL, UL } from './tdd-grid';
import type { ClassProfile } from './traffic-classes';
import type { CellKpis, ClassKpis, DirectionKpis, NetworkKpis, NetworkSnapshot } from './types';
import type { ZoneSchedule } from './zone-schedule';

const EPS_MS = 1e-9;

class ClassStats extends ClassCountsBase {
  readonly latency = new LatencyHistogram();

  reset(): void {
    this.resetCounts();
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
    const dev = p.src ?? p.dst;
    countFinished(this.classStats[p.classIndex]!, dev, latencyMs, lost, discarded, late);
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
      return classKpiRow(p, s, s.latency.summary());
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
    const { streams, survivalFailures } = streamKpiRows(this.streams);
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
      devices: devices.map((d) =>
        deviceSnapshotRow(d, env, now, d.backlogBits[UL] / 8, d.backlogBits[DL] / 8),
      ),
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
