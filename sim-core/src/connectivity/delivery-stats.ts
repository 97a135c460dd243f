// Per traffic class delivery statistics of any ControlNetwork (Wi-Fi, Ethernet, the wired plant's mix):
// the same figures as the 5G model's ClassKpis, against the same TS 22.104 targets (network/traffic-classes.ts).
import type { TrafficClass } from '../control/seam';
import { must } from '../engine/must';
import type { ClassOptions, NetworkConfig } from '../network/config';
import { LatencyHistogram, type LatencySummary } from '../network/latency-histogram';
import { type ClassProfile, resolveClassProfiles, TRAFFIC_CLASSES } from '../network/traffic-classes';

/** Delivery of one traffic class over a window: the part of the 5G model's ClassKpis every network has. */
export interface ClassDeliveryKpis {
  trafficClass: TrafficClass;
  deadlineMs: number;
  /** Packets and messages whose fate is decided (delivered + lost). */
  finished: number;
  delivered: number;
  onTime: number;
  late: number;
  lost: number;
  /** Share of finished packets delivered within the deadline (NaN when none). */
  reliability: number;
  /** The class's availability target, as a share. */
  targetReliability: number;
  meetsTarget: boolean;
  latency: LatencySummary;
}

class ClassAccumulator {
  delivered = 0;
  onTime = 0;
  lost = 0;
  readonly latency = new LatencyHistogram();

  reset(): void {
    this.delivered = 0;
    this.onTime = 0;
    this.lost = 0;
    this.latency.reset();
  }
}

/** Counts deliveries and losses per class; deadlines and targets from the class options (5G defaults). */
export class DeliveryStats {
  private readonly profiles: ClassProfile[];
  private readonly acc: ClassAccumulator[];

  constructor(classOptions: Partial<Record<TrafficClass, ClassOptions>> = {}) {
    // Only classOptions is read for the targets (the 5QI map does not move deadlines or targets).
    this.profiles = resolveClassProfiles({ classOptions } as Pick<
      NetworkConfig,
      'classOptions'
    > as NetworkConfig);
    this.acc = TRAFFIC_CLASSES.map(() => new ClassAccumulator());
  }

  /** The deadline of a class (a message later than this counts late). */
  deadlineMs(trafficClass: TrafficClass): number {
    return must(this.profiles[TRAFFIC_CLASSES.indexOf(trafficClass)], 'the traffic class profile').deadlineMs;
  }

  delivered(trafficClass: TrafficClass, latencyMs: number): boolean {
    const i = TRAFFIC_CLASSES.indexOf(trafficClass);
    const a = this.acc[i]!;
    a.delivered++;
    a.latency.add(latencyMs);
    const onTime = latencyMs <= this.profiles[i]!.deadlineMs;
    if (onTime) a.onTime++;
    return !onTime;
  }

  lost(trafficClass: TrafficClass): void {
    this.acc[TRAFFIC_CLASSES.indexOf(trafficClass)]!.lost++;
  }

  reset(): void {
    for (const a of this.acc) a.reset();
  }

  kpis(): ClassDeliveryKpis[] {
    return TRAFFIC_CLASSES.map((trafficClass, i) => {
      const a = this.acc[i]!;
      const p = this.profiles[i]!;
      const finished = a.delivered + a.lost;
      const reliability = finished === 0 ? Number.NaN : a.onTime / finished;
      return {
        trafficClass,
        deadlineMs: p.deadlineMs,
        finished,
        delivered: a.delivered,
        onTime: a.onTime,
        late: a.delivered - a.onTime,
        lost: a.lost,
        reliability,
        targetReliability: p.targetReliability,
        meetsTarget: finished > 0 && reliability >= p.targetReliability,
        latency: a.latency.summary(),
      };
    });
  }
}
