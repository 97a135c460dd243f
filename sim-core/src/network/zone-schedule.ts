// Interference zones switching on and off by their schedules: one event per on/off boundary.
import type { Probe } from '../engine/probe';
import type { SimAction } from '../engine/sim-action';
import type { Simulation } from '../engine/simulation';
import { zoneActiveAt } from './coverage';
import type { ZoneState } from './link-budget';
import type { ZoneRadio } from './radio-environment';
import type { NetworkNotableEvent } from './types';

export class ZoneSchedule {
  /** Zone on/off flags and a counter bumped at every change (read by the link budget). */
  readonly state: ZoneState & { epoch: number };

  constructor(
    private readonly sim: Simulation,
    private readonly zones: readonly ZoneRadio[],
    private readonly notable: Probe<NetworkNotableEvent>,
  ) {
    this.state = { active: new Uint8Array(zones.length), epoch: 0 };
  }

  isActive(zone: number): boolean {
    return this.state.active[zone] === 1;
  }

  /** Sets each zone's state at the current time and schedules its first boundary. */
  start(): void {
    const now = this.sim.now();
    for (const z of this.zones) {
      this.state.active[z.index] = zoneActiveAt(z.config.schedule, now) ? 1 : 0;
      const action: SimAction<undefined> = this.sim.action<undefined>(() => this.boundary(z.index, action), {
        priority: -10, // before the slots of the same instant
        label: `interference zone ${z.id}`,
      });
      this.scheduleNext(z.index, action);
    }
  }

  private scheduleNext(zone: number, action: SimAction<undefined>): void {
    const now = this.sim.now();
    let next = Number.POSITIVE_INFINITY;
    for (const p of this.zones[zone]!.config.schedule ?? []) {
      if (p.startMs > now && p.startMs < next) next = p.startMs;
      if (p.endMs > now && p.endMs < next) next = p.endMs;
    }
    if (next < Number.POSITIVE_INFINITY) action.schedule(undefined, next - now);
  }

  private boundary(zone: number, action: SimAction<undefined>): void {
    const z = this.zones[zone]!;
    const now = this.sim.now();
    const active = zoneActiveAt(z.config.schedule, now) ? 1 : 0;
    if (active !== this.state.active[zone]) {
      this.state.active[zone] = active;
      this.state.epoch++;
      if (this.notable.active)
        this.notable.emit({
          timeMs: now,
          kind: active ? 'interferenceOn' : 'interferenceOff',
          subjectId: z.id,
          detail: `${z.config.powerDbm} dBm at (${z.config.xM}, ${z.config.yM})`,
        });
    }
    this.scheduleNext(zone, action);
  }
}
