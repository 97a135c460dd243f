import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EventQueue } from './event-queue';

type Op =
  | { kind: 'insert'; timeMs: number; priority: number }
  | { kind: 'remove'; pick: number }
  | { kind: 'move'; pick: number; timeMs: number }
  | { kind: 'pop' };

const timeArb = fc.integer({ min: 0, max: 20 }).map((t) => t / 2); // many ties on purpose
const opArb: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    kind: fc.constant('insert' as const),
    timeMs: timeArb,
    priority: fc.integer({ min: -2, max: 2 }),
  }),
  fc.record({ kind: fc.constant('remove' as const), pick: fc.nat() }),
  fc.record({ kind: fc.constant('move' as const), pick: fc.nat(), timeMs: timeArb }),
  fc.constant({ kind: 'pop' as const }),
);

/** Reference model: a list ordered by a stable sort on (time, priority, insertion sequence). */
class ReferenceQueue {
  entries: { id: number; timeMs: number; priority: number; seq: number }[] = [];
  private seq = 0;
  insert(id: number, timeMs: number, priority: number): void {
    this.entries = this.entries.filter((e) => e.id !== id);
    this.entries.push({ id, timeMs, priority, seq: this.seq++ });
  }
  remove(id: number): void {
    this.entries = this.entries.filter((e) => e.id !== id);
  }
  pop(): number {
    const sorted = [...this.entries].sort(
      (a, b) => a.timeMs - b.timeMs || a.priority - b.priority || a.seq - b.seq,
    );
    const first = sorted[0];
    if (!first) return -1;
    this.remove(first.id);
    return first.id;
  }
}

describe('EventQueue', () => {
  it('pops in (time, priority, insertion) order under random inserts, removals and moves', () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 300 }), (ops) => {
        const queue = new EventQueue(4); // tiny, so growth is exercised
        const reference = new ReferenceQueue();
        const priorities = new Map<number, number>();
        const popped: number[] = [];
        const expected: number[] = [];
        for (const op of ops) {
          const live = reference.entries.map((e) => e.id);
          if (op.kind === 'insert') {
            const id = queue.allocate();
            priorities.set(id, op.priority);
            queue.insert(id, op.timeMs, op.priority);
            reference.insert(id, op.timeMs, op.priority);
          } else if (op.kind === 'remove' && live.length > 0) {
            const id = live[op.pick % live.length];
            expect(queue.remove(id)).toBe(true);
            expect(queue.remove(id)).toBe(false);
            queue.release(id);
            reference.remove(id);
          } else if (op.kind === 'move' && live.length > 0) {
            const id = live[op.pick % live.length];
            queue.insert(id, op.timeMs, priorities.get(id));
            reference.insert(id, op.timeMs, priorities.get(id) ?? 0);
          } else if (op.kind === 'pop') {
            const id = queue.pop();
            if (id >= 0) queue.release(id);
            popped.push(id);
            expected.push(reference.pop());
          }
          expect(queue.size).toBe(reference.entries.length);
        }
        while (queue.size > 0) popped.push(queue.pop());
        while (reference.entries.length > 0) expected.push(reference.pop());
        expect(popped).toEqual(expected);
      }),
      { numRuns: 300, seed: 20261124 },
    );
  });

  it('peekTime is the minimum and Infinity when empty', () => {
    const queue = new EventQueue();
    expect(queue.peekTime()).toBe(Number.POSITIVE_INFINITY);
    expect(queue.pop()).toBe(-1);
    for (const t of [5, 3, 9, 3.5]) queue.insert(queue.allocate(), t);
    expect(queue.peekTime()).toBe(3);
  });

  it('recycles ids, so a long hold run keeps its storage flat', () => {
    const queue = new EventQueue(16);
    for (let i = 0; i < 1000; i++) queue.insert(queue.allocate(), i);
    const bytes = queue.reservedBytes;
    let t = 0;
    for (let i = 0; i < 100_000; i++) {
      t = queue.peekTime();
      const id = queue.pop();
      queue.insert(id, t + 1000);
    }
    expect(queue.size).toBe(1000);
    expect(queue.reservedBytes).toBe(bytes);
  });

  it('cancellation removes the event at once (no tombstones left to pop)', () => {
    const queue = new EventQueue();
    const ids = Array.from({ length: 100 }, (_, i) => {
      const id = queue.allocate();
      queue.insert(id, i);
      return id;
    });
    for (const id of ids.slice(0, 99)) queue.remove(id);
    expect(queue.size).toBe(1);
    expect(queue.peekTime()).toBe(99);
  });
});

/** Sorted-array model of the queue order, fast enough for thousands of pending events. */
class SortedModel {
  private entries: ModelEntry[] = [];
  private readonly byId = new Map<number, ModelEntry>();
  private seq = 0;
  get size(): number {
    return this.entries.length;
  }
  insert(id: number, timeMs: number, priority: number): void {
    this.remove(id);
    const entry = { id, timeMs, priority, seq: this.seq++ };
    this.entries.splice(this.indexOf(entry), 0, entry);
    this.byId.set(id, entry);
  }
  remove(id: number): boolean {
    const entry = this.byId.get(id);
    if (!entry) return false;
    this.entries.splice(this.indexOf(entry), 1);
    this.byId.delete(id);
    return true;
  }
  peekTime(): number {
    return this.entries[0]?.timeMs ?? Number.POSITIVE_INFINITY;
  }
  pop(): number {
    const first = this.entries[0];
    if (!first) return -1;
    this.remove(first.id);
    return first.id;
  }
  /** Where `entry` is, or goes: the first entry not ordered before it. */
  private indexOf(entry: ModelEntry): number {
    let lo = 0;
    let hi = this.entries.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const e = this.entries[mid];
      const before =
        e.timeMs < entry.timeMs ||
        (e.timeMs === entry.timeMs &&
          (e.priority < entry.priority || (e.priority === entry.priority && e.seq < entry.seq)));
      if (before) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

interface ModelEntry {
  id: number;
  timeMs: number;
  priority: number;
  seq: number;
}

function mulberry32(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) | 0;
    let t = Math.imul(s ^ (s >>> 15), 1 | s);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Next-event times relative to the last popped time; several break naive calendar queues.
const TIME_SHAPES: Record<string, (now: number, u: () => number) => number> = {
  exponential: (now, u) => now - Math.log(1 - u()),
  'integer ties': (now, u) => Math.floor(now) + (u() < 0.5 ? 0 : 1),
  bimodal: (now, u) => now + (u() < 0.99 ? -0.001 * Math.log(1 - u()) : -1000 * Math.log(1 - u())),
  'heavy tail': (now, u) => now + (1 / 3) * (1 - u()) ** (-1 / 1.5),
  'into the past': (now, u) => now + (u() - 0.7) * 10,
  'with infinities': (now, u) =>
    u() < 0.05 ? Number.POSITIVE_INFINITY : u() < 0.02 ? Number.NEGATIVE_INFINITY : now + u(),
  'vast range': (now, u) => (u() < 0.5 ? now + u() * 1e300 : now - u() * 1e300),
  'tiny range': (now, u) => now + u() * 1e-12,
};

describe('EventQueue with thousands pending (rungs, split buckets, Top)', () => {
  for (const [shape, next] of Object.entries(TIME_SHAPES)) {
    it(`pops like a sorted list: ${shape}`, () => {
      const u = mulberry32(shape.length * 7919);
      // Plain comparisons in the loop (expect() per operation would dominate); the first difference is reported.
      const differences: string[] = [];
      const same = (what: string, got: unknown, want: unknown, op: number): void => {
        if (got !== want && differences.length === 0)
          differences.push(`op ${op}: ${what} ${got}, model ${want}`);
      };
      for (const target of [50, 2000]) {
        const queue = new EventQueue(16);
        const model = new SortedModel();
        const live: number[] = [];
        const priorities = new Map<number, number>();
        let now = 0;
        for (let op = 0; op < target * 12; op++) {
          const x = u();
          if (x < (live.length < target ? 0.6 : 0.3)) {
            const id = queue.allocate();
            const priority = u() < 0.1 ? Math.floor(u() * 5) - 2 : 0;
            priorities.set(id, priority);
            const t = next(now, u);
            queue.insert(id, t, priority);
            model.insert(id, t, priority);
            live.push(id);
          } else if (x < 0.4 && live.length > 0) {
            const k = Math.floor(u() * live.length);
            const id = live[k];
            if (u() < 0.5) {
              same('remove', queue.remove(id), model.remove(id), op);
              queue.release(id);
              live[k] = live[live.length - 1];
              live.pop();
            } else {
              const t = next(now, u);
              queue.insert(id, t, priorities.get(id));
              model.insert(id, t, priorities.get(id) ?? 0);
            }
          } else {
            const timeMs = queue.peekTime();
            same('peekTime', timeMs, model.peekTime(), op);
            const id = queue.pop();
            same('pop', id, model.pop(), op);
            if (Number.isFinite(timeMs)) now = Math.max(now, timeMs);
            if (id >= 0) {
              const t = next(now, u);
              queue.insert(id, t, priorities.get(id));
              model.insert(id, t, priorities.get(id) ?? 0);
            }
          }
          same('size', queue.size, model.size, op);
        }
        while (model.size > 0) {
          same('peekTime (drain)', queue.peekTime(), model.peekTime(), -1);
          same('pop (drain)', queue.pop(), model.pop(), -1);
        }
        same('pop (empty)', queue.pop(), -1, -1);
      }
      expect(differences).toEqual([]);
    });
  }
});

describe('EventQueue with many events at one time', () => {
  const cases = [5, Number.POSITIVE_INFINITY].flatMap((timeMs) => [
    { timeMs, priorities: false },
    { timeMs, priorities: true },
  ]);
  for (const { timeMs, priorities } of cases) {
    it(`pops ${timeMs} ms events in insertion order${priorities ? ', lower priorities first' : ''}, with inserts and removals between`, () => {
      const queue = new EventQueue(8);
      const model = new SortedModel();
      for (let i = 0; i < 300; i++) {
        const id = queue.allocate();
        const priority = priorities && i % 7 === 0 ? -1 : 0;
        queue.insert(id, timeMs, priority);
        model.insert(id, timeMs, priority);
      }
      const popped: number[] = [];
      const expected: number[] = [];
      for (let i = 0; model.size > 0; i++) {
        if (i % 10 === 3) {
          const id = queue.allocate(); // same time, later: goes after everything equal
          queue.insert(id, timeMs);
          model.insert(id, timeMs, 0);
        }
        if (i % 25 === 7 && queue.size > 2) {
          const victim = queue.peekId();
          expect(queue.remove(victim)).toBe(model.remove(victim));
        }
        popped.push(queue.pop());
        expected.push(model.pop());
      }
      expect(popped).toEqual(expected);
      expect(queue.size).toBe(0);
    });
  }
});
