import TinyQueue from 'tinyqueue';
import { since, stamp } from '../clock';
import type { Contender, HoldQueue, HoldTiming } from '../hold-model';

interface Item {
  time: number;
  seq: number;
  id: number;
}

const compare = (a: Item, b: Item): number => (a.time < b.time ? -1 : a.time > b.time ? 1 : a.seq - b.seq);

/** (d) tinyqueue 3.0.0 (binary heap over an array of objects), same (time, seq) order; items are reused. */
class TinyQueueHold implements HoldQueue {
  private readonly queue = new TinyQueue<Item>([], compare);
  private seq = 0;

  prefill(times: Float64Array): void {
    for (let i = 0; i < times.length; i++) this.queue.push({ time: times[i], seq: this.seq++, id: i });
  }

  hold(increments: Float64Array, count: number): HoldTiming {
    const queue = this.queue;
    let seq = this.seq;
    let checksum = 0;
    const start = stamp();
    for (let i = 0; i < count; i++) {
      const item = queue.pop()!;
      checksum = (Math.imul(checksum, 31) + item.id) | 0;
      item.time += increments[i];
      item.seq = seq++;
      queue.push(item);
    }
    const elapsed = since(start);
    this.seq = seq;
    return { ...elapsed, checksum };
  }
}

export const tinyQueueContender: Contender = {
  id: 'tinyqueue',
  title: 'tinyqueue',
  create: () => new TinyQueueHold(),
};
