// The 5G network in flow fidelity (network.fidelity: flow): the same radio model as the packet model (link
// budget, link adaptation, TDD grid, HARQ, core delay), but per flow instead of per packet. Each cell and
// direction knows its offered load (stream rates, a message estimate); the scheduler's shares and the M/G/1
// queue give every flow a delay distribution, recomputed when something changes (a device moves 1 m, a
// handover, a zone switches, a stream starts or stops, the load moves); messages draw their delay from it,
// periodic streams cost no event per packet (counted per regime; survival failures from a chain).
import type { Message, StreamHandle, StreamListener, StreamSpec } from '../../control/seam';
import { Probe } from '../../engine/probe';
import type { RandomStream, RandomStreams } from '../../engine/random';
import type { SimAction } from '../../engine/sim-action';
import type { Simulation } from '../../engine/simulation';
import type { HandoverConfig, NetworkConfig } from '../config';
import { coverageGrid, zoneActiveAt } from '../coverage';
import { DeviceState, NormalSource } from '../device';
import { a3Target, HandoverTally } from '../handover';
import { LinkAdapter } from '../link-adaptation';
import { LinkBudget, type LoadView, type PowerControl } from '../link-budget';
import { CQI_TARGET_BLER, DEFAULT_MAX_HARQ_RETRANSMISSIONS } from '../radio/cqi';
import { CORE_DELAY_PROFILES } from '../radio/deployment';
import { RadioEnvironment } from '../radio-environment';
import { RanShare } from '../ran-share/ran-share';
import { type Dir, DL, UL } from '../tdd-grid';
import { TimedHeap } from '../timed-heap';
import { type ClassProfile, classIndex, resolveClassProfiles } from '../traffic-classes';
import type {
  CellKpis,
  CellLoadSample,
  ClassKpis,
  CoverageGridOptions,
  DeviceKpis,
  HandoverEvent,
  LinkSample,
  NetworkKpis,
  NetworkModel,
  NetworkNotableEvent,
  NetworkProbes,
  NetworkSnapshot,
  SinrGrid,
  StreamKpis,
} from '../types';
import { CellLoad } from './cell-load';
import { type CoreModel, DelayDistribution, type LegModel, type PathModel } from './delay-distribution';
import { FlowStream, type FlowStreamHost, FlowStreamStats, type StreamLeg } from './flow-stream';
import { busyPeriodMs } from './queue-model';
import { type FirstTransmission, firstTransmission, type LegLink, retransmissionEndMs } from './radio-leg';
import { type ChainParams, fitChain } from './survival-chain';
import { WeightedLatencyHistogram } from './weighted-histogram';

/** What the packet model's defaults are (passed in by buildNetwork, which owns them). */
export interface FlowDefaults {
  handover: HandoverConfig;
  powerControl: PowerControl;
  recomputeDistanceM: number;
  locateIntervalMs: number;
  loadSampleMs: number;
}

export interface FlowDependencies {
  streams: RandomStreams;
  locate: (endpointId: string, timeMs: number) => { xM: number; yM: number } | undefined;
}

/** Mobile devices with an active stream are located this often (assumption: 30 cm at 1.5 m/s; the A3 time-to-trigger is met within one tick). */
export const FLOW_MOBILITY_TICK_MS = 200;
/** Other cells' load is checked this often for a change that moves SINRs (assumption: loads drift slowly). */
const INTERFERENCE_REFRESH_MS = 5000;
/** A neighbour's DL PRB-use change that refreshes SINRs (assumption: 0.2 dB at most at full interference). */
const LOAD_CHANGE_STEP = 0.05;
/** A change of UL interference plus noise that refreshes SINRs (assumption: below link adaptation's steps). */
const INTERFERENCE_STEP_DB = 0.25;
/** Mobile devices' geometry is computed at points of this grid and kept (AGVs drive the same aisles all shift). */
const GEOMETRY_GRID_M = 0.5;
/** Settle passes per change (the loop load → queue → distribution → load converges in one or two). */
const MAX_SETTLE_PASSES = 6;
const EPS_MS = 1e-9;

class ClassStats {
  finished = 0;
  delivered = 0;
  onTime = 0;
  late = 0;
  lost = 0;
  discarded = 0;
  /** Messages, one by one. */
  readonly latency = new WeightedLatencyHistogram();
  /** Stream packets: packets per distribution, folded into the histogram when read. */
  readonly weights = new Map<DelayDistribution, number>();

  reset(): void {
    this.finished = 0;
    this.delivered = 0;
    this.onTime = 0;
    this.late = 0;
    this.lost = 0;
    this.discarded = 0;
    this.latency.reset();
    this.weights.clear();
  }
}

class DirStats {
  bits = 0;
  prbSymbols = 0;
  blocks = 0;
  retransmissions = 0;
  reset(): void {
    this.bits = 0;
    this.prbSymbols = 0;
    this.blocks = 0;
    this.retransmissions = 0;
  }
}

interface GridGeometry {
  plDb: Float64Array;
  rsrpDbm: Float64Array;
  dlRxMw: Float64Array;
  zoneLossDb: Float64Array;
}

interface PendingMessage {
  message: Message<unknown>;
  lost: boolean;
  onDelivered: (m: Message<unknown>) => void;
  onLost: ((m: Message<unknown>) => void) | null;
}

interface StreamRecord {
  spec: StreamSpec;
  stats: FlowStreamStats;
  current: FlowStream | null;
}

export function buildFlowNetwork(
  sim: Simulation,
  config: NetworkConfig,
  deps: FlowDependencies,
  defaults: FlowDefaults,
): NetworkModel {
  return new FlowNetwork(sim, config, deps, defaults);
}

function quantizeBler(bler: number): number {
  if (!(bler > 1e-7)) return 0;
  return Math.min(1, 10 ** (Math.round(Math.log10(bler) * 10) / 10)); // 26 % steps (HARQ share of a few %)
}

export class FlowNetwork implements NetworkModel, LoadView, FlowStreamHost {
  readonly probes: NetworkProbes = {
    linkSamples: new Probe<LinkSample>(),
    handovers: new Probe<HandoverEvent>(),
    notable: new Probe<NetworkNotableEvent>(),
    cellLoad: new Probe<CellLoadSample>(),
  };
  private readonly env: RadioEnvironment;
  private readonly budget: LinkBudget;
  private readonly power: PowerControl;
  private readonly profiles: ClassProfile[];
  private readonly tierOf: number[];
  private readonly devices: DeviceState[];
  private readonly deviceByEndpoint = new Map<string, DeviceState>();
  private readonly flowRng: RandomStream[];
  private readonly streamsOfDevice: FlowStream[][];
  private readonly loads: [CellLoad, CellLoad][];
  private readonly cellStats: [DirStats, DirStats][];
  private readonly classStats: ClassStats[];
  private readonly handover: HandoverConfig;
  private readonly core: CoreModel;
  private readonly wiredNormal: NormalSource;
  private readonly zoneActive: Uint8Array;
  private readonly zoneState: { active: Uint8Array; epoch: number };
  private readonly maxAttempts: number;
  private readonly harqProcessingMs: number[];
  private readonly streamRecords = new Map<string, StreamRecord>();
  private readonly deliveryHeap = new TimedHeap<PendingMessage>();
  private readonly deliveryAction: SimAction<undefined>;
  private deliveryAtMs = Number.POSITIVE_INFINITY;
  private pending: FlowStream[] = [];
  private pendingSpare: FlowStream[] = [];
  private readonly legCache = new Map<string, LegModel>();
  private readonly distCache = new Map<string, DelayDistribution>();
  private readonly chainCache = new Map<DelayDistribution, ChainParams>();
  private readonly mobileActive = new Set<DeviceState>();
  /** Geometry per grid point, per device kind (height, antenna gain). */
  private readonly geometryCache = new Map<string, Map<number, GridGeometry>>();
  private readonly geometryByDevice: (Map<number, GridGeometry> | undefined)[] = [];
  private readonly mobilityAction: SimAction<undefined>;
  private mobilityScheduled = false;
  /** Loads the SINRs were last evaluated with: DL utilisation per cell, UL interference per (from, at). */
  private readonly dlLoadUsed: Float64Array;
  private readonly ulInterferenceUsed: Float64Array;
  private readonly ulInterferenceNow: Float64Array;
  /** Other cells sharing each cell's spectrum. */
  private readonly coChannel: number[][];
  private readonly interferenceCoupled: boolean;
  private statsStartMs: number;
  private readonly handoverTally: HandoverTally;
  private readonly scratch: FirstTransmission = { endMs: 0, prbSymbols: 0, blocks: 0, lastSymbols: 0 };
  private settling = false;
  private readonly settleAction: SimAction<undefined>;
  private settleScheduled = false;

  constructor(
    readonly sim: Simulation,
    private readonly config: NetworkConfig,
    private readonly deps: FlowDependencies,
    private readonly defaults: FlowDefaults,
  ) {
    this.env = new RadioEnvironment(config, deps.streams);
    this.profiles = resolveClassProfiles(config);
    const la = config.linkAdaptation ?? {};
    const adapter = new LinkAdapter(la.cqiTable ?? 2, la.blerTarget ?? CQI_TARGET_BLER);
    this.power = { ...defaults.powerControl, ...config.uplinkPowerControl };
    this.zoneActive = new Uint8Array(this.env.zones.length);
    this.zoneState = { active: this.zoneActive, epoch: 0 };
    const interCell = config.interCellInterference ?? 'load';
    this.budget = new LinkBudget(this.env, adapter, this.power, this.zoneState, interCell, this);
    this.handover = config.handover ?? defaults.handover;
    const c = { ...CORE_DELAY_PROFILES[config.deployment.mode], ...config.deployment.overrides };
    this.core = { meanMs: c.meanMs, jitterMs: c.jitterMs, minMs: c.minMs };
    this.wiredNormal = new NormalSource(deps.streams.stream('network', 'network.core'));
    this.maxAttempts = 1 + (la.maxHarqRetransmissions ?? DEFAULT_MAX_HARQ_RETRANSMISSIONS);
    this.harqProcessingMs = this.env.cells.map((cell) => la.harqProcessingMs ?? cell.grid.slotMs);

    // Tiers: GBR classes first, then the discipline (one tier, or one per 5QI priority level).
    const levels = [...new Set(this.profiles.map((p) => p.qos.priorityLevel))].sort((a, b) => a - b);
    const hasGbr = this.profiles.some((p) => p.gbrBitsPerMs > 0);
    const base = hasGbr ? 1 : 0;
    this.tierOf = this.profiles.map((p) =>
      p.gbrBitsPerMs > 0
        ? 0
        : base + (config.scheduler === 'priority' ? levels.indexOf(p.qos.priorityLevel) : 0),
    );
    const tiers = Math.max(...this.tierOf) + 1;

    const sliceOfClass = this.profiles.map(() => -1);
    this.devices = config.devices.map((d, i) => {
      if (this.deviceByEndpoint.has(d.endpointId))
        throw new RangeError(`Two devices serve endpoint '${d.endpointId}'`);
      const dev = new DeviceState(
        i,
        d,
        this.env.cells,
        this.env.zones.length,
        this.profiles,
        sliceOfClass,
        deps.streams.stream(d.id, 'network.harq'),
        new NormalSource(deps.streams.stream(d.id, 'network.core')),
      );
      this.deviceByEndpoint.set(d.endpointId, dev);
      return dev;
    });
    for (const w of config.wiredEndpoints ?? [])
      if (this.deviceByEndpoint.has(w))
        throw new RangeError(`Endpoint '${w}' is both wired and served by a device`);
    this.flowRng = this.devices.map((d) => deps.streams.stream(d.id, 'network.flow'));
    this.streamsOfDevice = this.devices.map(() => []);
    const n = this.env.cells.length;
    const ranShare = config.ranShare === undefined ? null : new RanShare(config.ranShare, this.env.cells);
    this.loads = this.env.cells.map(
      (cell) =>
        [UL, DL].map(
          (dir) =>
            new CellLoad(
              cell.index,
              dir as Dir,
              config.scheduler === 'priority' ? 'fifo' : 'ps',
              cell.nPrb,
              cell.grid.symbolsPerMs(dir as Dir),
              tiers,
              ranShare?.cell(cell.index, dir as Dir) ?? null,
            ),
        ) as [CellLoad, CellLoad],
    );
    // Shared cells: their loads and PRB caps are recomputed when the public load changes (hour boundaries).
    ranShare?.watch(sim, () => {
      for (const pair of this.loads) for (const load of pair) load.dirty = true;
      this.settle();
    });
    this.cellStats = this.env.cells.map(() => [new DirStats(), new DirStats()]);
    this.classStats = this.profiles.map(() => new ClassStats());
    this.handoverTally = new HandoverTally(this.env, this.probes, this.handover.pingPongWindowMs);
    this.dlLoadUsed = new Float64Array(n);
    this.ulInterferenceUsed = new Float64Array(n * n);
    this.ulInterferenceNow = new Float64Array(n * n);
    this.coChannel = this.env.cells.map((c) =>
      this.env.cells
        .filter((o) => o.index !== c.index && this.env.sameSpectrum(o.index, c.index))
        .map((o) => o.index),
    );
    const coupled = this.coChannel.some((list) => list.length > 0);
    this.interferenceCoupled = coupled && interCell === 'load';
    this.deliveryAction = sim.action(() => this.deliver(), { label: 'network delivery' });
    this.mobilityAction = sim.action(() => this.mobilityTick(), { label: 'network mobility (flow)' });
    this.settleAction = sim.action(
      () => {
        this.settleScheduled = false;
        this.settle();
      },
      { label: 'network flows settle', priority: -20 },
    );
    if (this.interferenceCoupled) {
      const refresh: SimAction<undefined> = sim.action(
        () => {
          this.refreshInterference();
          refresh.schedule(undefined, INTERFERENCE_REFRESH_MS);
        },
        { label: 'network interference refresh (flow)', priority: 40 },
      );
      refresh.schedule(undefined, INTERFERENCE_REFRESH_MS);
    }
    const loadSampleMs = config.loadSampleMs ?? defaults.loadSampleMs;
    const sampler: SimAction<undefined> = sim.action(
      () => {
        this.emitLoadSamples(loadSampleMs);
        sampler.schedule(undefined, loadSampleMs);
      },
      { label: 'cell load samples (flow)', priority: 50 },
    );
    sampler.schedule(undefined, loadSampleMs);
    this.statsStartMs = sim.now();
    this.startZones();
  }

  // ---------------------------------------------------------------------------------------------------------
  // Links

  /** Locates the device (at most every locateIntervalMs), recomputes its geometry after a move, runs A3. */
  private refreshLink(dev: DeviceState, tMs: number): boolean {
    const interval = this.config.mobility?.locateIntervalMs ?? this.defaults.locateIntervalMs;
    if (dev.geomValid && (dev.fixed || tMs - dev.lastLocateMs < interval)) return false;
    dev.lastLocateMs = tMs;
    const pos = this.deps.locate(dev.endpointId, tMs);
    const x = pos?.xM ?? dev.config.xM;
    const y = pos?.yM ?? dev.config.yM;
    if (x === undefined || y === undefined)
      throw new Error(`Network: no position for endpoint '${dev.endpointId}' (device ${dev.id})`);
    let changed = false;
    const recompute = this.config.mobility?.recomputeDistanceM ?? this.defaults.recomputeDistanceM;
    if (!dev.geomValid || Math.hypot(x - dev.xM, y - dev.yM) >= recompute) {
      if (dev.fixed) this.budget.computeGeometry(dev, x, y);
      else this.gridGeometry(dev, x, y);
      changed = true;
    }
    if (dev.serving < 0) {
      dev.serving = this.budget.bestCell(dev);
      return true;
    }
    // A3 event (L3-filtered with a filter coefficient), as the packet model.
    const target = a3Target(dev, this.budget.bestCell(dev), tMs, this.handover);
    if (target >= 0) {
      this.executeHandover(dev, target, tMs);
      changed = true;
    }
    return changed;
  }

  /**
   * Geometry of a mobile device at the nearest point of a GEOMETRY_GRID_M grid, computed once per point and
   * device kind (height, antenna gain) and then copied: the path loss, shadowing and LOS of a point are pure.
   */
  private gridGeometry(dev: DeviceState, x: number, y: number): void {
    const gx = Math.round(x / GEOMETRY_GRID_M) * GEOMETRY_GRID_M;
    const gy = Math.round(y / GEOMETRY_GRID_M) * GEOMETRY_GRID_M;
    let cache = this.geometryByDevice[dev.index];
    if (cache === undefined) {
      const kind = `${dev.heightM}|${dev.gainDbi}`;
      cache = this.geometryCache.get(kind);
      if (cache === undefined) {
        cache = new Map();
        this.geometryCache.set(kind, cache);
      }
      this.geometryByDevice[dev.index] = cache;
    }
    // Grid points as one number (floors up to ±10 km).
    const key = Math.round(gx / GEOMETRY_GRID_M) * 1e6 + Math.round(gy / GEOMETRY_GRID_M);
    const hit = cache.get(key);
    if (hit === undefined) {
      this.budget.computeGeometry(dev, gx, gy);
      cache.set(key, {
        plDb: dev.plDb.slice(),
        rsrpDbm: dev.rsrpDbm.slice(),
        dlRxMw: dev.dlRxMw.slice(),
        zoneLossDb: dev.zoneLossDb.slice(),
      });
      return;
    }
    dev.xM = gx;
    dev.yM = gy;
    dev.plDb.set(hit.plDb);
    dev.rsrpDbm.set(hit.rsrpDbm);
    dev.dlRxMw.set(hit.dlRxMw);
    dev.zoneLossDb.set(hit.zoneLossDb);
    dev.geomValid = true;
    dev.geomEpoch++;
  }

  private executeHandover(dev: DeviceState, target: number, tMs: number): void {
    const from = dev.serving;
    for (const s of this.streamsOfDevice[dev.index]!) s.closeRegime(tMs);
    dev.serving = target;
    dev.tttCandidate = -1;
    dev.blockedUntilMs = tMs + this.handover.interruptionMs;
    for (const s of this.streamsOfDevice[dev.index]!) {
      if (!s.active) continue;
      for (const leg of s.legs) if (leg.device === dev) this.book(leg);
      // Packets reaching the cell during the interruption leave at its end: late ones are invalid.
      const mean = s.dist?.meanMs ?? 0;
      const d = Number.isFinite(mean) ? mean : 0;
      const radioMs = Math.max(0, d - this.core.meanMs);
      const endMs = tMs + this.handover.interruptionMs + radioMs;
      const forced = s.forceInvalid(tMs - d, endMs - s.deadlineMs);
      if (forced !== null && s.dist !== null) this.accrueForced(s, s.dist, forced[0], forced[1], endMs);
      this.flag(s);
    }
    this.handoverTally.record(dev, from, target, tMs, this.handover.interruptionMs);
  }

  private legLink(dev: DeviceState, dir: Dir): LegLink {
    const q = this.budget.quality(dev, dir, 0);
    const cell = this.env.cells[dev.serving]!;
    return {
      grid: cell.grid,
      dir,
      bitsPerPrbSymbol: q.bitsPerPrbSymbol,
      bler: quantizeBler(q.bler),
      capPrb: this.capPrb(dev, dir, q.fullPowerPrbs),
      nPrb: cell.nPrb,
      maxAttempts: this.maxAttempts,
      harqProcessingMs: this.harqProcessingMs[dev.serving]!,
    };
  }

  /** Most PRBs per opportunity: the carrier, and in UL what the UE fills at its target power. */
  private capPrb(dev: DeviceState, dir: Dir, fullPowerPrbs: number): number {
    const nPrb = this.env.cells[dev.serving]!.nPrb;
    const cap = Math.min(nPrb, this.loads[dev.serving]![dir].capPrb); // a shared cell's factory share
    return dir === UL ? Math.max(1, Math.min(cap, Math.floor(fullPowerPrbs))) : cap;
  }

  // LoadView: the loads the SINRs are evaluated with (refreshed when they move, see refreshInterference).
  dlLoad(cell: number): number {
    return this.dlLoadUsed[cell]!;
  }

  ulInterferenceMw(fromCell: number, atCell: number): number {
    return this.ulInterferenceUsed[fromCell * this.env.cells.length + atCell]!;
  }

  /** UL interference per PRB that each cell's UEs cause at each gNB now (from × n + at), mW. */
  private currentUlInterference(out: Float64Array): Float64Array {
    const n = this.env.cells.length;
    out.fill(0);
    for (let c = 0; c < n; c++) {
      const victims = this.coChannel[c]!;
      if (victims.length === 0) continue;
      const load = this.loads[c]![UL];
      for (const e of load.entries) {
        const leg = e as StreamLeg;
        const share =
          ((leg.ratePerMs * leg.prbSymbols * leg.servedShare) / load.capacity) * load.interferenceScale;
        const rx = leg.device.ulRxAtMw;
        for (const a of victims) out[c * n + a]! += share * rx[a]!;
      }
    }
    return out;
  }

  private refreshInterference(): void {
    this.settle();
    const n = this.env.cells.length;
    const victims = new Set<number>();
    const current = this.currentUlInterference(this.ulInterferenceNow);
    for (let a = 0; a < n; a++) {
      let usedMw = 0;
      let nowMw = 0;
      let dlMoved = false;
      for (let c = 0; c < n; c++) {
        if (a === c || !this.env.sameSpectrum(a, c)) continue;
        usedMw += this.ulInterferenceUsed[c * n + a]!;
        nowMw += current[c * n + a]!;
        if (Math.abs(this.loads[c]![DL].loadFactor - this.dlLoadUsed[c]!) > LOAD_CHANGE_STEP) dlMoved = true;
      }
      const noise = this.env.cells[a]!.noisePerPrbMw;
      if (dlMoved || Math.abs(10 * Math.log10((noise + nowMw) / (noise + usedMw))) > INTERFERENCE_STEP_DB)
        victims.add(a);
    }
    if (victims.size === 0) return;

    for (let c = 0; c < n; c++) this.dlLoadUsed[c] = this.loads[c]![DL].loadFactor;
    this.ulInterferenceUsed.set(current);
    for (const dev of this.devices) {
      if (!victims.has(dev.serving)) continue;
      dev.quality[UL].bucket = -2;
      dev.quality[DL].bucket = -2;
      for (const s of this.streamsOfDevice[dev.index]!) if (s.active) this.flag(s);
    }
    this.settle();
  }

  // ---------------------------------------------------------------------------------------------------------
  // Flow distributions

  /** The leg's model for its current link and load: the same object while none of its inputs changed. */
  private legModel(leg: StreamLeg, bits: number, discardTimerMs: number): LegModel {
    const dev = leg.device;
    const q = this.budget.quality(dev, leg.dir, 0);
    const m = leg.memo;
    if (
      m !== null &&
      m.cell === dev.serving &&
      m.model.link.bitsPerPrbSymbol === q.bitsPerPrbSymbol &&
      m.model.link.bler === quantizeBler(q.bler) &&
      m.model.link.capPrb === this.capPrb(dev, leg.dir, q.fullPowerPrbs) &&
      m.model.servedShare === leg.servedShare &&
      m.model.aheadRatePerMs === leg.aheadRatePerMs &&
      m.model.aheadPrbSymbols === leg.aheadPrbSymbols &&
      m.model.aheadPeriodMs === leg.aheadPeriodMs
    )
      return m.model;
    const link = this.legLink(dev, leg.dir);
    const cell = this.env.cells[dev.serving]!;
    // Cells of one configuration share flow distributions (their grids and carriers are the same).
    const key = `${cell.grid.pattern}|${cell.grid.slotMs}|${cell.grid.special.dl}|${cell.grid.special.ul}|${cell.nPrb}|${link.harqProcessingMs}|${leg.dir}|${bits}|${link.bitsPerPrbSymbol}|${link.bler}|${link.capPrb}|${leg.servedShare}|${discardTimerMs}|${leg.aheadRatePerMs}|${leg.aheadPrbSymbols}|${leg.aheadPeriodMs}`;
    let model = this.legCache.get(key);
    if (model === undefined) {
      model = {
        id: this.legCache.size,
        link,
        servedShare: leg.servedShare,
        discardTimerMs,
        aheadRatePerMs: leg.aheadRatePerMs,
        aheadPrbSymbols: leg.aheadPrbSymbols,
        aheadPeriodMs: leg.aheadPeriodMs,
        sharing: this.loads[leg.device.serving]![leg.dir].discipline,
      };
      this.legCache.set(key, model);
    }
    leg.memo = { cell: leg.device.serving, model };
    return model;
  }

  private distributionOf(s: FlowStream): DelayDistribution {
    const profile = this.profiles[s.classIndex]!;
    const bits = Math.max(8, s.spec.sizeBytes * 8);
    let same = s.dist !== null;
    const legs = s.legModels;
    for (let i = 0; i < s.legs.length; i++) {
      const m = this.legModel(s.legs[i]!, bits, profile.discardTimerMs);
      if (legs[i] !== m) same = false;
      legs[i] = m;
    }
    if (same) return s.dist!;
    let key = `${bits}|${s.deadlineMs}`;
    for (const m of legs) key += `|${m.id}`;
    let dist = this.distCache.get(key);
    if (dist === undefined) {
      const path: PathModel = { legs: legs.slice(), core: this.core, bits, deadlineMs: s.deadlineMs };
      dist = new DelayDistribution(path);
      this.distCache.set(key, dist);
    }
    return dist;
  }

  private chainOf(s: FlowStream, dist: DelayDistribution): ChainParams {
    let params = this.chainCache.get(dist);
    if (params === undefined) {
      // Queueing lateness lasts about a busy period of the busiest leg's cell (M/G/1), in packets.
      let busyMs = 0;
      for (const leg of s.legs) {
        const load = this.loads[leg.device.serving]![leg.dir];
        const meanS = leg.prbSymbols / load.capacity;
        const b = busyPeriodMs(Math.max(meanS, 1e-6), Math.min(load.rho, 0.999));
        if (leg.servedShare < 1) busyMs = Number.POSITIVE_INFINITY;
        else if (b > busyMs) busyMs = b;
      }
      const badPackets = Number.isFinite(busyMs) ? busyMs / s.intervalMs : 1e9;
      params = fitChain(dist.invalidProb, dist.noQueueInvalidProb, badPackets);
      this.chainCache.set(dist, params);
    }
    return params;
  }

  private flag(s: FlowStream): void {
    if (s.flagged || !s.active) return;
    s.flagged = true;
    this.pending.push(s);
  }

  /** Books a leg on its device's serving cell (moving it there if it was elsewhere). */
  private book(leg: StreamLeg): void {
    const cell = leg.device.serving;
    if (leg.cell === cell) return;
    if (leg.cell >= 0) this.loads[leg.cell]![leg.dir].remove(leg);
    leg.cell = cell;
    this.loads[cell]![leg.dir].add(leg);
  }

  private unbook(leg: StreamLeg): void {
    if (leg.cell < 0) return;
    this.loads[leg.cell]![leg.dir].remove(leg);
    leg.cell = -1;
  }

  private scheduleSettle(): void {
    if (this.settleScheduled) return;
    this.settleScheduled = true;
    this.settleAction.schedule(undefined, 0);
  }

  /** Brings flagged streams and dirty cells to a consistent state (distributions ↔ loads ↔ queues). */
  private settle(): void {
    if (this.settling) return;
    this.settling = true;
    const now = this.sim.now();
    for (let pass = 0; pass < MAX_SETTLE_PASSES; pass++) {
      let work = false;
      while (this.pending.length > 0) {
        work = true;
        // Double buffer: flags raised while this batch settles go to the other list.
        const batch = this.pending;
        this.pending = this.pendingSpare;
        this.pendingSpare = batch;
        for (const s of batch) {
          s.flagged = false;
          if (!s.active) continue;
          for (const leg of s.legs) {
            if (leg.device.serving < 0) this.refreshLink(leg.device, now);
            this.book(leg);
          }
          const dist = this.distributionOf(s);
          if (dist !== s.dist) {
            for (let i = 0; i < s.legs.length; i++) {
              const leg = s.legs[i]!;
              const prb = dist.legLoads[i]!.prbSymbols;
              if (prb !== leg.prbSymbols) {
                leg.prbSymbols = prb;
                if (leg.cell >= 0) this.loads[leg.cell]![leg.dir].dirty = true;
              }
            }
            s.setDistribution(dist, this.chainOf(s, dist));
          }
        }
        batch.length = 0;
      }
      for (const pair of this.loads)
        for (const load of pair) {
          if (!load.dirty) continue;
          work = true;
          load.update(now);
          for (const e of load.changed) this.flag((e as StreamLeg).stream);
        }
      if (!work || this.pending.length === 0) break;
    }
    // Whatever is left (a load that keeps moving between passes) waits for the next change.
    this.settling = false;
  }

  // ---------------------------------------------------------------------------------------------------------
  // Streams (FlowStreamHost)

  openStream(spec: StreamSpec, listener?: StreamListener): StreamHandle {
    let record = this.streamRecords.get(spec.id);
    if (record?.current) throw new RangeError(`Stream '${spec.id}' is already open`);
    if (record === undefined) {
      record = { spec, stats: new FlowStreamStats(), current: null };
      this.streamRecords.set(spec.id, record);
    }
    record.spec = spec;
    const phase =
      (this.config.streamPhase ?? 'random') === 'random'
        ? this.deps.streams.fresh(spec.id, 'network.streamPhase').next() * spec.intervalMs
        : 0;
    const ci = classIndex(spec.trafficClass);
    const src = this.deviceByEndpoint.get(spec.from) ?? null;
    const dst = this.deviceByEndpoint.get(spec.to) ?? null;
    const stream = new FlowStream(
      this,
      spec,
      listener,
      ci,
      src,
      dst,
      phase,
      record.stats,
      this.deps.streams.stream(spec.id, 'network.survival'),
    );
    const leg = (device: DeviceState, dir: Dir): StreamLeg => ({
      stream,
      device,
      dir,
      cell: -1,
      ratePerMs: 1 / spec.intervalMs,
      prbSymbols: 0,
      tier: this.tierOf[ci]!,
      slot: -1,
      servedShare: 1,
      aheadRatePerMs: 0,
      aheadPrbSymbols: 0,
      aheadPeriodMs: Number.POSITIVE_INFINITY,
      memo: null,
    });
    if (src !== null) stream.legs.push(leg(src, UL));
    if (dst !== null) stream.legs.push(leg(dst, DL));
    for (const d of [src, dst])
      if (d !== null && !this.streamsOfDevice[d.index]!.includes(stream))
        this.streamsOfDevice[d.index]!.push(stream);
    record.current = stream;
    stream.setActive(true);
    return stream;
  }

  activeChanged(stream: FlowStream): void {
    if (stream.active) {
      // Devices are located at the settle pass, not here: streams open while the models are being built.
      for (const leg of stream.legs) if (!leg.device.fixed) this.mobileActive.add(leg.device);
      this.flag(stream);
      this.scheduleMobility();
      // Streams opened or resumed together (a plant starting up) are settled once, at the same instant.
      this.scheduleSettle();
      return;
    } else {
      for (const leg of stream.legs) {
        this.unbook(leg);
        if (!leg.device.fixed && !this.streamsOfDevice[leg.device.index]!.some((s) => s.active))
          this.mobileActive.delete(leg.device);
      }
    }
    this.settle();
  }

  closed(stream: FlowStream): void {
    const record = this.streamRecords.get(stream.spec.id);
    if (record?.current === stream) record.current = null;
    for (const d of [stream.src, stream.dst])
      if (d !== null) {
        const list = this.streamsOfDevice[d.index]!;
        const i = list.indexOf(stream);
        if (i >= 0) list.splice(i, 1);
      }
  }

  accrue(s: FlowStream, dist: DelayDistribution, n: number): void {
    const ss = s.stats;
    const delivered = n * dist.deliveredProb;
    const late = n * dist.lateProb;
    const lost = n * dist.lostProb;
    const discarded = n * dist.discardedProb;
    ss.sent += n;
    ss.delivered += delivered;
    ss.late += late;
    ss.onTime += delivered - late;
    ss.lost += lost + discarded;
    const cs = this.classStats[s.classIndex]!;
    cs.finished += n;
    cs.delivered += delivered;
    cs.late += late;
    cs.onTime += delivered - late;
    cs.lost += lost;
    cs.discarded += discarded;
    cs.weights.set(dist, (cs.weights.get(dist) ?? 0) + n);
    const dev = s.src ?? s.dst;
    if (dev !== null) {
      dev.stats.delivered += delivered;
      dev.stats.late += late;
      dev.stats.lost += lost + discarded;
      dev.stats.latencySumMs += delivered * dist.meanMs;
    }
    const bits = Math.max(8, s.spec.sizeBytes * 8);
    for (let i = 0; i < s.legs.length; i++) {
      const leg = s.legs[i]!;
      const load = dist.legLoads[i]!;
      const sent = n * load.share;
      const ds = leg.device.stats;
      ds.packets[leg.dir] += sent;
      ds.prbSymbols[leg.dir] += sent * load.prbSymbols;
      ds.bits[leg.dir] += delivered * bits;
      if (leg.cell >= 0) {
        const st = this.cellStats[leg.cell]![leg.dir];
        st.bits += delivered * bits;
        st.prbSymbols += sent * load.prbSymbols;
        st.blocks += sent * load.blocks;
        st.retransmissions += sent * load.retransmissions;
      }
    }
  }

  /**
   * Packets [from, until) of `s` leave after a handover interruption, at `endMs`, late: moved from the
   * regime's distribution (which counts them when the regime closes) to late deliveries at their latency.
   */
  private accrueForced(
    s: FlowStream,
    dist: DelayDistribution,
    from: number,
    until: number,
    endMs: number,
  ): void {
    const k = until - from;
    const ss = s.stats;
    const cs = this.classStats[s.classIndex]!;
    const dev = s.src ?? s.dst;
    const onTime = dist.deliveredProb - dist.lateProb;
    for (const st of [ss, cs]) {
      st.delivered += k * (1 - dist.deliveredProb);
      st.late += k * (1 - dist.lateProb);
      st.onTime -= k * onTime;
    }
    ss.lost -= k * (dist.lostProb + dist.discardedProb);
    cs.lost -= k * dist.lostProb;
    cs.discarded -= k * dist.discardedProb;
    cs.weights.set(dist, (cs.weights.get(dist) ?? 0) - k);
    for (let i = from; i < until; i++) {
      const latency = Math.max(s.deadlineMs + 1e-6, endMs - s.sendTimeMs(i));
      cs.latency.add(latency);
      if (dev !== null) dev.stats.latencySumMs += latency - dist.meanMs * dist.deliveredProb;
    }
    if (dev !== null) {
      dev.stats.delivered += k * (1 - dist.deliveredProb);
      dev.stats.late += k * (1 - dist.lateProb);
      dev.stats.lost -= k * (dist.lostProb + dist.discardedProb);
    }
  }

  survivalChanged(stream: FlowStream, failed: boolean, timeMs: number): void {
    if (this.probes.notable.active)
      this.probes.notable.emit({
        timeMs,
        kind: failed ? 'survivalTimeExceeded' : 'recovered',
        subjectId: stream.spec.id,
        detail: `${stream.spec.from} → ${stream.spec.to}`,
      });
  }

  private scheduleMobility(): void {
    if (this.mobilityScheduled || this.mobileActive.size === 0) return;
    this.mobilityScheduled = true;
    this.mobilityAction.schedule(undefined, FLOW_MOBILITY_TICK_MS);
  }

  private mobilityTick(): void {
    this.mobilityScheduled = false;
    const now = this.sim.now();
    for (const dev of this.mobileActive)
      if (this.refreshLink(dev, now)) for (const s of this.streamsOfDevice[dev.index]!) this.flag(s);
    this.settle();
    this.scheduleMobility();
  }

  // ---------------------------------------------------------------------------------------------------------
  // Messages: each draws its delay from its flows' current queue and link, on the actual TDD grid

  send<P>(
    message: Message<P>,
    onDelivered: (message: Message<P>) => void,
    onLost?: (message: Message<P>) => void,
  ): void {
    this.settle();
    const now = this.sim.now();
    const ci = classIndex(message.trafficClass);
    const profile = this.profiles[ci]!;
    const bits = Math.max(8, message.sizeBytes * 8);
    const src = this.deviceByEndpoint.get(message.from) ?? null;
    const dst = this.deviceByEndpoint.get(message.to) ?? null;
    let t = now;
    let lost = false;
    let discarded = false;
    if (src !== null) {
      if (this.refreshLink(src, now)) for (const s of this.streamsOfDevice[src.index]!) this.flag(s);
      const r = this.messageLeg(src, UL, ci, bits, t);
      t = r.endMs;
      lost = r.lost;
      discarded = r.discarded;
    }
    if (!lost) {
      t += this.coreDelay((src ?? dst)?.coreNormal ?? this.wiredNormal);
      if (dst !== null) {
        if (this.refreshLink(dst, now)) for (const s of this.streamsOfDevice[dst.index]!) this.flag(s);
        const r = this.messageLeg(dst, DL, ci, bits, t);
        t = r.endMs;
        lost = r.lost;
        discarded = r.discarded;
      }
    }
    this.settle();
    // Statistics now, callbacks at the arrival (or loss) time, as the packet model.
    const cs = this.classStats[ci]!;
    const latency = t - now;
    const late = !lost && latency > profile.deadlineMs + EPS_MS;
    cs.finished++;
    if (lost) {
      if (discarded) cs.discarded++;
      else cs.lost++;
    } else {
      cs.delivered++;
      cs.latency.add(latency);
      if (late) cs.late++;
      else cs.onTime++;
    }
    const dev = src ?? dst;
    if (dev !== null) {
      if (lost) dev.stats.lost++;
      else {
        dev.stats.delivered++;
        dev.stats.latencySumMs += latency;
        if (late) dev.stats.late++;
      }
    }
    if (this.probes.linkSamples.active)
      this.probes.linkSamples.emit({
        timeMs: t,
        sentMs: now,
        endpointId: dev?.endpointId ?? message.from,
        deviceId: dev?.id ?? null,
        from: message.from,
        to: message.to,
        trafficClass: message.trafficClass,
        latencyMs: lost ? Number.NaN : latency,
        lost,
        late,
        streamId: null,
      });
    this.deliveryHeap.push(t, {
      message: message as Message<unknown>,
      lost,
      onDelivered: onDelivered as (m: Message<unknown>) => void,
      onLost: (onLost as ((m: Message<unknown>) => void) | undefined) ?? null,
    });
    this.scheduleDelivery();
  }

  /** One leg of a message: queue (drawn from the tier's wait), the TDD grid from the actual time, HARQ. */
  private messageLeg(
    dev: DeviceState,
    dir: Dir,
    ci: number,
    bits: number,
    tMs: number,
  ): { endMs: number; lost: boolean; discarded: boolean } {
    const rng = this.flowRng[dev.index]!;
    const profile = this.profiles[ci]!;
    const load = this.loads[dev.serving]![dir];
    const tier = this.tierOf[ci]!;
    const served = load.tierServed[tier]!;
    if (served < 1 && rng.next() >= served)
      return { endMs: tMs + profile.discardTimerMs, lost: true, discarded: true };
    const link = this.legLink(dev, dir);
    // An overloaded flow's served packets waited in its queue up to the discard timer; otherwise the message
    // shares its opportunity with the others that arrived in the same gap before it (Poisson), as the flows.
    let start = served < 1 ? tMs + profile.discardTimerMs : tMs;
    if (dev.blockedUntilMs > start) start = dev.blockedUntilMs;
    let ahead = 0;
    const rate = load.tierAheadRate[tier]!;
    if (served >= 1 && rate > 0) {
      const grid = link.grid;
      const next = grid.nextOpportunity(dir, start);
      const mean = rate * (start - grid.startMs(dir, next - 1));
      // Poisson by inversion.
      const u = rng.next();
      let k = 0;
      let p = Math.exp(-mean);
      let cum = p;
      while (u > cum && k < 200) {
        k++;
        p *= mean / k;
        cum += p;
      }
      const perOther = load.tierAheadWork[tier]! / rate;
      const own = firstTransmission(link, bits, start, this.scratch).prbSymbols;
      ahead = k * (load.discipline === 'fifo' ? perOther : Math.min(perOther, own));
    }
    const ft = firstTransmission(link, bits, start, this.scratch, ahead);
    // Attempts of the slowest block: P(done within a) = (1 − β^a)^blocks.
    const u = rng.next();
    let attempts = 0;
    for (let a = 1; a <= link.maxAttempts; a++)
      if (u < (1 - link.bler ** a) ** ft.blocks) {
        attempts = a;
        break;
      }
    const lost = attempts === 0;
    const used = lost ? link.maxAttempts : attempts;
    let end = ft.endMs;
    for (let a = 2; a <= used; a++) end = retransmissionEndMs(link, end, ft.lastSymbols);
    const prbSymbols = ft.prbSymbols * (1 + (used - 1) / Math.max(1, ft.blocks));
    load.addMessage(tier, prbSymbols, tMs);
    const st = this.cellStats[dev.serving]![dir];
    st.prbSymbols += prbSymbols;
    st.blocks += ft.blocks;
    st.retransmissions += used - 1;
    dev.stats.packets[dir]++;
    dev.stats.prbSymbols[dir] += prbSymbols;
    if (!lost) {
      st.bits += bits;
      dev.stats.bits[dir] += bits;
    }
    return { endMs: end, lost, discarded: false };
  }

  private coreDelay(source: NormalSource): number {
    const c = this.core;
    if (c.jitterMs === 0) return Math.max(c.minMs, c.meanMs);
    return Math.max(c.minMs, c.meanMs + c.jitterMs * source.nextNormal());
  }

  private scheduleDelivery(): void {
    const t = this.deliveryHeap.peekTime();
    if (t >= this.deliveryAtMs) return;
    this.deliveryAtMs = t;
    this.deliveryAction.schedule(undefined, Math.max(0, t - this.sim.now()));
  }

  private deliver(): void {
    this.deliveryAtMs = Number.POSITIVE_INFINITY;
    const limit = this.sim.now() + EPS_MS;
    const heap = this.deliveryHeap;
    while (heap.size > 0 && heap.peekTime() <= limit) {
      const m = heap.pop()!;
      if (m.lost) m.onLost?.(m.message);
      else m.onDelivered(m.message);
    }
    if (heap.size > 0) this.scheduleDelivery();
  }

  // ---------------------------------------------------------------------------------------------------------
  // Interference zones: one event per on/off boundary; every flow is refreshed

  private startZones(): void {
    const now = this.sim.now();
    for (const z of this.env.zones) {
      this.zoneActive[z.index] = zoneActiveAt(z.config.schedule, now) ? 1 : 0;
      const action: SimAction<undefined> = this.sim.action<undefined>(
        () => this.zoneBoundary(z.index, action),
        {
          priority: -10,
          label: `interference zone ${z.id}`,
        },
      );
      this.scheduleZone(z.index, action);
    }
  }

  private scheduleZone(zone: number, action: SimAction<undefined>): void {
    const now = this.sim.now();
    let next = Number.POSITIVE_INFINITY;
    for (const p of this.env.zones[zone]!.config.schedule ?? []) {
      if (p.startMs > now && p.startMs < next) next = p.startMs;
      if (p.endMs > now && p.endMs < next) next = p.endMs;
    }
    if (next < Number.POSITIVE_INFINITY) action.schedule(undefined, next - now);
  }

  private zoneBoundary(zone: number, action: SimAction<undefined>): void {
    const z = this.env.zones[zone]!;
    const now = this.sim.now();
    const active = zoneActiveAt(z.config.schedule, now) ? 1 : 0;
    if (active !== this.zoneActive[zone]) {
      this.zoneActive[zone] = active;
      this.zoneState.epoch++;
      for (const list of this.streamsOfDevice) for (const s of list) this.flag(s);
      this.settle();
      if (this.probes.notable.active)
        this.probes.notable.emit({
          timeMs: now,
          kind: active ? 'interferenceOn' : 'interferenceOff',
          subjectId: z.id,
          detail: `${z.config.powerDbm} dBm at (${z.config.xM}, ${z.config.yM})`,
        });
    }
    this.scheduleZone(zone, action);
  }

  // ---------------------------------------------------------------------------------------------------------
  // Outputs

  private emitLoadSamples(periodMs: number): void {
    if (!this.probes.cellLoad.active) return;
    this.settle();
    const now = this.sim.now();
    for (const c of this.env.cells) {
      const [ul, dl] = this.loads[c.index]!;
      if (ul.rho === 0 && dl.rho === 0) continue;
      const mbps = (load: CellLoad) => {
        let bitsPerMs = 0;
        for (const e of load.entries) {
          const leg = e as StreamLeg;
          bitsPerMs += leg.ratePerMs * leg.servedShare * Math.max(8, leg.stream.spec.sizeBytes * 8);
        }
        return bitsPerMs / 1000;
      };
      const backlogged = (load: CellLoad) => (load.rho >= 1 ? load.entries.length : 0);
      this.probes.cellLoad.emit({
        timeMs: now - periodMs,
        durationMs: periodMs,
        cellId: c.id,
        dlPrbUtilization: dl.utilization,
        ulPrbUtilization: ul.utilization,
        dlMbps: mbps(dl),
        ulMbps: mbps(ul),
        dlBackloggedUes: backlogged(dl),
        ulBackloggedUes: backlogged(ul),
      });
    }
  }

  private closeAllRegimes(tMs: number): void {
    for (const r of this.streamRecords.values()) r.current?.closeRegime(tMs);
  }

  resetStats(atMs: number): void {
    this.closeAllRegimes(atMs);
    this.statsStartMs = atMs;
    for (const cs of this.classStats) cs.reset();
    for (const pair of this.cellStats) for (const st of pair) st.reset();
    for (const d of this.devices) d.stats.reset();
    for (const r of this.streamRecords.values()) r.stats.reset();
    this.handoverTally.reset();
  }

  kpis(endMs: number): NetworkKpis {
    this.settle();
    this.closeAllRegimes(Math.min(endMs, this.sim.now()));
    const durationMs = Math.max(EPS_MS, endMs - this.statsStartMs);
    const classes: ClassKpis[] = this.profiles.map((p) => {
      const s = this.classStats[p.index]!;
      const hist = new WeightedLatencyHistogram();
      hist.merge(s.latency);
      for (const [dist, n] of s.weights)
        for (let i = 0; i < dist.buckets.length; i++)
          hist.addBucket(dist.buckets[i]!, dist.delaysMs[i]!, n * dist.probs[i]!);
      const reliability = s.finished > 0 ? s.onTime / s.finished : Number.NaN;
      return {
        trafficClass: p.trafficClass,
        fiveQi: p.qos.fiveQi,
        priorityLevel: p.qos.priorityLevel,
        deadlineMs: p.deadlineMs,
        finished: Math.round(s.finished),
        delivered: Math.round(s.delivered),
        onTime: Math.round(s.onTime),
        late: Math.round(s.late),
        lost: Math.round(s.lost),
        discarded: Math.round(s.discarded),
        reliability,
        targetReliability: p.targetReliability,
        meetsTarget: s.finished === 0 || reliability >= p.targetReliability,
        latency: hist.summary(),
      };
    });
    const direction = (cell: number, dir: Dir) => {
      const st = this.cellStats[cell]![dir];
      const c = this.env.cells[cell]!;
      return {
        throughputMbps: st.bits / (durationMs * 1000),
        // Regimes count whole packets: a saturated carrier can come out a packet's PRBs above 100 %.
        prbUtilization: Math.min(1, st.prbSymbols / (c.nPrb * c.grid.symbolsPerMs(dir) * durationMs)),
        transportBlocks: Math.round(st.blocks),
        harqRetransmissions: Math.round(st.retransmissions),
      };
    };
    const cells: CellKpis[] = this.env.cells.map((c) => ({
      cellId: c.id,
      ul: direction(c.index, UL),
      dl: direction(c.index, DL),
      handoversIn: this.handoverTally.intoCell[c.index]!,
      handoversOut: this.handoverTally.outOfCell[c.index]!,
    }));
    const devices: DeviceKpis[] = this.devices.map((d) => {
      const s = d.stats;
      const ul = d.quality[UL];
      const dl = d.quality[DL];
      return {
        deviceId: d.id,
        endpointId: d.endpointId,
        servingCellId: d.serving >= 0 ? this.env.cells[d.serving]!.id : null,
        xM: d.xM,
        yM: d.yM,
        rsrpDbm: d.serving >= 0 ? d.rsrpDbm[d.serving]! : Number.NaN,
        dlSinrDb: dl.sinrDb,
        ulSinrDb: ul.sinrDb,
        dlCqi: dl.cqi,
        ulCqi: ul.cqi,
        dlLayers: dl.layers,
        ulTxPerPrbDbm: ul.txPerPrbDbm,
        ulFullPowerPrbs: ul.fullPowerPrbs,
        ulMbps: s.bits[UL] / (durationMs * 1000),
        dlMbps: s.bits[DL] / (durationMs * 1000),
        ulPrbSymbols: s.prbSymbols[UL],
        dlPrbSymbols: s.prbSymbols[DL],
        ulPackets: Math.round(s.packets[UL]),
        dlPackets: Math.round(s.packets[DL]),
        delivered: Math.round(s.delivered),
        late: Math.round(s.late),
        lost: Math.round(s.lost),
        meanLatencyMs: s.delivered > 0 ? s.latencySumMs / s.delivered : Number.NaN,
        handovers: s.handovers,
      };
    });
    const streams: StreamKpis[] = [];
    let survivalFailures = 0;
    for (const [id, r] of this.streamRecords) {
      survivalFailures += r.stats.survivalFailures;
      streams.push({
        streamId: id,
        trafficClass: r.spec.trafficClass,
        from: r.spec.from,
        to: r.spec.to,
        active: r.current?.active ?? false,
        sent: Math.round(r.stats.sent),
        delivered: Math.round(r.stats.delivered),
        onTime: Math.round(r.stats.onTime),
        late: Math.round(r.stats.late),
        lost: Math.round(r.stats.lost),
        survivalFailures: r.stats.survivalFailures,
        inFailure: r.current?.failed ?? false,
      });
    }
    return {
      fromMs: this.statsStartMs,
      toMs: endMs,
      deploymentMode: this.config.deployment.mode,
      scheduler: this.config.scheduler,
      classes,
      cells,
      devices,
      streams,
      handovers: this.handoverTally.count,
      survivalFailures,
    };
  }

  snapshot(): NetworkSnapshot {
    this.settle();
    const now = this.sim.now();
    return {
      timeMs: now,
      devices: this.devices.map((d) => ({
        deviceId: d.id,
        endpointId: d.endpointId,
        servingCellId: d.serving >= 0 ? this.env.cells[d.serving]!.id : null,
        xM: d.xM,
        yM: d.yM,
        rsrpDbm: d.serving >= 0 ? d.rsrpDbm[d.serving]! : Number.NaN,
        dlSinrDb: d.quality[DL].sinrDb,
        ulSinrDb: d.quality[UL].sinrDb,
        ulBacklogBytes: 0,
        dlBacklogBytes: 0,
        inHandover: d.blockedUntilMs > now,
      })),
      cells: this.env.cells.map((c) => ({
        cellId: c.id,
        dlLoad: this.loads[c.index]![DL].utilization,
        ulLoad: this.loads[c.index]![UL].utilization,
        dlBackloggedUes: 0,
        ulBackloggedUes: 0,
      })),
      zones: this.env.zones.map((z) => ({ zoneId: z.id, active: this.zoneActive[z.index] === 1 })),
    };
  }

  coverageGrid(options: CoverageGridOptions): SinrGrid {
    return coverageGrid(this.env, this.power, options, this.sim.now());
  }
}
