import { sampler } from '../engine/distributions';
import type { SimAction } from '../engine/sim-action';
import type { SlotWaiter, Station } from './buffer';
import type { SourceConfig } from './config';
import type { FactoryContext } from './context';
import type { Order, Part, Product } from './part';

/**
 * Releases work into the plant: random arrivals (one part per arrival) and/or scheduled orders
 * (`count` parts at `atMs`). It stands for the control system's order release, so the control system
 * knows a released part at once. A part that finds the source's station full waits in the source's
 * backlog (it counts as work in process) until a slot frees.
 */
export class Source implements SlotWaiter {
  private readonly arrivalAction: SimAction<undefined> | null = null;
  private readonly scheduleAction: SimAction<undefined> | null = null;
  private readonly drawInterarrival: (() => number) | null = null;
  private readonly drawProduct: () => number;
  private readonly mix: Product[];
  private readonly schedule: NonNullable<SourceConfig['schedule']>;
  private nextScheduled = 0;
  private readonly backlog: Part[] = [];
  private orderSeq = 0;

  constructor(
    private readonly ctx: FactoryContext,
    readonly config: SourceConfig,
    readonly station: Station,
    private readonly products: ReadonlyMap<string, Product>,
    private readonly createPart: (product: Product, order: Order | null) => Part,
  ) {
    const { sim, streams } = ctx;
    const id = config.id;
    const mix = config.productMix ?? { [products.keys().next().value!]: 1 };
    this.mix = Object.keys(mix).map((p) => products.get(p)!);
    this.drawProduct = sampler(
      { kind: 'empirical', values: this.mix.map((_, i) => i), weights: Object.values(mix) },
      streams.stream(id, 'mix'),
    );
    if (config.interarrival !== undefined) {
      this.drawInterarrival = sampler(config.interarrival, streams.stream(id, 'arrival'));
      this.arrivalAction = sim.action(() => this.onArrival(), { label: `source ${id} arrival` });
      this.scheduleNextArrival(config.startMs ?? 0);
    }
    this.schedule = [...(config.schedule ?? [])].sort((a, b) => a.atMs - b.atMs);
    if (this.schedule.length > 0) {
      this.scheduleAction = sim.action(() => this.onScheduled(), { label: `source ${id} schedule` });
      this.scheduleAction.schedule(undefined, this.schedule[0]!.atMs - sim.now());
    }
  }

  get id(): string {
    return this.config.id;
  }

  get backlogSize(): number {
    return this.backlog.length;
  }

  private scheduleNextArrival(fromMs: number): void {
    const at = fromMs + this.drawInterarrival!();
    if (this.config.stopMs !== undefined && at > this.config.stopMs) return;
    this.arrivalAction!.schedule(undefined, at - this.ctx.sim.now());
  }

  private onArrival(): void {
    const now = this.ctx.sim.now();
    this.release(this.mix[this.drawProduct()]!, 1);
    this.scheduleNextArrival(now);
  }

  private onScheduled(): void {
    const now = this.ctx.sim.now();
    while (this.nextScheduled < this.schedule.length && this.schedule[this.nextScheduled]!.atMs <= now) {
      const entry = this.schedule[this.nextScheduled++]!;
      this.release(this.products.get(entry.productId)!, entry.count);
    }
    if (this.nextScheduled < this.schedule.length) {
      this.scheduleAction!.schedule(undefined, this.schedule[this.nextScheduled]!.atMs - now);
    }
  }

  /** Releases one work order of `count` parts (an order with a due date if the source has `orders`). */
  private release(product: Product, count: number): void {
    const now = this.ctx.sim.now();
    let order: Order | null = null;
    if (this.config.orders !== undefined && count > 0) {
      order = {
        id: `${this.id}#${++this.orderSeq}`,
        releasedMs: now,
        dueMs: now + this.config.orders.dueInMs,
        open: count,
      };
      const { probes } = this.ctx;
      if (probes.event.active) {
        probes.event.emit({
          timeMs: now,
          entityId: order.id,
          kind: 'orderReleased',
          detail: `${count} × ${product.id}`,
        });
      }
    }
    for (let i = 0; i < count; i++) {
      const part = this.createPart(product, order);
      if (this.backlog.length === 0 && this.station.hasRoom()) this.enter(part);
      else {
        if (this.backlog.length === 0) this.station.waitForSlot(this);
        this.backlog.push(part);
      }
    }
  }

  onSlotFree(): void {
    this.enter(this.backlog.shift()!);
    if (this.backlog.length > 0) this.station.waitForSlot(this);
  }

  private enter(part: Part): void {
    this.station.put(part);
    this.ctx.control.onPartAvailable(part, this.station);
  }
}
