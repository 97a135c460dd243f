// Where the devices are in flow fidelity: mobile devices with an active stream are located periodically;
// a move past the recompute distance gives them the geometry of their new grid point (geometry-grid.ts),
// and the A3 event (shared with the packet model) decides handovers. The host refreshes the flows.
import type { SimAction } from '../../engine/sim-action';
import type { Simulation } from '../../engine/simulation';
import type { HandoverConfig } from '../config';
import type { DeviceState } from '../device';
import { a3HandoverDue, type MobilitySettings } from '../handover';
import type { LinkBudget } from '../link-budget';
import { GeometryGrid } from './geometry-grid';

/** Mobile devices with an active stream are located this often (assumption: 30 cm at 1.5 m/s; the A3 time-to-trigger is met within one tick). */
export const FLOW_MOBILITY_TICK_MS = 200;

export type Locate = (endpointId: string, timeMs: number) => { xM: number; yM: number } | undefined;

export interface MobilityHost {
  /** `dev`'s link changed (a move, a handover): its streams need new distributions. */
  linkChanged(dev: DeviceState): void;
  /** A3 hands `dev` over to cell `target` at `tMs`. */
  handover(dev: DeviceState, target: number, tMs: number): void;
  /** Brings the flows to a consistent state after the changes. */
  settle(): void;
}

export class FlowMobility {
  /** Mobile devices with an active stream (located every tick), in the order they became active. */
  private readonly active = new Set<DeviceState>();
  private readonly geometry: GeometryGrid;
  private readonly action: SimAction<undefined>;
  private scheduled = false;

  constructor(
    private readonly sim: Simulation,
    private readonly budget: LinkBudget,
    private readonly locate: Locate,
    private readonly settings: MobilitySettings,
    private readonly handover: HandoverConfig,
    private readonly host: MobilityHost,
  ) {
    this.geometry = new GeometryGrid(budget);
    this.action = sim.action(() => this.tick(), { label: 'network mobility (flow)' });
  }

  /** Locates the device (at most every locateIntervalMs), recomputes its geometry after a move, runs A3. */
  refreshLink(dev: DeviceState, tMs: number): boolean {
    if (dev.geomValid && (dev.fixed || tMs - dev.lastLocateMs < this.settings.locateIntervalMs)) return false;
    dev.lastLocateMs = tMs;
    const pos = this.locate(dev.endpointId, tMs);
    const x = pos?.xM ?? dev.config.xM;
    const y = pos?.yM ?? dev.config.yM;
    if (x === undefined || y === undefined)
      throw new Error(`Network: no position for endpoint '${dev.endpointId}' (device ${dev.id})`);
    let changed = false;
    if (!dev.geomValid || Math.hypot(x - dev.xM, y - dev.yM) >= this.settings.recomputeDistanceM) {
      if (dev.fixed) this.budget.computeGeometry(dev, x, y);
      else this.geometry.place(dev, x, y);
      changed = true;
    }
    if (dev.serving < 0) {
      dev.serving = this.budget.bestCell(dev);
      return true;
    }
    // A3 event, as the packet model.
    const best = this.budget.bestCell(dev);
    if (a3HandoverDue(dev, best, tMs, this.handover)) {
      this.host.handover(dev, best, tMs);
      changed = true;
    }
    return changed;
  }

  /** `dev` has an active stream: located every tick from now on (fixed devices are located once). */
  track(dev: DeviceState): void {
    if (!dev.fixed) this.active.add(dev);
  }

  /** `dev` has no active stream any more. */
  untrack(dev: DeviceState): void {
    if (!dev.fixed) this.active.delete(dev);
  }

  schedule(): void {
    if (this.scheduled || this.active.size === 0) return;
    this.scheduled = true;
    this.action.schedule(undefined, FLOW_MOBILITY_TICK_MS);
  }

  private tick(): void {
    this.scheduled = false;
    const now = this.sim.now();
    for (const dev of this.active) if (this.refreshLink(dev, now)) this.host.linkChanged(dev);
    this.host.settle();
    this.schedule();
  }
}
