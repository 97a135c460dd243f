import type { StreamListener } from '../../control/seam';
import { sampler } from '../../engine/distributions';
import type { Probe } from '../../engine/probe';
import type { RandomStream, RandomStreams } from '../../engine/random';
import type { Simulation } from '../../engine/simulation';
import { TimeWeighted } from '../../kpi/stats';
import type { NotableEvent } from '../probes';
import type { InspectionPointConfig } from './config';
import { type FallbackPolicy, inspectionFallbacks } from './fallback';

/** How one part fared at the point. */
export interface InspectionResult {
  /** Its defect was found. */
  found: boolean;
  /** Time a manual inspection holds the part at the machine, ms (0 by video or when not inspected). */
  holdMs: number;
}

export interface InspectionPointKpis {
  /** Parts that passed the point in the window. */
  parts: number;
  /** Inspected by video, by a person (fallback), or not at all (sampling skipped them). */
  byVideo: number;
  manual: number;
  uninspected: number;
  /** Defective parts that reached the point, found there, and passed it unfound. */
  defective: number;
  caught: number;
  escaped: number;
  /** Times the point fell back, and the share of the window it spent in fallback. */
  fallbacks: number;
  fallbackShare: number;
  /** Time-average on-time share of the camera's frames (1 until the network reports a window). */
  meanOnTimeShare: number;
  /** Time spent on manual inspections (holding parts), ms. */
  manualTimeMs: number;
}

/**
 * A video inspection point: it listens to its camera stream's delivery windows (the StreamListener
 * given to the network for that stream) and inspects the parts leaving its machines. Video while the last
 * window's on-time share is at least `minOnTimeShare`; fallback (manual or sampling) otherwise.
 * Draws: `(id, 'inspection.detect')` once per defective part inspected, `(id, 'inspection.manual')` once
 * per manual inspection; nothing else, so adding a point leaves every other draw unchanged.
 */
export class InspectionPoint {
  readonly listener: StreamListener;
  private fallback = false;
  private readonly policy: FallbackPolicy;
  private readonly detect: RandomStream;
  private readonly drawManualMs: () => number;
  /** Parts that passed in fallback since the start (the sampling count, never reset). */
  private fallbackParts = 0;
  private readonly inFallback: TimeWeighted;
  private readonly onTimeShare: TimeWeighted;
  private readonly k: Omit<InspectionPointKpis, 'fallbackShare' | 'meanOnTimeShare'> = {
    parts: 0,
    byVideo: 0,
    manual: 0,
    uninspected: 0,
    defective: 0,
    caught: 0,
    escaped: 0,
    fallbacks: 0,
    manualTimeMs: 0,
  };

  constructor(
    private readonly sim: Simulation,
    streams: RandomStreams,
    private readonly events: Probe<NotableEvent>,
    readonly config: InspectionPointConfig,
  ) {
    this.policy = inspectionFallbacks.get(config.fallback.kind).create(config.fallback);
    this.detect = streams.stream(config.id, 'inspection.detect');
    this.drawManualMs = sampler(config.fallback.manualTime, streams.stream(config.id, 'inspection.manual'));
    this.inFallback = new TimeWeighted(sim.now(), 0);
    this.onTimeShare = new TimeWeighted(sim.now(), 1);
    this.listener = {
      deliveryWindowMs: config.windowMs,
      onDeliveryRatio: (share) => this.windowDelivered(share),
    };
  }

  get id(): string {
    return this.config.id;
  }

  /** Whether the point is in fallback now. */
  get fallingBack(): boolean {
    return this.fallback;
  }

  private windowDelivered(share: number): void {
    const now = this.sim.now();
    this.onTimeShare.set(now, share);
    const fallback = share < this.config.minOnTimeShare;
    if (fallback === this.fallback) return;
    this.fallback = fallback;
    this.inFallback.set(now, fallback ? 1 : 0);
    if (fallback) this.k.fallbacks++;
    if (this.events.active)
      this.events.emit({
        timeMs: now,
        entityId: this.id,
        kind: fallback ? 'inspectionFallback' : 'inspectionRestored',
        detail: `${(share * 100).toFixed(1)} % of frames on time`,
      });
  }

  /** Inspects a part leaving one of the point's machines. */
  inspect(defective: boolean): InspectionResult {
    const k = this.k;
    k.parts++;
    if (defective) k.defective++;
    let p: number;
    let holdMs = 0;
    if (!this.fallback) {
      k.byVideo++;
      p = this.config.detectProbability;
    } else if (this.policy.inspects(++this.fallbackParts)) {
      k.manual++;
      holdMs = Math.max(0, this.drawManualMs());
      k.manualTimeMs += holdMs;
      p = this.config.fallback.detectProbability;
    } else {
      k.uninspected++;
      p = 0;
    }
    const found = defective && p > 0 && this.detect.next() < p;
    if (found) k.caught++;
    else if (defective) k.escaped++;
    return { found, holdMs };
  }

  resetKpis(atMs: number): void {
    for (const key of Object.keys(this.k) as (keyof typeof this.k)[]) this.k[key] = 0;
    this.inFallback.reset(atMs);
    this.onTimeShare.reset(atMs);
  }

  kpis(startMs: number, endMs: number): InspectionPointKpis {
    const windowMs = endMs - startMs;
    return {
      ...this.k,
      fallbackShare: windowMs > 0 ? this.inFallback.integral(endMs) / windowMs : Number.NaN,
      meanOnTimeShare: this.onTimeShare.mean(endMs),
    };
  }
}
