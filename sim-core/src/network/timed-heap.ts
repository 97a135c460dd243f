/**
 * Binary min-heap of items keyed by (time, insertion order): equal times leave in insertion order.
 * Parallel growable arrays, so pushing and popping allocate nothing once warmed up.
 */
export class TimedHeap<T> {
  private times = new Float64Array(16);
  private seqs = new Float64Array(16);
  private items: (T | undefined)[] = [];
  private n = 0;
  private nextSeq = 0;

  get size(): number {
    return this.n;
  }

  /** Time of the earliest item, Infinity when empty. */
  peekTime(): number {
    return this.n > 0 ? this.times[0]! : Number.POSITIVE_INFINITY;
  }

  /** The earliest item without removing it (undefined when empty). */
  peek(): T | undefined {
    return this.n > 0 ? this.items[0] : undefined;
  }

  push(timeMs: number, item: T): void {
    if (this.n === this.times.length) this.grow();
    const seq = this.nextSeq++;
    let i = this.n++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const pt = this.times[parent]!;
      if (pt < timeMs || (pt === timeMs && this.seqs[parent]! < seq)) break;
      this.times[i] = pt;
      this.seqs[i] = this.seqs[parent]!;
      this.items[i] = this.items[parent];
      i = parent;
    }
    this.times[i] = timeMs;
    this.seqs[i] = seq;
    this.items[i] = item;
  }

  /** Removes and returns the earliest item (undefined when empty). */
  pop(): T | undefined {
    if (this.n === 0) return undefined;
    const top = this.items[0];
    const last = --this.n;
    const t = this.times[last]!;
    const s = this.seqs[last]!;
    const item = this.items[last];
    this.items[last] = undefined;
    if (last > 0) {
      let i = 0;
      for (;;) {
        let child = 2 * i + 1;
        if (child >= last) break;
        const right = child + 1;
        if (
          right < last &&
          (this.times[right]! < this.times[child]! ||
            (this.times[right] === this.times[child] && this.seqs[right]! < this.seqs[child]!))
        )
          child = right;
        const ct = this.times[child]!;
        if (ct > t || (ct === t && this.seqs[child]! > s)) break;
        this.times[i] = ct;
        this.seqs[i] = this.seqs[child]!;
        this.items[i] = this.items[child];
        i = child;
      }
      this.times[i] = t;
      this.seqs[i] = s;
      this.items[i] = item;
    }
    return top;
  }

  /** Visits every item (in heap order, not time order). */
  forEach(fn: (item: T) => void): void {
    for (let i = 0; i < this.n; i++) fn(this.items[i] as T);
  }

  private grow(): void {
    const times = new Float64Array(this.times.length * 2);
    times.set(this.times);
    this.times = times;
    const seqs = new Float64Array(this.seqs.length * 2);
    seqs.set(this.seqs);
    this.seqs = seqs;
  }
}
