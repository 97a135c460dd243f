import { type DistributionSpec, mean, sampler } from '../engine/distributions';
import type { RandomStream } from '../engine/random';
import type { SimAction } from '../engine/sim-action';
import { TimeWeighted } from '../kpi/stats';
import type { InputListener, SlotWaiter, Station } from './buffer';
import type { MachineConfig } from './config';
import type { FactoryContext } from './context';
import { failureModels } from './failures/registry';
import type { CycleQuality } from './inspection/cycle-quality';
import { machineTimeKpis } from './machine-time-kpis';
import type { Maintenance } from './maintenance/maintenance';
import type { MachineReport, StartOrder } from './messages';
import type { Operation, Part } from './part';
import { MACHINE_STATES, type MachineState } from './probes';

/** What the machine is doing with a part, independent of failures and shifts. */
type Phase = 'none' | 'setup' | 'busy' | 'blocked';

const STATE_INDEX = Object.fromEntries(MACHINE_STATES.map((s, i) => [s, i])) as Record<MachineState, number>;

function isReady(s: MachineState): boolean {
  return s === 'idle' || s === 'starved';
}

export interface MachineKpis {
  /** Time in each state in the window (ms). */
  timeInStateMs: Record<MachineState, number>;
  /** Busy time / window length. */
  utilization: number;
  blockedFraction: number;
  starvedFraction: number;
  /**
   * OEE = availability × performance × quality (Nakajima 1988; ISO 22400-2:2014 KPI 1200), over the window:
   * - planned time   = window − off-shift time
   * - operating time = planned time − down time − setup time
   * - availability   = operating time / planned time          (losses: breakdowns, changeovers)
   * - performance    = Σ ideal cycle times / operating time    (losses: idle, starved, blocked, slow
   *                    cycles); the ideal cycle time of a cycle is the mean of its cycle-time
   *                    distribution, so a machine that is always busy scores ≈ 1
   * - quality        = (good parts − latent defects made) / all finished cycles  (losses: scrap, and
   *                    defects found later: a first-pass yield; `defectProbability`, inspection/)
   * NaN where a denominator is 0.
   */
  availability: number;
  performance: number;
  quality: number;
  oee: number;
  cycles: number;
  good: number;
  scrapped: number;
  /** Latent defects this machine made (parts it passed on with a defect; MachineConfig.defectProbability). */
  defects: number;
  setups: number;
  failures: number;
  /** Time-average number of parts in the machine (L; 0 or 1 at any instant). */
  meanContents: number;
  /** Parts that left the machine (finished into the output, or scrapped) within the window (count). */
  departures: number;
  /** Mean time from start order to leaving the machine (setup, processing, pauses, blocking). */
  meanSojournMs: number;
}

/**
 * A machine as a state machine. It starts a job only on a start order from the control system,
 * reports every state change to it, and never decides anything else by itself.
 *
 * Off shift and during repairs, a job in setup or processing is PAUSED (the remaining time is kept)
 * and resumes when the machine is on shift and up again. Start orders that find the machine down,
 * off shift, occupied or without the part are refused (the report says so) and the control
 * system dispatches the part again later.
 */
export class Machine implements SlotWaiter, InputListener {
  state: MachineState;
  part: Part | null = null;
  private phase: Phase = 'none';
  private down = false;
  private offShift = false;
  private lastProductId: string | undefined = undefined;
  private phaseEndMs = 0;
  private remainingMs = 0;
  /** Ends the current setup or cycle. */
  private readonly phaseAction: SimAction<undefined>;
  /** Failure onset (time-based failures, only scheduled if it falls within the running cycle) or repair end. */
  private readonly failureAction: SimAction<undefined>;
  private readonly timeFailures: boolean;
  private readonly countFailures: boolean;
  private drawTimeToFailure: () => number = () => Number.POSITIVE_INFINITY;
  private drawCyclesToFailure: () => number = () => Number.POSITIVE_INFINITY;
  private drawRepairTime: () => number = () => 0;
  /** Operating (busy) time left until the next time-based failure. */
  private ttfMs = Number.POSITIVE_INFINITY;
  private cyclesToFailure = Number.POSITIVE_INFINITY;
  private busyRunningSinceMs = 0;
  private readonly cycleSamplers = new Map<Operation, { draw: () => number; meanMs: number }>();
  private readonly setupSamplers = new Map<DistributionSpec, () => number>();
  private readonly scrapStream: RandomStream | null;
  private readonly scrapProbability: number;
  private readonly defectStream: RandomStream | null;
  private readonly defectProbability: number;
  /** A hold after the cycle (manual inspection, rework) is under way; then the part is scrapped or not. */
  private holding = false;
  private scrapAfterHold = false;
  /** The part in the machine got its latent defect here, this cycle. */
  private defectThisCycle = false;

  // Reporting
  private seq = 0;
  private dirty = false;
  private ack: MachineReport['ack'] = undefined;
  private done: MachineReport['done'] = undefined;
  private scrappedPartId: number | undefined = undefined;
  /** Where reports go (straight over the network, or to the machine's gateway); set by the builder. */
  uplink: (report: MachineReport) => void = () => {};
  /** Who repairs failures (set by the builder); null: the repair starts at the failure. */
  maintenance: Pick<Maintenance, 'machineFailed'> | null = null;
  /** Inspection and late detection of defects at the end of a cycle (set by the builder); null: none. */
  quality: CycleQuality | null = null;

  // KPIs (reset at warm-up)
  private stateSinceMs: number;
  private readonly stateMs = new Float64Array(MACHINE_STATES.length);
  private cycles = 0;
  private good = 0;
  private scrapped = 0;
  private defects = 0;
  /** Of `defects`, those whose part was scrapped here (already lost in `good`). */
  private defectsScrappedHere = 0;
  private setups = 0;
  private failures = 0;
  private idealMs = 0;
  private departures = 0;
  private sojournSumMs = 0;
  private readonly contents: TimeWeighted;

  constructor(
    private readonly ctx: FactoryContext,
    readonly config: MachineConfig,
    readonly input: Station,
    readonly output: Station,
  ) {
    const { sim, streams } = ctx;
    const id = config.id;
    this.phaseAction = sim.action(() => this.onPhaseEnd(), { label: `machine ${id} cycle end` });
    this.failureAction = sim.action(() => this.onFailureAction(), { label: `machine ${id} failure/repair` });
    this.scrapProbability = config.scrapProbability ?? 0;
    this.scrapStream = this.scrapProbability > 0 ? streams.stream(id, 'scrap') : null;
    this.defectProbability = config.defectProbability ?? 0;
    this.defectStream = this.defectProbability > 0 ? streams.stream(id, 'defect') : null;

    // The failure model (failures/registry.ts) draws times to failure and repair durations.
    const f = config.failures;
    const model =
      f === undefined
        ? undefined
        : failureModels.get(f.kind).create({
            machineId: id,
            config: f,
            failureStream: streams.stream(id, 'failure'),
            repairStream: streams.stream(id, 'repair'),
          });
    this.timeFailures = model?.clock === 'operatingTime';
    this.countFailures = model?.clock === 'cycles';
    if (model) {
      this.drawRepairTime = () => model.nextRepairMs();
      if (this.timeFailures) {
        this.drawTimeToFailure = () => model.nextToFailure();
        this.ttfMs = this.drawTimeToFailure();
      } else {
        this.drawCyclesToFailure = () => model.nextToFailure();
        this.cyclesToFailure = this.drawCyclesToFailure();
      }
    }

    this.state = this.computeState();
    this.stateSinceMs = sim.now();
    this.contents = new TimeWeighted(sim.now(), 0);
    input.addInputListener(this);
  }

  get id(): string {
    return this.config.id;
  }

  // ---------------------------------------------------------------------------------------------
  // Inputs: start orders, shifts, free output slots, input buffer changes

  /** A start order arrived (over the network, or from the gateway for a legacy machine). */
  receiveOrder(order: StartOrder): void {
    const part =
      this.phase === 'none' && !this.down && !this.offShift ? this.input.find(order.partId) : undefined;
    if (part === undefined) {
      this.ack = { partId: order.partId, accepted: false };
      const { probes } = this.ctx;
      if (probes.event.active) {
        probes.event.emit({
          timeMs: this.ctx.sim.now(),
          entityId: this.id,
          kind: 'startRejected',
          detail: `part ${order.partId} refused while ${this.state}`,
        });
      }
      this.flush();
      return;
    }
    this.ack = { partId: part.id, accepted: true };
    const now = this.ctx.sim.now();
    const setupMs = this.setupTime(part.product.id);
    this.part = part;
    this.lastProductId = part.product.id;
    if (setupMs > 0) {
      this.phase = 'setup';
      this.setups++;
      this.run(setupMs);
    } else this.startBusy();
    // Taken from the input only now that the machine is working: listeners see a consistent state.
    this.input.remove(part);
    part.enteredMs = now;
    this.contents.set(now, 1);
    this.updateState();
    this.flush();
  }

  /** The calendar switches the machine on or off shift. */
  setOffShift(offShift: boolean): void {
    if (offShift === this.offShift) return;
    const wasRunning = this.running;
    this.offShift = offShift;
    this.runningChanged(wasRunning);
    this.updateState();
    this.flush();
  }

  /** The full output buffer has a slot for the part this machine holds. */
  onSlotFree(): void {
    this.release();
    this.updateState();
    this.flush();
  }

  /** The input buffer may have become empty or non-empty (idle ↔ starved: not reported). */
  onInputChanged(): void {
    this.updateState();
  }

  // ---------------------------------------------------------------------------------------------
  // Work

  private get running(): boolean {
    return !this.down && !this.offShift;
  }

  private startBusy(): void {
    const part = this.part!;
    const op = part.product.operations[part.opIndex]!;
    this.phase = 'busy';
    this.run(this.cycleSampler(op).draw());
  }

  /** Runs the current phase for `durationMs` (the machine is running). */
  private run(durationMs: number): void {
    const now = this.ctx.sim.now();
    this.phaseEndMs = now + durationMs;
    this.phaseAction.schedule(undefined, durationMs);
    if (this.phase === 'busy') {
      this.busyRunningSinceMs = now;
      // The failure event exists only if the failure falls inside this cycle (one event per failure).
      if (this.timeFailures && this.ttfMs < durationMs) this.failureAction.schedule(undefined, this.ttfMs);
    }
  }

  private runningChanged(wasRunning: boolean): void {
    const working = this.phase === 'setup' || this.phase === 'busy';
    if (!working || wasRunning === this.running) return;
    if (wasRunning) {
      // Pause: keep the remaining time; the failure clock stops with the cycle.
      this.remainingMs = this.phaseEndMs - this.ctx.sim.now();
      this.phaseAction.cancel();
      if (this.phase === 'busy') {
        this.consumeOperatingTime();
        if (!this.down) this.failureAction.cancel();
      }
    } else this.run(this.remainingMs);
  }

  private consumeOperatingTime(): void {
    const now = this.ctx.sim.now();
    this.ttfMs -= now - this.busyRunningSinceMs;
    this.busyRunningSinceMs = now;
  }

  private onPhaseEnd(): void {
    if (this.phase === 'setup') {
      this.startBusy();
      this.updateState();
      this.flush();
      return;
    }
    // End of a cycle, or of the hold after it.
    if (this.timeFailures) this.consumeOperatingTime();
    const part = this.part!;
    let scrap: boolean;
    if (this.holding) {
      this.holding = false;
      scrap = this.scrapAfterHold;
    } else {
      const op = part.product.operations[part.opIndex]!;
      part.opIndex++;
      this.cycles++;
      this.idealMs += this.cycleSampler(op).meanMs;
      scrap = this.scrapStream !== null && this.scrapStream.next() < this.scrapProbability;
      this.defectThisCycle = false;
      if (!scrap) {
        const defect = this.defectStream !== null && this.defectStream.next() < this.defectProbability;
        if (defect) {
          part.defective = true;
          this.defects++;
          this.defectThisCycle = true;
        }
        if (this.quality !== null) {
          const outcome = this.quality.cycleEnded(this.id, part, defect);
          if (outcome.holdMs > 0) {
            // The part stays in the machine (busy; not ideal time: a performance loss), then goes on.
            this.holding = true;
            this.scrapAfterHold = outcome.scrap;
            this.run(outcome.holdMs);
            return;
          }
          scrap = outcome.scrap;
        }
      }
    }
    if (scrap) {
      this.scrapped++;
      if (this.defectThisCycle) this.defectsScrappedHere++;
      this.leave(part);
      this.phase = 'none';
      this.scrappedPartId = part.id;
      this.ctx.kpi.partScrapped(part);
    } else {
      this.good++;
      if (this.output.hasRoom()) this.release();
      else {
        this.phase = 'blocked';
        this.output.waitForSlot(this);
      }
    }
    if (this.countFailures && --this.cyclesToFailure <= 0) this.fail();
    this.updateState();
    this.flush();
  }

  /** Puts the finished part into the output station. */
  private release(): void {
    const part = this.part!;
    this.leave(part);
    this.phase = 'none';
    this.done = { partId: part.id, stationId: this.output.id };
    this.output.put(part);
  }

  private leave(part: Part): void {
    const now = this.ctx.sim.now();
    this.part = null;
    this.contents.set(now, 0);
    this.departures++;
    this.sojournSumMs += now - part.enteredMs;
  }

  // ---------------------------------------------------------------------------------------------
  // Failures

  private onFailureAction(): void {
    if (this.down) this.repair();
    else {
      this.consumeOperatingTime();
      this.fail();
    }
    this.updateState();
    this.flush();
  }

  private fail(): void {
    const wasRunning = this.running;
    this.down = true;
    this.failures++;
    this.emitNotable('failure');
    this.runningChanged(wasRunning);
    if (this.maintenance !== null) this.maintenance.machineFailed(this);
    else this.failureAction.schedule(undefined, this.drawRepairTime());
  }

  /** For maintenance: the repair time of the current failure (ms), drawn when a crew starts it. */
  drawRepairMs(): number {
    return this.drawRepairTime();
  }

  /** For maintenance: the crew finished the repair. */
  endRepair(): void {
    this.repair();
    this.updateState();
    this.flush();
  }

  /** Sequence number of the last status report sent. */
  get lastReportSeq(): number {
    return this.seq;
  }

  private repair(): void {
    this.down = false;
    this.emitNotable('repair');
    if (this.timeFailures) this.ttfMs = this.drawTimeToFailure();
    else this.cyclesToFailure = this.drawCyclesToFailure();
    this.runningChanged(false);
  }

  private emitNotable(kind: 'failure' | 'repair'): void {
    const { probes } = this.ctx;
    if (probes.event.active) probes.event.emit({ timeMs: this.ctx.sim.now(), entityId: this.id, kind });
  }

  // ---------------------------------------------------------------------------------------------
  // Random times

  private cycleSampler(op: Operation): { draw: () => number; meanMs: number } {
    let s = this.cycleSamplers.get(op);
    if (s === undefined) {
      const spec = op.cycleTime(this.id);
      s = { draw: sampler(spec, this.ctx.streams.stream(this.id, 'cycle')), meanMs: mean(spec) };
      this.cycleSamplers.set(op, s);
    }
    return s;
  }

  private setupTime(productId: string): number {
    const cfg = this.config.setupTimes;
    if (cfg === undefined || productId === this.lastProductId) return 0;
    const spec =
      (this.lastProductId !== undefined ? cfg.matrix?.[this.lastProductId]?.[productId] : undefined) ??
      cfg.byProduct?.[productId] ??
      cfg.default;
    if (spec === undefined) return 0;
    let draw = this.setupSamplers.get(spec);
    if (draw === undefined) {
      draw = sampler(spec, this.ctx.streams.stream(this.id, 'setup'));
      this.setupSamplers.set(spec, draw);
    }
    return Math.max(0, draw());
  }

  // ---------------------------------------------------------------------------------------------
  // State, reports, KPIs

  private computeState(): MachineState {
    if (this.down) return 'down';
    if (this.offShift) return 'off-shift';
    if (this.phase !== 'none') return this.phase;
    return this.input.level > 0 ? 'idle' : 'starved';
  }

  private updateState(): void {
    const s = this.computeState();
    if (s === this.state) return;
    const now = this.ctx.sim.now();
    this.stateMs[STATE_INDEX[this.state]]! += now - this.stateSinceMs;
    this.stateSinceMs = now;
    if (!(isReady(this.state) && isReady(s))) this.dirty = true;
    this.state = s;
    const probe = this.ctx.probes.machineState;
    if (probe.active) {
      probe.emit(
        this.part !== null
          ? { timeMs: now, machineId: this.id, state: s, productId: this.part.product.id }
          : { timeMs: now, machineId: this.id, state: s },
      );
    }
  }

  /** Sends one report with everything that changed during the current event, if anything did. */
  private flush(): void {
    if (
      !this.dirty &&
      this.ack === undefined &&
      this.done === undefined &&
      this.scrappedPartId === undefined
    ) {
      return;
    }
    const report: MachineReport = { machineId: this.id, seq: ++this.seq, state: this.state };
    if (this.part !== null) {
      report.productId = this.part.product.id;
      report.partId = this.part.id;
    }
    if (this.ack !== undefined) report.ack = this.ack;
    if (this.done !== undefined) report.done = this.done;
    if (this.scrappedPartId !== undefined) report.scrappedPartId = this.scrappedPartId;
    this.dirty = false;
    this.ack = undefined;
    this.done = undefined;
    this.scrappedPartId = undefined;
    this.uplink(report);
  }

  /** Sets the initial shift state before the run starts (no report: the control system knows the calendar). */
  initOffShift(offShift: boolean): void {
    this.offShift = offShift;
    this.state = this.computeState();
  }

  resetKpis(atMs: number): void {
    this.stateMs[STATE_INDEX[this.state]]! += atMs - this.stateSinceMs;
    this.stateSinceMs = atMs;
    this.stateMs.fill(0);
    this.cycles = this.good = this.scrapped = this.defects = this.defectsScrappedHere = 0;
    this.setups = this.failures = 0;
    this.idealMs = this.departures = this.sojournSumMs = 0;
    this.contents.reset(atMs);
  }

  kpis(startMs: number, endMs: number): MachineKpis {
    const ms = Float64Array.from(this.stateMs);
    ms[STATE_INDEX[this.state]]! += endMs - this.stateSinceMs;
    const timeInStateMs = Object.fromEntries(MACHINE_STATES.map((s, i) => [s, ms[i]])) as Record<
      MachineState,
      number
    >;
    const windowMs = endMs - startMs;
    const { utilization, availability, operatingMs: operating } = machineTimeKpis(timeInStateMs, windowMs);
    const performance = operating > 0 ? this.idealMs / operating : Number.NaN;
    const defectiveOut = this.defects - this.defectsScrappedHere;
    const quality = this.cycles > 0 ? (this.good - defectiveOut) / this.cycles : Number.NaN;
    return {
      timeInStateMs,
      utilization,
      blockedFraction: timeInStateMs.blocked / windowMs,
      starvedFraction: timeInStateMs.starved / windowMs,
      availability,
      performance,
      quality,
      oee: availability * performance * quality,
      cycles: this.cycles,
      good: this.good,
      scrapped: this.scrapped,
      defects: this.defects,
      setups: this.setups,
      failures: this.failures,
      meanContents: this.contents.mean(endMs),
      departures: this.departures,
      meanSojournMs: this.departures > 0 ? this.sojournSumMs / this.departures : Number.NaN,
    };
  }
}
