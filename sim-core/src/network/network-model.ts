// The 5G network behind the control seam: a thin front that routes packets (device → UL → core → DL →
// device) over its parts: radio links and per-cell MACs, handover (handover.ts), interference zones
// (zone-schedule.ts), load samples (load-sampler.ts) and statistics (network-stats.ts).
import type { Message, StreamHandle, StreamListener, StreamSpec } from '../control/seam';
import { Probe } from '../engine/probe';
import type { RandomStreams } from '../engine/random';
import type { Simulation } from '../engine/simulation';
import { CellLink, type MacHost, type MacSettings } from './cell-link';
import type { NetworkConfig } from './config';
import { coverageGrid } from './coverage';
import { Deliveries } from './deliveries';
import { DeviceState, type LinkQuality, NormalSource } from './device';
import { buildFlowNetwork } from './flow/flow-network';
import { DEFAULT_HANDOVER, Handover } from './handover';
import { LinkAdapter, type McsChoice, reliableLinkAdaptation } from './link-adaptation';
import { DEFAULT_POWER_CONTROL, LinkBudget, type LoadView, type PowerControl } from './link-budget';
import { DEFAULT_LINK_MODEL, linkModels } from './link-model/registry';
import { LoadSampler } from './load-sampler';
import { macSchedulers } from './mac/schedulers/registry';
import { MacDriver } from './mac-driver';
import { NetworkStats } from './network-stats';
import { type Packet, PacketPool } from './packet';
import { CQI_TARGET_BLER, DEFAULT_MAX_HARQ_RETRANSMISSIONS } from './radio/cqi';
import { CORE_DELAY_PROFILES, type CoreDelayProfile, coreDelayMs } from './radio/deployment';
import { RadioEnvironment } from './radio-environment';
import { effectiveQosConfig, RanShare } from './ran-share/ran-share';
import { emitSurvivalChange, type StreamHost, StreamState } from './stream';
import { type Dir, DL, UL } from './tdd-grid';
import { DEFAULT_TRAFFIC_SOURCE, trafficSources } from './traffic/registry';
import { type ClassProfile, classIndex, priorityOrder, resolveClassProfiles } from './traffic-classes';
import type {
  CoverageGridOptions,
  NetworkKpis,
  NetworkModel,
  NetworkProbes,
  NetworkSnapshot,
  SinrGrid,
} from './types';
import { buildUplinkAccess, type UplinkAccess } from './uplink-access';
import { NetworkConfigError, validateNetworkConfig } from './validate';
import { ZoneSchedule } from './zone-schedule';

export { DEFAULT_HANDOVER };

export interface NetworkDependencies {
  streams: RandomStreams;
  /** Where an endpoint is at a time (machines never move; AGVs do). */
  locate: (endpointId: string, timeMs: number) => { xM: number; yM: number } | undefined;
  /** When a moving endpoint can first be `distanceM` on (ConnectivityContext.movedByMs); flow fidelity only. */
  movedByMs?: (endpointId: string, timeMs: number, distanceM: number) => number | undefined;
}

const DEFAULT_MAX_UES_PER_SLOT = 16; // assumption: PDCCH capacity per slot and direction
const DEFAULT_RECOMPUTE_DISTANCE_M = 1; // well below the 10 m shadowing decorrelation distance
const DEFAULT_LOCATE_INTERVAL_MS = 50; // an AGV at 2 m/s moves 10 cm in between
const DEFAULT_LOAD_SAMPLE_MS = 1000;
const LOAD_TIME_CONSTANT_MS = 100; // assumption: interference follows the neighbours' load of the last ~100 ms
const EPS_MS = 1e-9;

/** Builds the network; a config with problems (validateNetworkConfig) is a NetworkConfigError listing them. */
export function buildNetwork(
  sim: Simulation,
  config: NetworkConfig,
  deps: NetworkDependencies,
): NetworkModel {
  const problems = validateNetworkConfig(config);
  if (problems.length > 0) throw new NetworkConfigError(problems);
  // On a shared RAN without a slice the factory's flows get the operator's default QoS (ran-share/).
  const effective = effectiveQosConfig(config);
  if (effective.fidelity === 'flow')
    return buildFlowNetwork(sim, effective, deps, {
      handover: DEFAULT_HANDOVER,
      powerControl: DEFAULT_POWER_CONTROL,
      recomputeDistanceM: DEFAULT_RECOMPUTE_DISTANCE_M,
      locateIntervalMs: DEFAULT_LOCATE_INTERVAL_MS,
      loadSampleMs: DEFAULT_LOAD_SAMPLE_MS,
    });
  return new FiveGNetwork(sim, effective, deps);
}

class FiveGNetwork implements NetworkModel, MacHost, LoadView, StreamHost {
  readonly probes: NetworkProbes = {
    linkSamples: new Probe(),
    handovers: new Probe(),
    notable: new Probe(),
    cellLoad: new Probe(),
  };
  private readonly env: RadioEnvironment;
  private readonly budget: LinkBudget;
  private readonly power: PowerControl;
  private readonly profiles: ClassProfile[];
  private readonly devices: DeviceState[];
  private readonly deviceByEndpoint = new Map<string, DeviceState>();
  private readonly links: [CellLink, CellLink][];
  private readonly pool = new PacketPool();
  private readonly core: CoreDelayProfile;
  private readonly coreOverridden: boolean;
  private readonly wiredNormal: NormalSource;
  private readonly zones: ZoneSchedule;
  private readonly handover: Handover;
  private readonly loadSampler: LoadSampler;
  private readonly stats: NetworkStats;
  /** The public users on the operator's cells (null: the factory's own cells). */
  private readonly ranShare: RanShare | null;
  /** SR / grant timing of UL packets (null: grant-free). */
  private readonly ulAccess: UplinkAccess | null;
  /** Messages whose callbacks run at their arrival (or loss) time. */
  private readonly deliveries: Deliveries;

  constructor(
    readonly sim: Simulation,
    private readonly config: NetworkConfig,
    private readonly deps: NetworkDependencies,
  ) {
    this.env = new RadioEnvironment(config, deps.streams);
    this.profiles = resolveClassProfiles(config);
    const la = config.linkAdaptation ?? {};
    const cqiTable = la.cqiTable ?? 2;
    const linkModel = linkModels.get(config.linkModel ?? DEFAULT_LINK_MODEL);
    const blerTarget = la.blerTarget ?? CQI_TARGET_BLER;
    const adapter = new LinkAdapter(cqiTable, blerTarget, linkModel.curves?.(cqiTable));
    // Classes with a tighter BLER target (URLLC: 1e-5) get CQI table 3 at the tightest of them (TS 38.214 §5.2.2.1).
    const { adapter: reliable, classTier } = reliableLinkAdaptation(this.profiles, blerTarget, (table) =>
      linkModel.curves?.(table),
    );
    this.power = { ...DEFAULT_POWER_CONTROL, ...config.uplinkPowerControl };
    this.zones = new ZoneSchedule(sim, this.env.zones, this.probes.notable);
    const interCell = config.interCellInterference ?? 'load';
    this.budget = new LinkBudget(this.env, adapter, this.power, this.zones.state, interCell, this, reliable);
    this.core = { ...CORE_DELAY_PROFILES[config.deployment.mode], ...config.deployment.overrides };
    this.coreOverridden = config.deployment.overrides !== undefined;
    this.wiredNormal = new NormalSource(deps.streams.stream('network', 'network.core'));
    const loadSampleMs = config.loadSampleMs ?? DEFAULT_LOAD_SAMPLE_MS;

    // Slices: class → slice index (-1: no slice, served from what the slices leave).
    const sliceOfClass = this.profiles.map(() => -1);
    (config.slices ?? []).forEach((slice, s) => {
      for (const tc of slice.trafficClasses) sliceOfClass[classIndex(tc)] = s;
    });
    this.devices = config.devices.map((d, i) => {
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

    const n = this.env.cells.length;
    const lcpOrder = priorityOrder(this.profiles);
    const hasGbr = this.profiles.some((p) => p.gbrBitsPerMs > 0);
    const marks = { value: 0, pfRefMs: sim.now() };
    const driver = new MacDriver(sim);
    const scheduler = macSchedulers.get(config.scheduler);
    const linkAbstraction = linkModel.create({
      config,
      cells: this.env.cells,
      channel: this.env.channel,
      streams: deps.streams,
      cqiTable,
    });
    this.ranShare = config.ranShare === undefined ? null : new RanShare(config.ranShare, this.env.cells);
    this.ulAccess = buildUplinkAccess(config, this.env.cells, this.profiles);
    this.links = this.env.cells.map((c) => {
      const settings: MacSettings = {
        scheduler,
        maxUesPerSlot: config.maxUesPerSlot ?? DEFAULT_MAX_UES_PER_SLOT,
        lcpOrder,
        sliceShares: (config.slices ?? []).map((s) => s.prbShare),
        maxHarqAttempts: 1 + (la.maxHarqRetransmissions ?? DEFAULT_MAX_HARQ_RETRANSMISSIONS),
        harqProcessingMs: la.harqProcessingMs ?? c.grid.slotMs,
        loadTimeConstantMs: LOAD_TIME_CONSTANT_MS,
        loadSampleMs,
        deviceCount: this.devices.length,
        sinrRefreshesWithLoad: interCell === 'load',
        hasGbr,
        marks,
        linkModel: linkAbstraction,
        ranShare: this.ranShare,
        ulAccess: this.ulAccess,
        classTier: reliable === null ? null : classTier,
      };
      return [
        new CellLink(this, c, UL, settings, n, this.zones.state, driver),
        new CellLink(this, c, DL, settings, n, this.zones.state, driver),
      ] as [CellLink, CellLink];
    });
    this.handover = new Handover(
      sim,
      this.env,
      this.budget,
      (cell, dir) => this.links[cell]![dir],
      deps.locate,
      config.handover ?? DEFAULT_HANDOVER,
      {
        recomputeDistanceM: config.mobility?.recomputeDistanceM ?? DEFAULT_RECOMPUTE_DISTANCE_M,
        locateIntervalMs: config.mobility?.locateIntervalMs ?? DEFAULT_LOCATE_INTERVAL_MS,
      },
      this.probes,
    );
    this.stats = new NetworkStats(
      {
        config,
        env: this.env,
        profiles: this.profiles,
        devices: this.devices,
        links: this.links,
        handover: this.handover,
        zones: this.zones,
      },
      sim.now(),
    );
    this.deliveries = new Deliveries(sim, this.pool);
    this.loadSampler = new LoadSampler(sim, this.env.cells, this.links, this.probes.cellLoad, loadSampleMs);
    this.zones.start();
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
    p.deadlineMs = this.profiles[p.classIndex]!.deadlineMs;
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
    if (this.stats.streams.get(spec.id)?.current) throw new RangeError(`Stream '${spec.id}' is already open`);
    const record = this.stats.streamRecord(spec);
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
      trafficSources.get(spec.source ?? DEFAULT_TRAFFIC_SOURCE)({
        spec,
        random: this.deps.streams.stream(spec.id, 'network.traffic'),
      }),
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
      p.accessPending = this.ulAccess?.needsGrant(p) ?? false;
      this.handover.attach(p.src);
      this.links[p.src.serving]![UL].enqueue(p);
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
    this.handover.attach(dst);
    this.links[dst.serving]![DL].enqueue(p);
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
    const latency = timeMs - p.createdMs;
    const late = !lost && latency > p.deadlineMs + EPS_MS;
    const dev = this.stats.finished(p, timeMs, latency, lost, discarded, late);
    if (this.probes.linkSamples.active)
      this.probes.linkSamples.emit({
        timeMs,
        sentMs: p.createdMs,
        endpointId: dev?.endpointId ?? p.from,
        deviceId: dev?.id ?? null,
        from: p.from,
        to: p.to,
        trafficClass: this.profiles[p.classIndex]!.trafficClass,
        latencyMs: lost ? Number.NaN : latency,
        lost,
        late,
        streamId: p.stream?.spec.id ?? null,
      });
    if (p.message !== null) {
      p.lost = lost;
      this.deliveries.push(timeMs, p);
    } else this.pool.release(p);
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
    const record = this.stats.streams.get(stream.spec.id);
    if (record?.current === stream) record.current = null;
  }

  survivalChanged(stream: StreamState, failed: boolean, timeMs: number): void {
    emitSurvivalChange(this.probes.notable, stream.spec, failed, timeMs);
  }

  // ---------------------------------------------------------------------------------------------------------
  // MacHost and LoadView: links, link quality, load

  link(cell: number, dir: Dir): CellLink {
    return this.links[cell]![dir];
  }

  refreshLink(dev: DeviceState, tMs: number): void {
    this.handover.refreshLink(dev, tMs);
  }

  quality(dev: DeviceState, dir: Dir, tMs: number): LinkQuality {
    return this.budget.quality(dev, dir, tMs);
  }

  ulBitsPerPrbSymbol(dev: DeviceState, prbs: number, out: McsChoice, tier = 0): number {
    return this.budget.ulBitsPerPrbSymbol(dev, prbs, out, tier);
  }

  touchLoadWindow(cell: number, window: number): void {
    this.loadSampler.touch(cell, window);
  }

  dlLoad(cell: number, tMs: number): number {
    const factory = this.links[cell]![DL].loadAt(tMs);
    // A shared cell's public users transmit too: the load factor counts them (ran-share/).
    return this.ranShare === null ? factory : this.ranShare.cell(cell, DL).totalLoad(tMs, factory);
  }

  ulInterferenceMw(fromCell: number, atCell: number, tMs: number): number {
    const link = this.links[fromCell]![UL];
    const factory = link.interferenceAt(atCell, tMs);
    if (this.ranShare === null) return factory;
    // Public UEs of the cell, spread like its factory UEs, on the PRBs they use (ran-share/).
    const pub = this.ranShare.cell(fromCell, UL).publicShare(tMs, link.loadAt(tMs));
    return factory + pub * link.ulRxPerUsedPrbAt(atCell);
  }

  // ---------------------------------------------------------------------------------------------------------
  // Outputs

  resetStats(atMs: number): void {
    this.stats.reset(atMs);
  }

  kpis(endMs: number): NetworkKpis {
    return this.stats.kpis(endMs);
  }

  snapshot(): NetworkSnapshot {
    return this.stats.snapshot(this.sim.now());
  }

  coverageGrid(options: CoverageGridOptions): SinrGrid {
    return coverageGrid(this.env, this.power, options, this.sim.now());
  }
}
