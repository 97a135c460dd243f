// Work left over from one opportunity to the next on the TDD grid: a discrete-time queue (Lindley recursion
// B_i = max(0, B_{i−1} + A_i − c_i)) with Poisson arrivals of mean-size packets in the gap before each
// opportunity and the opportunity's PRB-symbols as its service, iterated over the period to its stationary
// distribution. This is the slotted counterpart of the M/D/1 queue, and the backlog a packet finds.
// Periodic streams at fixed phases bring the same packets every stream period, so no backlog builds up
// beyond one period: the recursion starts empty and is averaged over `horizonMs` (the streams' period),
// which for Poisson traffic (messages: an infinite period) tends to the stationary distribution.
import type { Dir, TddGrid } from '../tdd-grid';

/** Largest backlog tracked, in packets (a tier this loaded is near overload, where shares take over). */
const MAX_UNITS = 96;
const PERIODS = 40;
const TAIL = 1e-6;

/**
 * Distribution of the backlog, in packets of `workPerPacket` PRB-symbols, left after each opportunity of a
 * TDD period (index i: after opportunity i), for `ratePerMs` packets per ms, averaged over `horizonMs` from
 * an empty queue. An opportunity serves its PRB-symbols over the packet size, the fraction as a chance of
 * one more (so the mean service is exact).
 */
export function slotBacklog(
  grid: TddGrid,
  dir: Dir,
  nPrb: number,
  ratePerMs: number,
  workPerPacket: number,
  horizonMs: number,
): Float64Array[] {
  const count = grid.count(dir);
  const periods = Math.max(1, Math.min(PERIODS, Math.ceil(horizonMs / grid.periodMs - 1e-9)));
  const sum = Array.from({ length: count }, () => new Float64Array(MAX_UNITS + 1));
  let b = new Float64Array(MAX_UNITS + 1);
  b[0] = 1;
  const arrivals: number[] = [];
  for (let period = 0; period < periods; period++) {
    for (let i = count; i < 2 * count; i++) {
      const gap = grid.startMs(dir, i) - grid.startMs(dir, i - 1);
      poisson(ratePerMs * gap, arrivals);
      const exact = (nPrb * grid.symbols(dir, i)) / workPerPacket;
      const capacity = packetsServed(nPrb, grid.symbols(dir, i), workPerPacket);
      const extra = exact - capacity;
      const next = new Float64Array(MAX_UNITS + 1);
      for (let x = 0; x <= MAX_UNITS; x++) {
        if (b[x]! < TAIL * 1e-3) continue;
        for (let k = 0; k < arrivals.length; k++) {
          const w = b[x]! * arrivals[k]!;
          const y = Math.min(MAX_UNITS, Math.max(0, x + k - capacity));
          // Served in full either way: all of it stays at 0 (whatever the packet size, to the bit).
          if (y === 0) {
            next[0]! += w;
            continue;
          }
          next[y]! += w * (1 - extra);
          next[Math.max(0, y - 1)]! += w * extra;
        }
      }
      const s = sum[i - count]!;
      for (let x = 0; x <= MAX_UNITS; x++) s[x]! += next[x]! / periods;
      b = next;
    }
  }
  return sum;
}

/**
 * Packets of `workPerPacket` PRB-symbols an opportunity of `symbols` symbols over `nPrb` PRBs serves in full (the
 * one rounding `slotBacklog`, `backlogFree` and radio-leg.ts's `aheadSizeMatters` must share to agree to the bit).
 */
export function packetsServed(nPrb: number, symbols: number, workPerPacket: number): number {
  return Math.floor((nPrb * symbols) / workPerPacket + 1e-9);
}

const arrivalsScratch: number[] = [];

/**
 * Whether every opportunity serves all the packets that may arrive in the gap before it (the Poisson tail that
 * `slotBacklog` counts): then no backlog carries over, and `slotBacklog` depends on the arrival rate alone (not on
 * the PRBs or the packet size), to the bit.
 */
export function backlogFree(
  grid: TddGrid,
  dir: Dir,
  nPrb: number,
  ratePerMs: number,
  workPerPacket: number,
): boolean {
  const count = grid.count(dir);
  for (let i = count; i < 2 * count; i++) {
    const gap = grid.startMs(dir, i) - grid.startMs(dir, i - 1);
    const most = poisson(ratePerMs * gap, arrivalsScratch) - 1;
    if (packetsServed(nPrb, grid.symbols(dir, i), workPerPacket) < most) return false;
  }
  return true;
}

/** Poisson probabilities P(k; mean) for k = 0.. until the tail is below 1e-6 (at most 200 terms). */
export function poisson(mean: number, out: number[]): number {
  out.length = 0;
  let p = Math.exp(-mean);
  let cum = 0;
  for (let k = 0; k < 200; k++) {
    out.push(p);
    cum += p;
    if (1 - cum < TAIL && k >= mean) break;
    p *= mean / (k + 1);
  }
  return out.length;
}
