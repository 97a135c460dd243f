// Where the devices are in flow fidelity. Mobile devices with an active stream are looked at on a tick of
// FLOW_MOBILITY_TICK_MS, each only once it can have moved the recompute distance from where its geometry
// was computed (asked of its motion, `movedByMs`) or its A3 time-to-trigger has run out; without motion
// information, every tick; no tick while no device is due. A move past the recompute distance gives it the
// geometry of its new grid point (geometry-grid.ts); the A3 event (shared with the packet model) decides
// handovers, its L3 filter run exactly over the RSRP held between looks (`l3Hold`, which also starts the
// time-to-trigger at the instant the filtered neighbour crossed); the host refreshes the flows, once per tick.
import type { SimAction } from '../../engine/sim-action';
import type { Simulation } from '../../engine/simulation';
import type { HandoverConfig } from '../config';
import type { DeviceState } from '../device';
import { a3Target, type Locate, l3Hold, locateDevice, type MobilitySettings } from '../handover';
import type { LinkBudget } from '../link-budget';
import { MAX_SPEED_MPS } from '../link-model/fading-settings';
import { GeometryGrid } from './geometry-grid';

/** Mobile devices are looked at on this tick (assumption: 30 cm at 1.5 m/s; the A3 time-to-trigger is met within one tick). */
export const FLOW_MOBILITY_TICK_MS = 200;
/** A move within this of the recompute distance counts as reaching it (the motion's own rounding). */
const DISTANCE_TOLERANCE_M = 1e-6;
/** Shortest distance waited for (a device turning a corner near the recompute circle looks again this far on). */
const MIN_STEP_M = 0.05;

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
  private readonly action: SimAction<undefined>;
  /** When the tick is scheduled (Infinity: not). */
  private tickAtMs = Number.POSITIVE_INFINITY;
  /** Tracked devices (mobile, with an active stream), in the order they became tracked. */
  private readonly tracked = new Set<DeviceState>();
  /** Per device: the first tick at or after this looks at it. */
  private readonly dueMs: Float64Array;
  /** Per device: where it was when its geometry was last computed, and where it was last located. */
  private readonly refXM: Float64Array;
  private readonly refYM: Float64Array;
  /** Per device: when its geometry was last computed. */
  private readonly refTMs: Float64Array;
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
    /** Per device: its speed between its last two geometry points, written here (null: not wanted). */
    private readonly speedMps: Float64Array | null = null,
  ) {
    this.geometry = new GeometryGrid(budget);
    this.action = sim.action(() => this.tick(), { label: 'network mobility (flow)' });
    this.dueMs = new Float64Array(devices);
    this.refXM = new Float64Array(devices).fill(Number.NaN);
    this.refYM = new Float64Array(devices).fill(Number.NaN);
    this.refTMs = new Float64Array(devices);
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
    const { xM: x, yM: y } = locateDevice(dev, this.locate, tMs);
    const i = dev.index;
    this.lastXM[i] = x;
    this.lastYM[i] = y;
    let changed = false;
    // A tracked device (looked at once per metre, not at every packet as the packet model does): the filter up to
    // now on the RSRP held since the last look, before the geometry changes. A device without an active stream is
    // looked at when a message of its reaches the cell, when the packet model looks at it too: its filter takes
    // the new RSRP as the sample since the last look (a3Target), as there.
    if (this.tracked.has(dev)) l3Hold(dev, tMs, this.handover);
    const r = this.settings.recomputeDistanceM - DISTANCE_TOLERANCE_M;
    const dx = x - this.refXM[i]!;
    const dy = y - this.refYM[i]!;
    if (!dev.geomValid || !(dx * dx + dy * dy < r * r)) {
      if (dev.fixed) this.budget.computeGeometry(dev, x, y);
      else this.geometry.place(dev, x, y);
      // Speed between the last two geometry points (the fades' Doppler, flow-fading.ts; ASSUMPTION: held while
      // the device stands, until it next moves the recompute distance). Jumps above MAX_SPEED_MPS are teleports.
      if (this.speedMps !== null && tMs > this.refTMs[i]! && !Number.isNaN(this.refXM[i]!)) {
        const v = Math.sqrt(dx * dx + dy * dy) / ((tMs - this.refTMs[i]!) / 1000);
        this.speedMps[i] = v <= MAX_SPEED_MPS ? v : 0;
      }
      this.refTMs[i] = tMs;
      this.refXM[i] = x;
      this.refYM[i] = y;
      changed = true;
    }
    if (dev.serving < 0) {
      dev.serving = this.budget.bestCell(dev);
      return true;
    }
    // A3 event (L3-filtered with a filter coefficient), as the packet model.
    const target = a3Target(dev, this.budget.bestCell(dev), tMs, this.handover);
    if (target >= 0) {
      this.host.handover(dev, target, tMs);
      changed = true;
    }
    return changed;
  }

  /** `dev` has an active stream: looked at from the next tick on (fixed devices are located once). */
  track(dev: DeviceState): void {
    if (dev.fixed || this.tracked.has(dev)) return;
    this.tracked.add(dev);
    // At the next tick: it may have moved while nothing asked where it was.
    this.dueMs[dev.index] = this.sim.now();
    this.scheduleTick(this.sim.now());
  }

  /** `dev` has no active stream any more. */
  untrack(dev: DeviceState): void {
    // Its filter up to now, as the packet model's looks at each of its packets would have run it: a time-to-trigger
    // that started on the last stretch starts there (and the look at its next message can hand it over, as there).
    if (this.tracked.delete(dev)) l3Hold(dev, this.sim.now(), this.handover);
  }

  private tick(): void {
    this.tickAtMs = Number.POSITIVE_INFINITY;
    const now = this.sim.now();
    let next = Number.POSITIVE_INFINITY;
    for (const dev of this.tracked) {
      const i = dev.index;
      if (this.dueMs[i]! <= now) {
        if (this.refreshLink(dev, now, true)) this.host.linkChanged(dev);
        this.dueMs[i] = this.nextLookMs(dev, now);
      }
      if (this.dueMs[i]! < next) next = this.dueMs[i]!;
    }
    this.host.settle();
    this.scheduleTick(next);
  }

  /** The tick at or after `atMs` (on the tick grid from now), unless an earlier one is scheduled. */
  private scheduleTick(atMs: number): void {
    if (this.tracked.size === 0 || atMs === Number.POSITIVE_INFINITY) return;
    const now = this.sim.now();
    const delay = Math.max(1, Math.ceil((atMs - now) / FLOW_MOBILITY_TICK_MS - 1e-9)) * FLOW_MOBILITY_TICK_MS;
    if (now + delay >= this.tickAtMs) return;
    this.tickAtMs = now + delay;
    this.action.schedule(undefined, delay);
  }

  /** When `dev` needs its next look: it can first reach the recompute distance, or its time-to-trigger ends. */
  private nextLookMs(dev: DeviceState, now: number): number {
    if (this.movedBy === undefined) return now;
    const i = dev.index;
    const dx = this.lastXM[i]! - this.refXM[i]!;
    const dy = this.lastYM[i]! - this.refYM[i]!;
    const left = Math.max(MIN_STEP_M, this.settings.recomputeDistanceM - Math.sqrt(dx * dx + dy * dy));
    let at = this.movedBy(dev.endpointId, dev.lastLocateMs, left) ?? now;
    if (dev.tttCandidate >= 0) at = Math.min(at, dev.tttStartMs + this.handover.timeToTriggerMs);
    return at;
  }
}
