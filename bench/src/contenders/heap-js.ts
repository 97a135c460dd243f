import { Heap } from 'heap-js';
import { since, stamp } from '../clock';
import type { Contender, HoldQueue, HoldTiming } from '../hold-model';

interface Item {
  time: number;
  seq: number;
  id: number;
}

const compare = (a: Item, b: Item): number => (a.time < b.time ? -1 : a.time > b.time ? 1 : a.seq - b.seq);

/** (d) heap-js 2.7.1 (binary heap over an array of objects), same (time, seq) order; items are reused. */
class HeapJsHold implements HoldQueue {
  private readonly heap = new Heap<Item>(compare);
  private seq = 0;

  prefill(times: Float64Array): void {
    for (let i = 0; i < times.length; i++) this.heap.add({ time: times[i], seq: this.seq++, id: i });
  }

  hold(increments: Float64Array, count: number): HoldTiming {
    const heap = this.heap;
    let seq = this.seq;
    let checksum = 0;
    const start = stamp();
    for (let i = 0; i < count; i++) {
      const item = heap.pop()!;
      checksum = (Math.imul(checksum, 31) + item.id) | 0;
      item.time += increments[i];
      item.seq = seq++;
      heap.add(item); // `push(...items)` copies its arguments into an array; `add` is the single-item path
    }
    const elapsed = since(start);
    this.seq = seq;
    return { ...elapsed, checksum };
  }
}

export const heapJsContender: Contender = {
  id: 'heap-js',
  title: 'heap-js',
  create: () => new HeapJsHold(),
};
