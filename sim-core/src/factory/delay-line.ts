import type { SimAction } from '../engine/sim-action';
import type { Simulation } from '../engine/simulation';

/**
 * A FIFO that hands each item to `deliver` a constant `delayMs` after `push`, always from a scheduled
 * event (never inside `push`). With a constant delay, items leave in the order they came, so one
 * reusable action serves them all: no allocation per item beyond the queue slot.
 */
export class DelayLine<T> {
  private items: (T | undefined)[] = [];
  private dueMs: number[] = [];
  private head = 0;
  private readonly action: SimAction<undefined>;

  constructor(
    private readonly sim: Simulation,
    readonly delayMs: number,
    private readonly deliver: (item: T) => void,
    label = 'delay line',
  ) {
    if (!(delayMs >= 0) || !Number.isFinite(delayMs)) {
      throw new RangeError(`${label}: delay must be a finite number >= 0, got ${delayMs}`);
    }
    this.action = sim.action(() => this.flush(), { label });
  }

  get size(): number {
    return this.items.length - this.head;
  }

  push(item: T): void {
    this.items.push(item);
    this.dueMs.push(this.sim.now() + this.delayMs);
    if (!this.action.pending) this.action.schedule(undefined, this.delayMs);
  }

  private flush(): void {
    const now = this.sim.now();
    // Items pushed by `deliver` with delay 0 are due now and leave in this same flush.
    while (this.head < this.items.length && this.dueMs[this.head]! <= now) {
      const item = this.items[this.head] as T;
      this.items[this.head++] = undefined;
      this.deliver(item);
    }
    if (this.head === this.items.length) {
      this.items.length = 0;
      this.dueMs.length = 0;
      this.head = 0;
    } else {
      if (this.head >= 1024 && this.head * 2 >= this.items.length) {
        this.items.splice(0, this.head);
        this.dueMs.splice(0, this.head);
        this.head = 0;
      }
      this.action.schedule(undefined, this.dueMs[this.head]! - now);
    }
  }
}
