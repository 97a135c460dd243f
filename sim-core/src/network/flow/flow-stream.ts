// A periodic stream in flow fidelity: no packet events. Its packets are counted per regime (a stretch of time
// with one delay distribution) into the statistics, its legs book load on their cells, and its survival-time
// failures come from a Gilbert–Elliott chain (survival-chain.ts) with one event per failure or recovery.
import type { StreamHandle, StreamListener, StreamSpec } from '../../control/seam';
import type { RandomStream } from '../../engine/random';
import type { SimAction } from '../../engine/sim-action';
import type { Simulation } from '../../engine/simulation';
import type { DeviceState } from '../device';
import { StreamStats } from '../stream';
import type { Dir } from '../tdd-grid';
import type { LoadEntry } from './cell-load';
import type { DelayDistribution, LegModel } from './delay-distribution';
import { FlowDeliveryWindows } from './flow-delivery-windows';
import { type ChainParams, CONTINUE, FAIL, RECOVER, SurvivalChain } from './survival-chain';

/** The survival chain draws packets at most this far ahead (one event per horizon while nothing happens). */
const CHAIN_HORIZON_MS = 10_000;

/** Counts of one stream id (fractional: expected values of the regimes), shared by its activations. */
export class FlowStreamStats extends StreamStats {}

/** A leg of the stream: its load entry on the serving cell of `device` in `dir`. */
export interface StreamLeg extends LoadEntry {
  readonly stream: FlowStream;
  readonly device: DeviceState;
  readonly dir: Dir;
  /** Cell the entry is booked on (-1: not booked). */
  cell: number;
  /** The leg's model at the last refresh and the cell it was for (reused while its inputs stay the same). */
  memoModel: LegModel | null;
  memoCell: number;
}

export interface FlowStreamHost {
  readonly sim: Simulation;
  /** The stream started or stopped: book or release its legs, ask for a refresh. */
  activeChanged(stream: FlowStream): void;
  /** Packets of the stream in [fromMs, toMs) had distribution `dist`: into the statistics. */
  accrue(stream: FlowStream, dist: DelayDistribution, packets: number): void;
  survivalChanged(stream: FlowStream, failed: boolean, timeMs: number): void;
  closed(stream: FlowStream): void;
}

export class FlowStream implements StreamHandle {
  readonly intervalMs: number;
  readonly deadlineMs: number;
  readonly survivalMs: number;
  active = false;
  private closedFlag = false;
  epoch = 0;
  firstSendMs = 0;
  readonly legs: StreamLeg[] = [];
  /** Leg models of the current distribution (kept by the network). */
  readonly legModels: LegModel[] = [];
  /** Current regime: distribution and start. */
  dist: DelayDistribution | null = null;
  private regimeStartMs = 0;
  /** Needs a new distribution (queued for the network's settle pass). */
  flagged = false;
  readonly chain: SurvivalChain | null;
  private chainReset = true;
  private chainParams: ChainParams | null = null;
  private announcedFailed = false;
  private watch: SimAction<undefined> | null = null;
  private watchAtMs = Number.NaN;
  /** On-time share per delivery window, when the listener asks for it (StreamListener.onDeliveryRatio). */
  private readonly windows: FlowDeliveryWindows | null;

  constructor(
    private readonly host: FlowStreamHost,
    readonly spec: StreamSpec,
    readonly listener: StreamListener | undefined,
    readonly classIndex: number,
    readonly src: DeviceState | null,
    readonly dst: DeviceState | null,
    readonly phaseMs: number,
    readonly stats: FlowStreamStats,
    rng: RandomStream,
  ) {
    if (!(spec.intervalMs > 0)) throw new RangeError(`stream ${spec.id}: intervalMs must be > 0`);
    this.intervalMs = spec.intervalMs;
    this.deadlineMs = spec.deadlineMs ?? spec.intervalMs;
    this.survivalMs = spec.survivalTimeMs ?? Number.POSITIVE_INFINITY;
    // m invalid packets in a row make a failure: the last valid one's successor's deadline + S passes first.
    this.chain = Number.isFinite(this.survivalMs)
      ? new SurvivalChain(
          rng,
          Math.floor(this.survivalMs / this.intervalMs + 1e-9) + 1,
          Math.max(1, Math.ceil(CHAIN_HORIZON_MS / this.intervalMs)),
        )
      : null;
    const windowMs = listener?.deliveryWindowMs;
    this.windows =
      listener?.onDeliveryRatio !== undefined && windowMs !== undefined
        ? new FlowDeliveryWindows(
            host.sim,
            spec.id,
            windowMs,
            this.deadlineMs,
            listener,
            () => this.closeRegime(host.sim.now()),
            () => this.active,
          )
        : null;
  }

  get failed(): boolean {
    return this.announcedFailed;
  }

  setActive(active: boolean): void {
    if (this.closedFlag || active === this.active) return;
    const now = this.host.sim.now();
    if (active) {
      this.active = true;
      this.epoch++;
      this.firstSendMs = now + this.phaseMs;
      this.regimeStartMs = now;
      this.dist = null;
      this.chainReset = true;
      this.announcedFailed = false;
      this.windows?.started(this.firstSendMs);
    } else {
      this.closeRegime(now);
      this.active = false;
      this.epoch++;
      this.dist = null;
      this.cancelWatch();
      this.announcedFailed = false;
    }
    this.host.activeChanged(this);
  }

  close(): void {
    if (this.closedFlag) return;
    if (this.active) this.setActive(false);
    this.closedFlag = true;
    this.windows?.close();
    this.host.closed(this);
  }

  sendTimeMs(index: number): number {
    return this.firstSendMs + index * this.intervalMs;
  }

  /** Index of the first packet sent at or after `tMs`. */
  indexAt(tMs: number): number {
    return Math.max(0, Math.ceil((tMs - this.firstSendMs) / this.intervalMs - 1e-9));
  }

  /** Counts the packets of the current regime up to `tMs` into the statistics; the regime goes on from there. */
  closeRegime(tMs: number): void {
    if (!this.active || this.dist === null || tMs <= this.regimeStartMs) {
      if (this.active && tMs > this.regimeStartMs && this.dist === null) this.regimeStartMs = tMs;
      return;
    }
    const from = this.indexAt(this.regimeStartMs);
    const n = this.indexAt(tMs) - from;
    if (n > 0) {
      this.host.accrue(this, this.dist, n);
      const onTime = this.dist.deliveredProb - this.dist.lateProb;
      this.windows?.add(this.firstSendMs, this.intervalMs, from, from + n, onTime);
    }
    this.regimeStartMs = tMs;
  }

  /** A new distribution from now on (called by the network's settle pass). */
  setDistribution(dist: DelayDistribution, chainParams: ChainParams): void {
    const now = this.host.sim.now();
    this.closeRegime(now);
    this.regimeStartMs = now;
    this.dist = dist;
    const chain = this.chain;
    if (chain === null) return;
    if (this.chainReset) {
      this.chainReset = false;
      this.chainParams = chainParams;
      chain.reset(chainParams);
    } else if (chainParams !== this.chainParams) {
      this.chainParams = chainParams;
      chain.change(this.indexAt(now), chainParams);
    } else return;
    this.scheduleWatch();
  }

  /**
   * Packets sent in [fromMs, untilMs) are late whatever the distribution says (a handover interruption);
   * returns their index range (null when none), for the statistics.
   */
  forceInvalid(fromMs: number, untilMs: number): [number, number] | null {
    if (!this.active || this.dist === null) return null;
    // Not before the current regime: its packets before it are counted already.
    const from = Math.max(this.indexAt(fromMs), this.indexAt(this.regimeStartMs));
    const until = this.indexAt(untilMs);
    if (until <= from) return null;
    // Counted on time with the regime's probability when it closes: late instead.
    const onTime = this.dist.deliveredProb - this.dist.lateProb;
    this.windows?.add(this.firstSendMs, this.intervalMs, from, until, -onTime, false);
    if (this.chain !== null && !this.chainReset) {
      this.chain.force(from, until);
      this.scheduleWatch();
    }
    return [from, until];
  }

  /** Failure instant of a run of invalid packets from `runStart`: send(runStart) + D + S. */
  private failAtMs(runStart: number, now: number): number {
    return Math.max(now, this.sendTimeMs(runStart) + this.deadlineMs + this.survivalMs);
  }

  /** Recovery instant: the valid packet `index` arrives (its flow's mean delay after its send time). */
  private recoverAtMs(index: number, now: number): number {
    const d = this.dist === null ? 0 : this.dist.meanMs;
    return Math.max(now, this.sendTimeMs(index) + (Number.isFinite(d) ? d : 0));
  }

  private nextWatchMs(): number {
    const chain = this.chain;
    if (chain === null || !this.active) return Number.POSITIVE_INFINITY;
    const now = this.host.sim.now();
    // Decided by packets already committed (a regime change passed them) but not yet announced.
    if (chain.failed && !this.announcedFailed) return this.failAtMs(chain.failRunStart, now);
    if (!chain.failed && this.announcedFailed) return this.recoverAtMs(chain.recoverIndex, now);
    if (chain.nextKind === FAIL) return this.failAtMs(chain.nextRunStart, now);
    if (chain.nextKind === CONTINUE) return Math.max(now, this.sendTimeMs(chain.nextIndex));
    if (chain.nextKind === RECOVER) return this.recoverAtMs(chain.nextIndex, now);
    return Number.POSITIVE_INFINITY;
  }

  private scheduleWatch(): void {
    const at = this.nextWatchMs();
    if (at === this.watchAtMs) return;
    if (at === Number.POSITIVE_INFINITY) {
      this.cancelWatch();
      return;
    }
    if (this.watch === null)
      this.watch = this.host.sim.action(() => this.onWatch(), { label: `stream ${this.spec.id} survival` });
    this.watchAtMs = at;
    this.watch.schedule(undefined, Math.max(0, at - this.host.sim.now()));
  }

  private cancelWatch(): void {
    this.watch?.unsubscribe();
    this.watch = null;
    this.watchAtMs = Number.NaN;
  }

  private onWatch(): void {
    this.watchAtMs = Number.NaN;
    const chain = this.chain!;
    const now = this.host.sim.now();
    const epoch = this.epoch;
    if (chain.failed && !this.announcedFailed) this.announceFailure(now);
    else if (!chain.failed && this.announcedFailed) this.announceRecovery(now);
    else if (chain.nextKind === CONTINUE) chain.advance();
    else if (chain.nextKind === FAIL) {
      chain.advance();
      this.announceFailure(now);
    } else if (chain.nextKind === RECOVER) {
      chain.advance();
      if (this.announcedFailed) this.announceRecovery(now);
    }
    if (this.epoch !== epoch) return; // a listener paused the stream
    this.scheduleWatch();
  }

  private announceRecovery(now: number): void {
    this.announcedFailed = false;
    this.host.survivalChanged(this, false, now);
    this.listener?.onRecovered?.(now);
  }

  private announceFailure(now: number): void {
    this.announcedFailed = true;
    this.stats.survivalFailures++;
    this.host.survivalChanged(this, true, now);
    this.listener?.onSurvivalTimeExceeded?.(now);
  }
}
