// Messages in flow fidelity: each draws its delay from its flows' current load and link on the actual TDD
// grid (alignment from its real send time, the Poisson arrivals ahead of it, HARQ, the core), counts
// into the statistics at its arrival and is delivered (or lost) by one event at its arrival time. A message
// to a device that can move has its DL leg drawn by one more event, when it reaches the device's cell.
import type { Message } from '../../control/seam';
import type { RandomStream, RandomStreams } from '../../engine/random';
import type { SimAction } from '../../engine/sim-action';
import { type DeviceState, NormalSource } from '../device';
import { type Dir, DL, UL } from '../tdd-grid';
import { TimedHeap } from '../timed-heap';
import { classIndex } from '../traffic-classes';
import type { NetworkProbes } from '../types';
import type { FlowDistributions } from './flow-distributions';
import type { FlowRadio } from './flow-radio';
import type { FlowStats } from './flow-stats';
import type { FlowStreams } from './flow-streams';
import { doneWithin, type FirstTransmission, firstTransmission, retransmissionEndMs } from './radio-leg';

const EPS_MS = 1e-9;

/** What one leg of a message cost its cell (counted when the message arrives, as the packet model counts it). */
interface LegCost {
  dev: DeviceState;
  cell: number;
  dir: Dir;
  prbSymbols: number;
  blocks: number;
  retransmissions: number;
  bits: number;
  lost: boolean;
}

interface PendingMessage {
  message: Message<unknown>;
  lost: boolean;
  onDelivered: (m: Message<unknown>) => void;
  onLost: ((m: Message<unknown>) => void) | null;
  classIndex: number;
  dev: DeviceState | null;
  latencyMs: number;
  discarded: boolean;
  late: boolean;
  legs: LegCost[];
}

/** A message to a mobile device on its way to the device's cell (UL leg and core done), its DL leg not drawn yet. */
interface AtCell {
  message: Message<unknown>;
  onDelivered: (m: Message<unknown>) => void;
  onLost: ((m: Message<unknown>) => void) | null;
  classIndex: number;
  src: DeviceState | null;
  dst: DeviceState;
  sentMs: number;
  /** When it reaches the cell (after the core). */
  atCellMs: number;
  bits: number;
  legs: LegCost[];
}

interface LegOutcome {
  endMs: number;
  lost: boolean;
  discarded: boolean;
}

export class FlowMessages {
  private readonly flowRng: RandomStream[];
  private readonly wiredNormal: NormalSource;
  private readonly heap = new TimedHeap<PendingMessage>();
  private readonly action: SimAction<undefined>;
  private deliveryAtMs = Number.POSITIVE_INFINITY;
  private readonly atCell = new TimedHeap<AtCell>();
  private readonly atCellAction: SimAction<undefined>;
  private atCellAtMs = Number.POSITIVE_INFINITY;
  private readonly scratch: FirstTransmission = { endMs: 0, prbSymbols: 0, blocks: 0, lastSymbols: 0 };

  constructor(
    private readonly radio: FlowRadio,
    private readonly streams: FlowStreams,
    private readonly distributions: FlowDistributions,
    private readonly stats: FlowStats,
    private readonly probes: NetworkProbes,
    random: RandomStreams,
  ) {
    this.flowRng = radio.devices.map((d) => random.stream(d.id, 'network.flow'));
    this.wiredNormal = new NormalSource(random.stream('network', 'network.core'));
    this.action = radio.sim.action(() => this.deliver(), { label: 'network delivery' });
    this.atCellAction = radio.sim.action(() => this.reachCells(), { label: 'network message at cell' });
  }

  send<P>(
    message: Message<P>,
    onDelivered: (message: Message<P>) => void,
    onLost?: (message: Message<P>) => void,
  ): void {
    const streams = this.streams;
    streams.settle();
    const now = this.radio.sim.now();
    const ci = classIndex(message.trafficClass);
    const bits = Math.max(8, message.sizeBytes * 8);
    const src = this.radio.deviceByEndpoint.get(message.from) ?? null;
    const dst = this.radio.deviceByEndpoint.get(message.to) ?? null;
    let t = now;
    let lost = false;
    let discarded = false;
    const legs: LegCost[] = [];
    if (src !== null) {
      streams.refreshDevice(src, now);
      const r = this.messageLeg(src, UL, ci, bits, t, legs);
      t = r.endMs;
      lost = r.lost;
      discarded = r.discarded;
    }
    if (!lost) {
      t += this.coreDelay((src ?? dst)?.coreNormal ?? this.wiredNormal);
      if (dst !== null) {
        if (!dst.fixed && dst.serving >= 0) {
          // A device that can move is looked at when the message reaches its cell, as the packet MAC looks at it
          // (cell-link.ts: at the first opportunity the packet joins): a handover that is due (an idle AGV's, whose
          // A3 nothing evaluated while it had no traffic) starts there, not at the send time. Looking at the send
          // time, before the core delay, took that much off the interruption the message waits for (an AGV's
          // order in a public core: 15 of 30 ms).
          streams.settle();
          this.atCell.push(this.lookMs(dst, t), {
            message: message as Message<unknown>,
            onDelivered: onDelivered as (m: Message<unknown>) => void,
            onLost: (onLost as ((m: Message<unknown>) => void) | undefined) ?? null,
            classIndex: ci,
            src,
            dst,
            sentMs: now,
            atCellMs: t,
            bits,
            legs,
          });
          this.scheduleAtCell();
          return;
        }
        streams.refreshDevice(dst, now);
        const r = this.messageLeg(dst, DL, ci, bits, t, legs);
        t = r.endMs;
        lost = r.lost;
        discarded = r.discarded;
      }
    }
    streams.settle();
    this.finish(
      message as Message<unknown>,
      onDelivered as (m: Message<unknown>) => void,
      (onLost as ((m: Message<unknown>) => void) | undefined) ?? null,
      ci,
      src ?? dst,
      now,
      t,
      lost,
      discarded,
      legs,
    );
  }

  /**
   * When the packet MAC looks at `dst` for a DL packet reaching its cell at `tMs`: the start of the cell's first DL
   * opportunity at or after it (ASSUMPTION: on the grid of the cell serving it now; cells of a network share theirs).
   */
  private lookMs(dst: DeviceState, tMs: number): number {
    const grid = this.radio.env.cells[dst.serving]!.grid;
    return Math.max(tMs, grid.startMs(DL, grid.nextOpportunity(DL, tMs)));
  }

  /** Messages reaching their (mobile) receiver's cell: the device is looked at, then the DL leg is drawn. */
  private reachCells(): void {
    this.atCellAtMs = Number.POSITIVE_INFINITY;
    const now = this.radio.sim.now();
    const heap = this.atCell;
    const streams = this.streams;
    while (heap.size > 0 && heap.peekTime() <= now + EPS_MS) {
      const m = heap.pop()!;
      streams.settle();
      streams.refreshDevice(m.dst, now);
      const r = this.messageLeg(m.dst, DL, m.classIndex, m.bits, m.atCellMs, m.legs);
      streams.settle();
      this.finish(
        m.message,
        m.onDelivered,
        m.onLost,
        m.classIndex,
        m.src ?? m.dst,
        m.sentMs,
        r.endMs,
        r.lost,
        r.discarded,
        m.legs,
      );
    }
    if (heap.size > 0) this.scheduleAtCell();
  }

  private scheduleAtCell(): void {
    const t = this.atCell.peekTime();
    if (t >= this.atCellAtMs) return;
    this.atCellAtMs = t;
    this.atCellAction.schedule(undefined, Math.max(0, t - this.radio.sim.now()));
  }

  /**
   * The message's fate is decided: its link sample now, statistics and callbacks at the arrival (or loss) time, as
   * the packet model: a message still on its way when the statistics are read (the run's end) is not counted, nor
   * the PRBs of its legs (before, the orders a plant sends at its last instant counted in flow fidelity only: 37 %
   * more DL PRB use on the embroidery plant).
   */
  private finish(
    message: Message<unknown>,
    onDelivered: (m: Message<unknown>) => void,
    onLost: ((m: Message<unknown>) => void) | null,
    ci: number,
    dev: DeviceState | null,
    sentMs: number,
    t: number,
    lost: boolean,
    discarded: boolean,
    legs: LegCost[],
  ): void {
    const profile = this.radio.profiles[ci]!;
    const latency = t - sentMs;
    const late = !lost && latency > profile.deadlineMs + EPS_MS;
    if (this.probes.linkSamples.active)
      this.probes.linkSamples.emit({
        timeMs: t,
        sentMs,
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
    this.heap.push(t, {
      message,
      lost,
      onDelivered,
      onLost,
      classIndex: ci,
      dev,
      latencyMs: latency,
      discarded,
      late,
      legs,
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
    costs: LegCost[],
  ): LegOutcome {
    const rng = this.flowRng[dev.index]!;
    const profile = this.radio.profiles[ci]!;
    const load = this.radio.loads[dev.serving]![dir];
    const tier = this.radio.tierOf[ci]!;
    const served = load.tierServed[tier]!;
    if (served < 1 && rng.next() >= served)
      return { endMs: tMs + profile.discardTimerMs, lost: true, discarded: true };
    const link = this.distributions.legLink(dev, dir, ci, bits);
    // An overloaded flow's served packets waited in its queue up to the discard timer; otherwise the message
    // shares its opportunity with the others that arrived in the same gap before it (Poisson), as the flows.
    let start = served < 1 ? tMs + profile.discardTimerMs : tMs;
    // UL: the SR → grant → K2 wait of data reaching an empty buffer (uplink-access.ts; ASSUMPTION: the UE has
    // no other UL data queued, which at the loads where this matters it rarely has); the others that join its
    // opportunity are those of its SR window (as the stream legs, delay-distribution.ts).
    let windowStartMs = Number.NaN;
    const access = dir === UL ? this.radio.ulAccess : null;
    if (access !== null && served >= 1) {
      const pusch = access.puschMs(dev, dev.serving, start);
      windowStartMs = access.schedule(dev.serving).windowStartMs(start);
      start = pusch;
    }
    if (dev.blockedUntilMs > start) start = dev.blockedUntilMs;
    let ahead = 0;
    const rate = load.tierAheadRate[tier]!;
    if (served >= 1 && rate > 0) {
      const grid = link.grid;
      const next = grid.nextOpportunity(dir, start);
      const mean =
        rate * (Number.isNaN(windowStartMs) ? start - grid.startMs(dir, next - 1) : tMs - windowStartMs);
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
    // Attempts of the slowest block: P(done within a) = (1 − β^a)^blocks, or in a fade 1 − F_a (radio-leg.ts).
    const u = rng.next();
    let attempts = 0;
    for (let a = 1; a <= link.maxAttempts; a++)
      if (u < doneWithin(link, a, ft.blocks)) {
        attempts = a;
        break;
      }
    const lost = attempts === 0;
    const used = lost ? link.maxAttempts : attempts;
    let end = ft.endMs;
    for (let a = 2; a <= used; a++) end = retransmissionEndMs(link, end, ft.lastSymbols);
    const prbSymbols = ft.prbSymbols * (1 + (used - 1) / Math.max(1, ft.blocks));
    load.addMessage(tier, prbSymbols, tMs);
    costs.push({
      dev,
      cell: dev.serving,
      dir,
      prbSymbols,
      blocks: ft.blocks,
      retransmissions: used - 1,
      bits,
      lost,
    });
    return { endMs: end, lost, discarded: false };
  }

  private coreDelay(source: NormalSource): number {
    const c = this.radio.core;
    if (c.jitterMs === 0) return Math.max(c.minMs, c.meanMs);
    return Math.max(c.minMs, c.meanMs + c.jitterMs * source.nextNormal());
  }

  private scheduleDelivery(): void {
    const t = this.heap.peekTime();
    if (t >= this.deliveryAtMs) return;
    this.deliveryAtMs = t;
    this.action.schedule(undefined, Math.max(0, t - this.radio.sim.now()));
  }

  private deliver(): void {
    this.deliveryAtMs = Number.POSITIVE_INFINITY;
    const limit = this.radio.sim.now() + EPS_MS;
    const heap = this.heap;
    while (heap.size > 0 && heap.peekTime() <= limit) {
      const m = heap.pop()!;
      for (const c of m.legs)
        this.stats.messageLeg(
          c.dev,
          c.cell,
          c.dir,
          c.prbSymbols,
          c.blocks,
          c.retransmissions,
          c.bits,
          c.lost,
        );
      this.stats.message(m.classIndex, m.dev, m.latencyMs, m.lost, m.discarded, m.late);
      if (m.lost) m.onLost?.(m.message);
      else m.onDelivered(m.message);
    }
    if (heap.size > 0) this.scheduleDelivery();
  }
}
