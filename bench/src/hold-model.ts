import type { Elapsed } from './clock';
import type { DistributionId } from './increments';

/**
 * The classic hold model (Vaucher & Duval 1975; Jones 1986): pre-fill a pending-event set with N events,
 * then repeat "hold" = take the earliest event and schedule it again at its time + an increment. The
 * set stays at N, so ops/s at a given N is the cost of one pop plus one insert at that size.
 *
 * Every contender orders events by (time, insertion sequence) and identifies event i of the pre-fill by
 * id i. With the same pre-fill and increments they must therefore process exactly the same sequence of
 * events; the checksum (an order-sensitive hash of the processed ids) proves it.
 */

export type ContenderId =
  | 'event-queue'
  | 'typed-heap'
  | 'simulation'
  | 'heap-js'
  | 'tinyqueue'
  | 'virtual-time';

/** One pending-event set under test, pre-filled once and then held on. */
export interface HoldQueue {
  /** Inserts event i at times[i] for every i (untimed). */
  prefill(times: Float64Array): void;
  /**
   * Does `count` holds using increments[0 .. count) and times them itself (so a contender that must
   * drain or rebuild can keep that out of the measurement).
   */
  hold(increments: Float64Array, count: number): HoldTiming;
  /**
   * Optional: warm-up and every timed run in one go, the runs back to back on increments
   * [warmup, warmup + holds), [warmup + holds, warmup + 2 holds)... For a contender that cannot stop
   * and resume cheaply (VirtualTimeScheduler's `flush()` runs until its queue is empty).
   */
  holdRuns?(increments: Float64Array, warmupHolds: number, holds: number, runs: number): HoldTiming[];
  /** Bytes the engine reserves for its pending events (typed arrays), when it can say. */
  engineBytes?(): number;
}

export interface HoldTiming extends Elapsed {
  /** Order-sensitive hash of the ids processed, see `mixId`. */
  checksum: number;
}

export interface Contender {
  id: ContenderId;
  /** Column title in the table. */
  title: string;
  create(n: number): HoldQueue;
  /** Events to build for the bytes-per-event measurement (default 1e6; fewer when building is slow). */
  memoryEvents?: number;
  /** Its queues implement `holdRuns`, which needs warm-up + runs x holds increments. */
  holdsInOneGo?: boolean;
}

/** The checksum step; every contender uses this exact formula inline or through this function. */
export function mixId(checksum: number, id: number): number {
  return (Math.imul(checksum, 31) + id) | 0;
}

/** What a worker is asked to measure: one contender at one N on some distributions. */
export interface HoldJob {
  contender: ContenderId;
  n: number;
  distributions: DistributionId[];
  /** Holds per timed run. */
  holds: number;
  /** Untimed holds before the timed runs. */
  warmupHolds: number;
  runs: number;
  /** Holds of the cross-check run whose checksum must agree across contenders. */
  verifyHolds: number;
  /** Measure bytes per pending event (needs --expose-gc) on the first distribution. */
  measureMemory: boolean;
}

export interface HoldCase {
  contender: ContenderId;
  n: number;
  distribution: DistributionId;
  holds: number;
  warmupHolds: number;
  /** ops/s of each timed run by the wall clock, in run order. */
  opsPerSec: number[];
  medianOpsPerSec: number;
  /** ops/s of each timed run by process CPU time (insensitive to waiting for a core on a busy machine). */
  cpuOpsPerSec: number[];
  medianCpuOpsPerSec: number;
  verifyHolds: number;
  verifyChecksum: number;
  /** Engine storage per pending event after the timed runs (EventQueue only): what the workload grew it to. */
  engineBytesPerEventAfter?: number;
}

export interface MemoryCase {
  contender: ContenderId;
  n: number;
  /** (heapUsed + arrayBuffers) growth after gc, per pending event: everything the contender holds. */
  measuredBytesPerEvent: number;
  /** Typed-array bytes the engine reserves, per pending event (EventQueue only). */
  engineBytesPerEvent?: number;
}

export interface HoldJobResult {
  cases: HoldCase[];
  memory?: MemoryCase;
  /** Wall time of the whole job, ms. */
  wallMs: number;
}
