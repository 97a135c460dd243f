import type { SchedulerAction, SchedulerLike, Subscription } from 'rxjs';
import { SimulationError } from './errors';
import { EventQueue, MAX_PRIORITY, MIN_PRIORITY } from './event-queue';
import { Probe } from './probe';
import { SimAction, type Work } from './sim-action';

export interface ScheduleOptions {
  /** Lower runs first among events at the same time; an integer in [-2048, 2047], default 0. */
  priority?: number;
  /** Names the action in errors and traces. */
  label?: string;
}

export interface RunOptions {
  /** Process events with time <= untilMs, then set the clock to untilMs. Default: until nothing is pending. */
  untilMs?: number;
  /** Stop after this many events (a guard for runaway models). */
  maxEvents?: number;
}

/** What one `Simulation.run` call did (not a twin run's result: that is RunResult in twin/). */
export interface RunStats {
  events: number;
  endTimeMs: number;
  /** Whether pending events remain. */
  pending: boolean;
}

/** One processed event, as seen on `trace`. */
export interface TraceRecord {
  timeMs: number;
  label: string;
}

/**
 * The simulation clock and event loop. Implements RxJS `SchedulerLike`, so `timer`, `interval`,
 * `delay`, `bufferTime`, `timeout`… run on simulated milliseconds when handed this scheduler.
 * Never reads the wall clock: time only moves when the loop takes the next event.
 */
export class Simulation implements SchedulerLike {
  private nowMs = 0;
  private readonly queue: EventQueue;
  private readonly actions: (SimAction<never> | undefined)[] = [];
  private executing: SimAction<never> | null = null;
  private processed = 0;
  /** Every processed event, for recorders and tests; costs nothing while nobody subscribes. */
  readonly trace = new Probe<TraceRecord>();

  constructor(options: { initialCapacity?: number } = {}) {
    this.queue = new EventQueue(options.initialCapacity);
  }

  now(): number {
    return this.nowMs;
  }

  /** Events processed so far. */
  get eventCount(): number {
    return this.processed;
  }

  /** Events waiting. */
  get pendingCount(): number {
    return this.queue.size;
  }

  /** RxJS's entry point: the returned action reschedules itself (reusing its slot) via `this.schedule`. */
  schedule<T>(work: (this: SchedulerAction<T>, state?: T) => void, delay = 0, state?: T): Subscription {
    return new SimAction<T>(this, work, 0, undefined).schedule(state, delay);
  }

  /** Runs `fn` after `delayMs` simulated milliseconds; unsubscribe the result to cancel. */
  after(delayMs: number, fn: () => void, options?: ScheduleOptions): SimAction<undefined> {
    const action = new SimAction<undefined>(this, fn, checkPriority(options?.priority), options?.label);
    action.schedule(undefined, delayMs);
    return action;
  }

  /** Runs `fn` at absolute simulated time `timeMs` (not before now). */
  at(timeMs: number, fn: () => void, options?: ScheduleOptions): SimAction<undefined> {
    return this.after(timeMs - this.nowMs, fn, options);
  }

  /** A reusable action that is not yet scheduled: call `schedule(state, delayMs)` on it, as often as needed. */
  action<T>(work: Work<T>, options?: ScheduleOptions): SimAction<T> {
    return new SimAction<T>(this, work, checkPriority(options?.priority), options?.label);
  }

  /** Time of the next pending event, or Infinity when nothing is pending. */
  peek(): number {
    return this.queue.peekTime();
  }

  /** Processes the next event; returns false when nothing is pending. */
  step(): boolean {
    const queue = this.queue;
    if (queue.size === 0) return false;
    const timeMs = queue.peekTime();
    const id = queue.pop();
    const action = this.actions[id]!;
    this.nowMs = timeMs;
    this.processed++;
    this.executing = action;
    try {
      action.execute();
    } catch (error) {
      throw new SimulationError(timeMs, action.describe(), error);
    } finally {
      this.executing = null;
    }
    if (action.id === id && !queue.isQueued(id)) this.releaseSlot(action);
    if (this.trace.active) this.trace.emit({ timeMs, label: action.describe() });
    return true;
  }

  /** Processes events in order until `untilMs`, `maxEvents`, or nothing is pending. */
  run(options: RunOptions = {}): RunStats {
    const untilMs = options.untilMs ?? Number.POSITIVE_INFINITY;
    const maxEvents = options.maxEvents ?? Number.POSITIVE_INFINITY;
    if (this.executing !== null) throw new Error('run() called from inside an action');
    if (Number.isNaN(untilMs)) throw new RangeError('untilMs is NaN');
    let events = 0;
    const queue = this.queue;
    while (events < maxEvents && queue.size > 0 && queue.peekTime() <= untilMs) {
      this.step();
      events++;
    }
    if (untilMs !== Number.POSITIVE_INFINITY && untilMs > this.nowMs && events < maxEvents)
      this.nowMs = untilMs;
    return { events, endTimeMs: this.nowMs, pending: this.queue.size > 0 };
  }

  /** @internal Called by SimAction.schedule. */
  enqueue(action: SimAction<never>, delayMs: number, priority: number): void {
    if (Number.isNaN(delayMs)) throw new RangeError(`delay of "${action.describe()}" is NaN`);
    // RxJS passes negative delays for past dates; like its own schedulers we run those now.
    const timeMs = delayMs > 0 ? this.nowMs + delayMs : this.nowMs;
    let id = action.id;
    if (id < 0) {
      id = this.queue.allocate();
      action.id = id;
      this.actions[id] = action;
    }
    this.queue.insert(id, timeMs, priority);
  }

  /** @internal */
  isPending(action: SimAction<never>): boolean {
    return action.id >= 0 && this.queue.isQueued(action.id);
  }

  /** @internal Called by SimAction.unsubscribe. */
  cancel(action: SimAction<never>): void {
    const id = action.id;
    if (id < 0) return;
    this.queue.remove(id);
    // An action cancelling itself while it runs keeps its slot until step() finishes with it.
    if (action !== this.executing) this.releaseSlot(action);
  }

  private releaseSlot(action: SimAction<never>): void {
    const id = action.id;
    this.actions[id] = undefined;
    this.queue.release(id);
    action.id = -1;
  }
}

function checkPriority(priority: number | undefined): number {
  if (priority === undefined) return 0;
  if (!Number.isInteger(priority) || priority < MIN_PRIORITY || priority > MAX_PRIORITY) {
    throw new RangeError(
      `priority must be an integer in [${MIN_PRIORITY}, ${MAX_PRIORITY}], got ${priority}`,
    );
  }
  return priority;
}
