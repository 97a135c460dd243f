import fc from 'fast-check';
import {
  bufferTime,
  concatMap,
  delay,
  firstValueFrom,
  interval,
  map,
  observeOn,
  of,
  take,
  timeout,
  timer,
  toArray,
} from 'rxjs';
import { describe, expect, it } from 'vitest';
import { SimulationError } from './errors';
import { Simulation } from './simulation';

/** Subscribes, runs the simulation to the end, returns [simulated time, value] pairs. */
function record<T>(sim: Simulation, source: import('rxjs').Observable<T>): [number, T][] {
  const seen: [number, T][] = [];
  source.subscribe((value) => seen.push([sim.now(), value]));
  sim.run();
  return seen;
}

describe('Simulation as an RxJS scheduler', () => {
  it('timer fires at its simulated due time', () => {
    const sim = new Simulation();
    expect(record(sim, timer(250, sim))).toEqual([[250, 0]]);
  });

  it('interval + take ticks every period', () => {
    const sim = new Simulation();
    expect(record(sim, interval(100, sim).pipe(take(4)))).toEqual([
      [100, 0],
      [200, 1],
      [300, 2],
      [400, 3],
    ]);
  });

  it('delay shifts every value by the delay', () => {
    const sim = new Simulation();
    const source = interval(10, sim).pipe(take(3), delay(5, sim));
    expect(record(sim, source)).toEqual([
      [15, 0],
      [25, 1],
      [35, 2],
    ]);
  });

  it('concatMap of timers runs them one after another', () => {
    const sim = new Simulation();
    const source = of(30, 10, 20).pipe(concatMap((ms) => timer(ms, sim).pipe(map(() => ms))));
    expect(record(sim, source)).toEqual([
      [30, 30],
      [40, 10],
      [60, 20],
    ]);
  });

  it('bufferTime groups the values of each window and flushes on completion', () => {
    const sim = new Simulation();
    const source = interval(30, sim).pipe(take(7), bufferTime(100, sim), take(3));
    expect(record(sim, source)).toEqual([
      [100, [0, 1, 2]],
      [200, [3, 4, 5]],
      [210, [6]], // take(7) completes at 210 ms and bufferTime emits what it holds
    ]);
  });

  it('timeout errors at the simulated deadline', () => {
    const sim = new Simulation();
    const errors: number[] = [];
    timer(500, sim)
      .pipe(timeout({ first: 200, scheduler: sim }))
      .subscribe({ error: () => errors.push(sim.now()) });
    sim.run();
    expect(errors).toEqual([200]);
  });

  it('observeOn moves delivery onto the simulation', () => {
    const sim = new Simulation();
    const seen: number[] = [];
    of(1, 2)
      .pipe(observeOn(sim, 7))
      .subscribe((v) => seen.push(v * 1000 + sim.now()));
    expect(seen).toEqual([]);
    sim.run();
    expect(seen).toEqual([1007, 2007]);
  });

  it('no real time passes: a simulated day runs at once', async () => {
    const sim = new Simulation();
    const done = firstValueFrom(timer(86_400_000, sim).pipe(toArray()));
    const started = performance.now();
    sim.run();
    await done;
    expect(sim.now()).toBe(86_400_000);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

describe('run control', () => {
  it('run({ untilMs }) stops at the horizon and sets the clock there', () => {
    const sim = new Simulation();
    const fired: number[] = [];
    for (const t of [10, 20, 30]) sim.after(t, () => fired.push(sim.now()));
    const result = sim.run({ untilMs: 20 });
    expect(fired).toEqual([10, 20]);
    expect(result).toEqual({ events: 2, endTimeMs: 20, pending: true });
    expect(sim.peek()).toBe(30);
    sim.run({ untilMs: 25 });
    expect(sim.now()).toBe(25);
    expect(sim.run()).toEqual({ events: 1, endTimeMs: 30, pending: false });
  });

  it('step processes one event; ends when nothing is pending', () => {
    const sim = new Simulation();
    sim.after(5, () => sim.after(5, () => {}));
    expect(sim.step()).toBe(true);
    expect(sim.now()).toBe(5);
    expect(sim.peek()).toBe(10);
    expect(sim.step()).toBe(true);
    expect(sim.step()).toBe(false);
    expect(sim.peek()).toBe(Number.POSITIVE_INFINITY);
  });

  it('equal times run in scheduling order, priority first', () => {
    const sim = new Simulation();
    const order: string[] = [];
    sim.after(1, () => order.push('a'));
    sim.after(1, () => order.push('b'));
    sim.after(1, () => order.push('urgent'), { priority: -1 });
    sim.after(1, () => order.push('late'), { priority: 1 });
    sim.after(1, () => order.push('c'));
    sim.run();
    expect(order).toEqual(['urgent', 'a', 'b', 'c', 'late']);
  });

  it('an action that throws stops the run naming the time and the action', () => {
    const sim = new Simulation();
    sim.after(
      42.5,
      () => {
        throw new Error('buffer overflow');
      },
      { label: 'machine M7 cycle end' },
    );
    sim.after(50, () => {});
    const thrown = (() => {
      try {
        sim.run();
      } catch (error) {
        return error;
      }
    })();
    expect(thrown).toBeInstanceOf(SimulationError);
    expect((thrown as SimulationError).message).toBe(
      'action "machine M7 cycle end" failed at simulated time 42.5 ms: buffer overflow',
    );
    expect(sim.now()).toBe(42.5);
  });

  it('cancelled actions never run and free their slot', () => {
    const sim = new Simulation();
    const ran: number[] = [];
    const a = sim.after(10, () => ran.push(1));
    sim.after(20, () => ran.push(2));
    a.unsubscribe();
    expect(sim.pendingCount).toBe(1);
    sim.run();
    expect(ran).toEqual([2]);
  });

  it('cancel() unschedules an action but keeps it reusable', () => {
    const sim = new Simulation();
    const ran: number[] = [];
    const action = sim.action<number>((n) => ran.push(n!));
    action.schedule(1, 10);
    action.cancel();
    expect(action.pending).toBe(false);
    expect(sim.pendingCount).toBe(0);
    action.cancel(); // harmless when not pending
    action.schedule(2, 5);
    sim.run();
    expect(ran).toEqual([2]);
    expect(sim.now()).toBe(5);
  });

  it('an action may cancel itself or reschedule itself while it runs', () => {
    const sim = new Simulation();
    let ticks = 0;
    const action = sim.action<number>(function (n = 0) {
      ticks++;
      if (n < 3) this.schedule(n + 1, 10);
      else (this as unknown as { unsubscribe(): void }).unsubscribe();
    });
    action.schedule(0, 10);
    sim.run();
    expect(ticks).toBe(4);
    expect(sim.now()).toBe(40);
    expect(sim.pendingCount).toBe(0);
  });

  it('trace emits only while observed', () => {
    const sim = new Simulation();
    const labels: string[] = [];
    sim.after(1, () => {}, { label: 'before' });
    sim.step();
    const sub = sim.trace.stream$.subscribe((r) => labels.push(`${r.timeMs}:${r.label}`));
    sim.after(1, () => {}, { label: 'watched' });
    sim.step();
    sub.unsubscribe();
    sim.after(1, () => {}, { label: 'after' });
    sim.step();
    expect(labels).toEqual(['2:watched']);
    expect(sim.trace.active).toBe(false);
  });
});

describe('long-lived repeating work', () => {
  it('interval runs a million ticks in flat memory and unsubscribes cleanly', () => {
    const sim = new Simulation();
    let ticks = 0;
    const sub = interval(1, sim).subscribe(() => ticks++);
    sim.run({ untilMs: 1000 });
    expect(typeof global.gc).toBe('function'); // sim-core's vitest config passes --expose-gc
    global.gc?.();
    const heapBefore = process.memoryUsage().heapUsed;
    sim.run({ untilMs: 1_000_000 });
    global.gc?.();
    const growthBytes = process.memoryUsage().heapUsed - heapBefore;
    expect(ticks).toBe(1_000_000);
    expect(sim.pendingCount).toBe(1);
    // RxJS's VirtualTimeScheduler grows ~300 bytes per tick (~300 MB here); we allow 5 MB of noise.
    expect(growthBytes).toBeLessThan(5_000_000);
    expect(() => sub.unsubscribe()).not.toThrow();
    expect(sim.pendingCount).toBe(0);
    expect(sim.run().events).toBe(0);
  });
});

describe('determinism', () => {
  it('the same schedule gives the same trace; shuffling insertions among equal keys changes it', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 2, maxLength: 40 }), (delays) => {
        const traceOf = (order: number[]) => {
          const sim = new Simulation();
          const seen: string[] = [];
          order.forEach((i) => {
            sim.after(delays[i], () => seen.push(`${sim.now()}#${i}`));
          });
          sim.run();
          return seen;
        };
        const order = delays.map((_, i) => i);
        expect(traceOf(order)).toEqual(traceOf(order));
        const stable = [...order].sort((a, b) => delays[a] - delays[b] || a - b);
        expect(traceOf(order)).toEqual(stable.map((i) => `${delays[i]}#${i}`));
      }),
      { seed: 7, numRuns: 200 },
    );
  });
});
