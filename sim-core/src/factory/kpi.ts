import type { Simulation } from '../engine/simulation';
import { percentiles, TimeWeighted } from '../kpi/stats';
import type { Station, StationKpis } from './buffer';
import type { QualityControl, QualityKpis } from './inspection/quality-control';
import type { Machine, MachineKpis } from './machine';
import type { Maintenance, MaintenanceKpis } from './maintenance/maintenance';
import type { Order, Part } from './part';
import type { FactoryProbes } from './probes';

export interface LeadTimeStats {
  /** Completed parts measured. */
  n: number;
  meanMs: number;
  p50Ms: number;
  p95Ms: number;
}

/**
 * KPIs over the window [startMs, endMs]: startMs is the end of the warm-up. Rates are per hour of
 * simulated time. Plain data (JSON-friendly except NaN where a value is undefined).
 */
export interface FactoryKpis {
  startMs: number;
  endMs: number;
  durationMs: number;
  /** Window counts; conservation: created + wipAtStart = completed + scrapped + wipAtEnd. */
  parts: { created: number; completed: number; scrapped: number; wipAtStart: number; wipAtEnd: number };
  throughputPerHour: number;
  throughputPerHourByProduct: Record<string, number>;
  completedByProduct: Record<string, number>;
  scrappedByProduct: Record<string, number>;
  /** Creation to completion, of the parts completed within the window (ms). */
  leadTime: LeadTimeStats;
  leadTimeByProduct: Record<string, LeadTimeStats>;
  /** Parts in the plant (released, not yet completed or scrapped), time-weighted. */
  wip: { mean: number; max: number };
  /**
   * Work orders with due dates finished in the window (an order is finished when all its parts are
   * completed or scrapped); on time if finished at or before its due date.
   */
  orders: {
    completed: number;
    onTime: number;
    onTimeRate: number;
    meanTardinessMs: number;
    open: number;
    openOverdue: number;
  };
  machines: Record<string, MachineKpis>;
  buffers: Record<string, StationKpis>;
  /** Present when the factory has maintenance crews. */
  maintenance?: MaintenanceKpis;
  /** Present when the factory has a `quality` section or machines that make latent defects. */
  quality?: QualityKpis;
}

const HOUR_MS = 3_600_000;

/** Factory-wide accumulators: part lifecycle, WIP, lead times, orders; and the warm-up reset. */
export class KpiCollector {
  private startMs: number;
  private live = 0;
  private liveAtStart = 0;
  private readonly wip: TimeWeighted;
  /** WIP since time 0 (not reset at warm-up), for steady-state series. */
  private readonly wipSinceStart: TimeWeighted;
  private created = 0;
  private completed = 0;
  private scrapped = 0;
  private readonly completedBy = new Map<string, number>();
  private readonly scrappedBy = new Map<string, number>();
  private readonly leadTimes = new Map<string, number[]>();
  private ordersCompleted = 0;
  private ordersOnTime = 0;
  private tardinessSumMs = 0;
  private readonly openOrders = new Set<Order>();
  /** Totals since time 0 (not reset at warm-up). */
  readonly totals = { created: 0, completed: 0, scrapped: 0 };
  machines: readonly Machine[] = [];
  stations: readonly Station[] = [];
  maintenance: Maintenance | null = null;
  quality: QualityControl | null = null;

  constructor(
    private readonly sim: Simulation,
    private readonly probes: FactoryProbes,
    productIds: readonly string[],
  ) {
    this.startMs = sim.now();
    this.wip = new TimeWeighted(this.startMs, 0);
    this.wipSinceStart = new TimeWeighted(this.startMs, 0);
    for (const p of productIds) this.leadTimes.set(p, []);
  }

  get partsInProcess(): number {
    return this.live;
  }

  /** ∫ WIP dt from time 0 to `atMs` (part·ms), unaffected by the warm-up reset. */
  wipIntegral(atMs: number): number {
    return this.wipSinceStart.integral(atMs);
  }

  partCreated(part: Part): void {
    const now = this.sim.now();
    this.created++;
    this.totals.created++;
    this.wip.set(now, ++this.live);
    this.wipSinceStart.set(now, this.live);
    if (part.order !== null) this.openOrders.add(part.order);
    this.emitPart(part, 'created', now);
  }

  partCompleted(part: Part): void {
    const now = this.sim.now();
    this.completed++;
    this.totals.completed++;
    this.completedBy.set(part.product.id, (this.completedBy.get(part.product.id) ?? 0) + 1);
    this.leadTimes.get(part.product.id)!.push(now - part.createdMs);
    this.quality?.partCompleted(part);
    this.partLeft(part, 'completed', now);
  }

  partScrapped(part: Part): void {
    const now = this.sim.now();
    this.scrapped++;
    this.totals.scrapped++;
    this.scrappedBy.set(part.product.id, (this.scrappedBy.get(part.product.id) ?? 0) + 1);
    this.partLeft(part, 'scrapped', now);
  }

  private partLeft(part: Part, kind: 'completed' | 'scrapped', now: number): void {
    this.wip.set(now, --this.live);
    this.wipSinceStart.set(now, this.live);
    this.emitPart(part, kind, now);
    const order = part.order;
    if (order !== null && --order.open === 0) {
      this.openOrders.delete(order);
      this.ordersCompleted++;
      const tardiness = Math.max(0, now - order.dueMs);
      if (tardiness === 0) this.ordersOnTime++;
      this.tardinessSumMs += tardiness;
      if (this.probes.event.active) {
        this.probes.event.emit({
          timeMs: now,
          entityId: order.id,
          kind: 'orderCompleted',
          detail: tardiness === 0 ? 'on time' : `late by ${tardiness} ms`,
        });
      }
    }
  }

  private emitPart(part: Part, kind: 'created' | 'completed' | 'scrapped', now: number): void {
    if (this.probes.part.active) {
      this.probes.part.emit({ timeMs: now, partId: part.id, productId: part.product.id, kind });
    }
  }

  /** Warm-up deletion: forget everything measured before `atMs` (state carries over). */
  reset(atMs: number): void {
    this.startMs = atMs;
    this.liveAtStart = this.live;
    this.wip.reset(atMs);
    this.created = this.completed = this.scrapped = 0;
    this.completedBy.clear();
    this.scrappedBy.clear();
    for (const list of this.leadTimes.values()) list.length = 0;
    this.ordersCompleted = this.ordersOnTime = this.tardinessSumMs = 0;
    for (const m of this.machines) m.resetKpis(atMs);
    for (const s of this.stations) s.resetKpis(atMs);
    this.maintenance?.resetKpis(atMs);
    this.quality?.resetKpis(atMs);
    if (this.probes.event.active)
      this.probes.event.emit({ timeMs: atMs, entityId: 'factory', kind: 'warmUpEnd' });
  }

  compute(endMs: number): FactoryKpis {
    const durationMs = endMs - this.startMs;
    const perHour = durationMs > 0 ? HOUR_MS / durationMs : Number.NaN;
    const throughputPerHourByProduct: Record<string, number> = {};
    const completedByProduct: Record<string, number> = {};
    const scrappedByProduct: Record<string, number> = {};
    const leadTimeByProduct: Record<string, LeadTimeStats> = {};
    const all: number[] = [];
    for (const [p, list] of this.leadTimes) {
      const done = this.completedBy.get(p) ?? 0;
      completedByProduct[p] = done;
      scrappedByProduct[p] = this.scrappedBy.get(p) ?? 0;
      throughputPerHourByProduct[p] = done * perHour;
      leadTimeByProduct[p] = leadTimeStats(list);
      for (const x of list) all.push(x);
    }
    let openOverdue = 0;
    for (const o of this.openOrders) if (o.dueMs < endMs) openOverdue++;
    const machines: Record<string, MachineKpis> = {};
    for (const m of this.machines) machines[m.id] = m.kpis(this.startMs, endMs);
    const buffers: Record<string, StationKpis> = {};
    for (const s of this.stations) if (!s.isSink) buffers[s.id] = s.kpis(endMs);
    return {
      startMs: this.startMs,
      endMs,
      durationMs,
      parts: {
        created: this.created,
        completed: this.completed,
        scrapped: this.scrapped,
        wipAtStart: this.liveAtStart,
        wipAtEnd: this.live,
      },
      throughputPerHour: this.completed * perHour,
      throughputPerHourByProduct,
      completedByProduct,
      scrappedByProduct,
      leadTime: leadTimeStats(all),
      leadTimeByProduct,
      wip: { mean: this.wip.mean(endMs), max: this.wip.max },
      orders: {
        completed: this.ordersCompleted,
        onTime: this.ordersOnTime,
        onTimeRate: this.ordersCompleted > 0 ? this.ordersOnTime / this.ordersCompleted : Number.NaN,
        meanTardinessMs: this.ordersCompleted > 0 ? this.tardinessSumMs / this.ordersCompleted : Number.NaN,
        open: this.openOrders.size,
        openOverdue,
      },
      machines,
      buffers,
      ...(this.maintenance === null ? {} : { maintenance: this.maintenance.kpis(this.startMs, endMs) }),
      ...(this.quality === null ? {} : { quality: this.quality.kpis(this.startMs, endMs) }),
    };
  }
}

function leadTimeStats(values: readonly number[]): LeadTimeStats {
  if (values.length === 0) return { n: 0, meanMs: Number.NaN, p50Ms: Number.NaN, p95Ms: Number.NaN };
  let sum = 0;
  for (const v of values) sum += v;
  const [p50Ms, p95Ms] = percentiles(values, [0.5, 0.95]) as [number, number]; // one per p asked for
  return { n: values.length, meanMs: sum / values.length, p50Ms, p95Ms };
}
