import { type SchedulerAction, Subscription } from 'rxjs';
import type { Simulation } from './simulation';

export type Work<T> = (this: SchedulerAction<T>, state?: T) => void;

/**
 * A unit of scheduled work. It owns its cancel (unsubscribe) and its reschedule (`schedule`), and
 * keeps one queue slot while pending: a repeating action (an `interval`, a machine cycle) reuses
 * this one object for every tick, so long runs allocate nothing per tick and never chain
 * subscriptions (RxJS's VirtualTimeScheduler adds a child subscription per reschedule).
 */
export class SimAction<T> extends Subscription implements SchedulerAction<T> {
  /** @internal Queue handle while the action holds a slot, else -1. */
  id = -1;
  private state: T | undefined = undefined;

  constructor(
    private readonly sim: Simulation,
    private readonly work: Work<T>,
    private readonly priority: number,
    private readonly label: string | undefined,
  ) {
    super();
  }

  // `as unknown as SimAction<never>` below: the queue stores actions of every state type T, and T appears in
  // both argument and result positions, so SimAction<T> is not assignable to SimAction<never>; the queue
  // never reads `state`, so erasing T is safe.
  /** (Re)schedules this action `delayMs` from now with `state`; replaces any pending time. */
  schedule(state?: T, delayMs = 0): Subscription {
    if (this.closed) return this;
    this.state = state;
    this.sim.enqueue(this as unknown as SimAction<never>, delayMs, this.priority);
    return this;
  }

  /** Takes the action out of the queue but keeps it usable (unlike `unsubscribe`): `schedule` it again later. */
  cancel(): void {
    if (this.id >= 0) this.sim.cancel(this as unknown as SimAction<never>);
  }

  /** Whether the action is waiting in the queue. */
  get pending(): boolean {
    return this.id >= 0 && this.sim.isPending(this as unknown as SimAction<never>);
  }

  override unsubscribe(): void {
    if (this.closed) return;
    this.sim.cancel(this as unknown as SimAction<never>);
    super.unsubscribe();
  }

  /** @internal */
  execute(): void {
    this.work.call(this, this.state);
  }

  /** @internal The label, else the work function's name. */
  describe(): string {
    return this.label ?? (this.work.name || 'anonymous action');
  }
}
