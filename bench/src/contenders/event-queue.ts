import { EventQueue } from '@factory-twin/sim-core';
import { since, stamp } from '../clock';
import type { Contender, HoldQueue, HoldTiming } from '../hold-model';

/** (a) sim-core's EventQueue used directly: hold = peekTime, pop, insert the same id later. */
class EventQueueHold implements HoldQueue {
  private readonly queue = new EventQueue();

  prefill(times: Float64Array): void {
    const queue = this.queue;
    for (let i = 0; i < times.length; i++) queue.insert(queue.allocate(), times[i]);
  }

  hold(increments: Float64Array, count: number): HoldTiming {
    const queue = this.queue;
    let checksum = 0;
    const start = stamp();
    for (let i = 0; i < count; i++) {
      const time = queue.peekTime();
      const id = queue.pop();
      checksum = (Math.imul(checksum, 31) + id) | 0;
      queue.insert(id, time + increments[i]);
    }
    return { ...since(start), checksum };
  }

  engineBytes(): number {
    return this.queue.reservedBytes;
  }
}

export const eventQueueContender: Contender = {
  id: 'event-queue',
  title: 'EventQueue (raw)',
  create: () => new EventQueueHold(),
};
