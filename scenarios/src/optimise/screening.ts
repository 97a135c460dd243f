// Fast screening of one candidate layout: coverage (share of the floor and of the AGV paths with SINR ≥ the
// target), a capacity and on-time proxy per traffic class, and cost. Arithmetic on the precomputed tables
// of screening-geometry.ts; no simulation. The proxies rank layouts; simulation confirms the best.
import {
  type CellRadio,
  DEFAULT_POWER_CONTROL,
  factoryPrbCap,
  OUTAGE_PROFILES,
  type PowerControl,
  publicPrbUse,
  type RrmPolicyRatio,
  radio,
  type TrafficClass,
  ulTargetPerPrbDbm,
} from '@factory-twin/sim-core';
import { annuityFactor } from '../cost/business-case';
import type { CostAssumptions } from '../cost/cost-defaults';
import { capex, costAssumptions, opexPerYear } from '../cost/cost-model';
import { definedOnly } from '../model/defined-only';
import { outageConfig } from '../model/outage-config';
import { ranShareConfig } from '../model/ran-share-config';
import { CONTROL } from '../model/to-model-config';
import type { DeploymentMode, Scenario } from '../scenario/schema';
import type { Candidate, DecisionSpace } from './decision-space';
import { type Direction, type ScreenedFlow, screenedFlows } from './screening-flows';
import { cellIndex, type ScreeningGeometry, screeningGeometry } from './screening-geometry';
import type { OptimiseSpec } from './spec';

export interface ScreeningResult {
  floorShare: number;
  /** Share of the AGV path points covered (1 when the plant has no AGV paths). */
  pathShare: number;
  /** On-time proxy per traffic class present in the plant (0..1). */
  onTime: Partial<Record<TrafficClass, number>>;
  /** Highest offered load over the capacity the factory can get (a cell of its own: all; an operator's: what the public users leave) of any cell and direction (above 1: overloaded). */
  maxLoad: number;
  /** Highest share of a cell's PRBs the factory would use (its load, capped at what it can get): the run's PRB use. */
  maxPrbShare: number;
  /** Offered load over capacity per gNB of the candidate (its `gnbs` order) and direction. */
  cellLoads: { ul: number; dl: number }[];
  capexEur: number;
  opexEurPerYear: number;
  /** Capex + opex over the cost horizon, discounted (the business case's TCO). */
  tcoEur: number;
}

/** BLER the link adaptation aims at (TS 38.214 CQI tables: 10 %). */
const BLER = radio.CQI_TARGET_BLER;
const MAX_RETX = radio.DEFAULT_MAX_HARQ_RETRANSMISSIONS;
/** Expected transmissions per transport block with HARQ at the target BLER. */
const TX_PER_BLOCK = radio.harqExpectedTransmissions(BLER, MAX_RETX);
/** Most fixed-point steps of the UL load coupling between co-channel cells. */
const UL_COUPLING_STEPS = 6;
/** A flow is on time only below this load: above it, queues grow (M/G/1 is unstable at ρ ≥ 1). */
const MAX_STABLE_LOAD = 1;

/** Per carrier option: PRB-symbols per ms of each direction, mean wait for an opportunity, the TDD period. */
interface CarrierRadio {
  capacity: Record<Direction, number>;
  alignMs: Record<Direction, number>;
  periodMs: number;
  slotMs: number;
  overhead: Record<Direction, number>;
  dlLayers: number;
  nPrb: number;
}

export class Screening {
  readonly geometry: ScreeningGeometry;
  readonly flows: ScreenedFlow[];
  /** Traffic classes present, in sim-core's order. */
  readonly classes: TrafficClass[];
  private readonly carriers: CarrierRadio[];
  private readonly assumptions: CostAssumptions;
  private readonly annuity: number;
  private readonly cqiTable: 1 | 2 | 3;
  private readonly sameSpectrum: boolean[][];
  private readonly mobileRate: Record<Direction, number>;
  private readonly mobileGroups: { flows: ScreenedFlow[]; proto: ScreenedFlow }[];
  /** UL open-loop power control as the simulation applies it (sim-core's defaults under the scenario's). */
  private readonly power: PowerControl;
  /** Per deployment mode: the share of time its outages leave control traffic up (1 without outages). */
  private readonly upShare = new Map<DeploymentMode, number>();
  /** Per deployment mode on an operator's cells (public, slice): the public users at the run's busiest hour. */
  private readonly shared = new Map<DeploymentMode, SharedRan>();
  /** The shared RAN of the candidate being evaluated (undefined: cells of the plant's own). */
  private ran: SharedRan | undefined;
  /** Per carrier option and direction (`k·2 + dir`): the factory's share of its PRBs for the candidate's RAN. */
  private readonly shareOf: Float64Array;
  // Scratch per evaluation (no allocation per point).
  private readonly serving: Int32Array;
  private readonly sinrDl: Float64Array;
  private readonly sinrUl: Float64Array;
  private readonly load: Float64Array;
  /** UL transmit power per PRB of a UE at each point, antenna gain included, dBm. */
  private readonly ulTxDbm: Float64Array;
  /** UL power per PRB received from a UE at each point at its serving gNB, dBm (fixed per evaluation). */
  private readonly ulRxDbm: Float64Array;
  /** Per candidate cell: noise + zones + other cells' UEs at its gNB per PRB, dB (the UL SINR's denominator). */
  private readonly ulNoiseDb: Float64Array;
  /** Per candidate cell: other cells' UEs' UL interference per PRB at its gNB, mW. */
  private readonly ulInterferenceMw: Float64Array;
  private readonly ulLoadsScratch: Float64Array;
  /** Per candidate cell: the floor points it serves, and the public users' UL PRB share at the current loads. */
  private readonly servedFloor: Float64Array;
  private readonly publicUlShare: Float64Array;
  /** UL power per PRB received from a UE at point p at the gNB of candidate cell v (`v·n + p`), mW; NaN: not yet. */
  private ulRxMw = new Float64Array(0);
  /** The overloaded cells' flow demands of the candidate being evaluated (overloadDemands). */
  private readonly demandCache = new Map<number, number[]>();
  /** On-time of a mobile flow by (serving cell, CQI), per evaluation. */
  private readonly memo = new Float64Array(200 * 16);

  constructor(
    private readonly spec: OptimiseSpec,
    private readonly base: Scenario,
    space: DecisionSpace,
  ) {
    this.geometry = screeningGeometry(spec, base, space);
    this.flows = screenedFlows(base, this.geometry);
    const present = new Set(this.flows.map((f) => f.trafficClass));
    this.classes = ['motionControl', 'telemetry', 'machineStatus', 'controlOrder', 'video'].filter((c) =>
      present.has(c as TrafficClass),
    ) as TrafficClass[];
    const env = this.geometry.env;
    const at = this.geometry.carrierCell;
    this.carriers = space.carriers.map((_, k) => carrierRadio(env.cells[at[k]]));
    this.sameSpectrum = space.carriers.map((_, a) =>
      space.carriers.map((__, b) => env.sameSpectrum(at[a], at[b])),
    );
    this.assumptions = costAssumptions(base.costs);
    this.annuity = annuityFactor(this.assumptions.discountRatePerYear, this.assumptions.horizonYears);
    this.cqiTable = base.network.linkAdaptation?.cqiTable ?? 2;
    this.power = { ...DEFAULT_POWER_CONTROL, ...definedOnly(base.network.uplinkPowerControl ?? {}) };
    for (const mode of space.deployments) {
      this.upShare.set(mode, controlUpShare(base, mode));
      // The hours the confirmation simulates (else the base's run): the clock hours the public users are read at.
      const ran = sharedRan(base, mode, spec.confirm.hours ?? base.run.lengthH);
      if (ran !== undefined) this.shared.set(mode, ran);
    }
    this.mobileRate = { UL: 0, DL: 0 };
    const groups = new Map<string, { flows: ScreenedFlow[]; proto: ScreenedFlow }>();
    for (const f of this.flows) {
      if (f.point >= 0) continue;
      this.mobileRate[f.dir] += f.bitsPerMs;
      const key = `${f.trafficClass}|${f.dir}|${f.packetBits}|${f.deadlineMs}`;
      const g = groups.get(key);
      if (g === undefined) groups.set(key, { flows: [f], proto: f });
      else g.flows.push(f);
    }
    this.mobileGroups = [...groups.values()];
    const n = this.geometry.points.length;
    this.serving = new Int32Array(n);
    this.sinrDl = new Float64Array(n);
    this.sinrUl = new Float64Array(n);
    this.load = new Float64Array(env.cells.length * 2);
    this.ulTxDbm = new Float64Array(n);
    this.ulRxDbm = new Float64Array(n);
    this.ulInterferenceMw = new Float64Array(env.cells.length);
    this.ulLoadsScratch = new Float64Array(env.cells.length);
    this.shareOf = new Float64Array(this.carriers.length * 2);
    // A candidate has at most one gNB per mounting point.
    this.servedFloor = new Float64Array(space.mounts.length);
    this.publicUlShare = new Float64Array(space.mounts.length);
    this.ulNoiseDb = new Float64Array(space.mounts.length);
  }

  evaluate(c: Candidate): ScreeningResult {
    const g = this.geometry;
    const cells = c.mountIndex.map((m, i) => cellIndex(m, c.optionIndex[i], g.optionCount));
    const carrierOf = c.carrierIndex;
    const nFloor = g.floor.length;
    const nPath = g.path.length;
    const n = g.points.length;
    const wantUl = this.spec.coverage.direction !== 'DL';
    const wantDl = this.spec.coverage.direction !== 'UL';
    // SINR per point at its best server (RSRP), DL with every same-spectrum cell at full load and the zones on.
    for (let p = 0; p < n; p++) {
      let best = 0;
      for (let i = 1; i < cells.length; i++) if (g.rxDlMw[cells[i]][p] > g.rxDlMw[cells[best]][p]) best = i;
      const s = cells[best];
      const k = carrierOf[best];
      let interference = g.zoneDlMw[k][p];
      for (let i = 0; i < cells.length; i++)
        if (i !== best && this.sameSpectrum[k][carrierOf[i]]) interference += g.rxDlMw[cells[i]][p];
      this.serving[p] = best;
      this.sinrDl[p] = 10 * Math.log10(g.rxDlMw[s][p] / (g.noiseDlMw[k] + interference));
      // UL: open-loop power control per PRB (TS 38.213 §7.1.1, P_CMAX over the whole carrier, as the coverage map).
      const cell = g.env.cells[s];
      const pt = g.points[p];
      this.ulTxDbm[p] =
        Math.min(
          ulTargetPerPrbDbm(this.power, cell.mu, g.pathLossDb[s][p]),
          pt.powerClassDbm - 10 * Math.log10(cell.nPrb),
        ) + pt.gainDbi;
      this.ulRxDbm[p] = this.ulTxDbm[p] + cell.antennaGainDbi - g.pathLossDb[s][p];
    }
    // UL SINR at the serving gNB, zones on: first without other cells' UEs, then with the interference their
    // load causes (the flow fidelity's coupling: each UE's PRB share × its power received at the victim).
    this.ran = this.shared.get(c.deployment);
    for (let k = 0; k < this.carriers.length; k++)
      for (const dir of ['UL', 'DL'] as const)
        this.shareOf[k * 2 + dirIndex(dir)] = this.factoryShare(this.carriers[k].nPrb, dir);
    this.demandCache.clear();
    this.ulInterferenceMw.fill(0, 0, cells.length);
    this.ulSinrs(cells);
    // The DL loads do not change with the UL coupling below: once.
    this.offeredLoads(cells, carrierOf, 'DL');
    this.offeredLoads(cells, carrierOf, 'UL');
    // Load coupling (Siomina & Yuan 2012): more load, more interference, lower SINR, more PRBs per bit. A few
    // fixed-point steps, until no cell's UL load moves by more than 1 % of its PRBs. Only with co-channel cells.
    const coupled = coChannel(cells.length, carrierOf, this.sameSpectrum);
    if (coupled) {
      if (this.ulRxMw.length < cells.length * n) this.ulRxMw = new Float64Array(cells.length * n);
      this.ulRxMw.fill(Number.NaN, 0, cells.length * n);
    }
    for (let step = 0; coupled && step < UL_COUPLING_STEPS; step++) {
      const before = this.ulLoadsScratch;
      for (let i = 0; i < cells.length; i++) before[i] = this.load[i * 2 + dirIndex('UL')];
      this.ulInterferenceMw.fill(0, 0, cells.length);
      this.addUlInterference(cells, carrierOf);
      this.ulSinrs(cells);
      this.offeredLoads(cells, carrierOf, 'UL');
      let moved = 0;
      for (let i = 0; i < cells.length; i++)
        moved = Math.max(moved, Math.abs(Math.min(1, this.load[i * 2]) - Math.min(1, before[i])));
      if (moved < 0.01) break;
    }
    let maxLoad = 0;
    let maxPrbShare = 0;
    for (let i = 0; i < cells.length * 2; i++) {
      if (this.load[i] > maxLoad) maxLoad = this.load[i];
      const share = this.shareOf[carrierOf[i >> 1] * 2 + (i % 2)];
      maxPrbShare = Math.max(maxPrbShare, Math.min(1, this.load[i]) * share);
    }

    const threshold = this.spec.coverage.sinrDb;
    const covered = (p: number) =>
      (!wantDl || this.sinrDl[p] >= threshold) && (!wantUl || this.sinrUl[p] >= threshold);
    let floorCovered = 0;
    for (let p = 0; p < nFloor; p++) if (covered(p)) floorCovered++;
    let pathCovered = 0;
    for (let p = nFloor; p < nFloor + nPath; p++) if (covered(p)) pathCovered++;

    // On-time proxy per class: the mean over its flows (a mobile flow: over the path points).
    const sum: Partial<Record<TrafficClass, number>> = {};
    const count: Partial<Record<TrafficClass, number>> = {};
    const add = (cls: TrafficClass, v: number, weight: number) => {
      sum[cls] = (sum[cls] ?? 0) + v * weight;
      count[cls] = (count[cls] ?? 0) + weight;
    };
    for (const f of this.flows) if (f.point >= 0) add(f.trafficClass, this.onTimeAt(f, f.point, c), 1);
    // A mobile flow's on-time depends on a path point only through its serving cell and CQI: memoised.
    for (const group of this.mobileGroups) {
      let v = 0;
      this.memo.fill(Number.NaN);
      for (let p = nFloor; p < nFloor + nPath; p++) {
        const sinr = group.proto.dir === 'DL' ? this.sinrDl[p] : this.sinrUl[p];
        const slot = this.serving[p] * 16 + radio.sinrToCqi(sinr, this.cqiTable);
        if (Number.isNaN(this.memo[slot])) this.memo[slot] = this.onTimeAt(group.proto, p, c);
        v += this.memo[slot];
      }
      add(group.proto.trafficClass, nPath > 0 ? v / nPath : 0, group.flows.length);
    }
    const onTime: Partial<Record<TrafficClass, number>> = {};
    const up = this.upShare.get(c.deployment) ?? 1;
    for (const cls of this.classes) onTime[cls] = (up * (sum[cls] ?? 0)) / (count[cls] || 1);

    const costed: Scenario = {
      ...this.base,
      network: { ...this.base.network, deployment: c.deployment, gnbs: c.gnbs },
    };
    const capexEur = capex(costed, this.assumptions).totalEur;
    const opexEurPerYear = opexPerYear(costed, this.assumptions, capexEur).totalEur;
    return {
      floorShare: nFloor > 0 ? floorCovered / nFloor : 1,
      pathShare: nPath > 0 ? pathCovered / nPath : 1,
      onTime,
      maxLoad,
      maxPrbShare,
      cellLoads: cells.map((_, i) => ({
        ul: this.load[i * 2 + dirIndex('UL')],
        dl: this.load[i * 2 + dirIndex('DL')],
      })),
      capexEur,
      opexEurPerYear,
      tcoEur: capexEur + opexEurPerYear * this.annuity,
    };
  }

  /**
   * The PRB demands (shares of the factory's capacity) of the flows an overloaded cell serves in `dir`: each
   * fixed flow's, and the AGVs' together (spread over the path, as their load). Cached per evaluation.
   */
  private overloadDemands(cell: number, k: number, dir: Direction): number[] {
    const key = cell * 2 + dirIndex(dir);
    const cached = this.demandCache.get(key);
    if (cached !== undefined) return cached;
    const g = this.geometry;
    const capacity = this.carriers[k].capacity[dir] * this.shareOf[k * 2 + dirIndex(dir)];
    const demands: number[] = [];
    for (const f of this.flows)
      if (f.point >= 0 && f.bitsPerMs > 0 && f.dir === dir && this.serving[f.point] === cell)
        demands.push(this.work(f.bitsPerMs, dir, f.point, k) / capacity);
    const rate = this.mobileRate[dir];
    if (rate > 0 && g.path.length > 0) {
      let mobile = 0;
      for (let p = g.floor.length; p < g.floor.length + g.path.length; p++)
        if (this.serving[p] === cell) mobile += this.work(rate, dir, p, k) / g.path.length;
      if (mobile > 0) demands.push(mobile / capacity);
    }
    this.demandCache.set(key, demands);
    return demands;
  }

  /**
   * UL SINR of every point at its serving gNB with the current other-cell interference (`ulInterferenceMw`):
   * the received power over the cell's noise, zones and interference (in dB once per cell, not per point).
   */
  private ulSinrs(cells: readonly number[]): void {
    const g = this.geometry;
    for (let i = 0; i < cells.length; i++) {
      const s = cells[i];
      this.ulNoiseDb[i] =
        10 * Math.log10(g.env.cells[s].noisePerPrbMw + g.zoneUlMw[s] + this.ulInterferenceMw[i]);
    }
    for (let p = 0; p < g.points.length; p++)
      this.sinrUl[p] = this.ulRxDbm[p] - this.ulNoiseDb[this.serving[p]];
  }

  /** Offered load over capacity per serving cell in `dir` (`load[i·2 + dir]`). */
  private offeredLoads(cells: readonly number[], carrierOf: readonly number[], dir: Direction): void {
    const g = this.geometry;
    const nFloor = g.floor.length;
    const nPath = g.path.length;
    const d = dirIndex(dir);
    for (let i = 0; i < cells.length; i++) this.load[i * 2 + d] = 0;
    for (const f of this.flows) {
      if (f.point < 0 || f.bitsPerMs === 0 || f.dir !== dir) continue;
      const i = this.serving[f.point];
      this.load[i * 2 + d] += this.work(f.bitsPerMs, dir, f.point, carrierOf[i]);
    }
    const rate = this.mobileRate[dir];
    if (nPath > 0 && rate !== 0)
      for (let p = nFloor; p < nFloor + nPath; p++) {
        const i = this.serving[p];
        this.load[i * 2 + d] += this.work(rate, dir, p, carrierOf[i]) / nPath;
      }
    for (let i = 0; i < cells.length; i++) {
      const k = carrierOf[i];
      this.load[i * 2 + d] /= this.carriers[k].capacity[dir] * this.shareOf[k * 2 + d];
    }
  }

  /** Share of a cell's PRBs the factory can use: all on its own cells; on an operator's, what the public leave. */
  private factoryShare(nPrb: number, dir: Direction): number {
    const ran = this.ran;
    if (ran === undefined) return 1;
    const publicPrbs = (dir === 'UL' ? ran.ulPrbShare : ran.dlPrbShare) * nPrb;
    // One factory UE backlogged (assumption, the conservative case of rrm-policy.ts's fair share).
    return factoryPrbCap(nPrb, publicPrbs, 1, ran.ues, ran.policy) / nPrb;
  }

  /**
   * Adds, per candidate cell, the UL interference per PRB that the UEs of its co-channel neighbours cause at
   * its gNB at the current loads: Σ over their UL flows of (PRB share of the flow, an overloaded cell's scaled
   * to all its PRBs) × (its power per PRB received there), as the flow fidelity couples cells.
   */
  private addUlInterference(cells: readonly number[], carrierOf: readonly number[]): void {
    const g = this.geometry;
    const n = g.points.length;
    const nFloor = g.floor.length;
    const nPath = g.path.length;
    // A cell uses at most all its PRBs: an overloaded cell's flows share them (the flow fidelity's served share).
    // `overloadable`: a factory flow's offered share, scaled down when its cell is over its factory capacity.
    const into = (p: number, offeredShare: number, overloadable = true) => {
      const from = this.serving[p];
      const prbShare = overloadable
        ? offeredShare / Math.max(1, this.load[from * 2 + dirIndex('UL')])
        : offeredShare;
      for (let v = 0; v < cells.length; v++)
        if (v !== from && this.sameSpectrum[carrierOf[from]][carrierOf[v]]) {
          // The received power does not change with the loads: once per evaluation.
          let rxMw = this.ulRxMw[v * n + p];
          if (Number.isNaN(rxMw)) {
            const s = cells[v];
            rxMw = radio.dbmToMw(this.ulTxDbm[p] + g.env.cells[s].antennaGainDbi - g.pathLossDb[s][p]);
            this.ulRxMw[v * n + p] = rxMw;
          }
          this.ulInterferenceMw[v] += prbShare * rxMw;
        }
    };
    // The public users of an operator's cell: their PRB share spread over the floor the cell serves (assumption:
    // where they are is not known; the cell's area is where its UEs are).
    const ran = this.ran;
    if (ran !== undefined && ran.ulPrbShare > 0) {
      const served = this.servedFloor;
      served.fill(0, 0, cells.length);
      for (let p = 0; p < nFloor; p++) served[this.serving[p]]++;
      for (let i = 0; i < cells.length; i++) {
        const nPrb = this.carriers[carrierOf[i]].nPrb;
        const factory =
          Math.min(1, this.load[i * 2 + dirIndex('UL')]) *
          this.shareOf[carrierOf[i] * 2 + dirIndex('UL')] *
          nPrb;
        this.publicUlShare[i] = publicPrbUse(nPrb, ran.ulPrbShare * nPrb, factory, ran.policy) / nPrb;
      }
      for (let p = 0; p < nFloor; p++) {
        const i = this.serving[p];
        into(p, this.publicUlShare[i] / served[i], false);
      }
    }
    for (const f of this.flows) {
      if (f.point < 0 || f.bitsPerMs === 0 || f.dir !== 'UL') continue;
      const i = this.serving[f.point];
      into(
        f.point,
        this.work(f.bitsPerMs, 'UL', f.point, carrierOf[i]) / this.carriers[carrierOf[i]].capacity.UL,
      );
    }
    const rate = this.mobileRate.UL;
    if (rate > 0)
      for (let p = nFloor; p < nFloor + nPath; p++) {
        const i = this.serving[p];
        into(p, this.work(rate, 'UL', p, carrierOf[i]) / nPath / this.carriers[carrierOf[i]].capacity.UL);
      }
  }

  /** PRB-symbols per ms that `bitsPerMs` needs at point p (HARQ retransmissions included); 0 if no MCS fits. */
  private work(bitsPerMs: number, dir: Direction, p: number, carrier: number): number {
    const bits = this.bitsPerPrbSymbol(dir, p, carrier);
    return bits > 0 ? (bitsPerMs * TX_PER_BLOCK) / bits : 0;
  }

  /** Information bits of one PRB over one symbol at the point's SINR: SE · 12 · (1 − OH) · layers (TS 38.306). */
  private bitsPerPrbSymbol(dir: Direction, p: number, carrier: number): number {
    const cr = this.carriers[carrier];
    const se = radio.spectralEfficiencyForSinr(dir === 'DL' ? this.sinrDl[p] : this.sinrUl[p], this.cqiTable);
    return se * radio.SUBCARRIERS_PER_PRB * (1 - cr.overhead[dir]) * (dir === 'DL' ? cr.dlLayers : 1);
  }

  /**
   * Probability that a packet of flow f at point p is on time. Radio delay: mean wait for the next
   * opportunity of its direction (the TDD pattern) plus its transmission at the capacity the others leave,
   * E[S]/(1 − ρ_others) (M/G/1 processor sharing: Kleinrock, Queueing Systems vol. 2, §4.4); each HARQ
   * retransmission one TDD period later (assumption), with probability BLER^k. Core delay: the deployment
   * mode's normal one-way delay (sim-core radio/deployment.ts), clamped at its floor.
   */
  private onTimeAt(f: ScreenedFlow, p: number, c: Candidate): number {
    const i = this.serving[p];
    const k = c.carrierIndex[i];
    const rho = this.load[i * 2 + dirIndex(f.dir)];
    const bits = this.bitsPerPrbSymbol(f.dir, p, k);
    if (bits === 0) return 0;
    const cr = this.carriers[k];
    const capacity = cr.capacity[f.dir] * this.shareOf[k * 2 + dirIndex(f.dir)];
    const serviceMs = (f.packetBits * TX_PER_BLOCK) / bits / capacity;
    // A periodic flow's packet shares the PRBs with the other flows, not with its own earlier packets (gone
    // by the time the next one comes, in a stable cell): the slowdown is the others' load (`work`'s arithmetic).
    const own = f.bitsPerMs > 0 ? (f.bitsPerMs * TX_PER_BLOCK) / bits / capacity : 0;
    let others = rho - own;
    if (rho >= MAX_STABLE_LOAD) {
      // An overloaded cell: proportional fair and round robin serve a device with little data first, so a
      // flow below the max-min fair share still gets through, slowed by the others' load each capped at its
      // own; a flow at or above it is starved (its queue grows).
      const demands = this.overloadDemands(i, k, f.dir);
      if (own >= waterLevel(demands)) return 0;
      others = -own;
      for (const d of demands) others += Math.min(d, own);
      if (others >= MAX_STABLE_LOAD) return 0;
    }
    const radioMs = cr.alignMs[f.dir] + Math.max(cr.slotMs, serviceMs / (1 - Math.max(0, others)));
    const core = radio.coreDelayProfile(c.deployment);
    let p0 = 0;
    for (let a = 0; a <= MAX_RETX; a++) {
      const slack = f.deadlineMs - radioMs - a * cr.periodMs;
      const inTime = slack < core.minMs ? 0 : radio.normalCdf((slack - core.meanMs) / core.jitterMs);
      p0 += BLER ** a * (1 - BLER) * inTime;
    }
    return p0;
  }
}

const dirIndex = (d: Direction) => (d === 'UL' ? 0 : 1);

/** Whether any two of the candidate's cells share spectrum (then their UL loads interfere). */
function coChannel(cellCount: number, carrierOf: readonly number[], sameSpectrum: boolean[][]): boolean {
  for (let i = 0; i < cellCount; i++)
    for (let v = 0; v < cellCount; v++) if (v !== i && sameSpectrum[carrierOf[i]][carrierOf[v]]) return true;
  return false;
}

/** Max-min fair share L of a unit capacity among demands: Σ min(d, L) = 1 (Infinity when Σ d ≤ 1). */
export function waterLevel(demands: readonly number[]): number {
  const sorted = [...demands].sort((a, b) => a - b);
  let left = 1;
  for (let i = 0; i < sorted.length; i++) {
    const share = left / (sorted.length - i);
    if (sorted[i]! >= share) return share;
    left -= sorted[i]!;
  }
  return Number.POSITIVE_INFINITY;
}

/** The public users on an operator's cell that screening assumes: those of the run's busiest hour. */
interface SharedRan {
  ulPrbShare: number;
  dlPrbShare: number;
  ues: number;
  policy?: RrmPolicyRatio;
}

/**
 * The shared RAN of `mode` (sim-core ran-share; undefined for cells of the plant's own): the busiest hour of
 * the default profile over the clock hours of a run of `lengthH`, for both directions (per-gNB profiles are not looked at:
 * candidates' gNBs are new).
 */
function sharedRan(base: Scenario, mode: DeploymentMode, lengthH: number): SharedRan | undefined {
  const config = ranShareConfig({ ...base, network: { ...base.network, deployment: mode } });
  if (config === undefined) return undefined;
  const { hourly, startHour = 0 } = config.publicLoad;
  const hours = Math.min(24, Math.max(1, Math.ceil(lengthH)));
  const out: SharedRan = { ulPrbShare: 0, dlPrbShare: 0, ues: 0 };
  for (let h = 0; h < hours; h++) {
    const at = hourly[(startHour + h) % 24];
    if (at === undefined) continue;
    out.ulPrbShare = Math.max(out.ulPrbShare, at.ulPrbShare);
    out.dlPrbShare = Math.max(out.dlPrbShare, at.dlPrbShare);
    out.ues = Math.max(out.ues, at.ues);
  }
  return config.policy === undefined ? out : { ...out, policy: config.policy };
}

/**
 * The long-run share of time the mode's core / WAN outages leave device-to-control traffic up (every screened
 * flow runs to or from the control system): MTBF / (MTBF + MTTR) when the scenario's outages are on for the
 * mode and cut that traffic (sim-core OUTAGE_PROFILES), else 1. A packet sent in an outage is late or lost.
 */
function controlUpShare(base: Scenario, mode: DeploymentMode): number {
  const outages = outageConfig({ ...base, network: { ...base.network, deployment: mode } });
  if (outages?.times === undefined) return 1;
  if (!OUTAGE_PROFILES[mode].affects({ from: 'device', to: CONTROL, trafficClass: 'telemetry' })) return 1;
  const { mtbfMs, mttrMs } = outages.times;
  return mtbfMs / (mtbfMs + mttrMs);
}

/** Capacity and timing of a carrier from its cell (TS 38.211 slots, the TDD pattern's symbols per direction). */
function carrierRadio(cell: CellRadio): CarrierRadio {
  const pattern = cell.config.tddPattern;
  const special = cell.config.specialSlot ?? radio.DEFAULT_SPECIAL_SLOT;
  const share = radio.tddShare(pattern, special);
  const slotMs = radio.slotDurationMs(cell.mu);
  const symbolsPerMs = radio.SYMBOLS_PER_SLOT / slotMs;
  const usable = (dir: Direction) =>
    [...pattern].map(
      (s) => s === (dir === 'DL' ? 'D' : 'U') || (s === 'S' && (dir === 'DL' ? special.dl : special.ul) > 0),
    );
  return {
    capacity: {
      UL: cell.nPrb * symbolsPerMs * share.ulFraction,
      DL: cell.nPrb * symbolsPerMs * share.dlFraction,
    },
    alignMs: { UL: meanWaitMs(usable('UL'), slotMs), DL: meanWaitMs(usable('DL'), slotMs) },
    periodMs: pattern.length * slotMs,
    slotMs,
    overhead: { UL: cell.overhead[0], DL: cell.overhead[1] },
    dlLayers: cell.maxDlLayers,
    nPrb: cell.nPrb,
  };
}

/**
 * Mean wait from a uniform arrival to the start of the next usable slot of a repeating pattern: an arrival
 * in slot i waits the rest of its slot (half a slot on average) plus the slots until the next usable one.
 */
export function meanWaitMs(usable: readonly boolean[], slotMs: number): number {
  const L = usable.length;
  if (!usable.some(Boolean)) return Number.POSITIVE_INFINITY;
  let total = 0;
  for (let i = 0; i < L; i++) {
    let gap = 0;
    while (!usable[(i + 1 + gap) % L]) gap++;
    total += (gap + 0.5) * slotMs;
  }
  return total / L;
}
