// The streams of the flow model and their lifecycle: open, start, stop, close; each active stream's legs
// booked on the cells that serve their devices; the settle pass that brings flagged streams, their
// distributions and the cells' loads to a fixed point; handovers, which move a device's legs and make the
// packets of the interruption late.
import type { StreamHandle, StreamListener, StreamSpec } from '../../control/seam';
import type { RandomStreams } from '../../engine/random';
import type { SimAction } from '../../engine/sim-action';
import type { Simulation } from '../../engine/simulation';
import type { HandoverConfig, NetworkConfig } from '../config';
import type { DeviceState } from '../device';
import type { HandoverTally, Locate, MobilitySettings } from '../handover';
import { emitSurvivalChange } from '../stream';
import type { Dir } from '../tdd-grid';
import { DL, UL } from '../tdd-grid';
import { classIndex } from '../traffic-classes';
import type { NetworkProbes } from '../types';
import type { DelayDistribution } from './delay-distribution';
import type { FlowDistributions } from './flow-distributions';
import { FlowMobility, type MobilityHost, type MovedBy } from './flow-mobility';
import type { FlowRadio } from './flow-radio';
import type { FlowStats } from './flow-stats';
import { FlowStream, type FlowStreamHost, FlowStreamStats, type StreamLeg } from './flow-stream';

/** Settle passes per change (the loop load → queue → distribution → load converges in one or two). */
const MAX_SETTLE_PASSES = 6;

/** A stream id's statistics (kept over its activations and reopenings) and its open stream, if any. */
export interface StreamRecord {
  spec: StreamSpec;
  stats: FlowStreamStats;
  current: FlowStream | null;
}

export interface FlowStreamsOptions {
  streams: RandomStreams;
  locate: Locate;
  movedBy?: MovedBy;
  mobility: MobilitySettings;
  handover: HandoverConfig;
  streamPhase: NetworkConfig['streamPhase'];
}

export class FlowStreams implements FlowStreamHost, MobilityHost {
  readonly records = new Map<string, StreamRecord>();
  readonly mobility: FlowMobility;
  /** Open streams per device (as sender or receiver). */
  private readonly ofDevice: FlowStream[][];
  private pending: FlowStream[] = [];
  private pendingSpare: FlowStream[] = [];
  private settling = false;
  private readonly settleAction: SimAction<undefined>;
  private settleScheduled = false;
  readonly sim: Simulation;

  constructor(
    private readonly radio: FlowRadio,
    private readonly distributions: FlowDistributions,
    private readonly stats: FlowStats,
    private readonly tally: HandoverTally,
    private readonly probes: NetworkProbes,
    private readonly options: FlowStreamsOptions,
  ) {
    this.sim = radio.sim;
    this.ofDevice = radio.devices.map(() => []);
    this.mobility = new FlowMobility(
      radio.sim,
      radio.budget,
      radio.devices.length,
      options.locate,
      options.movedBy,
      options.mobility,
      options.handover,
      this,
      radio.fading === null ? null : radio.speedMps,
    );
    this.settleAction = radio.sim.action(
      () => {
        this.settleScheduled = false;
        this.settle();
      },
      { label: 'network flows settle', priority: -20 },
    );
  }

  open(spec: StreamSpec, listener?: StreamListener): StreamHandle {
    let record = this.records.get(spec.id);
    if (record?.current) throw new RangeError(`Stream '${spec.id}' is already open`);
    if (record === undefined) {
      record = { spec, stats: new FlowStreamStats(), current: null };
      this.records.set(spec.id, record);
    }
    record.spec = spec;
    const phase =
      (this.options.streamPhase ?? 'random') === 'random'
        ? this.options.streams.fresh(spec.id, 'network.streamPhase').next() * spec.intervalMs
        : 0;
    const ci = classIndex(spec.trafficClass);
    const src = this.radio.deviceByEndpoint.get(spec.from) ?? null;
    const dst = this.radio.deviceByEndpoint.get(spec.to) ?? null;
    const stream = new FlowStream(
      this,
      spec,
      listener,
      ci,
      src,
      dst,
      phase,
      record.stats,
      this.options.streams.stream(spec.id, 'network.survival'),
    );
    const leg = (device: DeviceState, dir: Dir): StreamLeg => ({
      stream,
      device,
      dir,
      cell: -1,
      ratePerMs: 1 / spec.intervalMs,
      prbSymbols: 0,
      tier: this.radio.tierOf[ci]!,
      slot: -1,
      servedShare: 1,
      aheadRatePerMs: 0,
      aheadPrbSymbols: 0,
      aheadPeriodMs: Number.POSITIVE_INFINITY,
      memoModel: null,
      memoCell: -1,
    });
    if (src !== null) stream.legs.push(leg(src, UL));
    if (dst !== null) stream.legs.push(leg(dst, DL));
    for (const d of [src, dst])
      if (d !== null && !this.ofDevice[d.index]!.includes(stream)) this.ofDevice[d.index]!.push(stream);
    record.current = stream;
    stream.setActive(true);
    return stream;
  }

  // FlowStreamHost

  activeChanged(stream: FlowStream): void {
    if (stream.active) {
      // Devices are located at the settle pass, not here: streams open while the models are being built.
      for (const leg of stream.legs) this.mobility.track(leg.device);
      this.flag(stream);
      // Streams opened or resumed together (a plant starting up) are settled once, at the same instant.
      this.scheduleSettle();
      return;
    } else {
      for (const leg of stream.legs) {
        this.unbook(leg);
        if (!leg.device.fixed && !this.ofDevice[leg.device.index]!.some((s) => s.active))
          this.mobility.untrack(leg.device);
      }
    }
    this.settle();
  }

  closed(stream: FlowStream): void {
    const record = this.records.get(stream.spec.id);
    if (record?.current === stream) record.current = null;
    for (const d of [stream.src, stream.dst])
      if (d !== null) {
        const list = this.ofDevice[d.index]!;
        const i = list.indexOf(stream);
        if (i >= 0) list.splice(i, 1);
      }
  }

  accrue(s: FlowStream, dist: DelayDistribution, n: number): void {
    this.stats.accrue(s, dist, n);
  }

  survivalChanged(stream: FlowStream, failed: boolean, timeMs: number): void {
    emitSurvivalChange(this.probes.notable, stream.spec, failed, timeMs);
  }

  // MobilityHost

  linkChanged(dev: DeviceState): void {
    for (const s of this.ofDevice[dev.index]!) this.flag(s);
  }

  /** Break-before-make handover of `dev` to `target`: its legs move, the interruption's packets are late. */
  handover(dev: DeviceState, target: number, tMs: number): void {
    const from = dev.serving;
    const interruptionMs = this.options.handover.interruptionMs;
    for (const s of this.ofDevice[dev.index]!) s.closeRegime(tMs);
    dev.serving = target;
    dev.tttCandidate = -1;
    dev.blockedUntilMs = tMs + interruptionMs;
    for (const s of this.ofDevice[dev.index]!) {
      if (!s.active) continue;
      for (const leg of s.legs) if (leg.device === dev) this.book(leg);
      // Packets reaching the cell during the interruption leave at its end: late ones are invalid.
      const mean = s.dist?.meanMs ?? 0;
      const d = Number.isFinite(mean) ? mean : 0;
      const radioMs = Math.max(0, d - this.radio.core.meanMs);
      const endMs = tMs + interruptionMs + radioMs;
      const forced = s.forceInvalid(tMs - d, endMs - s.deadlineMs);
      if (forced !== null && s.dist !== null) this.stats.accrueForced(s, s.dist, forced[0], forced[1], endMs);
      this.flag(s);
    }
    this.tally.record(dev, from, target, tMs, interruptionMs);
  }

  /** Locates `dev` (a message is on its way) and flags its streams if its link changed. */
  refreshDevice(dev: DeviceState, tMs: number): void {
    if (this.mobility.refreshLink(dev, tMs)) this.linkChanged(dev);
  }

  /** Every stream needs a new distribution (an interference zone switched). */
  flagAll(): void {
    for (const list of this.ofDevice) for (const s of list) this.flag(s);
  }

  /** Counts every open stream's packets up to `tMs` into the statistics. */
  closeAllRegimes(tMs: number): void {
    for (const r of this.records.values()) r.current?.closeRegime(tMs);
  }

  resetStats(): void {
    for (const r of this.records.values()) r.stats.reset();
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
    const loads = this.radio.loads;
    if (leg.cell >= 0) loads[leg.cell]![leg.dir].remove(leg);
    leg.cell = cell;
    loads[cell]![leg.dir].add(leg);
  }

  private unbook(leg: StreamLeg): void {
    if (leg.cell < 0) return;
    this.radio.loads[leg.cell]![leg.dir].remove(leg);
    leg.cell = -1;
  }

  private scheduleSettle(): void {
    if (this.settleScheduled) return;
    this.settleScheduled = true;
    this.settleAction.schedule(undefined, 0);
  }

  /** Brings flagged streams and dirty cells to a consistent state (distributions ↔ loads ↔ queues). */
  settle(): void {
    if (this.settling) return;
    this.settling = true;
    const now = this.sim.now();
    const loads = this.radio.loads;
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
            if (leg.device.serving < 0) this.mobility.refreshLink(leg.device, now);
            this.book(leg);
          }
          const dist = this.distributions.distributionOf(s);
          if (dist !== s.dist) {
            for (let i = 0; i < s.legs.length; i++) {
              const leg = s.legs[i]!;
              const prb = dist.legLoads[i]!.prbSymbols;
              if (prb !== leg.prbSymbols) {
                leg.prbSymbols = prb;
                if (leg.cell >= 0) loads[leg.cell]![leg.dir].dirty = true;
              }
            }
            s.setDistribution(dist, this.distributions.chainOf(s, dist));
          }
        }
        batch.length = 0;
      }
      for (const pair of loads)
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
}
