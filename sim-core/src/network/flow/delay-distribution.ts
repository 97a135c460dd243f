// The delay distribution of a flow: core delay, queueing behind the cell's other traffic and the radio leg(s),
// as a discrete distribution on the latency histogram's buckets, plus the shares lost (HARQ) and discarded
// (a flow the scheduler cannot serve in full). Built once per distinct set of inputs and shared.
import { normalCdf } from '../radio/random';
import type { TddGrid } from '../tdd-grid';
import { type Atoms, accumulateAt, compress, convolve, convolveCompress, drain } from './atoms';
import {
  attemptProbabilities,
  expectedAttempts,
  type FirstTransmission,
  firstTransmission,
  type LegLink,
  retransmissionEndMs,
} from './radio-leg';
import { poisson, slotBacklog } from './slot-backlog';
import { TupleInterner } from './tuple-interner';
import { latencyBucket } from './weighted-histogram';

/** One-way core delay max(min, mean + jitter · z), z standard normal (../radio/deployment.ts). */
export interface CoreModel {
  readonly meanMs: number;
  readonly jitterMs: number;
  readonly minMs: number;
}

/** One radio leg and the other traffic it shares opportunities with. */
export interface LegModel {
  /** Identifies the model among those of a network (distinct inputs, distinct id). */
  readonly id: number;
  /**
   * Identifies the inputs of the leg's delay without others' traffic (`link` and the packet's bits): models
   * with one radio id share that part (DistributionMemo).
   */
  readonly radioId: number;
  readonly link: LegLink;
  /** Share of the flow's packets the scheduler can serve (below 1 only in overload). */
  readonly servedShare: number;
  /** An overloaded flow's queue holds packets up to the PDCP discard timer: served ones waited that long. */
  readonly discardTimerMs: number;
  /** Others' packets per ms that join the same opportunity (and their mean PRB-symbols). */
  readonly aheadRatePerMs: number;
  readonly aheadPrbSymbols: number;
  /** Their period (backlog builds over at most one: see slot-backlog.ts). */
  readonly aheadPeriodMs: number;
  /** 'fifo': earlier packets are served first; 'ps': PRBs are shared (a packet waits for others' work up to its own size). */
  readonly sharing: 'fifo' | 'ps';
}

export interface PathModel {
  /** In the order the packet crosses them (UL before DL); the core is crossed once, between them. */
  readonly legs: readonly LegModel[];
  readonly core: CoreModel;
  readonly bits: number;
  readonly deadlineMs: number;
}

/** Sub-points per gap between opportunities for the uniform send phase (assumption: 4 is within 1 % of the mean). */
const PHASE_POINTS = 4;
const EPS_MS = 1e-9;

export interface LegLoad {
  /** Expected PRB-symbols per packet (all transmissions). */
  prbSymbols: number;
  /** Expected transport blocks (first transmissions) and retransmissions per packet. */
  blocks: number;
  retransmissions: number;
  /** Share of the flow's packets that reach this leg and are transmitted on it (not discarded before). */
  share: number;
}

export class DelayDistribution {
  readonly deliveredProb: number;
  /** HARQ residual loss. */
  readonly lostProb: number;
  /** Dropped by the discard timer (overload). */
  readonly discardedProb: number;
  /** Delivered after the deadline. */
  readonly lateProb: number;
  /** Late, lost or discarded. */
  readonly invalidProb: number;
  /** The same without queueing behind other traffic (what HARQ, alignment and the core alone cause). */
  readonly noQueueInvalidProb: number;
  /** Mean latency of delivered packets. */
  readonly meanMs: number;
  /** Per leg: what one packet costs the cell. */
  readonly legLoads: readonly LegLoad[];
  /** The radio legs' delay (core excluded), conditional on delivery. */
  readonly radio: Atoms;

  /** `memo`: shares the legs' delays without others' traffic with the other distributions of a network. */
  constructor(
    readonly path: PathModel,
    memo: DistributionMemo = new DistributionMemo(),
  ) {
    // Each leg alone (no other traffic): its load, loss and delay, shared by both builds.
    const alone = path.legs.map((leg) => memo.alone(leg, path.bits));
    const full = build(path, alone, true);
    const deadline = path.deadlineMs + EPS_MS;
    this.radio = full.atoms;
    this.deliveredProb = full.survive;
    this.lostProb = full.lost;
    this.discardedProb = full.discarded;
    // The core delay is added in closed form: P(core > x) of the clamped normal.
    this.lateProb = full.survive * lateShare(full.atoms, path.core, deadline);
    this.invalidProb = Math.min(1, this.lateProb + full.lost + full.discarded);
    this.noQueueInvalidProb = Math.min(this.invalidProb, memo.bareInvalid(path, alone, deadline));
    let mean = 0;
    for (let i = 0; i < full.atoms.d.length; i++) mean += full.atoms.p[i]! * full.atoms.d[i]!;
    this.meanMs = full.survive > 0 ? mean + coreMeanMs(path.core) : Number.NaN;
    this.legLoads = full.legLoads;
  }
}

/**
 * Pure memos of the parts of a distribution that depend on the legs' radio inputs alone (their `radioId`s),
 * not on others' traffic: each leg's delay, load and loss, and the path's invalid share without queueing. A
 * network keeps one (its flows' radio inputs repeat far more than their loads do); ids from one network only.
 */
export class DistributionMemo {
  private readonly legs: RadioLeg[] = [];
  /** Invalid share without queueing by (first leg's radio id, second's or -1, deadline). */
  private readonly bareIds = new TupleInterner(3);
  private readonly bare: number[] = [];

  /** The leg's delay, load and loss without others' traffic. */
  alone(leg: LegModel, bits: number): RadioLeg {
    let r = this.legs[leg.radioId];
    if (r === undefined) {
      r = radioAtoms(leg, bits, false);
      this.legs[leg.radioId] = r;
    }
    return r;
  }

  /** Late, lost or discarded without queueing behind other traffic (HARQ, alignment and the core alone). */
  bareInvalid(path: PathModel, alone: readonly RadioLeg[], deadlineMs: number): number {
    const key = this.bareIds.key;
    key[0] = path.legs.length > 0 ? path.legs[0]!.radioId : -1;
    key[1] = path.legs.length > 1 ? path.legs[1]!.radioId : -1;
    key[2] = deadlineMs;
    const id = this.bareIds.intern();
    let invalid = this.bare[id];
    if (invalid === undefined) {
      const bare = build(path, alone, false);
      invalid = bare.survive * lateShare(bare.atoms, path.core, deadlineMs) + bare.lost + bare.discarded;
      this.bare[id] = invalid;
    }
    return invalid;
  }
}

/** Share of delivered packets later than `deadlineMs`: Σ P(radio = r) · P(core > deadline − r). */
function lateShare(radio: Atoms, core: CoreModel, deadlineMs: number): number {
  let late = 0;
  for (let i = 0; i < radio.d.length; i++) late += radio.p[i]! * coreExceeds(core, deadlineMs - radio.d[i]!);
  return late;
}

/** P(max(min, mean + jitter · Z) > x), Z standard normal. */
function coreExceeds(core: CoreModel, xMs: number): number {
  if (xMs < core.minMs) return 1;
  if (core.jitterMs === 0) return Math.max(core.minMs, core.meanMs) > xMs ? 1 : 0;
  return 1 - normalCdf((xMs - core.meanMs) / core.jitterMs);
}

/** E[max(min, mean + jitter · Z)] = min·Φ(a) + mean·(1 − Φ(a)) + jitter·φ(a), a = (min − mean) / jitter. */
function coreMeanMs(core: CoreModel): number {
  if (core.jitterMs === 0) return Math.max(core.minMs, core.meanMs);
  const a = (core.minMs - core.meanMs) / core.jitterMs;
  const pdf = Math.exp(-0.5 * a * a) / Math.sqrt(2 * Math.PI);
  return core.minMs * normalCdf(a) + core.meanMs * (1 - normalCdf(a)) + core.jitterMs * pdf;
}

/** The legs' delay conditional on delivery, and the shares lost and discarded on the way. */
function build(
  path: PathModel,
  alone: readonly RadioLeg[],
  queueing: boolean,
): { atoms: Atoms; survive: number; lost: number; discarded: number; legLoads: LegLoad[] } {
  let atoms: Atoms = { d: [0], p: [1] };
  let survive = 1; // neither lost nor discarded so far
  let lost = 0;
  let discarded = 0;
  const legLoads: LegLoad[] = [];
  for (let i = 0; i < path.legs.length; i++) {
    const leg = path.legs[i]!;
    const served = queueing ? Math.min(1, Math.max(0, leg.servedShare)) : 1;
    discarded += survive * (1 - served);
    survive *= served;
    const radio = alone[i]!;
    const load = radio.load;
    legLoads.push({
      prbSymbols: load.prbSymbols,
      blocks: load.blocks,
      retransmissions: load.retransmissions,
      share: survive,
    });
    lost += survive * radio.lost;
    survive *= 1 - radio.lost;
    let legAtoms: Atoms;
    if (!queueing) legAtoms = radio.atoms;
    else if (served < 1) legAtoms = convolve({ d: [leg.discardTimerMs], p: [1] }, radio.atoms);
    else legAtoms = radioAtoms(leg, path.bits, true).atoms;
    atoms = convolveCompress(atoms, compress(legAtoms));
  }
  return { atoms, survive, lost, discarded, legLoads };
}

const scratch: FirstTransmission = { endMs: 0, prbSymbols: 0, blocks: 0, lastSymbols: 0 };

/** Radio delay from a uniform send phase over the TDD period (conditional on delivery), and the leg's load. */
const gapScratch: number[] = [];
// Per attempt: its probability, and the delay and latency bucket of the opportunity count ahead last seen.
let attemptScratch = new Float64Array(8);
let delays = new Float64Array(8);
let buckets = new Int32Array(8);
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
  const key = memo.ids.key;
  key[0] = dir;
  key[1] = nPrb;
  key[2] = leg.aheadRatePerMs;
  key[3] = leg.aheadPrbSymbols;
  key[4] = leg.aheadPeriodMs;
  const id = memo.ids.intern();
  let b = memo.backlogs[id];
  if (b === undefined) {
    b = slotBacklog(grid, dir, nPrb, leg.aheadRatePerMs, leg.aheadPrbSymbols, leg.aheadPeriodMs);
    memo.backlogs[id] = b;
  }
  return b;
}

/**
 * Radio delay from a uniform send phase over the TDD period (conditional on delivery), and the leg's load.
 * With `others`, the packet shares its opportunity with the other packets that arrived in the same gap
 * before it (Poisson arrivals: many streams at independent phases, plus messages). ASSUMPTION: no backlog
 * carries over between opportunities while the tier is stable (periodic streams at fixed phases queue far
 * less than an M/D/1 queue of the same load would; measured against the packet model, see README).
 */
interface RadioLeg {
  atoms: Atoms;
  lost: number;
  load: Omit<LegLoad, 'share'>;
}

function radioAtoms(leg: LegModel, bits: number, others: boolean): RadioLeg {
  const link = leg.link;
  const { grid, dir } = link;
  const count = grid.count(dir);
  if (attemptScratch.length < link.maxAttempts) {
    attemptScratch = new Float64Array(link.maxAttempts);
    delays = new Float64Array(link.maxAttempts);
    buckets = new Int32Array(link.maxAttempts);
  }
  const attempts = attemptScratch;
  // Atoms go straight onto the latency buckets (merged at their mean): no array of every combination.
  let total = 0;
  const backlogs = others && leg.aheadRatePerMs > 0 ? backlogOf(leg) : null;
  let lost = 0;
  let prbSymbols = 0;
  let blocks = 0;
  for (let i = count; i < 2 * count; i++) {
    const prevStart = grid.startMs(dir, i - 1);
    const gap = grid.startMs(dir, i) - prevStart;
    const w = gap / grid.periodMs / PHASE_POINTS;
    for (let j = 0; j < PHASE_POINTS; j++) {
      const t = prevStart + (gap * (j + 0.5)) / PHASE_POINTS;
      const own = firstTransmission(link, bits, t, scratch, 0);
      const lossP = attemptProbabilities(link.bler, link.maxAttempts, own.blocks, attempts);
      lost += w * lossP;
      prbSymbols += w * own.prbSymbols * expectedAttempts(link.bler, link.maxAttempts);
      blocks += w * own.blocks;
      // Others ahead, in packets: the backlog left by the previous opportunity, plus the arrivals in this gap
      // before this packet (FIFO) or all of the gap's (PRBs shared: every one in the opportunity takes part).
      let ahead: readonly number[] = ALONE;
      if (others && leg.aheadRatePerMs > 0) {
        const window = leg.sharing === 'fifo' ? t - prevStart : gap;
        ahead = aheadPackets(backlogs![(i - 1) % count]!, leg.aheadRatePerMs * window);
      }
      const perOther =
        leg.sharing === 'fifo' ? leg.aheadPrbSymbols : Math.min(leg.aheadPrbSymbols, own.prbSymbols);
      // Consecutive counts ahead often end in the same opportunity: its attempts' delays are reused.
      let lastEnd = Number.NaN;
      let lastSymbols = -1;
      for (let k = 0; k < ahead.length; k++) {
        const pk = ahead[k]!;
        if (pk < 1e-7) continue;
        const ft = firstTransmission(link, bits, t, scratch, k * perOther);
        if (ft.endMs !== lastEnd || ft.lastSymbols !== lastSymbols) {
          lastEnd = ft.endMs;
          lastSymbols = ft.lastSymbols;
          let end = ft.endMs;
          for (let a = 1; a <= link.maxAttempts; a++) {
            if (a > 1) end = retransmissionEndMs(link, end, ft.lastSymbols);
            delays[a - 1] = end - t;
            buckets[a - 1] = latencyBucket(end - t);
          }
        }
        for (let a = 1; a <= link.maxAttempts; a++) {
          const pa = attempts[a - 1]!;
          if (pa > 0) {
            accumulateAt(buckets[a - 1]!, delays[a - 1]!, w * pk * pa);
            total += w * pk * pa;
          }
        }
      }
    }
  }
  const retransmissions = blocks * (expectedAttempts(link.bler, link.maxAttempts) - 1);
  // Conditional on delivery: renormalise to 1 overall.
  const atoms = drain(total > 0 ? 1 / total : 1);
  return { atoms, lost, load: { prbSymbols, blocks, retransmissions } };
}
