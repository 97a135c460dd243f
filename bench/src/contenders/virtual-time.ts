import { type SchedulerAction, VirtualTimeScheduler } from 'rxjs';
import { type Elapsed, type Stamp, since, stamp } from '../clock';
import type { Contender, HoldQueue, HoldTiming } from '../hold-model';

// The work's state lives here, as in the Simulation contender: `this.schedule(id, nextIncrement)`.
let increments: Float64Array = new Float64Array(0);
let next = 0;
let checksum = 0;
/** Holds done so far, and where the current segment (a warm-up or a timed run) ends. */
let done = 0;
let segmentEnd = 0;
/** Where the last segment ends: after it the work stops rescheduling and `flush()` drains, untimed. */
let lastEnd = 0;
let onSegmentEnd: () => void = () => {};

function reschedule(this: SchedulerAction<number>, id?: number): void {
  if (done === lastEnd) return; // draining after the measured holds: reschedules nothing
  checksum = (Math.imul(checksum, 31) + id!) | 0;
  this.schedule(id, increments[next++]);
  if (++done === segmentEnd) onSegmentEnd();
}

/**
 * (c) RxJS's own VirtualTimeScheduler doing the same work as (b). Each schedule pushes onto an array and
 * re-sorts it, each run shifts the array (both O(N)), and each reschedule chains a new action to the
 * previous one, so it runs only at small N with far fewer holds. `flush()` runs until the queue is
 * empty and cannot be paused, so warm-up and timed runs are consecutive segments of one flush, clocked
 * from inside the work; after the last segment the work stops rescheduling and the drain is not timed.
 */
class VirtualTimeHold implements HoldQueue {
  private times: Float64Array = new Float64Array(0);
  private scheduler: VirtualTimeScheduler | null = null;

  prefill(times: Float64Array): void {
    this.times = times;
    this.scheduler = new VirtualTimeScheduler();
    for (let i = 0; i < times.length; i++) this.scheduler.schedule(reschedule, times[i], i);
  }

  hold(inc: Float64Array, count: number): HoldTiming {
    return this.holdRuns(inc, 0, count, 1)[0];
  }

  holdRuns(inc: Float64Array, warmupHolds: number, holds: number, runs: number): HoldTiming[] {
    if (this.scheduler === null) this.prefill(this.times); // a drained scheduler is rebuilt (untimed)
    const scheduler = this.scheduler!;
    this.scheduler = null;
    increments = inc;
    next = 0;
    done = 0;
    checksum = 0;
    lastEnd = warmupHolds + runs * holds;
    const timings: HoldTiming[] = [];
    let start: Stamp = stamp();
    const startRun = (): void => {
      segmentEnd = done + holds;
      checksum = 0;
      start = stamp();
    };
    onSegmentEnd = () => {
      if (done > warmupHolds) {
        const elapsed: Elapsed = since(start);
        timings.push({ ...elapsed, checksum });
      }
      if (done < lastEnd) startRun();
    };
    if (warmupHolds > 0) segmentEnd = warmupHolds;
    else startRun();
    scheduler.flush();
    if (timings.length !== runs) throw new Error(`queue ran dry after ${done} of ${lastEnd} holds`);
    return timings;
  }
}

export const virtualTimeContender: Contender = {
  id: 'virtual-time',
  title: 'RxJS VirtualTimeScheduler',
  create: () => new VirtualTimeHold(),
  memoryEvents: 10_000, // building costs O(N^2): one instance at N = 1e4
  holdsInOneGo: true,
};
