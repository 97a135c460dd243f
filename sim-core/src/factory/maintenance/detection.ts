import { sampler } from '../../engine/distributions';
import type { RandomStreams } from '../../engine/random';
import type { SimAction } from '../../engine/sim-action';
import type { Simulation } from '../../engine/simulation';
import type { DetectionConfig } from './config';
import type { DetectedBy, RepairJob } from './repair-job';

/** One machine's watcher: one reusable action for the earlier of the patrol's pass and the andon call. */
class Watch {
  job: RepairJob | null = null;
  by: DetectedBy = 'patrol';
  readonly action: SimAction<undefined>;
  /** Phase of the patrol's passes at this machine, in [0, T) (drawn on its first failure). */
  private phaseMs = Number.NaN;
  private drawAndon: (() => number) | null = null;

  constructor(
    sim: Simulation,
    private readonly streams: RandomStreams,
    readonly machineId: string,
    fire: (w: Watch) => void,
  ) {
    this.action = sim.action(() => fire(this), { label: `detection ${machineId}` });
  }

  /** The first patrol pass strictly after `nowMs`: passes are at phase + k·T. */
  nextPassMs(nowMs: number, intervalMs: number): number {
    if (Number.isNaN(this.phaseMs))
      this.phaseMs = this.streams.stream(this.machineId, 'patrol-phase').next() * intervalMs;
    const passMs = this.phaseMs + (Math.floor((nowMs - this.phaseMs) / intervalMs) + 1) * intervalMs;
    return passMs > nowMs ? passMs : passMs + intervalMs; // (rounding)
  }

  andonDelayMs(config: NonNullable<DetectionConfig['andon']>): number {
    this.drawAndon ??= sampler(config.delay, this.streams.stream(this.machineId, 'andon'));
    return Math.max(0, this.drawAndon());
  }
}

/**
 * Who notices a breakdown first (see DetectionConfig): the machine's own status report (monitored
 * machines), the patrol's next pass, or the andon call. Nothing is scheduled while no machine is down;
 * a down machine holds at most one event (its patrol pass or andon call, whichever is earlier).
 * Random streams: `(machineId, 'patrol-phase')` (one draw per machine), `(machineId, 'andon')` (one per failure).
 */
export class FailureDetection {
  private readonly watches = new Map<string, Watch>();
  private readonly unmonitored: ReadonlySet<string>;
  private readonly fire = (w: Watch) => this.detect(w, w.by);

  constructor(
    private readonly sim: Simulation,
    private readonly streams: RandomStreams,
    private readonly config: DetectionConfig,
    private readonly onDetected: (job: RepairJob) => void,
  ) {
    this.unmonitored = new Set(config.unmonitored ?? []);
  }

  isMonitored(machineId: string): boolean {
    return !this.unmonitored.has(machineId);
  }

  /** `job.machine` just failed: start watching it. */
  failed(job: RepairJob): void {
    const id = job.machine.id;
    let w = this.watches.get(id);
    if (w === undefined) {
      w = new Watch(this.sim, this.streams, id, this.fire);
      this.watches.set(id, w);
    }
    w.job = job;
    const now = this.sim.now();
    let atMs = Number.POSITIVE_INFINITY;
    const { patrolIntervalMs, andon } = this.config;
    if (patrolIntervalMs !== undefined) {
      atMs = w.nextPassMs(now, patrolIntervalMs);
      w.by = 'patrol';
    }
    if (andon !== undefined) {
      const callMs = now + w.andonDelayMs(andon);
      if (callMs < atMs) {
        atMs = callMs;
        w.by = 'andon';
      }
    }
    if (atMs < Number.POSITIVE_INFINITY) w.action.schedule(undefined, atMs - now);
  }

  /** The control system received a report (sequence number `seq`) saying the machine is down. */
  reportedDown(machineId: string, seq: number): void {
    if (this.unmonitored.has(machineId)) return;
    const w = this.watches.get(machineId);
    // A report sent before this failure (a late copy of an older one) tells nothing about it.
    if (w === undefined || w.job === null || seq < w.job.firstDownSeq) return;
    this.detect(w, 'report');
  }

  private detect(w: Watch, by: DetectedBy): void {
    const job = w.job!;
    w.job = null;
    w.action.cancel();
    job.detectedAtMs = this.sim.now();
    job.detectedBy = by;
    this.onDetected(job);
  }
}
