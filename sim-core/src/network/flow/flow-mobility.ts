// Where the devices are in flow fidelity. A mobile device with an active stream is looked at once per
// move: when it can first be the recompute distance from where its geometry was computed (asked of its
// motion, `movedByMs`), or when an A3 time-to-trigger runs out; without motion information, every
// FLOW_MOBILITY_TICK_MS. A move past the recompute distance gives it the geometry of its new grid point
// (geometry-grid.ts); the A3 event (shared with the packet model) decides handovers; the host refreshes
// the flows.
import type { SimAction } from '../../engine/sim-action';
import type { Simulation } from '../../engine/simulation';
import type { HandoverConfig } from '../config';
import type { DeviceState } from '../device';
import { a3HandoverDue, type MobilitySettings } from '../handover';
import type { LinkBudget } from '../link-budget';
import { GeometryGrid } from './geometry-grid';

/** Without motion information, mobile devices with an active stream are located this often (assumption: 30 cm at 1.5 m/s). */
export const FLOW_MOBILITY_TICK_MS = 200;
/** A move within this of the recompute distance counts as reaching it (the motion's own rounding). */
const DISTANCE_TOLERANCE_M = 1e-6;
/** Shortest distance waited for (a device turning a corner near the recompute circle looks again this far on). */
const MIN_STEP_M = 0.05;
/** Shortest wait between two looks at a device. */
const MIN_WAIT_MS = 1;

export type Locate = (endpointId: string, timeMs: number) => { xM: number; yM: number } | undefined;
/** ConnectivityContext.movedByMs: the earliest time the endpoint can be `distanceM` on from where it is at `timeMs`. */
export type MovedBy = (endpointId: string, timeMs: number, distanceM: number) => number | undefined;

export interface MobilityHost {
  /** `dev`'s link changed (a move, a handover): its streams need new distributions. */
  linkChanged(dev: DeviceState): void;
  /** A3 hands `dev` over to cell `target` at `tMs`. */
  handover(dev: DeviceState, target: number, tMs: number): void;
  /** Brings the flows to a consistent state after the changes. */
  settle(): void;
}

export class FlowMobility {
  private readonly geometry: GeometryGrid;
  /** Per device: its next look while tracked (created when first tracked). */
  private readonly looks: (SimAction<undefined> | undefined)[] = [];
  private readonly tracked: Uint8Array;
  /** Per device: where it was when its geometry was last computed, and where it was last located. */
  private readonly refXM: Float64Array;
  private readonly refYM: Float64Array;
  private readonly lastXM: Float64Array;
  private readonly lastYM: Float64Array;

  constructor(
    private readonly sim: Simulation,
    private readonly budget: LinkBudget,
    devices: number,
    private readonly locate: Locate,
    private readonly movedBy: MovedBy | undefined,
    private readonly settings: MobilitySettings,
    private readonly handover: HandoverConfig,
    private readonly host: MobilityHost,
  ) {
    this.geometry = new GeometryGrid(budget);
    this.tracked = new Uint8Array(devices);
    this.refXM = new Float64Array(devices).fill(Number.NaN);
    this.refYM = new Float64Array(devices).fill(Number.NaN);
    this.lastXM = new Float64Array(devices);
    this.lastYM = new Float64Array(devices);
  }

  /**
   * Locates the device (at most every locateIntervalMs unless `force`), recomputes its geometry after a
   * move past the recompute distance, runs A3; true when its link changed.
   */
  refreshLink(dev: DeviceState, tMs: number, force = false): boolean {
    if (dev.geomValid && (dev.fixed || (!force && tMs - dev.lastLocateMs < this.settings.locateIntervalMs)))
      return false;
    dev.lastLocateMs = tMs;
    const pos = this.locate(dev.endpointId, tMs);
    const x = pos?.xM ?? dev.config.xM;
    const y = pos?.yM ?? dev.config.yM;
    if (x === undefined || y === undefined)
      throw new Error(`Network: no position for endpoint '${dev.endpointId}' (device ${dev.id})`);
    const i = dev.index;
    this.lastXM[i] = x;
    this.lastYM[i] = y;
    let changed = false;
    const r = this.settings.recomputeDistanceM - DISTANCE_TOLERANCE_M;
    const dx = x - this.refXM[i];
    const dy = y - this.refYM[i];
    if (!dev.geomValid || !(dx * dx + dy * dy < r * r)) {
      if (dev.fixed) this.budget.computeGeometry(dev, x, y);
      else this.geometry.place(dev, x, y);
      this.refXM[i] = x;
      this.refYM[i] = y;
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

  /** `dev` has an active stream: looked at from now on, once per move (fixed devices are located once). */
  track(dev: DeviceState): void {
    if (dev.fixed || this.tracked[dev.index] === 1) return;
    this.tracked[dev.index] = 1;
    let look = this.looks[dev.index];
    if (look === undefined) {
      look = this.sim.action(() => this.look(dev), { label: `network mobility (flow) ${dev.id}` });
      this.looks[dev.index] = look;
    }
    // At once: it may have moved while nothing asked where it was.
    look.schedule(undefined, 0);
  }

  /** `dev` has no active stream any more. */
  untrack(dev: DeviceState): void {
    if (this.tracked[dev.index] === 0) return;
    this.tracked[dev.index] = 0;
    this.looks[dev.index]?.cancel();
  }

  private look(dev: DeviceState): void {
    const now = this.sim.now();
    // Located now already (the settle pass of a stream that just started): A3 ran then.
    if (this.refreshLink(dev, now, dev.lastLocateMs !== now)) this.host.linkChanged(dev);
    this.host.settle();
    if (this.tracked[dev.index] === 1) this.scheduleLook(dev);
  }

  /** The next look at `dev`: when it can first reach the recompute distance, or its time-to-trigger ends. */
  private scheduleLook(dev: DeviceState): void {
    const now = this.sim.now();
    const i = dev.index;
    let at = now + FLOW_MOBILITY_TICK_MS;
    if (this.movedBy !== undefined) {
      const dx = this.lastXM[i] - this.refXM[i];
      const dy = this.lastYM[i] - this.refYM[i];
      const left = Math.max(MIN_STEP_M, this.settings.recomputeDistanceM - Math.sqrt(dx * dx + dy * dy));
      // From where it was last located (at most locateIntervalMs ago): still a lower bound.
      const moved = this.movedBy(dev.endpointId, dev.lastLocateMs, left);
      if (moved !== undefined) at = moved;
    }
    // Just past the time-to-trigger, so that rounding of the event time cannot leave it a hair short.
    if (dev.tttCandidate >= 0) at = Math.min(at, dev.tttStartMs + this.handover.timeToTriggerMs + 1e-6);
    if (at === Number.POSITIVE_INFINITY) return;
    this.looks[i]!.schedule(undefined, Math.max(MIN_WAIT_MS, at - now));
  }
}
