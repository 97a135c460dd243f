import type { SimAction } from '../../engine/sim-action';
import type { Simulation } from '../../engine/simulation';
import { TimeWeighted } from '../../kpi/stats';
import type { Calendar } from '../calendar';
import type { Position } from '../config';
import type { AfterRepair } from './config';
import type { RepairDispatchRule } from './dispatch-rule';
import type { RepairJob } from './repair-job';

/** What a crew is doing: waiting (at home, or at its last machine), walking to a job, repairing, walking home. */
export type CrewState = 'idle' | 'toJob' | 'repairing' | 'toHome';
export const CREW_STATES: readonly CrewState[] = ['idle', 'toJob', 'repairing', 'toHome'];
const INDEX: Record<CrewState, number> = { idle: 0, toJob: 1, repairing: 2, toHome: 3 };

export interface CrewPoolOptions {
  id: string;
  count: number;
  home: Position;
  walkSpeedMps: number;
  afterRepair: AfterRepair;
  rule: RepairDispatchRule;
  /** When crews take new jobs; null: always. */
  calendar: Calendar | null;
  /** A repair ended (the crew is still at the machine). */
  onRepaired: (job: RepairJob, crew: Crew) => void;
}

/** One crew. Its position is `from` until `departMs`, then a straight walk reaching `to` at `arriveMs`. */
export class Crew {
  state: CrewState = 'idle';
  job: RepairJob | null = null;
  from: Position;
  to: Position;
  departMs = 0;
  arriveMs = 0;
  /** Ends the walk or the repair under way (one event per walk or repair). */
  readonly action: SimAction<undefined>;

  constructor(
    sim: Simulation,
    readonly id: string,
    home: Position,
    step: (crew: Crew) => void,
  ) {
    this.from = home;
    this.to = home;
    this.action = sim.action(() => step(this), { label: `crew ${id}` });
  }

  positionAt(timeMs: number): Position {
    if (timeMs >= this.arriveMs) return this.to;
    if (timeMs <= this.departMs) return this.from;
    const f = (timeMs - this.departMs) / (this.arriveMs - this.departMs);
    return {
      xM: this.from.xM + f * (this.to.xM - this.from.xM),
      yM: this.from.yM + f * (this.to.yM - this.from.yM),
    };
  }
}

/**
 * A shared pool of maintenance crews. Detected breakdowns queue in order of detection; while crews are
 * on shift, the dispatch rule picks the next repair and the nearest available crew (ties: crew order)
 * walks to it (straight-line distance / walking speed), repairs it (the machine's own repair time) and
 * then follows `afterRepair`. Off shift no new job starts (a crew finishes the one it has) and one event
 * wakes the pool at the next shift start if work waits. Idle crews schedule nothing.
 */
export class CrewPool {
  readonly crews: Crew[];
  private readonly queue: RepairJob[] = [];
  private readonly wake: SimAction<undefined> | null;
  private readonly counts: number[];
  private readonly inState: TimeWeighted[];

  constructor(
    private readonly sim: Simulation,
    private readonly o: CrewPoolOptions,
  ) {
    const step = (crew: Crew) => this.step(crew);
    this.crews = Array.from(
      { length: o.count },
      (_, i) => new Crew(sim, `${o.id}.crew${i + 1}`, o.home, step),
    );
    this.wake =
      o.calendar === null ? null : sim.action(() => this.dispatch(), { label: `${o.id} shift start` });
    this.counts = CREW_STATES.map((s) => (s === 'idle' ? o.count : 0));
    this.inState = this.counts.map((n) => new TimeWeighted(sim.now(), n));
  }

  /** Repairs waiting for a crew. */
  get waiting(): number {
    return this.queue.length;
  }

  /** A detected breakdown: it waits for the next free crew. */
  submit(job: RepairJob): void {
    this.queue.push(job);
    this.dispatch();
  }

  private dispatch(): void {
    if (this.queue.length === 0) return;
    const now = this.sim.now();
    const cal = this.o.calendar;
    if (cal !== null && !cal.isOnShift(now)) {
      if (!this.wake!.pending) this.wake!.schedule(undefined, cal.nextChangeMs(now) - now);
      return;
    }
    while (this.queue.length > 0) {
      const i = this.o.rule.pick(this.queue);
      const job = this.queue[i]!;
      const crew = this.nearestAvailable(job.position, now);
      if (crew === null) return;
      this.queue.splice(i, 1);
      this.send(crew, job, now);
    }
  }

  private nearestAvailable(target: Position, now: number): Crew | null {
    let best: Crew | null = null;
    let bestM = Number.POSITIVE_INFINITY;
    for (const c of this.crews) {
      const available = c.state === 'idle' || (c.state === 'toHome' && this.o.afterRepair !== 'home');
      if (!available) continue;
      const d = distanceM(c.positionAt(now), target);
      if (d < bestM) {
        best = c;
        bestM = d;
      }
    }
    return best;
  }

  private send(crew: Crew, job: RepairJob, now: number): void {
    job.dispatchedAtMs = now;
    job.crewId = crew.id;
    crew.job = job;
    crew.action.cancel(); // a crew on its way home turns round where it is
    if (!this.walk(crew, job.position, 'toJob', now)) this.arrive(crew, now);
  }

  /** Starts a walk to `to`; false (and no walk) if the crew is already there. */
  private walk(crew: Crew, to: Position, state: CrewState, now: number): boolean {
    const from = crew.positionAt(now);
    const travelMs = (distanceM(from, to) / this.o.walkSpeedMps) * 1000;
    if (!(travelMs > 0)) {
      crew.from = crew.to = to;
      crew.departMs = crew.arriveMs = now;
      return false;
    }
    crew.from = from;
    crew.to = to;
    crew.departMs = now;
    crew.arriveMs = now + travelMs;
    this.setState(crew, state, now);
    crew.action.schedule(undefined, travelMs);
    return true;
  }

  /** The crew's action: a walk or a repair ended. */
  private step(crew: Crew): void {
    const now = this.sim.now();
    if (crew.state === 'toJob') this.arrive(crew, now);
    else if (crew.state === 'repairing') this.repaired(crew, now);
    else {
      this.setState(crew, 'idle', now); // home
      this.dispatch();
    }
  }

  private arrive(crew: Crew, now: number): void {
    const job = crew.job!;
    job.arrivedAtMs = now;
    this.setState(crew, 'repairing', now);
    crew.action.schedule(undefined, Math.max(0, job.machine.drawRepairMs()));
  }

  private repaired(crew: Crew, now: number): void {
    const job = crew.job!;
    crew.job = null;
    this.setState(crew, 'idle', now);
    this.o.onRepaired(job, crew);
    const after = this.o.afterRepair;
    if (after === 'home') {
      if (!this.walk(crew, this.o.home, 'toHome', now)) this.dispatch(); // repaired at home
      return;
    }
    this.dispatch();
    if (after === 'nextJobOrHome' && crew.state === 'idle') this.walk(crew, this.o.home, 'toHome', now);
  }

  private setState(crew: Crew, state: CrewState, now: number): void {
    if (crew.state === state) return;
    const a = INDEX[crew.state];
    const b = INDEX[state];
    this.inState[a]!.set(now, --this.counts[a]!);
    this.inState[b]!.set(now, ++this.counts[b]!);
    crew.state = state;
  }

  resetKpis(atMs: number): void {
    for (const tw of this.inState) tw.reset(atMs);
  }

  /** Crew-time in each state from the last reset to `endMs` (crew·ms). */
  crewTimeMs(endMs: number): Record<CrewState, number> {
    return Object.fromEntries(CREW_STATES.map((s, i) => [s, this.inState[i]!.integral(endMs)])) as Record<
      CrewState,
      number
    >;
  }

  /** On-shift time of the crews in [startMs, endMs] (ms, per crew). */
  onShiftMs(startMs: number, endMs: number): number {
    const cal = this.o.calendar;
    if (cal === null) return endMs - startMs;
    let total = 0;
    for (let t = startMs; t < endMs; ) {
      const next = Math.min(cal.nextChangeMs(t), endMs);
      if (cal.isOnShift(t)) total += next - t;
      t = next;
    }
    return total;
  }
}

function distanceM(a: Position, b: Position): number {
  return Math.hypot(a.xM - b.xM, a.yM - b.yM);
}
