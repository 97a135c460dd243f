// The models of the flows, cached by their inputs: a leg's model (its link on the serving cell and the
// load it shares opportunities with), a stream's delay distribution (its legs, size and deadline) and the
// survival chain fitted to it. The same inputs give the same object, so a flow whose inputs did not change
// keeps its distribution, and cells of one configuration share them.
import type { DeviceState, LinkQuality } from '../device';
import type { McsChoice } from '../link-adaptation';
import { RELIABLE_CQI_TABLE } from '../link-adaptation';
import type { Dir } from '../tdd-grid';
import { DL, UL } from '../tdd-grid';
import type { SrSchedule } from '../uplink-access';
import { quantizeBler } from './bler-quantize';
import { DelayDistribution, DistributionMemo, type LegModel, type PathModel } from './delay-distribution';
import { type HarqResidual, meanHarqRttMs } from './flow-fading';
import type { FlowRadio } from './flow-radio';
import type { FlowStream, StreamLeg } from './flow-stream';
import { busyPeriodMs } from './queue-model';
import {
  aheadSizeMatters,
  fitsOnePrb,
  type LegLink,
  longestWindowMs,
  minOpportunitySymbols,
} from './radio-leg';
import { poisson } from './slot-backlog';
import { type ChainParams, fitChain } from './survival-chain';
import { TupleInterner } from './tuple-interner';

export class FlowDistributions {
  /** Leg models by id, and the ids by inputs: (radio id, served share, discard timer, load, service time). */
  private readonly legModels: LegModel[] = [];
  private readonly legIds = new TupleInterner(7);
  /**
   * Radio ids by the inputs of a leg's delay without others' traffic: (cell configuration, dir, bits, the class's
   * MCS and BLER, PRB cap, SR access).
   */
  private readonly radioIds = new TupleInterner(7);
  /** The same without the BLER (`LegModel.blerFreeRadioId`). */
  private readonly blerFreeRadioIds = new TupleInterner(6);
  /** What leg models and distributions of equal radio inputs share (pure memo). */
  private readonly memo = new DistributionMemo();
  /** Distributions by id, and the ids by inputs: (bits, deadline, up to two leg models). */
  private readonly dists: DelayDistribution[] = [];
  private readonly distIds = new TupleInterner(4);
  /** By leg model id: the last distribution of a one-leg flow on it, and its bits and deadline. */
  private readonly soloDist: DelayDistribution[] = [];
  private readonly soloBits: number[] = [];
  private readonly soloDeadline: number[] = [];
  private readonly chainCache = new Map<DelayDistribution, ChainParams>();
  /** With fading: by distribution, then by the packets a fade spans (`fadedChainOf`). */
  private readonly fadedChainCache = new Map<DelayDistribution, Map<number, ChainParams>>();
  /** Per cell: an id of its configuration (cells of one configuration share flow distributions). */
  private readonly cellConfig: number[];
  private readonly probe = { bitsPerPrbSymbol: 0, capPrb: 0, nPrb: 0 };
  /** Most packets ahead that count, by the mean arrivals of the longest window (`maxAhead`). */
  private readonly maxAheadByMean = new Map<number, number>();
  private readonly poissonScratch: number[] = [];
  /** Per cell: the longest window (`longestWindowMs`) in UL, in DL, and in UL waiting for a grant (-1: not yet). */
  private readonly windowMs: number[][];
  /** Per cell and direction: the fewest symbols of an opportunity (see `mcsKey`). */
  private readonly minSymbols: [number, number][];
  /** Per cell and direction: the mean HARQ round trip (`meanHarqRttMs`; NaN: not yet). */
  private readonly harqRttMs: [number, number][];

  constructor(private readonly radio: FlowRadio) {
    const configs = new Map<string, number>();
    this.cellConfig = radio.env.cells.map((cell) => {
      const g = cell.grid;
      const key = `${g.pattern}|${g.slotMs}|${g.special.dl}|${g.special.ul}|${cell.nPrb}|${radio.harqProcessingMs[cell.index]}`;
      let id = configs.get(key);
      if (id === undefined) {
        id = configs.size;
        configs.set(key, id);
      }
      return id;
    });
    this.windowMs = radio.env.cells.map(() => [-1, -1, -1]);
    this.minSymbols = radio.env.cells.map((cell) => [
      minOpportunitySymbols(cell.grid, UL),
      minOpportunitySymbols(cell.grid, DL),
    ]);
    this.harqRttMs = radio.env.cells.map(() => [Number.NaN, Number.NaN]);
  }

  /**
   * The MCS as a leg's delay sees it: every MCS at which one PRB of any opportunity carries the packet gives the
   * same distribution (`fitsOnePrb`), so those share one key (0; the others keep their own). A small packet's
   * delay, loss and load do not move when the device's MCS moves among them (AGVs' motion commands as they
   * drive): no new leg model, distribution or regime.
   */
  private mcsKey(cell: number, dir: Dir, bits: number, bitsPerPrbSymbol: number): number {
    return fitsOnePrb(bits, bitsPerPrbSymbol, this.minSymbols[cell]![dir]) ? 0 : bitsPerPrbSymbol;
  }

  /**
   * `dev`'s link in `dir` on its serving cell, as one packet of class `classIndex` and `bits` sees it: the reliable
   * MCS (CQI table 3) for a class with a tighter BLER target, as the packet model's blocks carrying it.
   */
  legLink(dev: DeviceState, dir: Dir, classIndex: number, bits: number): LegLink {
    const q = this.radio.budget.quality(dev, dir, 0);
    const tier = this.radio.classTier[classIndex]!;
    const mcs = tier === 1 ? q.reliable : q;
    const capPrb = this.capPrb(dev, dir, q.fullPowerPrbs);
    const fade = this.fadeOf(dev, dir, q, mcs, tier, capPrb, bits);
    return this.linkOn(
      dev,
      dir,
      mcs.bitsPerPrbSymbol,
      fade === null ? quantizeBler(mcs.bler) : fade.residual[0]!,
      capPrb,
      fade?.residual,
    );
  }

  /**
   * With a fading link model: the residual of `dev`'s blocks in `dir` on its serving cell (flow-fading.ts) at the
   * MCS `mcs` (of CQI table 3 for `tier` 1), for a packet of `bits` over the PRBs of one block in the shortest
   * opportunity, alone (ASSUMPTION: in DDDSU a UL packet mostly goes in the special slot's 2 UL symbols, over
   * many PRBs and so sub-bands, as the packet MAC sends it; a block in a full slot spans fewer); null without fading.
   */
  private fadeOf(
    dev: DeviceState,
    dir: Dir,
    q: LinkQuality,
    mcs: McsChoice & { bitsPerPrbSymbol: number },
    tier: number,
    capPrb: number,
    bits: number,
  ): HarqResidual | null {
    const fading = this.radio.fading;
    if (fading === null) return null;
    const cell = dev.serving;
    const prbs = Math.min(
      capPrb,
      Math.max(1, Math.ceil(bits / (mcs.bitsPerPrbSymbol * this.minSymbols[cell]![dir]) - 1e-9)),
    );
    const meanSinrDb = q.sinrDb - 10 * Math.log10(mcs.layers);
    let rttMs = this.harqRttMs[cell]![dir]!;
    if (Number.isNaN(rttMs)) {
      rttMs = meanHarqRttMs(this.radio.env.cells[cell]!.grid, dir, this.radio.harqProcessingMs[cell]!);
      this.harqRttMs[cell]![dir] = rttMs;
    }
    const table = tier === 1 ? RELIABLE_CQI_TABLE : undefined;
    const speedMps = this.radio.speedMps[dev.index]!;
    return fading.residual(dev, cell, mcs.cqi, table, meanSinrDb, prbs, speedMps, rttMs);
  }

  /** `dev`'s link in `dir` on its serving cell at an MCS, (quantised) BLER and PRB cap worked out already. */
  private linkOn(
    dev: DeviceState,
    dir: Dir,
    bitsPerPrbSymbol: number,
    bler: number,
    capPrb: number,
    residual?: Float64Array,
  ): LegLink {
    const cell = this.radio.env.cells[dev.serving]!;
    const link: LegLink = {
      grid: cell.grid,
      dir,
      bitsPerPrbSymbol,
      bler,
      capPrb,
      nPrb: cell.nPrb,
      maxAttempts: this.radio.maxAttempts,
      harqProcessingMs: this.radio.harqProcessingMs[dev.serving]!,
    };
    return residual === undefined ? link : { ...link, residual };
  }

  /**
   * The SR schedule a stream's UL packets wait for (uplink-access.ts): every UL leg unless the network is
   * grant-free or the class has configured grants (type 1: the next UL opportunity); null for DL.
   */
  private accessOf(dev: DeviceState, dir: Dir, classIndex: number): SrSchedule | null {
    const access = this.radio.ulAccess;
    if (dir !== UL || access === null || access.configuredGrantClass(classIndex)) return null;
    return access.schedule(dev.serving);
  }

  /** Most PRBs per opportunity: the carrier, and in UL what the UE fills at its target power. */
  private capPrb(dev: DeviceState, dir: Dir, fullPowerPrbs: number): number {
    const nPrb = this.radio.env.cells[dev.serving]!.nPrb;
    const cap = Math.min(nPrb, this.radio.loads[dev.serving]![dir].capPrb); // a shared cell's factory share
    return dir === UL ? Math.max(1, Math.min(cap, Math.floor(fullPowerPrbs))) : cap;
  }

  /**
   * The most packets ahead of a leg's packet with a probability that counts: the Poisson tail (slot-backlog.ts) of
   * the others' arrivals in the longest window it waits behind (`longestWindowMs`).
   */
  private maxAhead(cell: number, dir: Dir, ratePerMs: number, access: SrSchedule | null): number {
    const windows = this.windowMs[cell]!;
    const w = access === null ? dir : 2;
    if (windows[w]! < 0) windows[w] = longestWindowMs(this.radio.env.cells[cell]!.grid, dir, access);
    const mean = ratePerMs * windows[w]!;
    let k = this.maxAheadByMean.get(mean);
    if (k === undefined) {
      k = mean > 0 ? poisson(mean, this.poissonScratch) - 1 : 0;
      this.maxAheadByMean.set(mean, k);
    }
    return k;
  }

  /** A reused link shape for `aheadSizeMatters` (no object per look-up). */
  private sizeProbe(bitsPerPrbSymbol: number, capPrb: number, nPrb: number) {
    const p = this.probe;
    p.bitsPerPrbSymbol = bitsPerPrbSymbol;
    p.capPrb = capPrb;
    p.nPrb = nPrb;
    return p;
  }

  /** The id of the radio inputs in `radioIds.key` but the BLER (`LegModel.blerFreeRadioId`). */
  private blerFreeRadioId(): number {
    const radio = this.radioIds.key;
    const free = this.blerFreeRadioIds.key;
    free[0] = radio[0]!;
    free[1] = radio[1]!;
    free[2] = radio[2]!;
    free[3] = radio[3]!;
    free[4] = radio[5]!;
    free[5] = radio[6]!;
    return this.blerFreeRadioIds.intern();
  }

  /** The leg's model for its current link and load: the same object while none of its inputs changed. */
  private legModel(leg: StreamLeg, bits: number, discardTimerMs: number): LegModel {
    const dev = leg.device;
    const ci = leg.stream.classIndex;
    const q = this.radio.budget.quality(dev, leg.dir, 0);
    const tier = this.radio.classTier[ci]!;
    const mcs = tier === 1 ? q.reliable : q;
    const capPrb = this.capPrb(dev, leg.dir, q.fullPowerPrbs);
    // With fading, the block's residual after each attempt (interned: one object per quantised vector) in place
    // of the BLER, keyed by its id (negative: never a BLER).
    const fade = this.fadeOf(dev, leg.dir, q, mcs, tier, capPrb, bits);
    const bler = fade === null ? quantizeBler(mcs.bler) : fade.residual[0]!;
    const residual = fade?.residual;
    const m = leg.memoModel;
    const mcsKey = this.mcsKey(dev.serving, leg.dir, bits, mcs.bitsPerPrbSymbol);
    const sameRadio =
      m !== null &&
      leg.memoCell === dev.serving &&
      (m.link.bitsPerPrbSymbol === mcs.bitsPerPrbSymbol ||
        this.mcsKey(dev.serving, leg.dir, bits, m.link.bitsPerPrbSymbol) === mcsKey) &&
      m.link.bler === bler &&
      m.link.residual === residual &&
      m.link.capPrb === capPrb;
    if (
      sameRadio &&
      m.servedShare === leg.servedShare &&
      m.aheadRatePerMs === leg.aheadRatePerMs &&
      m.aheadPrbSymbols === leg.aheadPrbSymbols &&
      m.aheadPeriodMs === leg.aheadPeriodMs
    )
      return m;
    // Every input of the leg's delay alone (radio: the last model's while they stay), then those of its
    // share of the cell (load).
    // The class's MCS and BLER target (legLink) and its UL access are radio inputs: legs of one cell that differ
    // in them never share a radio id. A cell's SR schedule follows from its configuration (pattern, slot,
    // processing time; SR period, offset and K2 are the network's), so access is keyed by whether there is one.
    const access = this.accessOf(dev, leg.dir, ci);
    let radioId: number;
    if (sameRadio) radioId = m.radioId;
    else {
      const radio = this.radioIds.key;
      radio[0] = this.cellConfig[dev.serving]!;
      radio[1] = leg.dir;
      radio[2] = bits;
      radio[3] = mcsKey;
      radio[4] = fade === null ? bler : -1 - fade.id;
      radio[5] = capPrb;
      radio[6] = access === null ? 0 : 1;
      radioId = this.radioIds.intern();
    }
    const key = this.legIds.key;
    key[0] = radioId;
    key[1] = leg.servedShare;
    key[2] = discardTimerMs;
    key[3] = leg.aheadRatePerMs;
    // The others' packet size, unless no count of them that matters can fill an opportunity (aheadSizeMatters).
    const cell = this.radio.env.cells[dev.serving]!;
    const sizeMatters =
      leg.aheadRatePerMs > 0 &&
      aheadSizeMatters(
        this.sizeProbe(mcs.bitsPerPrbSymbol, capPrb, cell.nPrb),
        bits,
        this.minSymbols[dev.serving]![leg.dir],
        leg.aheadPrbSymbols,
        this.maxAhead(dev.serving, leg.dir, leg.aheadRatePerMs, access),
      );
    key[4] = sizeMatters ? leg.aheadPrbSymbols : -1;
    key[5] = leg.aheadPeriodMs;
    const sharing = this.radio.loads[dev.serving]![leg.dir].discipline;
    // An overloaded leg under shared PRBs is served at its share of them: one packet per 1 / (λ · share) ms.
    const serviceMs =
      sharing === 'ps' && leg.servedShare < 1 && leg.servedShare > 0
        ? 1 / (leg.ratePerMs * leg.servedShare)
        : 0;
    key[6] = serviceMs;
    const id = this.legIds.intern();
    let model = this.legModels[id];
    if (model === undefined) {
      const blerFreeRadioId = sameRadio ? m.blerFreeRadioId : this.blerFreeRadioId();
      model = {
        id,
        radioId,
        blerFreeRadioId,
        link: this.linkOn(dev, leg.dir, mcs.bitsPerPrbSymbol, bler, capPrb, residual),
        access,
        servedShare: leg.servedShare,
        discardTimerMs,
        aheadRatePerMs: leg.aheadRatePerMs,
        aheadPrbSymbols: leg.aheadPrbSymbols,
        aheadPeriodMs: leg.aheadPeriodMs,
        sharing,
        serviceMs,
      };
      this.legModels[id] = model;
    }
    leg.memoCell = dev.serving;
    leg.memoModel = model;
    return model;
  }

  /** The stream's distribution for its legs' current links and loads (its current one if nothing changed). */
  distributionOf(s: FlowStream): DelayDistribution {
    const profile = this.radio.profiles[s.classIndex]!;
    const bits = Math.max(8, s.spec.sizeBytes * 8);
    let same = s.dist !== null;
    const legs = s.legModels;
    for (let i = 0; i < s.legs.length; i++) {
      const m = this.legModel(s.legs[i]!, bits, profile.discardTimerMs);
      if (legs[i] !== m) same = false;
      legs[i] = m;
    }
    if (same) return s.dist!;
    // A one-leg flow: its leg model's last distribution, if that was for the same bits and deadline.
    const solo = legs.length === 1 ? legs[0]!.id : -1;
    if (solo >= 0 && this.soloBits[solo] === bits && this.soloDeadline[solo] === s.deadlineMs)
      return this.soloDist[solo]!;
    const key = this.distIds.key;
    key[0] = bits;
    key[1] = s.deadlineMs;
    key[2] = legs.length > 0 ? legs[0]!.id : -1;
    key[3] = legs.length > 1 ? legs[1]!.id : -1;
    const id = this.distIds.intern();
    let dist = this.dists[id];
    if (dist === undefined) {
      const path: PathModel = { legs: legs.slice(), core: this.radio.core, bits, deadlineMs: s.deadlineMs };
      dist = new DelayDistribution(path, this.memo);
      this.dists[id] = dist;
    }
    if (solo >= 0) {
      this.soloDist[solo] = dist;
      this.soloBits[solo] = bits;
      this.soloDeadline[solo] = s.deadlineMs;
    }
    return dist;
  }

  /** The survival chain's parameters for `s` under `dist`. */
  chainOf(s: FlowStream, dist: DelayDistribution): ChainParams {
    if (dist.fadeInvalidProb > 0 && this.radio.fading !== null) return this.fadedChainOf(s, dist);
    let params = this.chainCache.get(dist);
    if (params === undefined) {
      params = fitChain(dist.invalidProb, dist.noQueueInvalidProb, this.badPackets(s));
      this.chainCache.set(dist, params);
    }
    return params;
  }

  /** Queueing lateness lasts about a busy period of the busiest leg's cell (M/G/1), in packets. */
  private badPackets(s: FlowStream): number {
    let busyMs = 0;
    for (const leg of s.legs) {
      const load = this.radio.loads[leg.device.serving]![leg.dir];
      const meanS = leg.prbSymbols / load.capacity;
      const b = busyPeriodMs(Math.max(meanS, 1e-6), Math.min(load.rho, 0.999));
      if (leg.servedShare < 1) busyMs = Number.POSITIVE_INFINITY;
      else if (b > busyMs) busyMs = b;
    }
    return Number.isFinite(busyMs) ? busyMs / s.intervalMs : 1e9;
  }

  /**
   * With fading: the share of packets fades spoil (`fadeInvalidProb`) joins the bad state, for the packets one
   * fade spans: per faded leg (the share split by their first attempts' BLER, ASSUMPTION) the average fade
   * duration below the gain exceeded 1 − share of the time (radio/fade-statistics.ts) at the device's speed, over
   * the packet interval; the legs' fade episodes add up. Cached by the distribution and that span on 5 % steps.
   */
  private fadedChainOf(s: FlowStream, dist: DelayDistribution): ChainParams {
    const fading = this.radio.fading!;
    const legs = s.legModels;
    let firstAttempts = 0;
    for (let i = 0; i < s.legs.length; i++)
      if (legs[i]!.link.residual !== undefined) firstAttempts += legs[i]!.link.bler;
    let episodes = 0;
    for (let i = 0; i < s.legs.length; i++) {
      const link = legs[i]!.link;
      if (link.residual === undefined) continue;
      const share = (dist.fadeInvalidProb * link.bler) / firstAttempts;
      const dev = s.legs[i]!.device;
      const fadeMs = fading.fadeDurationMs(dev, dev.serving, share, this.radio.speedMps[dev.index]!);
      episodes += share / Math.max(1, fadeMs / s.intervalMs);
    }
    const step = Math.round(20 * Math.log(dist.fadeInvalidProb / episodes));
    let byStep = this.fadedChainCache.get(dist);
    if (byStep === undefined) {
      byStep = new Map();
      this.fadedChainCache.set(dist, byStep);
    }
    let params = byStep.get(step);
    if (params === undefined) {
      params = fitChain(dist.invalidProb, dist.noQueueInvalidProb, this.badPackets(s), {
        share: dist.fadeInvalidProb,
        sojournPackets: Math.exp(step / 20),
      });
      byStep.set(step, params);
    }
    return params;
  }
}
