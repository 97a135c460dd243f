import { since, stamp } from '../clock';
import type { Contender, HoldQueue, HoldTiming } from '../hold-model';

/**
 * Baseline: sim-core's EventQueue as it was before the ladder (commit 61bc381), an indexed 4-ary min-heap
 * over typed arrays, kept verbatim so the reason for the change stays measurable. Same API and order.
 */
const SEQ_BITS = 2 ** 40; // sequence numbers below 2^40 (a trillion events) keep the key exact in float64
const MIN_PRIORITY = -2048;

const NOT_QUEUED = -1;

export class TypedHeapQueue {
  private heapTime: Float64Array;
  private heapKey: Float64Array; // (priority - MIN_PRIORITY) * 2^40 + sequence
  private heapId: Int32Array;
  private position: Int32Array; // id → heap slot, NOT_QUEUED when the id is allocated but not queued
  private freeIds: Int32Array;
  private freeCount = 0;
  private nextFreshId = 0;
  private count = 0;
  private sequence = 0;

  constructor(initialCapacity = 1024) {
    const capacity = Math.max(4, initialCapacity | 0);
    this.heapTime = new Float64Array(capacity);
    this.heapKey = new Float64Array(capacity);
    this.heapId = new Int32Array(capacity);
    this.position = new Int32Array(capacity);
    this.freeIds = new Int32Array(capacity);
  }

  get size(): number {
    return this.count;
  }

  /** Bytes of typed-array storage currently reserved (capacity, not just the pending events). */
  get reservedBytes(): number {
    return (
      this.heapTime.byteLength +
      this.heapKey.byteLength +
      this.heapId.byteLength +
      this.position.byteLength +
      this.freeIds.byteLength
    );
  }

  /** A fresh handle; it is not queued until `insert`. */
  allocate(): number {
    let id: number;
    if (this.freeCount > 0) {
      id = this.freeIds[--this.freeCount];
    } else {
      id = this.nextFreshId++;
      if (id >= this.position.length) this.growIds();
    }
    this.position[id] = NOT_QUEUED;
    return id;
  }

  /** Gives a handle back. It must not be queued. */
  release(id: number): void {
    this.freeIds[this.freeCount++] = id;
  }

  isQueued(id: number): boolean {
    return this.position[id] !== NOT_QUEUED;
  }

  /** Queues `id` at `timeMs`; if it is already queued, moves it (it then counts as newly inserted). */
  insert(id: number, timeMs: number, priority = 0): void {
    const key = (priority - MIN_PRIORITY) * SEQ_BITS + this.sequence++;
    const at = this.position[id];
    if (at !== NOT_QUEUED) {
      const oldTime = this.heapTime[at];
      const oldKey = this.heapKey[at];
      if (timeMs < oldTime || (timeMs === oldTime && key < oldKey)) this.siftUp(at, timeMs, key, id);
      else this.siftDown(at, timeMs, key, id);
      return;
    }
    if (this.count === this.heapTime.length) this.growHeap();
    this.siftUp(this.count++, timeMs, key, id);
  }

  /** Removes `id` if queued; returns whether it was. */
  remove(id: number): boolean {
    const at = this.position[id];
    if (at === NOT_QUEUED) return false;
    this.position[id] = NOT_QUEUED;
    const last = --this.count;
    if (at === last) return true;
    const time = this.heapTime[last];
    const key = this.heapKey[last];
    const movedId = this.heapId[last];
    const parent = (at - 1) >> 2;
    if (
      at > 0 &&
      (time < this.heapTime[parent] || (time === this.heapTime[parent] && key < this.heapKey[parent]))
    )
      this.siftUp(at, time, key, movedId);
    else this.siftDown(at, time, key, movedId);
    return true;
  }

  /** Time of the earliest event, or Infinity when empty. */
  peekTime(): number {
    return this.count > 0 ? this.heapTime[0] : Number.POSITIVE_INFINITY;
  }

  /** Id of the earliest event, or -1 when empty. */
  peekId(): number {
    return this.count > 0 ? this.heapId[0] : -1;
  }

  /** Removes the earliest event and returns its id (-1 when empty); its time is `peekTime()` before the call. */
  pop(): number {
    if (this.count === 0) return -1;
    const id = this.heapId[0];
    this.position[id] = NOT_QUEUED;
    const last = --this.count;
    if (last > 0) this.siftDown(0, this.heapTime[last], this.heapKey[last], this.heapId[last]);
    return id;
  }

  /** Drops every pending event and recycles every id. */
  clear(): void {
    this.count = 0;
    this.freeCount = 0;
    this.nextFreshId = 0;
  }

  /** Moves the hole at `at` up until (time, key) fits, then stores the entry there. */
  private siftUp(at: number, time: number, key: number, id: number): void {
    const heapTime = this.heapTime;
    const heapKey = this.heapKey;
    const heapId = this.heapId;
    const position = this.position;
    while (at > 0) {
      const parent = (at - 1) >> 2;
      const parentTime = heapTime[parent];
      if (time > parentTime || (time === parentTime && key > heapKey[parent])) break;
      heapTime[at] = parentTime;
      heapKey[at] = heapKey[parent];
      const parentId = heapId[parent];
      heapId[at] = parentId;
      position[parentId] = at;
      at = parent;
    }
    heapTime[at] = time;
    heapKey[at] = key;
    heapId[at] = id;
    position[id] = at;
  }

  /** Moves the hole at `at` down until (time, key) fits, then stores the entry there. */
  private siftDown(at: number, time: number, key: number, id: number): void {
    const heapTime = this.heapTime;
    const heapKey = this.heapKey;
    const heapId = this.heapId;
    const position = this.position;
    const n = this.count;
    for (;;) {
      const first = 4 * at + 1;
      if (first >= n) break;
      // Smallest of up to four children.
      let best = first;
      let bestTime = heapTime[first];
      let bestKey = heapKey[first];
      const end = Math.min(first + 4, n);
      for (let c = first + 1; c < end; c++) {
        const t = heapTime[c];
        if (t < bestTime || (t === bestTime && heapKey[c] < bestKey)) {
          best = c;
          bestTime = t;
          bestKey = heapKey[c];
        }
      }
      if (time < bestTime || (time === bestTime && key < bestKey)) break;
      heapTime[at] = bestTime;
      heapKey[at] = bestKey;
      const bestId = heapId[best];
      heapId[at] = bestId;
      position[bestId] = at;
      at = best;
    }
    heapTime[at] = time;
    heapKey[at] = key;
    heapId[at] = id;
    position[id] = at;
  }

  private growHeap(): void {
    const capacity = this.heapTime.length * 2;
    this.heapTime = grow(this.heapTime, new Float64Array(capacity));
    this.heapKey = grow(this.heapKey, new Float64Array(capacity));
    this.heapId = grow(this.heapId, new Int32Array(capacity));
  }

  private growIds(): void {
    const capacity = this.position.length * 2;
    this.position = grow(this.position, new Int32Array(capacity));
    this.freeIds = grow(this.freeIds, new Int32Array(capacity));
  }
}

function grow<T extends Float64Array | Int32Array>(from: T, to: T): T {
  to.set(from);
  return to;
}

/** The hold loop, exactly as for `event-queue`. */
class TypedHeapHold implements HoldQueue {
  private readonly queue = new TypedHeapQueue();

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

export const typedHeapContender: Contender = {
  id: 'typed-heap',
  title: '4-ary heap (previous EventQueue)',
  create: () => new TypedHeapHold(),
};
