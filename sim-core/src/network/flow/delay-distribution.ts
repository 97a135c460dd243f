// The delay distribution of a flow: core delay, queueing behind the cell's other traffic and the radio leg(s),
// as a discrete distribution on the latency histogram's buckets, plus the shares lost (HARQ) and discarded
// (a flow the scheduler cannot serve in full). Built once per distinct set of inputs and shared.
import { normalCdf } from '../radio/random';
import type { SrSchedule } from '../uplink-access';
import { type Atoms, accumulate, compress, convolveCompress, drain } from './atoms';
import { attemptAtoms, type ByAttempt, mixAttempts, type RadioLeg, radioAtoms } from './leg-delay';
import type { LegLink } from './radio-leg';
import { TupleInterner } from './tuple-interner';

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
  /**
   * The same without the BLER (every other input of `radioId`): behind the same others' traffic, models with one
   * share the leg's delay per transmission count (DistributionMemo.behindOthers); -1 shares nothing.
   */
  readonly blerFreeRadioId: number;
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
  /**
   * Overloaded under shared PRBs (servedShare < 1, 'ps'): the time one packet takes at the PRBs the scheduler
   * gives the always-backlogged flow (its served work rate), 1 / (λ · servedShare); 0 otherwise.
   */
  readonly serviceMs: number;
  /** UL data waiting for a dynamic grant: the cell's SR schedule (null: DL, configured grant or grant-free). */
  readonly access: SrSchedule | null;
}

export interface PathModel {
  /** In the order the packet crosses them (UL before DL); the core is crossed once, between them. */
  readonly legs: readonly LegModel[];
  readonly core: CoreModel;
  readonly bits: number;
  readonly deadlineMs: number;
}

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
  /**
   * The part of `noQueueInvalidProb` that HARQ errors cause on legs with a fading link model (their error-free
   * share taken off), which fades make bursty (survival-chain.ts); 0 without fading.
   */
  readonly fadeInvalidProb: number;
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
    const full = build(path, alone, true, memo);
    const deadline = path.deadlineMs + EPS_MS;
    this.radio = full.atoms;
    this.deliveredProb = full.survive;
    this.lostProb = full.lost;
    this.discardedProb = full.discarded;
    // The core delay is added in closed form: P(core > x) of the clamped normal.
    this.lateProb = full.survive * lateShare(full.atoms, path.core, deadline);
    this.invalidProb = Math.min(1, this.lateProb + full.lost + full.discarded);
    this.noQueueInvalidProb = Math.min(this.invalidProb, memo.bareInvalid(path, alone, deadline));
    this.fadeInvalidProb = path.legs.some((leg) => leg.link.residual !== undefined)
      ? Math.max(0, this.noQueueInvalidProb - memo.errorFreeInvalid(path, deadline))
      : 0;
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
  /**
   * A leg's delay behind others per transmission count, by (BLER-free radio id, load ahead, discipline): one atom
   * set per count, or null where a packet may take several blocks (then HARQ does not split by count).
   */
  private readonly behindIds = new TupleInterner(5);
  private readonly behind: (ByAttempt | null)[] = [];
  /** Invalid share without queueing by (first leg's radio id, second's or -1, deadline). */
  private readonly bareIds = new TupleInterner(3);
  private readonly bare: number[] = [];
  /** Error-free legs alone by BLER-free radio id, and `errorFreeInvalid` by (their ids, deadline). */
  private readonly freeLegs: RadioLeg[] = [];
  private readonly freeIds = new TupleInterner(3);
  private readonly free: number[] = [];

  /** The leg's delay, load and loss without others' traffic. */
  alone(leg: LegModel, bits: number): RadioLeg {
    let r = this.legs[leg.radioId];
    if (r === undefined) {
      r = radioAtoms(leg, bits, false);
      this.legs[leg.radioId] = r;
    }
    return r;
  }

  /**
   * The leg's radio delay behind others' traffic (conditional on delivery). A packet that goes in one transport
   * block at every send phase and count ahead ends its a-th transmission at a time the BLER does not change, so
   * the delay is Σ_a P(a | delivered) · D_a, D_a its delay given a transmissions: the D_a are built once per
   * BLER-free inputs and mixed for each BLER (the same distribution, up to rounding, as building it for the BLER).
   */
  behindOthers(leg: LegModel, bits: number): Atoms {
    if (leg.blerFreeRadioId < 0 || leg.access !== null) return radioAtoms(leg, bits, true).atoms;
    const key = this.behindIds.key;
    key[0] = leg.blerFreeRadioId;
    key[1] = leg.aheadRatePerMs;
    key[2] = leg.aheadPrbSymbols;
    key[3] = leg.aheadPeriodMs;
    key[4] = leg.sharing === 'fifo' ? 0 : 1;
    const id = this.behindIds.intern();
    let byCount = this.behind[id];
    if (byCount === undefined) {
      byCount = attemptAtoms(leg, bits);
      this.behind[id] = byCount;
    }
    if (byCount === null) return radioAtoms(leg, bits, true).atoms;
    return mixAttempts(byCount, leg.link);
  }

  /** BLER-free delays behind others held, split by transmission count or not (null): for tests. */
  get behindHeld(): { split: number; whole: number } {
    let split = 0;
    let whole = 0;
    for (const b of this.behind)
      if (b === null) whole++;
      else if (b !== undefined) split++;
    return { split, whole };
  }

  /**
   * Late or discarded without queueing and without HARQ errors (alignment and the core alone): the legs at BLER 0,
   * by their BLER-free radio ids.
   */
  errorFreeInvalid(path: PathModel, deadlineMs: number): number {
    const ids = path.legs.map((l) => l.blerFreeRadioId);
    const memoised = ids.every((id) => id >= 0);
    let id = -1;
    if (memoised) {
      const key = this.freeIds.key;
      key[0] = ids.length > 0 ? ids[0]! : -1;
      key[1] = ids.length > 1 ? ids[1]! : -1;
      key[2] = deadlineMs;
      id = this.freeIds.intern();
      const known = this.free[id];
      if (known !== undefined) return known;
    }
    const legs = path.legs.map((l) => ({ ...l, link: { ...l.link, bler: 0, residual: undefined } }));
    const alone = legs.map((l) => {
      let r = l.blerFreeRadioId >= 0 ? this.freeLegs[l.blerFreeRadioId] : undefined;
      if (r === undefined) {
        r = radioAtoms(l, path.bits, false);
        if (l.blerFreeRadioId >= 0) this.freeLegs[l.blerFreeRadioId] = r;
      }
      return r;
    });
    const invalid = invalidAlone({ ...path, legs }, alone, deadlineMs);
    if (memoised) this.free[id] = invalid;
    return invalid;
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
      invalid = invalidAlone(path, alone, deadlineMs);
      this.bare[id] = invalid;
    }
    return invalid;
  }
}

/** Late, lost or discarded over `path` with each leg's delay `alone` (no queueing behind others). */
function invalidAlone(path: PathModel, alone: readonly RadioLeg[], deadlineMs: number): number {
  const bare = build(path, alone, false, null);
  return bare.survive * lateShare(bare.atoms, path.core, deadlineMs) + bare.lost + bare.discarded;
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
  memo: DistributionMemo | null,
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
    else if (served < 1) legAtoms = overloaded(leg, radio.atoms);
    else legAtoms = memo!.behindOthers(leg, path.bits);
    atoms = convolveCompress(atoms, compress(legAtoms));
  }
  return { atoms, survive, lost, discarded, legLoads };
}

/** Atoms over the age at which an overloaded flow's packet starts (uniform over its last inter-arrival time). */
const START_AGE_POINTS = 8;

/**
 * An overloaded flow's packets: its queue holds them up to the discard timer D, so the next one served is the
 * oldest not yet expired, whose age is uniform in (D − T, D] for packets T apart (under shared PRBs, where the
 * flow's own queue is FIFO; with 'fifo' the tier's queue mixes every flow's packets: about D). It then takes its
 * radio delay alone or, under shared PRBs, the time its share of them needs for it (segments interleaved with
 * the other backlogged flows'), whichever is longer (ASSUMPTION).
 */
function overloaded(leg: LegModel, radio: Atoms): Atoms {
  if (!(leg.serviceMs > 0)) return { d: radio.d.map((x) => leg.discardTimerMs + x), p: radio.p.slice() };
  const spanMs = Math.min(leg.discardTimerMs, leg.serviceMs * leg.servedShare); // T = 1 / λ
  for (let k = 0; k < START_AGE_POINTS; k++) {
    const age = leg.discardTimerMs - ((k + 0.5) / START_AGE_POINTS) * spanMs;
    for (let i = 0; i < radio.d.length; i++)
      accumulate(age + Math.max(radio.d[i]!, leg.serviceMs), radio.p[i]! / START_AGE_POINTS);
  }
  return drain();
}
