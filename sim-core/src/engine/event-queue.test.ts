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
