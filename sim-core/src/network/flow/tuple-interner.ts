// Ids for tuples of numbers: the same tuple always gets the same id, new tuples the next one (0, 1, …).
// An open-addressing hash table over typed arrays, so a look-up builds no string and allocates nothing:
// the flow model's caches look up a model by its inputs hundreds of thousands of times per run.

const EMPTY = -1;

export class TupleInterner {
  /** Fill this with the tuple, then call `find` or `intern`. */
  readonly key: Float64Array;
  private tuples: Float64Array;
  private slots: Int32Array;
  private count = 0;
  private readonly bits = new Float64Array(1);
  private readonly halves = new Int32Array(this.bits.buffer);

  constructor(readonly width: number) {
    this.key = new Float64Array(width);
    this.tuples = new Float64Array(64 * width);
    this.slots = new Int32Array(128).fill(EMPTY);
  }

  /** Tuples interned so far. */
  get size(): number {
    return this.count;
  }

  /** The id of the tuple in `key`, or -1 when it has none yet. */
  find(): number {
    const mask = this.slots.length - 1;
    for (let s = this.hash() & mask; ; s = (s + 1) & mask) {
      const id = this.slots[s]!;
      if (id === EMPTY || this.matches(id)) return id;
    }
  }

  /** The id of the tuple in `key`, given now if it has none. */
  intern(): number {
    const mask = this.slots.length - 1;
    let s = this.hash() & mask;
    for (; ; s = (s + 1) & mask) {
      const id = this.slots[s]!;
      if (id === EMPTY) break;
      if (this.matches(id)) return id;
    }
    const id = this.count++;
    const w = this.width;
    if (this.tuples.length < this.count * w) {
      const grown = new Float64Array(this.tuples.length * 2);
      grown.set(this.tuples);
      this.tuples = grown;
    }
    for (let i = 0; i < w; i++) this.tuples[id * w + i] = normal(this.key[i]!);
    this.slots[s] = id;
    if (this.count * 2 > this.slots.length) this.rehash();
    return id;
  }

  private matches(id: number): boolean {
    const w = this.width;
    const base = id * w;
    for (let i = 0; i < w; i++) {
      const a = this.tuples[base + i];
      const b = normal(this.key[i]!);
      if (a !== b && !(Number.isNaN(a) && Number.isNaN(b))) return false;
    }
    return true;
  }

  private hash(): number {
    return this.hashOf(this.key, 0);
  }

  /** MurmurHash3 (32-bit) over the tuple's IEEE 754 words. */
  private hashOf(values: Float64Array, base: number): number {
    let h = 0x9747b28c;
    for (let i = 0; i < this.width; i++) {
      const v = normal(values[base + i]!);
      // One NaN for every NaN (they match each other).
      this.bits[0] = Number.isNaN(v) ? Number.NaN : v;
      h = mix(h, this.halves[0]!);
      h = mix(h, this.halves[1]!);
    }
    h ^= h >>> 16;
    h = Math.imul(h, 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    return (h ^ (h >>> 16)) >>> 0;
  }

  private rehash(): void {
    const slots = new Int32Array(this.slots.length * 2).fill(EMPTY);
    const mask = slots.length - 1;
    for (let id = 0; id < this.count; id++) {
      let s = this.hashOf(this.tuples, id * this.width) & mask;
      while (slots[s] !== EMPTY) s = (s + 1) & mask;
      slots[s] = id;
    }
    this.slots = slots;
  }
}

function mix(h: number, word: number): number {
  let k = Math.imul(word, 0xcc9e2d51);
  k = (k << 15) | (k >>> 17);
  h ^= Math.imul(k, 0x1b873593);
  h = (h << 13) | (h >>> 19);
  return (Math.imul(h, 5) + 0xe6546b64) | 0;
}

/** −0 and 0 are the same key. */
function normal(x: number): number {
  return x === 0 ? 0 : x;
}
