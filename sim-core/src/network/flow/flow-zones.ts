// Interference zones in flow fidelity: one event per on/off boundary of each zone's schedule; a switch
// bumps the zone epoch (the link budget re-evaluates SINRs) and the host refreshes every flow.
import type { SimAction } from '../../engine/sim-action';
import type { Simulation } from '../../engine/simulation';
import { zoneActiveAt } from '../coverage';
import type { RadioEnvironment } from '../radio-environment';
import type { NetworkProbes } from '../types';

export class FlowZones {
  constructor(
    private readonly sim: Simulation,
    private readonly env: RadioEnvironment,
    private readonly state: { active: Uint8Array; epoch: number },
    private readonly probes: NetworkProbes,
    /** A zone switched: every flow needs a new distribution. */
    private readonly switched: () => void,
  ) {}

  /** Sets each zone's state now and schedules its next boundary. */
  start(): void {
    const now = this.sim.now();
    for (const z of this.env.zones) {
      this.state.active[z.index] = zoneActiveAt(z.config.schedule, now) ? 1 : 0;
      const action: SimAction<undefined> = this.sim.action<undefined>(() => this.boundary(z.index, action), {
        priority: -10,
        label: `interference zone ${z.id}`,
      });
      this.scheduleNext(z.index, action);
    }
  }

  private scheduleNext(zone: number, action: SimAction<undefined>): void {
    const now = this.sim.now();
    let next = Number.POSITIVE_INFINITY;
    for (const p of this.env.zones[zone]!.config.schedule ?? []) {
      if (p.startMs > now && p.startMs < next) next = p.startMs;
      if (p.endMs > now && p.endMs < next) next = p.endMs;
    }
    if (next < Number.POSITIVE_INFINITY) action.schedule(undefined, next - now);
  }

  private boundary(zone: number, action: SimAction<undefined>): void {
    const z = this.env.zones[zone]!;
    const now = this.sim.now();
    const active = zoneActiveAt(z.config.schedule, now) ? 1 : 0;
    if (active !== this.state.active[zone]) {
      this.state.active[zone] = active;
      this.state.epoch++;
      this.switched();
      if (this.probes.notable.active)
        this.probes.notable.emit({
          timeMs: now,
          kind: active ? 'interferenceOn' : 'interferenceOff',
          subjectId: z.id,
          detail: `${z.config.powerDbm} dBm at (${z.config.xM}, ${z.config.yM})`,
        });
    }
    this.scheduleNext(zone, action);
  }
}
