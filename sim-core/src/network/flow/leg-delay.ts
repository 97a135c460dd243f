// One radio leg's delay for a packet sent at a uniform phase over the TDD period (or its SR windows), conditional on
// delivery: the wait for the opportunity, whole-PRB blocks behind the backlog and the arrivals ahead, HARQ per
// block (frame-harq.ts), and the split of a one-block leg's delay by transmission count that DistributionMemo
// mixes per BLER. What delay-distribution.ts assembles into a flow's distribution.
import type { TddGrid } from '../tdd-grid';
import type { SrSchedule } from '../uplink-access';
import { type Atoms, accumulate, accumulateAt, drain } from './atoms';
import type { LegLoad, LegModel } from './delay-distribution';
import { type FrameOutcomes, frameHarq, MAX_FRAME_BLOCKS } from './frame-harq';
import { latencyBucket } from './latency-bucket';
import {
  attemptProbabilities,
  expectedAttempts,
  type FirstTransmission,
  firstTransmission,
  type LegLink,
  MAX_TRACKED_BLOCKS,
  residualAfter,
  retransmissionEndMs,
} from './radio-leg';
import { backlogFree, poisson, slotBacklog } from './slot-backlog';
import { TupleInterner } from './tuple-interner';

/** Sub-points per gap between opportunities for the uniform send phase (assumption: 4 is within 1 % of the mean). */
const PHASE_POINTS = 4;

// Events of blockwiseHarq (end time, block), sorted through an index: no object per event.
const eventT: number[] = [];
const eventB: number[] = [];
const eventOrder: number[] = [];
const doneScratch: number[] = [];
const attemptsScratch: number[] = [];
const atLevel: number[] = [];

/**
 * A packet of more than MAX_FRAME_BLOCKS blocks (frame-harq.ts; the histories there would cost too much): done when
 * its slowest block is, block b, first sent by e_b, done after attempt a (its retransmissions on the grid from its
 * own end) with probability 1 − β^a, independently: P(done by x) = Π_b P(block b done by x), the atoms its steps.
 * ASSUMPTION: the retransmissions neither take the later blocks' PRBs nor wait for free ones (what frameHarq
 * adds). With fading the blocks share the fade: P(done by x) = 1 − F_{min_b a_b(x)} (below). Adds the atoms
 * (weight `w` times the delivered share) and returns that weight.
 */
function independentBlocksHarq(
  link: LegLink,
  ft: FirstTransmission,
  w: number,
  t: number,
  spread: number,
): number {
  const ends = ft.blockEndMs!;
  const syms = ft.blockSymbols!;
  const B = ft.blocks;
  eventT.length = 0;
  eventB.length = 0;
  eventOrder.length = 0;
  for (let b = 0; b < B; b++) {
    let end = ends[b]!;
    for (let a = 1; a <= link.maxAttempts; a++) {
      if (a > 1) end = retransmissionEndMs(link, end, syms[b]!);
      eventOrder.push(eventT.length);
      eventT.push(end);
      eventB.push(b);
    }
  }
  eventOrder.sort((x, y) => eventT[x]! - eventT[y]! || x - y);
  // done[b]: P(block b done by now); the product over blocks, with the blocks not yet sent counted apart.
  const done = doneScratch;
  done.length = B;
  done.fill(0);
  const attemptsOf = attemptsScratch;
  attemptsOf.length = B;
  attemptsOf.fill(0);
  let zeros = B;
  let product = 1;
  let prev = 0;
  // With fading (ASSUMPTION: one fade for the packet's blocks, the BLER curve steep against it): the packet is
  // done once the block with the fewest attempts so far is, 1 − F_{min_b a_b}; `atLevel[a]` counts blocks at a.
  const faded = link.residual !== undefined;
  if (faded) {
    atLevel.length = link.maxAttempts + 1;
    atLevel.fill(0);
    atLevel[0] = B;
  }
  for (const k of eventOrder) {
    const b = eventB[k]!;
    const et = eventT[k]!;
    const a = ++attemptsOf[b]!;
    let cdf: number;
    if (faded) {
      atLevel[a - 1]!--;
      atLevel[a]!++;
      let least = 0;
      while (atLevel[least] === 0) least++;
      cdf = least === 0 ? 0 : 1 - residualAfter(link, least);
    } else {
      const next = 1 - residualAfter(link, a);
      if (done[b] === 0) zeros--;
      else product /= done[b]!;
      product *= next;
      done[b] = next;
      cdf = zeros === 0 ? product : 0;
    }
    const mass = cdf - prev;
    prev = cdf;
    if (!(mass > 0)) continue;
    const wm = w * mass;
    if (spread <= 1) accumulate(et - t, wm);
    else addOutcome(et, wm);
  }
  return w * prev;
}

// Outcomes of frameHarq (reused).
const frameOutcomes: FrameOutcomes = { endMs: [], prob: [] };

/**
 * A packet of several blocks is done when its slowest block is, with the blocks' retransmissions booked as the
 * packet model's MAC books them (frame-harq.ts): each on the grid from its own end, ahead of new data, so it
 * takes PRBs from the packet's later blocks, and waiting for an opportunity with its PRBs free. Before, each
 * block's retransmissions were timed from its own end independently of the others (`independentBlocksHarq`, still
 * used beyond MAX_FRAME_BLOCKS), and a long frame's tail was not pushed by them. Adds the atoms (weight `w` times
 * the delivered share) and returns that weight.
 */
function blockwiseHarq(
  link: LegLink,
  bits: number,
  startMs: number,
  aheadPrbSymbols: number,
  ft: FirstTransmission,
  w: number,
  t: number,
  spread: number,
): number {
  if (ft.blocks > MAX_FRAME_BLOCKS) return independentBlocksHarq(link, ft, w, t, spread);
  const out = frameOutcomes;
  const total = frameHarq(link, bits, startMs, aheadPrbSymbols, out, ft.blocks);
  for (let i = 0; i < out.endMs.length; i++) {
    const wm = w * out.prob[i]!;
    if (spread <= 1) accumulate(out.endMs[i]! - t, wm);
    else addOutcome(out.endMs[i]!, wm);
  }
  return w * total;
}

const scratch: FirstTransmission = {
  endMs: 0,
  prbSymbols: 0,
  blocks: 0,
  lastSymbols: 0,
  blockEndMs: [],
  blockSymbols: [],
};

const gapScratch: number[] = [];
// Per attempt: its probability, and the end and latency bucket of the opportunity count ahead last seen.
let attemptScratch = new Float64Array(8);
let endScratch = new Float64Array(8);
let buckets = new Int32Array(8);

/** Makes the per-attempt scratch hold `maxAttempts` (all three together). */
function growScratch(maxAttempts: number): void {
  if (attemptScratch.length >= maxAttempts) return;
  attemptScratch = new Float64Array(maxAttempts);
  endScratch = new Float64Array(maxAttempts);
  buckets = new Int32Array(maxAttempts);
}
/** Nobody ahead: the packet alone in its opportunity. */
const ALONE: readonly number[] = [1];
/** Packets ahead by backlog distribution and mean arrivals (pure memo: one per load and phase point). */
const aheadMemo = new WeakMap<Float64Array, Map<number, readonly number[]>>();

/** Packets ahead: the backlog left by the previous opportunity plus Poisson arrivals of mean `mean`. */
function aheadPackets(backlog: Float64Array, mean: number): readonly number[] {
  let byMean = aheadMemo.get(backlog);
  if (byMean === undefined) {
    byMean = new Map();
    aheadMemo.set(backlog, byMean);
  }
  let ahead = byMean.get(mean);
  if (ahead === undefined) {
    poisson(mean, gapScratch);
    let top = backlog.length - 1;
    while (top > 0 && backlog[top]! < 1e-7) top--;
    const sum = new Array<number>(top + gapScratch.length).fill(0);
    for (let x = 0; x <= top; x++)
      for (let k = 0; k < gapScratch.length; k++) sum[x + k]! += backlog[x]! * gapScratch[k]!;
    ahead = sum;
    byMean.set(mean, ahead);
  }
  return ahead;
}
/**
 * Backlog distributions by grid configuration, then by (dir, PRBs, load) (pure memo: the same inputs give the
 * same arrays; shared by the cells of one configuration and the runs of a process, as grids are by value).
 */
const backlogMemo = new Map<string, { ids: TupleInterner; backlogs: Float64Array[][] }>();
const backlogMemoOfGrid = new WeakMap<TddGrid, { ids: TupleInterner; backlogs: Float64Array[][] }>();

function backlogOf(leg: LegModel): Float64Array[] {
  const { grid, dir, nPrb } = leg.link;
  let memo = backlogMemoOfGrid.get(grid);
  if (memo === undefined) {
    const config = `${grid.pattern}|${grid.slotMs}|${grid.special.dl}|${grid.special.gap}|${grid.special.ul}`;
    memo = backlogMemo.get(config);
    if (memo === undefined) {
      memo = { ids: new TupleInterner(5), backlogs: [] };
      backlogMemo.set(config, memo);
    }
    backlogMemoOfGrid.set(grid, memo);
  }
  // No backlog can carry over (`backlogFree`): then the PRBs and the packet size change nothing, to the bit.
  const free = backlogFree(grid, dir, nPrb, leg.aheadRatePerMs, leg.aheadPrbSymbols);
  const key = memo.ids.key;
  key[0] = dir;
  key[1] = free ? -1 : nPrb;
  key[2] = leg.aheadRatePerMs;
  key[3] = free ? -1 : leg.aheadPrbSymbols;
  key[4] = leg.aheadPeriodMs;
  const id = memo.ids.intern();
  let b = memo.backlogs[id];
  if (b === undefined) {
    b = slotBacklog(grid, dir, nPrb, leg.aheadRatePerMs, leg.aheadPrbSymbols, leg.aheadPeriodMs);
    memo.backlogs[id] = b;
  }
  return b;
}

/** A leg's radio delay (conditional on delivery), its loss and its load (`radioAtoms`). */
export interface RadioLeg {
  atoms: Atoms;
  lost: number;
  load: Omit<LegLoad, 'share'>;
}

/**
 * Radio delay from a uniform send phase over the TDD period (conditional on delivery), and the leg's load.
 * With `others`, the packet shares its opportunity with the other packets that arrived in the same gap
 * before it (Poisson arrivals: many streams at independent phases, plus messages). ASSUMPTION: no backlog
 * carries over between opportunities while the tier is stable (periodic streams at fixed phases queue far
 * less than an M/D/1 queue of the same load would; measured against the packet model, see README).
 */
export function radioAtoms(leg: LegModel, bits: number, others: boolean): RadioLeg {
  const acc = sendPhases(leg, bits, others && leg.aheadRatePerMs > 0, false);
  const link = leg.link;
  const retransmissions = acc.blocks * (expectedAttempts(link) - 1);
  // Conditional on delivery: renormalise to 1 overall.
  const atoms = drain(acc.total > 0 ? 1 / acc.total : 1);
  return { atoms, lost: acc.lost, load: { prbSymbols: acc.prbSymbols, blocks: acc.blocks, retransmissions } };
}

/**
 * The send phases of a leg over the TDD period (or its SR windows), each through `phasePoint`, behind the others'
 * traffic if `behind`; outcomes by transmission count if `byAttempt` (attemptAtoms), else onto the accumulation.
 */
function sendPhases(leg: LegModel, bits: number, behind: boolean, byAttempt: boolean): PhaseAccumulator {
  growScratch(leg.link.maxAttempts);
  const acc: PhaseAccumulator = {
    leg,
    bits,
    backlogs: behind ? backlogOf(leg) : null,
    attempts: attemptScratch,
    total: 0,
    lost: 0,
    prbSymbols: 0,
    blocks: 0,
    byAttempt,
    multiBlock: false,
  };
  phasePoints(acc);
  return acc;
}

function phasePoints(acc: PhaseAccumulator): void {
  const { leg } = acc;
  const { grid, dir } = leg.link;
  if (leg.access !== null) srPhases(acc, leg.access);
  else {
    const count = grid.count(dir);
    for (let i = count; i < 2 * count; i++) {
      const prevStart = grid.startMs(dir, i - 1);
      const gap = grid.startMs(dir, i) - prevStart;
      const w = gap / grid.periodMs / PHASE_POINTS;
      for (let j = 0; j < PHASE_POINTS; j++) {
        const t = prevStart + (gap * (j + 0.5)) / PHASE_POINTS;
        // Others ahead: the arrivals in this gap before this packet (FIFO) or all of the gap's (PRBs shared).
        const window = leg.sharing === 'fifo' ? t - prevStart : gap;
        phasePoint(acc, t, t, t, w, 1, window);
      }
    }
  }
}

// Outcomes by transmission count (attemptAtoms): per count a, the delays and weights, flat.
const countDelays: number[][] = [];
const countWeights: number[][] = [];

/**
 * The leg's delay behind others given a transmissions, a = 1..A (each conditional on its count, weights summing to
 * 1), or null when some send phase or count ahead takes more than one block (HARQ is then per block: no split).
 * Legs without SR access only (one send time per phase point).
 */
export function attemptAtoms(leg: LegModel, bits: number): ByAttempt | null {
  const { maxAttempts } = leg.link;
  while (countDelays.length < maxAttempts) {
    countDelays.push([]);
    countWeights.push([]);
  }
  for (let a = 0; a < maxAttempts; a++) {
    countDelays[a]!.length = 0;
    countWeights[a]!.length = 0;
  }
  const acc = sendPhases(leg, bits, leg.aheadRatePerMs > 0, true);
  if (acc.multiBlock) return null;
  const byCount: Atoms[] = [];
  for (let a = 0; a < maxAttempts; a++) {
    const d = countDelays[a]!;
    const w = countWeights[a]!;
    let total = 0;
    for (let i = 0; i < d.length; i++) {
      accumulate(d[i]!, w[i]!);
      total += w[i]!;
    }
    byCount.push(drain(total > 0 ? 1 / total : 1));
  }
  // On the union of their buckets, in bucket order: per count, the atom's delay and probability (0 where none).
  const all = new Set<number>();
  for (const atoms of byCount) for (const x of atoms.d) all.add(latencyBucket(x));
  const order = [...all].sort((x, y) => x - y);
  const at = new Map<number, number>();
  for (let u = 0; u < order.length; u++) at.set(order[u]!, u);
  const delay = byCount.map(() => new Float64Array(order.length));
  const prob = byCount.map(() => new Float64Array(order.length));
  for (let a = 0; a < maxAttempts; a++) {
    const atoms = byCount[a]!;
    for (let i = 0; i < atoms.d.length; i++) {
      const u = at.get(latencyBucket(atoms.d[i]!))!;
      delay[a]![u] = atoms.d[i]!;
      prob[a]![u] = atoms.p[i]!;
    }
  }
  return { first: byCount[0]!, delay, prob, size: order.length };
}

/** A leg's delay given a transmissions (D_a), on the union of their latency buckets (attemptAtoms). */
export interface ByAttempt {
  /** D_1 as atoms (a link without errors). */
  readonly first: Atoms;
  /** Per count a: each bucket's atom delay and probability (0 where D_a has none). */
  readonly delay: readonly Float64Array[];
  readonly prob: readonly Float64Array[];
  readonly size: number;
}

/**
 * Σ_a P(a | delivered) · D_a for the link's HARQ (one block: P(a) = F_{a−1} − F_a, a ≤ A, with F_a = β^a without
 * fading, (1 − β) β^(a−1); any residual vector with fading, flow-fading.ts).
 */
export function mixAttempts(byCount: ByAttempt, link: LegLink): Atoms {
  growScratch(link.maxAttempts);
  const lost = attemptProbabilities(link, 1, attemptScratch);
  const delivered = 1 - lost;
  if (attemptScratch[0]! === delivered) return byCount.first;
  // Per bucket, as `drain` merges atoms: the weighted mean delay and the summed weight.
  const d: number[] = [];
  const p: number[] = [];
  for (let u = 0; u < byCount.size; u++) {
    let sum = 0;
    let weight = 0;
    for (let a = 0; a < link.maxAttempts; a++) {
      const w = byCount.prob[a]![u]! * (attemptScratch[a]! / delivered);
      if (!(w > 0)) continue;
      sum += byCount.delay[a]![u]! * w;
      weight += w;
    }
    if (!(weight > 0)) continue;
    d.push(sum / weight);
    p.push(weight);
  }
  return { d, p };
}

/** What the phase points of one leg add up (atoms go straight onto the latency buckets: `accumulate`). */
interface PhaseAccumulator {
  readonly leg: LegModel;
  readonly bits: number;
  readonly backlogs: Float64Array[] | null;
  readonly attempts: Float64Array;
  total: number;
  lost: number;
  prbSymbols: number;
  blocks: number;
  /** Outcomes go to `countDelays` by transmission count, unweighted by its probability (attemptAtoms). */
  readonly byAttempt: boolean;
  /** Set when a packet took more than one block (byAttempt). */
  multiBlock: boolean;
}

// Outcomes (end times and weights) of one phase point spread over its send times: equal ends (most of them: they
// are opportunity ends) are merged first, so each distinct end is spread once.
const outcomeEnds: number[] = [];
const outcomeWeights: number[] = [];

function addOutcome(endMs: number, w: number): void {
  for (let i = outcomeEnds.length - 1; i >= 0; i--)
    if (outcomeEnds[i] === endMs) {
      outcomeWeights[i]! += w;
      return;
    }
  outcomeEnds.push(endMs);
  outcomeWeights.push(w);
}

/** Spreads each collected end over `spread` send times t0 + (m + ½)·step, and empties the collection. */
function flushOutcomes(t0: number, step: number, spread: number): void {
  for (let i = 0; i < outcomeEnds.length; i++) {
    const end = outcomeEnds[i]!;
    const w = outcomeWeights[i]! / spread;
    for (let m = 0; m < spread; m++) accumulate(end - (t0 + (m + 0.5) * step), w);
  }
  outcomeEnds.length = 0;
  outcomeWeights.length = 0;
}

/** Points per SR window (fifo: the share of the bunch ahead grows across it) and atoms each spreads over. */
const SR_POINTS_FIFO = 8;
const SR_SPREAD = 64;

/**
 * A UL leg that waits for a dynamic grant (uplink-access.ts): data arriving in (occasion j−1, occasion j] of the
 * SR cycle sends its SR in occasion j and may first go on PUSCH at the same instant P_j, so its delay is the
 * outcome from P_j minus its own arrival time, uniform across the window. The others that join its opportunity
 * are the window's arrivals (ASSUMPTION: the others in its tier wait for grants too, so they come in the same
 * bunch): those before it (FIFO) or all of them (PRBs shared). Exact in the mean for a uniform send phase.
 */
function srPhases(acc: PhaseAccumulator, access: SrSchedule): void {
  const cycle = access.cycleMs;
  const occasions = access.occasionStartsMs();
  const fifo = acc.leg.sharing === 'fifo' && acc.backlogs !== null;
  for (let j = 0; j < occasions.length; j++) {
    // Shifted by a cycle, so the first window (which starts at the last occasion of the cycle before) is positive.
    const a = (j > 0 ? occasions[j - 1]! : occasions[occasions.length - 1]! - cycle) + cycle;
    const b = occasions[j]! + cycle;
    const pusch = access.puschMs(b);
    const points = fifo ? SR_POINTS_FIFO : 1;
    const h = (b - a) / points;
    for (let m = 0; m < points; m++) {
      const t0 = a + m * h;
      phasePoint(acc, t0 + h / 2, pusch, t0, h / cycle, SR_SPREAD / points, fifo ? t0 + h / 2 - a : b - a);
    }
  }
}

/**
 * Adds the packets sent in [t0, 2t − t0] (weight `w`; `t` the middle) that may first go at `startMs`: behind the
 * backlog left by the opportunity before and the Poisson arrivals of `windowMs`, in whole-PRB blocks with HARQ.
 * Each outcome's delay (its end minus the send time) is spread over `spread` atoms across the send times.
 */
function phasePoint(
  acc: PhaseAccumulator,
  t: number,
  startMs: number,
  t0: number,
  w: number,
  spread: number,
  windowMs: number,
): void {
  const { leg, bits, attempts } = acc;
  const link = leg.link;
  const { grid, dir } = link;
  const own = firstTransmission(link, bits, startMs, scratch, 0);
  if (acc.byAttempt && own.blocks > 1) {
    acc.multiBlock = true;
    return;
  }
  const lossP = attemptProbabilities(link, own.blocks, attempts);
  acc.lost += w * lossP;
  acc.prbSymbols += w * own.prbSymbols * expectedAttempts(link);
  acc.blocks += w * own.blocks;
  // Others ahead, in packets: the backlog left by the previous opportunity, plus the window's arrivals.
  let ahead: readonly number[] = ALONE;
  if (acc.backlogs !== null) {
    const count = grid.count(dir);
    const i = grid.nextOpportunity(dir, startMs);
    ahead = aheadPackets(acc.backlogs[(((i - 1) % count) + count) % count]!, leg.aheadRatePerMs * windowMs);
  }
  const perOther =
    leg.sharing === 'fifo' ? leg.aheadPrbSymbols : Math.min(leg.aheadPrbSymbols, own.prbSymbols);
  // Consecutive counts ahead often end in the same opportunity: its attempts' ends (and buckets) are reused.
  let lastEnd = Number.NaN;
  let lastSymbols = -1;
  const ends = endScratch;
  for (let k = 0; k < ahead.length; k++) {
    const pk = ahead[k]!;
    if (pk < 1e-7) continue;
    const ft = firstTransmission(link, bits, startMs, scratch, k * perOther);
    if (acc.byAttempt) {
      if (ft.blocks > 1) {
        acc.multiBlock = true;
        return;
      }
      // Consecutive counts ahead that end in the same opportunity add to the same outcomes.
      if (ft.endMs === lastEnd && ft.lastSymbols === lastSymbols) {
        for (let a = 0; a < link.maxAttempts; a++) {
          const wa = countWeights[a]!;
          wa[wa.length - 1]! += w * pk;
        }
        continue;
      }
      lastEnd = ft.endMs;
      lastSymbols = ft.lastSymbols;
      let end = ft.endMs;
      for (let a = 1; a <= link.maxAttempts; a++) {
        if (a > 1) end = retransmissionEndMs(link, end, ft.lastSymbols);
        countDelays[a - 1]!.push(end - t);
        countWeights[a - 1]!.push(w * pk);
      }
      continue;
    }
    if (ft.blocks > 1 && ft.blocks <= MAX_TRACKED_BLOCKS && link.bler > 0 && link.maxAttempts > 1) {
      acc.total += blockwiseHarq(link, bits, startMs, k * perOther, ft, w * pk, t, spread);
      continue;
    }
    if (ft.endMs !== lastEnd || ft.lastSymbols !== lastSymbols) {
      lastEnd = ft.endMs;
      lastSymbols = ft.lastSymbols;
      let end = ft.endMs;
      for (let a = 1; a <= link.maxAttempts; a++) {
        if (a > 1) end = retransmissionEndMs(link, end, ft.lastSymbols);
        ends[a - 1] = end;
        if (spread === 1) buckets[a - 1] = latencyBucket(end - t);
      }
    }
    for (let a = 1; a <= link.maxAttempts; a++) {
      const pa = attempts[a - 1]!;
      if (!(pa > 0)) continue;
      const wa = w * pk * pa;
      if (spread === 1) accumulateAt(buckets[a - 1]!, ends[a - 1]! - t, wa);
      else addOutcome(ends[a - 1]!, wa);
      acc.total += wa;
    }
  }
  if (spread > 1) flushOutcomes(t0, (2 * (t - t0)) / spread, spread);
}
