// The 5G network behind the control seam: radio links, per-cell MAC schedulers, core delay, streams,
// handover, KPIs and probes.
import type { Message, StreamHandle, StreamListener, StreamSpec } from '../control/seam';
import { Probe } from '../engine/probe';
import type { RandomStreams } from '../engine/random';
import type { SimAction } from '../engine/sim-action';
import type { Simulation } from '../engine/simulation';
import { CellLink, type MacHost, type MacSettings } from './cell-link';
import type { HandoverConfig, NetworkConfig } from './config';
import { coverageGrid, zoneActiveAt } from './coverage';
import { DeviceState, type LinkQuality, NormalSource } from './device';
import { buildFlowNetwork } from './flow/flow-network';
import { LatencyHistogram } from './latency-histogram';
import { LinkAdapter, type McsChoice } from './link-adaptation';
import { LinkBudget, type LoadView, type PowerControl } from './link-budget';
import { MacDriver } from './mac-driver';
import { type Packet, PacketPool } from './packet';
import { CQI_TARGET_BLER, DEFAULT_MAX_HARQ_RETRANSMISSIONS } from './radio/cqi';
import { CORE_DELAY_PROFILES, type CoreDelayProfile, coreDelayMs } from './radio/deployment';
import { RadioEnvironment } from './radio-environment';
import { type StreamHost, StreamState, StreamStats } from './stream';
import { type Dir, DL, UL } from './tdd-grid';
import { TimedHeap } from './timed-heap';
import { type ClassProfile, classIndex, priorityOrder, resolveClassProfiles } from './traffic-classes';
import type {
  CellKpis,
  CellLoadSample,
  ClassKpis,
  CoverageGridOptions,
  DeviceKpis,
  DirectionKpis,
  HandoverEvent,
  LinkSample,
  NetworkKpis,
  NetworkModel,
  NetworkNotableEvent,
  NetworkProbes,
  NetworkSnapshot,
  SinrGrid,
  StreamKpis,
} from './types';

export interface NetworkDependencies {
  streams: RandomStreams;
  /** Where an endpoint is at a time (machines never move; AGVs do). */
  locate: (endpointId: string, timeMs: number) => { xM: number; yM: number } | undefined;
}

/** Defaults when the scenario gives no handover parameters. */
export const DEFAULT_HANDOVER: HandoverConfig = {
  offsetDb: 3, // assumption: a common A3 offset
  timeToTriggerMs: 160, // one of the TS 38.331 timeToTrigger values, commonly used
  interruptionMs: 30, // assumption: Rel-15 break-before-make interruption of a few tens of ms
};
const DEFAULT_POWER_CONTROL: PowerControl = { p0Dbm: -85, alpha: 0.8 }; // assumption: typical P0-nominal / α (TS 38.213 §7.1.1 ranges)
const DEFAULT_MAX_UES_PER_SLOT = 16; // assumption: PDCCH capacity per slot and direction
const DEFAULT_RECOMPUTE_DISTANCE_M = 1; // well below the 10 m shadowing decorrelation distance
const DEFAULT_LOCATE_INTERVAL_MS = 50; // an AGV at 2 m/s moves 10 cm in between
const DEFAULT_LOAD_SAMPLE_MS = 1000;
const LOAD_TIME_CONSTANT_MS = 100; // assumption: interference follows the neighbours' load of the last ~100 ms
const EPS_MS = 1e-9;

class ClassStats {
  finished = 0;
  delivered = 0;
  onTime = 0;
  late = 0;
  lost = 0;
  discarded = 0;
  readonly latency = new LatencyHistogram();

  reset(): void {
    this.finished = 0;
    this.delivered = 0;
    this.onTime = 0;
    this.late = 0;
    this.lost = 0;
    this.discarded = 0;
    this.latency.reset();
  }
}

interface StreamRecord {
  spec: StreamSpec;
  stats: StreamStats;
  current: StreamState | null;
}

export function buildNetwork(
  sim: Simulation,
  config: NetworkConfig,
  deps: NetworkDependencies,
): NetworkModel {
  if (config.fidelity === 'flow')
    return buildFlowNetwork(sim, config, deps, {
      handover: DEFAULT_HANDOVER,
      powerControl: DEFAULT_POWER_CONTROL,
      recomputeDistanceM: DEFAULT_RECOMPUTE_DISTANCE_M,
      locateIntervalMs: DEFAULT_LOCATE_INTERVAL_MS,
      loadSampleMs: DEFAULT_LOAD_SAMPLE_MS,
    });
  return new FiveGNetwork(sim, config, deps);
}

class FiveGNetwork implements NetworkModel, MacHost, LoadView, StreamHost {
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
  private readonly devices: DeviceState[];
  private readonly deviceByEndpoint = new Map<string, DeviceState>();
  private readonly links: [CellLink, CellLink][];
  private readonly pool = new PacketPool();
  private readonly classStats: ClassStats[];
  private readonly handover: HandoverConfig;
  private readonly recomputeDistanceM: number;
  private readonly locateIntervalMs: number;
  private readonly core: CoreDelayProfile;
  private readonly coreOverridden: boolean;
  private readonly wiredNormal: NormalSource;
  private readonly zoneActive: Uint8Array;
  /** Zone on/off flags and a counter bumped at every change (read by the link budget). */
  private readonly zoneState: { active: Uint8Array; epoch: number };
  private readonly loadSampleMs: number;
  private readonly sampleActions: SimAction<number>[];
  private readonly sampleWindowScheduled: number[];
  /** Messages whose callbacks run at their arrival (or loss) time. */
  private readonly deliveryHeap = new TimedHeap<Packet>();
  private readonly deliveryAction: SimAction<undefined>;
  private deliveryAtMs = Number.POSITIVE_INFINITY;
  private readonly streamRecords = new Map<string, StreamRecord>();
  private statsStartMs: number;
  private handoverCount = 0;
  private readonly handoversIn: number[];
  private readonly handoversOut: number[];

  constructor(
    readonly sim: Simulation,
    private readonly config: NetworkConfig,
    private readonly deps: NetworkDependencies,
  ) {
    this.env = new RadioEnvironment(config, deps.streams);
    this.profiles = resolveClassProfiles(config);
    const la = config.linkAdaptation ?? {};
    const adapter = new LinkAdapter(la.cqiTable ?? 2, la.blerTarget ?? CQI_TARGET_BLER);
    this.power = { ...DEFAULT_POWER_CONTROL, ...config.uplinkPowerControl };
    this.zoneActive = new Uint8Array(this.env.zones.length);
    this.zoneState = { active: this.zoneActive, epoch: 0 };
    this.budget = new LinkBudget(
      this.env,
      adapter,
      this.power,
      this.zoneState,
      config.interCellInterference ?? 'load',
      this,
    );
    this.handover = config.handover ?? DEFAULT_HANDOVER;
    this.recomputeDistanceM = config.mobility?.recomputeDistanceM ?? DEFAULT_RECOMPUTE_DISTANCE_M;
    this.locateIntervalMs = config.mobility?.locateIntervalMs ?? DEFAULT_LOCATE_INTERVAL_MS;
    const mode = config.deployment.mode;
    this.core = { ...CORE_DELAY_PROFILES[mode], ...config.deployment.overrides };
    this.coreOverridden = config.deployment.overrides !== undefined;
    this.wiredNormal = new NormalSource(deps.streams.stream('network', 'network.core'));
    this.loadSampleMs = config.loadSampleMs ?? DEFAULT_LOAD_SAMPLE_MS;

    // Slices: class → slice index (-1: no slice, served from what the slices leave).
    const sliceOfClass = this.profiles.map(() => -1);
    let shareSum = 0;
    (config.slices ?? []).forEach((slice, s) => {
      if (!(slice.prbShare >= 0 && slice.prbShare <= 1))
        throw new RangeError(`slice ${slice.id}: prbShare must be in [0, 1]`);
      shareSum += slice.prbShare;
      for (const tc of slice.trafficClasses) sliceOfClass[classIndex(tc)] = s;
    });
    if (shareSum > 1 + 1e-9) throw new RangeError(`slice PRB shares add up to ${shareSum} > 1`);

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

    const n = this.env.cells.length;
    const lcpOrder = priorityOrder(this.profiles);
    const hasGbr = this.profiles.some((p) => p.gbrBitsPerMs > 0);
    const marks = { value: 0, pfRefMs: sim.now() };
    const driver = new MacDriver(sim);
    this.links = this.env.cells.map((c) => {
      const settings: MacSettings = {
        scheduler: config.scheduler,
        maxUesPerSlot: config.maxUesPerSlot ?? DEFAULT_MAX_UES_PER_SLOT,
        lcpOrder,
        sliceShares: (config.slices ?? []).map((s) => s.prbShare),
        maxHarqAttempts: 1 + (la.maxHarqRetransmissions ?? DEFAULT_MAX_HARQ_RETRANSMISSIONS),
        harqProcessingMs: la.harqProcessingMs ?? c.grid.slotMs,
        loadTimeConstantMs: LOAD_TIME_CONSTANT_MS,
        loadSampleMs: this.loadSampleMs,
        deviceCount: this.devices.length,
        sinrRefreshesWithLoad: (config.interCellInterference ?? 'load') === 'load',
        hasGbr,
        marks,
      };
      return [
        new CellLink(this, c, UL, settings, n, this.zoneState, driver),
        new CellLink(this, c, DL, settings, n, this.zoneState, driver),
      ] as [CellLink, CellLink];
    });
    this.handoversIn = new Array(n).fill(0);
    this.handoversOut = new Array(n).fill(0);
    this.classStats = this.profiles.map(() => new ClassStats());
    this.deliveryAction = sim.action(() => this.deliver(), { label: 'network delivery' });
    this.sampleActions = this.env.cells.map((c) =>
      sim.action<number>((w) => this.emitLoadSample(c.index, w!), {
        priority: 50,
        label: `${c.id} load sample`,
      }),
    );
    this.sampleWindowScheduled = this.env.cells.map(() => -1);
    this.statsStartMs = sim.now();
    this.startZones();
  }

  // ---------------------------------------------------------------------------------------------------------
  // ControlNetwork

  send<P>(
    message: Message<P>,
    onDelivered: (message: Message<P>) => void,
    onLost?: (message: Message<P>) => void,
  ): void {
    const p = this.pool.get();
    const now = this.sim.now();
    p.classIndex = classIndex(message.trafficClass);
    p.sizeBits = Math.max(8, message.sizeBytes * 8);
    p.createdMs = now;
    p.deadlineMs = this.profiles[p.classIndex].deadlineMs;
    p.from = message.from;
    p.to = message.to;
    p.src = this.deviceByEndpoint.get(message.from) ?? null;
    p.dst = this.deviceByEndpoint.get(message.to) ?? null;
    p.message = message as Message<unknown>;
    p.onDelivered = onDelivered as (m: Message<unknown>) => void;
    p.onLost = (onLost as ((m: Message<unknown>) => void) | undefined) ?? null;
    p.stream = null;
    this.route(p, now);
  }

  openStream(spec: StreamSpec, listener?: StreamListener): StreamHandle {
    let record = this.streamRecords.get(spec.id);
    if (record?.current) throw new RangeError(`Stream '${spec.id}' is already open`);
    if (record === undefined) {
      record = { spec, stats: new StreamStats(), current: null };
      this.streamRecords.set(spec.id, record);
    }
    record.spec = spec;
    const phase =
      (this.config.streamPhase ?? 'random') === 'random'
        ? this.deps.streams.fresh(spec.id, 'network.streamPhase').next() * spec.intervalMs
        : 0;
    const stream = new StreamState(
      this,
      spec,
      listener,
      classIndex(spec.trafficClass),
      this.deviceByEndpoint.get(spec.from) ?? null,
      this.deviceByEndpoint.get(spec.to) ?? null,
      phase,
      record.stats,
    );
    record.current = stream;
    stream.setActive(true);
    return stream;
  }

  // ---------------------------------------------------------------------------------------------------------
  // Packet path: device → UL → core → (app server | DL → device)

  private route(p: Packet, atMs: number): void {
    if (p.src !== null) {
      p.leg = UL;
      p.remainingBits = p.sizeBits;
      p.legDoneMs = 0;
      p.eligibleAtMs = atMs;
      this.attach(p.src);
      this.links[p.src.serving][UL].enqueue(p);
    } else if (p.dst !== null) {
      this.startDl(p, atMs + this.coreDelay(p.dst.coreNormal));
    } else {
      this.finish(p, atMs + this.coreDelay(this.wiredNormal), false, false);
    }
  }

  private startDl(p: Packet, atMs: number): void {
    const dst = p.dst!;
    p.leg = DL;
    p.remainingBits = p.sizeBits;
    p.legDoneMs = 0;
    p.eligibleAtMs = atMs;
    this.attach(dst);
    this.links[dst.serving][DL].enqueue(p);
  }

  legDone(p: Packet): void {
    const dev = (p.leg === UL ? p.src : p.dst)!;
    dev.stats.packets[p.leg]++;
    if (p.lost) this.finish(p, p.legDoneMs, true, false);
    else if (p.leg === DL) this.finish(p, p.legDoneMs, false, false);
    else if (p.dst !== null) this.startDl(p, p.legDoneMs + this.coreDelay(dev.coreNormal));
    else this.finish(p, p.legDoneMs + this.coreDelay(dev.coreNormal), false, false);
  }

  discarded(p: Packet, tMs: number): void {
    this.finish(p, tMs, true, true);
  }

  dropCancelled(p: Packet): void {
    this.pool.release(p);
  }

  /** One-way user-plane core delay (radio/deployment.ts profile, normal jitter clamped at the floor). */
  private coreDelay(source: NormalSource): number {
    const c = this.core;
    if (c.jitterMs === 0) return Math.max(c.minMs, c.meanMs);
    const z = source.nextNormal();
    return this.coreOverridden ? Math.max(c.minMs, c.meanMs + c.jitterMs * z) : coreDelayMs(c.mode, z);
  }

  /** The packet's fate is decided: statistics now, callbacks at `timeMs`. */
  private finish(p: Packet, timeMs: number, lost: boolean, discarded: boolean): void {
    const cs = this.classStats[p.classIndex];
    const latency = timeMs - p.createdMs;
    const late = !lost && latency > p.deadlineMs + EPS_MS;
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
    const dev = p.src ?? p.dst;
    if (dev !== null) {
      if (lost) dev.stats.lost++;
      else {
        dev.stats.delivered++;
        dev.stats.latencySumMs += latency;
        if (late) dev.stats.late++;
      }
    }
    const stream = p.stream;
    if (stream !== null) {
      const ss = stream.stats;
      if (lost) ss.lost++;
      else {
        ss.delivered++;
        if (late) ss.late++;
        else {
          ss.onTime++;
          if (p.streamEpoch === stream.epoch) stream.validPacket(p.streamIndex, timeMs);
        }
      }
    }
    if (this.probes.linkSamples.active)
      this.probes.linkSamples.emit({
        timeMs,
        sentMs: p.createdMs,
        endpointId: dev?.endpointId ?? p.from,
        deviceId: dev?.id ?? null,
        from: p.from,
        to: p.to,
        trafficClass: this.profiles[p.classIndex].trafficClass,
        latencyMs: lost ? Number.NaN : latency,
        lost,
        late,
        streamId: stream?.spec.id ?? null,
      });
    if (p.message !== null) {
      p.lost = lost;
      this.deliveryHeap.push(timeMs, p);
      this.scheduleDelivery();
    } else this.pool.release(p);
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
      const p = heap.pop()!;
      const message = p.message!;
      const ok = !p.lost;
      const onDelivered = p.onDelivered;
      const onLost = p.onLost;
      this.pool.release(p);
      if (ok) onDelivered?.(message);
      else onLost?.(message);
    }
    if (heap.size > 0) this.scheduleDelivery();
  }

  // ---------------------------------------------------------------------------------------------------------
  // Streams (StreamHost)

  emit(stream: StreamState, index: number): Packet {
    const p = this.pool.get();
    const spec = stream.spec;
    p.classIndex = stream.classIndex;
    p.sizeBits = Math.max(8, spec.sizeBytes * 8);
    p.createdMs = stream.sendTimeMs(index);
    p.deadlineMs = stream.deadlineMs;
    p.from = spec.from;
    p.to = spec.to;
    p.src = stream.src;
    p.dst = stream.dst;
    p.message = null;
    p.stream = stream;
    p.streamEpoch = stream.epoch;
    p.streamIndex = index;
    this.route(p, p.createdMs);
    return p;
  }

  closed(stream: StreamState): void {
    const record = this.streamRecords.get(stream.spec.id);
    if (record?.current === stream) record.current = null;
  }

  survivalChanged(stream: StreamState, failed: boolean, timeMs: number): void {
    if (this.probes.notable.active)
      this.probes.notable.emit({
        timeMs,
        kind: failed ? 'survivalTimeExceeded' : 'recovered',
        subjectId: stream.spec.id,
        detail: `${stream.spec.from} → ${stream.spec.to}`,
      });
  }

  // ---------------------------------------------------------------------------------------------------------
  // Links, mobility and handover (MacHost)

  link(cell: number, dir: Dir): CellLink {
    return this.links[cell][dir];
  }

  quality(dev: DeviceState, dir: Dir, tMs: number): LinkQuality {
    return this.budget.quality(dev, dir, tMs);
  }

  ulBitsPerPrbSymbol(dev: DeviceState, prbs: number, out: McsChoice): number {
    return this.budget.ulBitsPerPrbSymbol(dev, prbs, out);
  }

  private attach(dev: DeviceState): void {
    if (dev.serving < 0) this.refreshLink(dev, this.sim.now());
  }

  refreshLink(dev: DeviceState, tMs: number): void {
    if (dev.geomValid && (dev.fixed || tMs - dev.lastLocateMs < this.locateIntervalMs)) return;
    dev.lastLocateMs = tMs;
    const pos = this.deps.locate(dev.endpointId, tMs);
    const x = pos?.xM ?? dev.config.xM;
    const y = pos?.yM ?? dev.config.yM;
    if (x === undefined || y === undefined)
      throw new Error(`Network: no position for endpoint '${dev.endpointId}' (device ${dev.id})`);
    if (!dev.geomValid || Math.hypot(x - dev.xM, y - dev.yM) >= this.recomputeDistanceM)
      this.budget.computeGeometry(dev, x, y);
    if (dev.serving < 0) {
      dev.serving = this.budget.bestCell(dev);
      return;
    }
    // A3 event (TS 38.331 §5.5.4.4): neighbour better than serving by the offset for time-to-trigger.
    const best = this.budget.bestCell(dev);
    if (best !== dev.serving && dev.rsrpDbm[best] > dev.rsrpDbm[dev.serving] + this.handover.offsetDb) {
      if (dev.tttCandidate !== best) {
        dev.tttCandidate = best;
        dev.tttStartMs = tMs;
      } else if (tMs - dev.tttStartMs >= this.handover.timeToTriggerMs) this.executeHandover(dev, best, tMs);
    } else dev.tttCandidate = -1;
  }

  private executeHandover(dev: DeviceState, target: number, tMs: number): void {
    const from = dev.serving;
    dev.serving = target;
    dev.tttCandidate = -1;
    dev.blockedUntilMs = tMs + this.handover.interruptionMs;
    for (const dir of [UL, DL] as const) {
      if (dev.activeSlot[dir] < 0) continue;
      this.links[from][dir].removeBacklogged(dev);
      this.links[target][dir].addBacklogged(dev);
      this.links[target][dir].wake(dev.blockedUntilMs);
    }
    this.handoverCount++;
    dev.stats.handovers++;
    this.handoversOut[from]++;
    this.handoversIn[target]++;
    const fromCellId = this.env.cells[from].id;
    const toCellId = this.env.cells[target].id;
    if (this.probes.handovers.active)
      this.probes.handovers.emit({
        timeMs: tMs,
        deviceId: dev.id,
        endpointId: dev.endpointId,
        fromCellId,
        toCellId,
        interruptionMs: this.handover.interruptionMs,
      });
    if (this.probes.notable.active)
      this.probes.notable.emit({
        timeMs: tMs,
        kind: 'handover',
        subjectId: dev.id,
        detail: `${fromCellId} → ${toCellId}`,
      });
  }

  // LoadView
  dlLoad(cell: number, tMs: number): number {
    return this.links[cell][DL].loadAt(tMs);
  }

  ulInterferenceMw(fromCell: number, atCell: number, tMs: number): number {
    return this.links[fromCell][UL].interferenceAt(atCell, tMs);
  }

  // ---------------------------------------------------------------------------------------------------------
  // Interference zones: one event per on/off boundary

  private startZones(): void {
    const now = this.sim.now();
    for (const z of this.env.zones) {
      this.zoneActive[z.index] = zoneActiveAt(z.config.schedule, now) ? 1 : 0;
      const action: SimAction<undefined> = this.sim.action<undefined>(
        () => this.zoneBoundary(z.index, action),
        {
          priority: -10, // before the slots of the same instant
          label: `interference zone ${z.id}`,
        },
      );
      this.scheduleZone(z.index, action);
    }
  }

  private scheduleZone(zone: number, action: SimAction<undefined>): void {
    const now = this.sim.now();
    let next = Number.POSITIVE_INFINITY;
    for (const p of this.env.zones[zone].config.schedule ?? []) {
      if (p.startMs > now && p.startMs < next) next = p.startMs;
      if (p.endMs > now && p.endMs < next) next = p.endMs;
    }
    if (next < Number.POSITIVE_INFINITY) action.schedule(undefined, next - now);
  }

  private zoneBoundary(zone: number, action: SimAction<undefined>): void {
    const z = this.env.zones[zone];
    const now = this.sim.now();
    const active = zoneActiveAt(z.config.schedule, now) ? 1 : 0;
    if (active !== this.zoneActive[zone]) {
      this.zoneActive[zone] = active;
      this.zoneState.epoch++;
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
  // Load samples: one event per sample period, only for periods with traffic and only when observed

  touchLoadWindow(cell: number, window: number): void {
    if (!this.probes.cellLoad.active || this.sampleWindowScheduled[cell] === window) return;
    this.sampleWindowScheduled[cell] = window;
    this.sampleActions[cell].schedule(window, Math.max(0, (window + 1) * this.loadSampleMs - this.sim.now()));
  }

  private emitLoadSample(cell: number, window: number): void {
    const [ul, dl] = this.links[cell];
    const c = this.env.cells[cell];
    const ms = this.loadSampleMs;
    ul.settleBefore((window + 1) * ms);
    dl.settleBefore((window + 1) * ms);
    const use = (l: CellLink, dir: Dir) =>
      l.sampleWindow === window ? l.samplePrbSymbols / (c.nPrb * c.grid.symbolsPerMs(dir) * ms) : 0;
    const mbps = (l: CellLink) => (l.sampleWindow === window ? l.sampleBits / (ms * 1000) : 0);
    this.probes.cellLoad.emit({
      timeMs: window * ms,
      durationMs: ms,
      cellId: c.id,
      dlPrbUtilization: use(dl, DL),
      ulPrbUtilization: use(ul, UL),
      dlMbps: mbps(dl),
      ulMbps: mbps(ul),
      dlBackloggedUes: dl.backlogCount,
      ulBackloggedUes: ul.backlogCount,
    });
  }

  // ---------------------------------------------------------------------------------------------------------
  // Outputs

  resetStats(atMs: number): void {
    this.statsStartMs = atMs;
    for (const cs of this.classStats) cs.reset();
    for (const [ul, dl] of this.links) {
      ul.settleBefore(atMs);
      dl.settleBefore(atMs);
      ul.resetStats();
      dl.resetStats();
    }
    for (const d of this.devices) d.stats.reset();
    for (const r of this.streamRecords.values()) r.stats.reset();
    this.handoverCount = 0;
    this.handoversIn.fill(0);
    this.handoversOut.fill(0);
  }

  kpis(endMs: number): NetworkKpis {
    const durationMs = Math.max(EPS_MS, endMs - this.statsStartMs);
    for (const [ul, dl] of this.links) {
      ul.settleBefore(endMs);
      dl.settleBefore(endMs);
    }
    const classes: ClassKpis[] = this.profiles.map((p) => {
      const s = this.classStats[p.index];
      const reliability = s.finished > 0 ? s.onTime / s.finished : Number.NaN;
      return {
        trafficClass: p.trafficClass,
        fiveQi: p.qos.fiveQi,
        priorityLevel: p.qos.priorityLevel,
        deadlineMs: p.deadlineMs,
        finished: s.finished,
        delivered: s.delivered,
        onTime: s.onTime,
        late: s.late,
        lost: s.lost,
        discarded: s.discarded,
        reliability,
        targetReliability: p.targetReliability,
        meetsTarget: s.finished === 0 || reliability >= p.targetReliability,
        latency: s.latency.summary(),
      };
    });
    const direction = (l: CellLink, dir: Dir): DirectionKpis => ({
      throughputMbps: l.bitsDelivered / (durationMs * 1000),
      prbUtilization: l.prbSymbolsUsed / (l.nPrb * l.grid.symbolsPerMs(dir) * durationMs),
      transportBlocks: l.transportBlocks,
      harqRetransmissions: l.harqRetransmissions,
    });
    const cells: CellKpis[] = this.env.cells.map((c) => ({
      cellId: c.id,
      ul: direction(this.links[c.index][UL], UL),
      dl: direction(this.links[c.index][DL], DL),
      handoversIn: this.handoversIn[c.index],
      handoversOut: this.handoversOut[c.index],
    }));
    const devices: DeviceKpis[] = this.devices.map((d) => {
      const s = d.stats;
      const ul = d.quality[UL];
      const dl = d.quality[DL];
      return {
        deviceId: d.id,
        endpointId: d.endpointId,
        servingCellId: d.serving >= 0 ? this.env.cells[d.serving].id : null,
        xM: d.xM,
        yM: d.yM,
        rsrpDbm: d.serving >= 0 ? d.rsrpDbm[d.serving] : Number.NaN,
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
        ulPackets: s.packets[UL],
        dlPackets: s.packets[DL],
        delivered: s.delivered,
        late: s.late,
        lost: s.lost,
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
        sent: r.stats.sent,
        delivered: r.stats.delivered,
        onTime: r.stats.onTime,
        late: r.stats.late,
        lost: r.stats.lost,
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
      handovers: this.handoverCount,
      survivalFailures,
    };
  }

  snapshot(): NetworkSnapshot {
    const now = this.sim.now();
    return {
      timeMs: now,
      devices: this.devices.map((d) => ({
        deviceId: d.id,
        endpointId: d.endpointId,
        servingCellId: d.serving >= 0 ? this.env.cells[d.serving].id : null,
        xM: d.xM,
        yM: d.yM,
        rsrpDbm: d.serving >= 0 ? d.rsrpDbm[d.serving] : Number.NaN,
        dlSinrDb: d.quality[DL].sinrDb,
        ulSinrDb: d.quality[UL].sinrDb,
        ulBacklogBytes: d.backlogBits[UL] / 8,
        dlBacklogBytes: d.backlogBits[DL] / 8,
        inHandover: d.blockedUntilMs > now,
      })),
      cells: this.env.cells.map((c) => ({
        cellId: c.id,
        dlLoad: this.links[c.index][DL].loadAt(now),
        ulLoad: this.links[c.index][UL].loadAt(now),
        dlBackloggedUes: this.links[c.index][DL].backlogCount,
        ulBackloggedUes: this.links[c.index][UL].backlogCount,
      })),
      zones: this.env.zones.map((z) => ({ zoneId: z.id, active: this.zoneActive[z.index] === 1 })),
    };
  }

  coverageGrid(options: CoverageGridOptions): SinrGrid {
    return coverageGrid(this.env, this.power, options, this.sim.now());
  }
}
