/**
 * The pending-event set: a ladder queue (Tang, Goh and Thng 2005) over typed arrays, whose front is a
 * sorted run plus a small indexed 4-ary heap.
 *
 * Order: (timeMs, priority, insertion sequence). The sequence makes equal (time, priority) pop in the
 * order they were inserted, so determinism is a property of the data structure. It is a total order, so
 * any correct structure pops the same sequence: the three plant scenarios record byte-identical runs with
 * this queue and with the 4-ary heap it replaced.
 *
 * How it works. Events far ahead sit unsorted in Top (those at +Infinity in a list of their own, brought
 * forward only when nothing else is pending). When the front is empty and no rung is left, Top is dealt
 * into rung 0: ~N/8 equal-width buckets over Top's times, narrower where Top is densest (spreadTop).
 * Buckets are taken in time order. A bucket of at most 64 events is insertion-sorted into the run; a
 * larger one is dealt into a finer rung (at most 8 deep), or, if all its events share one time, merged
 * into the run when it is one or two stretches already in order (inserts leave a bucket so), else
 * heapified. An insert goes to Top if later than everything dealt, else into the bucket of the coarsest
 * rung still open at its time, else (it is due before the current bucket) to the front: appended to the
 * run if that keeps the run sorted (so a crowd of events at the current time is a FIFO), else into the
 * heap. pop takes the earlier of the run's head and the heap's top. Bucket indices
 * floor((t - start) * scale), clamped to the last bucket, are monotone in t, so equal times always share
 * a container, where the run or the heap orders them by key. Removal: O(1) from a bucket (doubly linked
 * lists through the records), a tombstone in the run, O(log n) in the heap; cancelled events leave at once.
 *
 * Cost. An event is linked into Top once per deal (a deal moves at least half of what it reads), into at
 * most 8 rungs, then into the front once: a hold costs O(rungs + log heap) whatever the increments, and
 * the worst case (everything out of order at one time, or due before the current bucket) is the heap alone.
 *
 * Why this structure (`pnpm bench --full` on an idle 2-core AMD EPYC VM, Node 20; bench/README.md,
 * bench/results/engine-latest.md). Hold model, millions of holds per second:
 *
 *   increments                 N     this queue  4-ary heap  heap-js
 *   Exp(1)                     1e3   13.7         7.8         7.5
 *   Exp(1)                     1e4   13.7         5.9         5.3
 *   Exp(1)                     1e5   11.4         4.3         2.4
 *   Exp(1)                     1e6    3.4         2.2         0.85
 *   Uniform(0, 2)              1e4   13.7         5.9         5.2
 *   99% Exp(.001), 1% Exp(1e3) 1e4   21.2         8.5         8.8
 *   Pareto(1.5), mean 1        1e4   11.8         5.9         5.1
 *   {0, 1}: many equal times   1e4   22.1         5.2         5.4
 *
 * The 4-ary heap (the previous version, kept as bench/src/contenders/typed-heap.ts) is flat across
 * increment distributions but fell short of the targets (12, 8 and 2.5 M holds/s at N = 1e4, 1e5, 1e6).
 * Tuning it (branchless 4-way child selection, interleaved time and key, a fused replace-min, arity 2 or
 * 8) gained at most ~1.4x at 1e4 and little at 1e6: every hold walks log4(N) levels with unpredictable
 * branches, and at 1e6 the deep levels miss the cache. The ladder does O(1) amortised work per event with
 * mostly sequential access; over those five increment distributions and N = 1e3..1e6 it ran 1.6x to 4.9x
 * the heap's holds/s, never slower. (Whole plant runs did not change measurably: their pending sets are
 * small and the models dominate.)
 *
 * Storage per id of capacity: a 32-byte record (time 8, key 8, next 4, prev 4, where 4, unused 4) and
 * 1 byte of rung-0 bucket heads; plus the run and the heap, 12 bytes per slot each, a few hundred slots
 * unless many events share one time (then the run holds that crowd). At N = 1e6: 34.6 bytes per pending
 * event (the heap: 29.4); 60 after the {0, 1} workload, whose crowds are half the queue.
 */

const SEQ_BITS = 2 ** 40; // sequence numbers below 2^40 (a trillion events) keep the key exact in float64
/** Priorities are integers in [MIN_PRIORITY, MAX_PRIORITY]; lower runs first at equal times. */
export const MIN_PRIORITY = -2048;
export const MAX_PRIORITY = 2047;

// The typed-array reads below carry `!`: every index is in bounds by construction (ids below the capacity,
// heap slots below heapCount, run slots in [runHead, runEnd), buckets clamped to their rung's count, rungs
// below MAX_RUNGS), and this is the engine's hottest code, so it has no checks.
const NOT_QUEUED = -1;
const NONE = -1;

// Per-id record, 32 bytes, in one buffer seen as Float64 [time, key, ., .] and as
// Int32 [., ., ., ., next, prev, where, .]. `where` is the heap slot (>= 0), NOT_QUEUED, or
// -2 - (rung << BUCKET_BITS | bucket) for a bucket of a rung, for Top (rung TOP, bucket 0) or the events at
// +Infinity (rung TOP, bucket 1), or for the run (rung RUN, bucket = index in the run). `next` also chains
// the free ids.
const F_STRIDE = 4;
const I_STRIDE = 8;
const NEXT = 4;
const PREV = 5;
const WHERE = 6;

/** Events per bucket when a rung is built; smaller: more buckets to scan, larger: longer runs to sort. */
const BUCKET_EVENTS = 8;
/** A bucket with more events than this is spread over a finer rung instead of being sorted into the run. */
const SPAWN_ABOVE = 64;
const MAX_RUNGS = 8;
const TOP = MAX_RUNGS; // the rung number that marks Top in `where`
const RUN = MAX_RUNGS + 1; // ... and the sorted run
const BUCKET_BITS = 26;
const BUCKET_MASK = (1 << BUCKET_BITS) - 1;
const MAX_BUCKETS = 1 << BUCKET_BITS;
const INITIAL_HEAP = 64;

export class EventQueue {
  private records: Float64Array;
  private links: Int32Array;
  private freeHead = NONE;
  private nextFreshId = 0;
  private count = 0;
  private sequence = 0;

  // The front is the run and the heap: every event in them comes before every event in the rungs and Top.
  // The heap takes what arrives out of order for the run, and crowded buckets of one time not in order.
  private heapTime: Float64Array;
  private heapId: Int32Array;
  private heapCount = 0;

  // The run: front events in (time, key) order, popped from its head; removed entries leave NONE behind.
  // It holds the current bucket once sorted, and takes inserts at its end while they keep it sorted.
  private runTime = new Float64Array(SPAWN_ABOVE);
  private runId = new Int32Array(SPAWN_ABOVE);
  private runHead = 0;
  private runEnd = 0;
  private runLastTime = 0;
  private runLastKey = 0;

  // Rungs 0 (coarsest) .. depth - 1 (finest). Rung r + 1 spreads the bucket of rung r just before its cursor.
  private depth = 0;
  private readonly rungStart = new Float64Array(MAX_RUNGS);
  private readonly rungScale = new Float64Array(MAX_RUNGS); // buckets per time unit
  private readonly rungCursor = new Int32Array(MAX_RUNGS);
  private readonly rungBuckets = new Int32Array(MAX_RUNGS);
  private readonly rungHeads: Int32Array[] = [];

  // Top: unsorted finite events later than `topAbove`, with bounds kept on insert (removals leave them
  // loose). Events at +Infinity wait apart, in their own list, until nothing else is pending.
  private topHead = NONE;
  private topCount = 0;
  private infiniteHead = NONE;
  private infiniteCount = 0;
  private topMin = Number.POSITIVE_INFINITY;
  private topMaxFinite = Number.NEGATIVE_INFINITY;
  private topSum = 0; // of the finite times
  private topAbove = Number.NEGATIVE_INFINITY;

  // Bounds of the list last copied into the heap arrays, and the direction `inOrderUntil` found.
  private listMin = 0;
  private listMax = 0;
  private ascending = true;

  constructor(initialCapacity = 1024) {
    const capacity = Math.max(4, initialCapacity | 0);
    this.records = new Float64Array(capacity * F_STRIDE);
    this.links = new Int32Array(this.records.buffer);
    this.heapTime = new Float64Array(INITIAL_HEAP);
    this.heapId = new Int32Array(INITIAL_HEAP);
    for (let r = 0; r < MAX_RUNGS; r++) this.rungHeads.push(new Int32Array(0));
    this.rungHeads[0] = new Int32Array(rung0Buckets(capacity));
  }

  get size(): number {
    return this.count;
  }

  /** Bytes of typed-array storage currently reserved (capacity, not just the pending events). */
  get reservedBytes(): number {
    let bytes = this.records.byteLength + this.heapTime.byteLength + this.heapId.byteLength;
    bytes += this.runTime.byteLength + this.runId.byteLength;
    for (const heads of this.rungHeads) bytes += heads.byteLength;
    return bytes;
  }

  /** A fresh handle; it is not queued until `insert`. */
  allocate(): number {
    let id = this.freeHead;
    if (id !== NONE) {
      this.freeHead = this.links[id * I_STRIDE + NEXT]!;
    } else {
      id = this.nextFreshId++;
      if (id * F_STRIDE >= this.records.length) this.growIds();
    }
    this.links[id * I_STRIDE + WHERE] = NOT_QUEUED;
    return id;
  }

  /** Gives a handle back. It must not be queued. */
  release(id: number): void {
    this.links[id * I_STRIDE + NEXT] = this.freeHead;
    this.freeHead = id;
  }

  isQueued(id: number): boolean {
    return this.links[id * I_STRIDE + WHERE] !== NOT_QUEUED;
  }

  /** Queues `id` at `timeMs`; if it is already queued, moves it (it then counts as newly inserted). */
  insert(id: number, timeMs: number, priority = 0): void {
    if (this.links[id * I_STRIDE + WHERE] !== NOT_QUEUED) this.remove(id);
    this.records[id * F_STRIDE] = timeMs;
    this.records[id * F_STRIDE + 1] = (priority - MIN_PRIORITY) * SEQ_BITS + this.sequence++;
    this.count++;
    this.place(id, timeMs);
  }

  /** Removes `id` if queued; returns whether it was. */
  remove(id: number): boolean {
    const where = this.links[id * I_STRIDE + WHERE]!;
    if (where === NOT_QUEUED) return false;
    this.count--;
    if (where >= 0) this.heapRemove(where);
    else if (-2 - where >= RUN << BUCKET_BITS) this.runRemove((-2 - where) & BUCKET_MASK);
    else this.unlink(id, where);
    this.links[id * I_STRIDE + WHERE] = NOT_QUEUED;
    return true;
  }

  /** Time of the earliest event, or Infinity when empty. */
  peekTime(): number {
    if (this.count === 0) return Number.POSITIVE_INFINITY;
    return this.runFirst() ? this.runTime[this.runHead]! : this.heapTime[0]!;
  }

  /** Id of the earliest event, or -1 when empty. */
  peekId(): number {
    if (this.count === 0) return -1;
    return this.runFirst() ? this.runId[this.runHead]! : this.heapId[0]!;
  }

  /** Removes the earliest event and returns its id (-1 when empty); its time is `peekTime()` before. */
  pop(): number {
    if (this.count === 0) return -1;
    this.count--;
    let id: number;
    if (this.runFirst()) {
      const runId = this.runId;
      id = runId[this.runHead]!;
      let head = this.runHead + 1;
      while (head < this.runEnd && runId[head] === NONE) head++;
      this.runHead = head;
    } else {
      id = this.heapId[0]!;
      const last = --this.heapCount;
      if (last > 0) this.siftDown(0, this.heapTime[last]!, this.heapId[last]!);
    }
    this.links[id * I_STRIDE + WHERE] = NOT_QUEUED;
    if (this.heapCount === 0 && this.runHead === this.runEnd && this.depth === 0)
      this.topAbove = Number.NEGATIVE_INFINITY; // all that is left is in Top
    return id;
  }

  /** Whether the earliest event is the run's head (else the heap's top); refills when both are empty. */
  private runFirst(): boolean {
    if (this.runHead === this.runEnd) {
      if (this.heapCount > 0) return false;
      this.refill();
      if (this.runHead === this.runEnd) return false;
    }
    if (this.heapCount === 0) return true;
    const rt = this.runTime[this.runHead]!;
    const ht = this.heapTime[0]!;
    return rt < ht || (rt === ht && this.keyOf(this.runId[this.runHead]!) < this.keyOf(this.heapId[0]!));
  }

  private keyOf(id: number): number {
    return this.records[id * F_STRIDE + 1]!;
  }

  private runRemove(at: number): void {
    const runId = this.runId;
    runId[at] = NONE;
    if (at === this.runHead) {
      let head = at + 1;
      while (head < this.runEnd && runId[head] === NONE) head++;
      this.runHead = head;
    }
    if (this.heapCount === 0 && this.runHead === this.runEnd && this.depth === 0)
      this.topAbove = Number.NEGATIVE_INFINITY;
  }

  /** Drops every pending event and recycles every id. */
  clear(): void {
    this.count = 0;
    this.heapCount = 0;
    this.runHead = 0;
    this.runEnd = 0;
    this.depth = 0;
    this.resetTop();
    this.infiniteHead = NONE;
    this.infiniteCount = 0;
    this.topAbove = Number.NEGATIVE_INFINITY;
    this.freeHead = NONE;
    this.nextFreshId = 0;
  }

  // ------------------------------------------------------------------------------------------ placement

  /** Puts a queued record where its time belongs: Top, a bucket of the coarsest rung still open at its
   * time, or the front. */
  private place(id: number, time: number): void {
    if (time > this.topAbove) {
      if (time === Number.POSITIVE_INFINITY) {
        this.link(id, TOP, 1);
        this.infiniteCount++;
        return;
      }
      this.link(id, TOP, 0);
      this.topCount++;
      if (time < this.topMin) this.topMin = time;
      if (time > this.topMaxFinite) this.topMaxFinite = time;
      this.topSum += time;
      return;
    }
    for (let r = 0; r < this.depth; r++) {
      // Clamped: the last bucket also takes what rounding (or the parent's bucket end) puts past it.
      const last = this.rungBuckets[r]! - 1;
      const bucket = Math.min(Math.floor((time - this.rungStart[r]!) * this.rungScale[r]!), last);
      if (bucket >= this.rungCursor[r]!) {
        this.link(id, r, bucket);
        return;
      }
    }
    this.pushFront(id, time);
  }

  /** An event due before the current bucket: at the run's end if it keeps the run sorted, else the heap. */
  private pushFront(id: number, time: number): void {
    const key = this.records[id * F_STRIDE + 1]!;
    let end = this.runEnd;
    if (end === this.runHead) {
      end = 0;
      this.runHead = 0;
    } else if (!(time > this.runLastTime || (time === this.runLastTime && key > this.runLastKey))) {
      this.heapPush(id, time);
      return;
    }
    if (end === this.runId.length) end = this.makeRoomInRun();
    this.runTime[end] = time;
    this.runId[end] = id;
    this.links[id * I_STRIDE + WHERE] = -2 - ((RUN << BUCKET_BITS) | end);
    this.runEnd = end + 1;
    this.runLastTime = time;
    this.runLastKey = key;
  }

  private link(id: number, rung: number, bucket: number): void {
    const links = this.links;
    const at = id * I_STRIDE;
    let head: number;
    if (rung === TOP && bucket === 0) {
      head = this.topHead;
      this.topHead = id;
    } else if (rung === TOP) {
      head = this.infiniteHead;
      this.infiniteHead = id;
    } else {
      const heads = this.rungHeads[rung]!;
      head = heads[bucket]!;
      heads[bucket] = id;
    }
    links[at + NEXT] = head;
    links[at + PREV] = NONE;
    if (head !== NONE) links[head * I_STRIDE + PREV] = id;
    links[at + WHERE] = -2 - ((rung << BUCKET_BITS) | bucket);
  }

  private unlink(id: number, where: number): void {
    const links = this.links;
    const location = -2 - where;
    const rung = location >>> BUCKET_BITS;
    const prev = links[id * I_STRIDE + PREV]!;
    const next = links[id * I_STRIDE + NEXT]!;
    if (prev !== NONE) links[prev * I_STRIDE + NEXT] = next;
    else if (location === TOP << BUCKET_BITS) this.topHead = next;
    else if (rung === TOP) this.infiniteHead = next;
    else this.rungHeads[rung]![location & BUCKET_MASK] = next;
    if (next !== NONE) links[next * I_STRIDE + PREV] = prev;
    if (location === TOP << BUCKET_BITS) {
      this.topCount--;
      this.topSum -= this.records[id * F_STRIDE]!;
    } else if (rung === TOP) {
      this.infiniteCount--;
    }
  }

  // ---------------------------------------------------------------------------------------------- refill

  /** The front ran dry: fill it from the next non-empty bucket, splitting crowded ones into finer rungs. */
  private refill(): void {
    for (;;) {
      if (this.depth === 0) {
        this.spreadTop();
        if (this.heapCount > 0 || this.runHead < this.runEnd) return;
        continue;
      }
      const r = this.depth - 1;
      const heads = this.rungHeads[r]!;
      const buckets = this.rungBuckets[r]!;
      let c = this.rungCursor[r]!;
      while (c < buckets && heads[c] === NONE) c++;
      if (c === buckets) {
        this.depth = r;
        continue;
      }
      this.rungCursor[r] = c + 1;
      const head = heads[c]!;
      heads[c] = NONE;
      const n = this.listToHeap(head);
      if (n <= SPAWN_ABOVE) {
        this.heapToRun(n);
        return;
      }
      if (this.depth < MAX_RUNGS && this.spawnFromHeap(this.depth, n)) continue;
      this.copiedToFront(n);
      return;
    }
  }

  /** Copies the list at `head` into the empty heap's arrays (not yet in heap order); returns how many. */
  private listToHeap(head: number): number {
    const links = this.links;
    const records = this.records;
    let heapTime = this.heapTime;
    let heapId = this.heapId;
    let n = 0;
    let min = Number.POSITIVE_INFINITY;
    let max = Number.NEGATIVE_INFINITY;
    for (let id = head; id !== NONE; ) {
      const at = id * I_STRIDE;
      const t = records[id * F_STRIDE]!;
      if (n === heapTime.length) {
        this.growHeap();
        heapTime = this.heapTime;
        heapId = this.heapId;
      }
      heapTime[n] = t;
      heapId[n] = id;
      if (t < min) min = t;
      if (t > max) max = t;
      n++;
      id = links[at + NEXT]!;
      links[at + WHERE] = n - 1;
    }
    this.heapCount = n;
    this.listMin = min;
    this.listMax = max;
    return n;
  }

  /** Insertion-sorts the n events just copied into the heap arrays into the (empty) run. */
  private heapToRun(n: number): void {
    const heapTime = this.heapTime;
    const heapId = this.heapId;
    const runTime = this.runTime;
    const runId = this.runId;
    const records = this.records;
    for (let i = 0; i < n; i++) {
      const t = heapTime[i]!;
      const id = heapId[i]!;
      let j = i;
      while (j > 0) {
        const pt = runTime[j - 1]!;
        if (pt < t || (pt === t && records[runId[j - 1]! * F_STRIDE + 1]! < records[id * F_STRIDE + 1]!))
          break;
        runTime[j] = pt;
        runId[j] = runId[j - 1]!;
        j--;
      }
      runTime[j] = t;
      runId[j] = id;
    }
    this.openRun(n);
  }

  /**
   * The n events just copied into the heap arrays go to the front: sorted into the run when few, merged
   * into it when they are one or two stretches already in order either way (a bucket of equal times is:
   * inserts link in at its head, newest first, and a deal leaves what it dealt oldest first), else heapified.
   */
  private copiedToFront(n: number): void {
    if (n <= SPAWN_ABOVE) {
      this.heapToRun(n);
      return;
    }
    const split = this.inOrderUntil(0, n);
    const firstAscending = this.ascending;
    if (split < n && this.inOrderUntil(split, n) < n) {
      this.heapCount = n;
      this.heapify();
      return;
    }
    if (this.runId.length < n) this.growRun(n);
    const heapTime = this.heapTime;
    const heapId = this.heapId;
    const runTime = this.runTime;
    const runId = this.runId;
    // Merge [0, split) and [split, n), each read in its own direction.
    let a = firstAscending ? 0 : split - 1;
    const aStep = firstAscending ? 1 : -1;
    let aLeft = split;
    let b = this.ascending ? split : n - 1;
    const bStep = this.ascending ? 1 : -1;
    let bLeft = n - split;
    for (let out = 0; out < n; out++) {
      if (bLeft === 0 || (aLeft > 0 && this.copiedBefore(a, b))) {
        runTime[out] = heapTime[a]!;
        runId[out] = heapId[a]!;
        a += aStep;
        aLeft--;
      } else {
        runTime[out] = heapTime[b]!;
        runId[out] = heapId[b]!;
        b += bStep;
        bLeft--;
      }
    }
    this.openRun(n);
  }

  /** Where the stretch of copied events from `from` that is in order (either way) ends; sets `ascending`. */
  private inOrderUntil(from: number, n: number): number {
    if (from + 1 >= n) {
      this.ascending = true;
      return n;
    }
    const ascending = this.copiedBefore(from, from + 1);
    let i = from + 2;
    while (i < n && this.copiedBefore(i - 1, i) === ascending) i++;
    this.ascending = ascending;
    return i;
  }

  /** Whether copied event i goes before copied event j. */
  private copiedBefore(i: number, j: number): boolean {
    const ti = this.heapTime[i]!;
    const tj = this.heapTime[j]!;
    return ti < tj || (ti === tj && this.keyOf(this.heapId[i]!) < this.keyOf(this.heapId[j]!));
  }

  /** The run now holds n sorted events: index them and empty the heap arrays they came through. */
  private openRun(n: number): void {
    const links = this.links;
    const runId = this.runId;
    const code = -2 - (RUN << BUCKET_BITS);
    for (let i = 0; i < n; i++) links[runId[i]! * I_STRIDE + WHERE] = code - i;
    this.heapCount = 0;
    this.releaseStaging();
    this.runHead = 0;
    this.runEnd = n;
    this.runLastTime = this.runTime[n - 1]!;
    this.runLastKey = this.records[runId[n - 1]! * F_STRIDE + 1]!;
  }

  /** The run is full at its end: slide it back over the popped head (dropping removed entries) if that
   * frees at least half of it, else grow it. Returns the new end. Amortised O(1) per appended event. */
  private makeRoomInRun(): number {
    const runTime = this.runTime;
    const runId = this.runId;
    const links = this.links;
    const code = -2 - (RUN << BUCKET_BITS);
    let live = 0;
    for (let i = this.runHead; i < this.runEnd; i++) if (runId[i] !== NONE) live++;
    if (live > runId.length >> 1) {
      this.growRun(runId.length + 1);
      return this.runEnd;
    }
    let to = 0;
    for (let i = this.runHead; i < this.runEnd; i++) {
      const id = runId[i]!;
      if (id === NONE) continue;
      runTime[to] = runTime[i]!;
      runId[to] = id;
      links[id * I_STRIDE + WHERE] = code - to;
      to++;
    }
    this.runHead = 0;
    this.runEnd = to;
    return to;
  }

  private growRun(atLeast: number): void {
    let capacity = this.runId.length * 2;
    while (capacity < atLeast) capacity *= 2;
    const time = new Float64Array(capacity);
    time.set(this.runTime.subarray(0, this.runEnd));
    this.runTime = time;
    const ids = new Int32Array(capacity);
    ids.set(this.runId.subarray(0, this.runEnd));
    this.runId = ids;
  }

  private heapify(): void {
    for (let at = (this.heapCount - 2) >> 2; at >= 0; at--)
      this.siftDown(at, this.heapTime[at]!, this.heapId[at]!);
  }

  /** Spreads the n events just copied into the heap arrays over a new, finer rung; false if it cannot. */
  private spawnFromHeap(rung: number, n: number): boolean {
    const min = this.listMin;
    const buckets = Math.min(Math.ceil(n / BUCKET_EVENTS), MAX_BUCKETS);
    const scale = buckets / (this.listMax - min);
    if (!(scale > 0 && scale < Number.POSITIVE_INFINITY)) return false;
    this.openRung(rung, min, scale, buckets);
    const heapTime = this.heapTime;
    const heapId = this.heapId;
    const last = buckets - 1;
    for (let i = 0; i < n; i++) {
      const bucket = Math.min(Math.floor((heapTime[i]! - min) * scale), last);
      this.link(heapId[i]!, rung, bucket);
    }
    this.heapCount = 0;
    this.releaseStaging();
    return true;
  }

  /**
   * The heap arrays also stage a bucket on its way to the run or a finer rung. Once that is done and the
   * heap is empty, give back what a crowd at one time grew them to, so the run's copy is the only one kept.
   */
  private releaseStaging(): void {
    if (this.heapTime.length > 16 * INITIAL_HEAP) {
      this.heapTime = new Float64Array(INITIAL_HEAP);
      this.heapId = new Int32Array(INITIAL_HEAP);
    }
  }

  private openRung(rung: number, start: number, scale: number, buckets: number): void {
    if (this.rungHeads[rung]!.length < buckets) this.rungHeads[rung] = new Int32Array(buckets);
    this.rungHeads[rung]!.fill(NONE, 0, buckets);
    this.rungStart[rung] = start;
    this.rungScale[rung] = scale;
    this.rungCursor[rung] = 0;
    this.rungBuckets[rung] = buckets;
    this.depth = rung + 1;
  }

  /** Depth 0 and an empty front: everything pending is in Top. Build rung 0 from it, or front it if small. */
  private spreadTop(): void {
    const finite = this.topCount;
    const head = this.topHead;
    if (finite === 0) {
      // Only events at +Infinity are left: they are next, so they go to the front (and so must anything
      // inserted before they are gone).
      if (this.infiniteCount === 0)
        throw new Error('EventQueue: events counted but none found (ids misused?)');
      this.topAbove = Number.POSITIVE_INFINITY;
      const infinite = this.infiniteHead;
      this.infiniteHead = NONE;
      this.infiniteCount = 0;
      this.copiedToFront(this.listToHeap(infinite));
      return;
    }
    const min = this.topMin;
    const max = this.topMaxFinite;
    let buckets = Math.min(Math.ceil(finite / BUCKET_EVENTS), MAX_BUCKETS / 2);
    let scale = buckets / (max - min);
    if (finite <= SPAWN_ABOVE || !(scale > 0 && scale < Number.POSITIVE_INFINITY)) {
      this.topAbove = max;
      this.resetTop();
      this.copiedToFront(this.listToHeap(head));
      return;
    }
    // Pending times are usually densest at the front (a hold model's are exponential-like), so size the
    // buckets from the mean distance to the earliest when that makes them narrower, and if rung 0 would
    // then need more than twice the buckets, let it end at twice the mean distance: by Markov's inequality
    // at least half of Top still goes into it, so each deal moves at least half of what it reads.
    let end = max;
    const front = finite / BUCKET_EVENTS / (this.topSum / finite - min);
    if (front > scale && front < Number.POSITIVE_INFINITY) {
      scale = front;
      const most = 2 * buckets;
      buckets = Math.ceil((max - min) * scale);
      if (!(buckets <= most)) {
        buckets = most;
        end = min + buckets / scale;
      }
    }
    this.topAbove = end;
    this.openRung(0, min, scale, buckets);
    // Deal Top's events up to `end` into rung 0; later ones stay in Top.
    const links = this.links;
    const records = this.records;
    const last = buckets - 1;
    const heads = this.rungHeads[0]!;
    this.resetTop();
    let id = head;
    while (id !== NONE) {
      const at = id * I_STRIDE;
      const next = links[at + NEXT]!;
      const t = records[id * F_STRIDE]!;
      if (t > end) {
        this.place(id, t); // to Top, as t > topAbove
      } else {
        const bucket = Math.min(Math.floor((t - min) * scale), last);
        const h = heads[bucket]!;
        links[at + NEXT] = h;
        links[at + PREV] = NONE;
        if (h !== NONE) links[h * I_STRIDE + PREV] = id;
        heads[bucket] = id;
        links[at + WHERE] = -2 - bucket; // rung 0
      }
      id = next;
    }
  }

  private resetTop(): void {
    this.topHead = NONE;
    this.topCount = 0;
    this.topMin = Number.POSITIVE_INFINITY;
    this.topMaxFinite = Number.NEGATIVE_INFINITY;
    this.topSum = 0;
  }

  // ------------------------------------------------------------------------------------------------ heap

  private heapPush(id: number, time: number): void {
    if (this.heapCount === this.heapTime.length) this.growHeap();
    this.siftUp(this.heapCount++, time, id);
  }

  private heapRemove(at: number): void {
    const last = --this.heapCount;
    if (at === last) {
      if (last === 0 && this.runHead === this.runEnd && this.depth === 0)
        this.topAbove = Number.NEGATIVE_INFINITY;
      return;
    }
    const time = this.heapTime[last]!;
    const id = this.heapId[last]!;
    if (at > 0 && this.before(time, id, this.heapTime[(at - 1) >> 2]!, this.heapId[(at - 1) >> 2]!))
      this.siftUp(at, time, id);
    else this.siftDown(at, time, id);
  }

  /** Whether (time a, id a) goes before (time b, id b): by time, then by key. */
  private before(ta: number, a: number, tb: number, b: number): boolean {
    return ta < tb || (ta === tb && this.records[a * F_STRIDE + 1]! < this.records[b * F_STRIDE + 1]!);
  }

  /** Moves the hole at `at` up until (time, id) fits, then stores the entry there. */
  private siftUp(at: number, time: number, id: number): void {
    const heapTime = this.heapTime;
    const heapId = this.heapId;
    const links = this.links;
    const records = this.records;
    while (at > 0) {
      const parent = (at - 1) >> 2;
      const parentTime = heapTime[parent]!;
      const parentId = heapId[parent]!;
      if (
        time > parentTime ||
        (time === parentTime && records[id * F_STRIDE + 1]! > records[parentId * F_STRIDE + 1]!)
      )
        break;
      heapTime[at] = parentTime;
      heapId[at] = parentId;
      links[parentId * I_STRIDE + WHERE] = at;
      at = parent;
    }
    heapTime[at] = time;
    heapId[at] = id;
    links[id * I_STRIDE + WHERE] = at;
  }

  /** Moves the hole at `at` down until (time, id) fits, then stores the entry there. */
  private siftDown(at: number, time: number, id: number): void {
    const heapTime = this.heapTime;
    const heapId = this.heapId;
    const links = this.links;
    const records = this.records;
    const n = this.heapCount;
    for (;;) {
      const first = 4 * at + 1;
      if (first >= n) break;
      let best = first;
      let bestTime = heapTime[first]!;
      const end = Math.min(first + 4, n);
      for (let c = first + 1; c < end; c++) {
        const t = heapTime[c]!;
        if (
          t < bestTime ||
          (t === bestTime && records[heapId[c]! * F_STRIDE + 1]! < records[heapId[best]! * F_STRIDE + 1]!)
        ) {
          best = c;
          bestTime = t;
        }
      }
      const bestId = heapId[best]!;
      if (
        time < bestTime ||
        (time === bestTime && records[id * F_STRIDE + 1]! < records[bestId * F_STRIDE + 1]!)
      )
        break;
      heapTime[at] = bestTime;
      heapId[at] = bestId;
      links[bestId * I_STRIDE + WHERE] = at;
      at = best;
    }
    heapTime[at] = time;
    heapId[at] = id;
    links[id * I_STRIDE + WHERE] = at;
  }

  private growHeap(): void {
    const capacity = this.heapTime.length * 2;
    const time = new Float64Array(capacity);
    time.set(this.heapTime);
    this.heapTime = time;
    const ids = new Int32Array(capacity);
    ids.set(this.heapId);
    this.heapId = ids;
  }

  private growIds(): void {
    const capacity = (this.records.length / F_STRIDE) * 2;
    const records = new Float64Array(capacity * F_STRIDE);
    records.set(this.records);
    this.records = records;
    this.links = new Int32Array(records.buffer);
    const heads = new Int32Array(rung0Buckets(capacity));
    heads.set(this.rungHeads[0]!.subarray(0, Math.min(this.rungHeads[0]!.length, heads.length)));
    this.rungHeads[0] = heads;
  }
}

/** Rung 0 never needs more buckets than this for `capacity` ids, so its heads are sized with the ids. */
function rung0Buckets(capacity: number): number {
  return 2 * Math.ceil(capacity / BUCKET_EVENTS);
}
