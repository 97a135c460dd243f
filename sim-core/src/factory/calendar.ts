import type { Simulation } from '../engine/simulation';
import type { CalendarConfig } from './config';

/**
 * Shifts and breaks: the plant works while (t mod cycleMs) lies in one of the periods [startMs, endMs).
 * Gaps between periods are breaks or off-shift time. One reusable action fires at each change only.
 */
export class Calendar {
  /** Phases (in [0, cycleMs)) where the on-shift status flips, with the status from there on. */
  private readonly flips: { phaseMs: number; onShift: boolean }[] = [];

  constructor(readonly config: CalendarConfig) {
    const { cycleMs, periods } = config;
    if (!(cycleMs > 0) || !Number.isFinite(cycleMs))
      throw new RangeError(`calendar: cycleMs must be > 0, got ${cycleMs}`);
    for (const p of periods) {
      if (!(p.startMs >= 0 && p.startMs < p.endMs && p.endMs <= cycleMs)) {
        throw new RangeError(
          `calendar: a period needs 0 <= startMs < endMs <= cycleMs, got [${p.startMs}, ${p.endMs})`,
        );
      }
    }
    const boundaries = [...new Set(periods.flatMap((p) => [p.startMs, p.endMs % cycleMs]))].sort(
      (a, b) => a - b,
    );
    const status = boundaries.map((b) => this.isOnShift(b));
    boundaries.forEach((b, i) => {
      if (status[i] !== status[(i + boundaries.length - 1) % boundaries.length]) {
        this.flips.push({ phaseMs: b, onShift: status[i]! });
      }
    });
  }

  isOnShift(timeMs: number): boolean {
    const phase = ((timeMs % this.config.cycleMs) + this.config.cycleMs) % this.config.cycleMs;
    return this.config.periods.some((p) => p.startMs <= phase && phase < p.endMs);
  }

  /** The first time after `timeMs` at which the status flips (Infinity if it never does). */
  nextChangeMs(timeMs: number): number {
    if (this.flips.length === 0) return Number.POSITIVE_INFINITY;
    const { cycleMs } = this.config;
    const base = Math.floor(timeMs / cycleMs) * cycleMs;
    const phase = timeMs - base;
    for (const f of this.flips) if (f.phaseMs > phase) return base + f.phaseMs;
    return base + cycleMs + this.flips[0]!.phaseMs;
  }

  /** Calls `onChange` at every flip from now on. */
  start(sim: Simulation, onChange: (onShift: boolean, timeMs: number) => void): void {
    const next = this.nextChangeMs(sim.now());
    if (next === Number.POSITIVE_INFINITY) return;
    const action = sim.action(
      () => {
        const now = sim.now();
        onChange(this.isOnShift(now), now);
        action.schedule(undefined, this.nextChangeMs(now) - now);
      },
      { label: 'shift change' },
    );
    action.schedule(undefined, next - sim.now());
  }
}
