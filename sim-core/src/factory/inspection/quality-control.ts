import type { StreamListener, StreamSpec } from '../../control/seam';
import { sampler } from '../../engine/distributions';
import type { Probe } from '../../engine/probe';
import type { RandomStream, RandomStreams } from '../../engine/random';
import type { Simulation } from '../../engine/simulation';
import type { Part } from '../part';
import type { NotableEvent } from '../probes';
import { type DispositionConfig, LATE_CHECK_ID, type QualityConfig } from './config';
import type { CycleQuality, CycleQualityOutcome } from './cycle-quality';
import { InspectionPoint, type InspectionPointKpis } from './inspection-point';

/** Defects and their fate over the KPI window (FactoryKpis.quality). */
export interface QualityKpis {
  /** Latent defects made by machines. */
  defects: number;
  /** Found at inspection points. */
  caught: number;
  /** Defective parts that passed an inspection point unfound. */
  escaped: number;
  /** Found at the late check (final test), and what was done with them there. */
  foundLate: number;
  lateReworked: number;
  lateScrapped: number;
  /** Completed with a defect: it reaches the customer. */
  shippedDefective: number;
  /** Mean over the points of the share of the window spent in fallback (NaN without points). */
  fallbackShare: number;
  inspections: Record<string, InspectionPointKpis>;
}

/** A disposition with its rework-time sampler. */
interface Disposition {
  scrap: boolean;
  drawReworkMs: () => number;
}

/**
 * Quality control of one factory: the inspection points and the late check, as the machines see it
 * (CycleQuality, called at the end of every cycle that is not scrap). The point of a machine inspects
 * first; a part still defective then meets the late check if the machine is one of its machines.
 * Found defects are reworked at the machine (it holds the part for the rework time) or scrapped.
 */
export class QualityControl implements CycleQuality {
  readonly points: readonly InspectionPoint[];
  private readonly pointByMachine = new Map<string, { point: InspectionPoint; caught: Disposition }>();
  private readonly lateMachines: ReadonlySet<string>;
  private readonly lateDetectProbability: number;
  private readonly lateDetect: RandomStream | null;
  private readonly late: Disposition | null;
  private readonly k = {
    defects: 0,
    foundLate: 0,
    lateReworked: 0,
    lateScrapped: 0,
    shippedDefective: 0,
  };
  private readonly outcome: CycleQualityOutcome = { holdMs: 0, scrap: false };

  constructor(sim: Simulation, streams: RandomStreams, events: Probe<NotableEvent>, config: QualityConfig) {
    this.points = (config.inspections ?? []).map((c) => new InspectionPoint(sim, streams, events, c));
    for (const point of this.points) {
      const caught = disposition(point.config.caught, streams.stream(point.id, 'inspection.rework'));
      for (const id of point.config.machineIds) this.pointByMachine.set(id, { point, caught });
    }
    const lc = config.lateCheck;
    this.lateMachines = new Set(lc?.machineIds ?? []);
    this.lateDetectProbability = lc?.detectProbability ?? 1;
    this.lateDetect = this.lateDetectProbability < 1 ? streams.stream(LATE_CHECK_ID, 'quality.detect') : null;
    this.late =
      lc === undefined ? null : disposition(lc.found, streams.stream(LATE_CHECK_ID, 'quality.rework'));
  }

  /**
   * The listener for a stream the twin opens, if an inspection point watches it: the `video` stream(s)
   * sent by a point's camera. Undefined otherwise.
   */
  streamListener(spec: StreamSpec): StreamListener | undefined {
    if (spec.trafficClass !== 'video') return undefined;
    return this.points.find((p) => p.config.cameraId === spec.from)?.listener;
  }

  cycleEnded(machineId: string, part: Part, defectMade: boolean): CycleQualityOutcome {
    const out = this.outcome;
    out.holdMs = 0;
    out.scrap = false;
    if (defectMade) this.k.defects++;
    const at = this.pointByMachine.get(machineId);
    if (at !== undefined) {
      const r = at.point.inspect(part.defective);
      out.holdMs += r.holdMs;
      if (r.found) this.dispose(at.caught, part, out);
    }
    if (!out.scrap && part.defective && this.late !== null && this.lateMachines.has(machineId)) {
      const found = this.lateDetect === null || this.lateDetect.next() < this.lateDetectProbability;
      if (found) {
        this.k.foundLate++;
        if (this.late.scrap) this.k.lateScrapped++;
        else this.k.lateReworked++;
        this.dispose(this.late, part, out);
      }
    }
    return out;
  }

  private dispose(d: Disposition, part: Part, out: CycleQualityOutcome): void {
    if (d.scrap) out.scrap = true;
    else {
      out.holdMs += Math.max(0, d.drawReworkMs());
      part.defective = false;
    }
  }

  /** A part left the plant finished (the KPI collector tells). */
  partCompleted(part: Part): void {
    if (part.defective) this.k.shippedDefective++;
  }

  resetKpis(atMs: number): void {
    for (const key of Object.keys(this.k) as (keyof typeof this.k)[]) this.k[key] = 0;
    for (const p of this.points) p.resetKpis(atMs);
  }

  kpis(startMs: number, endMs: number): QualityKpis {
    const inspections: Record<string, InspectionPointKpis> = {};
    let caught = 0;
    let escaped = 0;
    let fallback = 0;
    for (const p of this.points) {
      const k = p.kpis(startMs, endMs);
      inspections[p.id] = k;
      caught += k.caught;
      escaped += k.escaped;
      fallback += k.fallbackShare;
    }
    const n = this.points.length;
    return { ...this.k, caught, escaped, fallbackShare: n > 0 ? fallback / n : Number.NaN, inspections };
  }
}

const NO_TIME = () => 0;

function disposition(config: DispositionConfig, stream: RandomStream): Disposition {
  const scrap = config.kind === 'scrap';
  const t = config.reworkTime;
  return { scrap, drawReworkMs: scrap || t === undefined ? NO_TIME : sampler(t, stream) };
}
