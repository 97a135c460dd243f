/** What an AGV is doing, for KPIs (time shares) and for the viewer. */
export const AGV_STATES = [
  'idle', // parked without an order
  'movingEmpty',
  'movingLoaded',
  'waitingTraffic', // standing, waiting for the traffic control to free the next node
  'loadUnload',
  'charging',
  'stopped', // network safety stop: motion-control stream past its survival time
] as const;

export type AgvState = (typeof AGV_STATES)[number];

const STATE_INDEX = new Map<AgvState, number>(AGV_STATES.map((s, i) => [s, i]));

/** Time spent in each state, accumulated on transitions (nothing per event otherwise). */
export class StateClock {
  private readonly totalsMs = new Float64Array(AGV_STATES.length);
  private stateIndex: number;
  private sinceMs: number;

  constructor(initial: AgvState, atMs: number) {
    this.stateIndex = STATE_INDEX.get(initial)!;
    this.sinceMs = atMs;
  }

  get state(): AgvState {
    return AGV_STATES[this.stateIndex]!;
  }

  /** Switches state at `atMs`; returns false when the state is unchanged. */
  enter(state: AgvState, atMs: number): boolean {
    const index = STATE_INDEX.get(state)!;
    if (index === this.stateIndex) return false;
    this.totalsMs[this.stateIndex]! += atMs - this.sinceMs;
    this.stateIndex = index;
    this.sinceMs = atMs;
    return true;
  }

  /** Forgets all time before `atMs` (warm-up exclusion). */
  reset(atMs: number): void {
    this.totalsMs.fill(0);
    this.sinceMs = atMs;
  }

  /** Time per state up to `atMs`, including the state in progress. */
  totals(atMs: number): Record<AgvState, number> {
    const out = {} as Record<AgvState, number>;
    AGV_STATES.forEach((s, i) => {
      out[s] = this.totalsMs[i]! + (i === this.stateIndex ? Math.max(0, atMs - this.sinceMs) : 0);
    });
    return out;
  }
}
