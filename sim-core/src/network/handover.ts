// Mobility and handover: where a device is (read at most every `locateIntervalMs`), its link geometry, its
// serving cell, and the A3 handover with time-to-trigger and a break-before-make interruption.
import type { Simulation } from '../engine/simulation';
import type { CellLink } from './cell-link';
import type { HandoverConfig } from './config';
import type { DeviceState } from './device';
import type { LinkBudget } from './link-budget';
import type { RadioEnvironment } from './radio-environment';
import { type Dir, DL, UL } from './tdd-grid';
import type { NetworkProbes } from './types';

/** Defaults when the scenario gives no handover parameters. */
export const DEFAULT_HANDOVER: HandoverConfig = {
  offsetDb: 3, // assumption: a common A3 offset
  timeToTriggerMs: 160, // one of the TS 38.331 timeToTrigger values, commonly used
  interruptionMs: 30, // assumption: Rel-15 break-before-make interruption of a few tens of ms
};

export interface MobilitySettings {
  /** Recompute a mobile device's link after it moved this far. */
  recomputeDistanceM: number;
  /** Read a mobile device's position at most this often. */
  locateIntervalMs: number;
}

/**
 * A3 event (TS 38.331 §5.5.4.4): neighbour `best` better than serving by the offset for time-to-trigger.
 * Tracks the time-to-trigger candidate on `dev`; true when the handover to `best` is due now.
 */
export function a3HandoverDue(dev: DeviceState, best: number, tMs: number, config: HandoverConfig): boolean {
  if (best !== dev.serving && dev.rsrpDbm[best]! > dev.rsrpDbm[dev.serving]! + config.offsetDb) {
    if (dev.tttCandidate !== best) {
      dev.tttCandidate = best;
      dev.tttStartMs = tMs;
    } else if (tMs - dev.tttStartMs >= config.timeToTriggerMs) return true;
  } else dev.tttCandidate = -1;
  return false;
}

/** Handovers since the last reset (in total, into and out of each cell), and their probe events. */
export class HandoverTally {
  count = 0;
  readonly intoCell: number[];
  readonly outOfCell: number[];

  constructor(
    private readonly env: RadioEnvironment,
    private readonly probes: Pick<NetworkProbes, 'handovers' | 'notable'>,
  ) {
    this.intoCell = env.cells.map(() => 0);
    this.outOfCell = env.cells.map(() => 0);
  }

  /** Counts `dev`'s handover from cell `from` to `target` at `tMs` and emits it on the probes. */
  record(dev: DeviceState, from: number, target: number, tMs: number, interruptionMs: number): void {
    this.count++;
    dev.stats.handovers++;
    this.outOfCell[from]!++;
    this.intoCell[target]!++;
    const fromCellId = this.env.cells[from]!.id;
    const toCellId = this.env.cells[target]!.id;
    if (this.probes.handovers.active)
      this.probes.handovers.emit({
        timeMs: tMs,
        deviceId: dev.id,
        endpointId: dev.endpointId,
        fromCellId,
        toCellId,
        interruptionMs,
      });
    if (this.probes.notable.active)
      this.probes.notable.emit({
        timeMs: tMs,
        kind: 'handover',
        subjectId: dev.id,
        detail: `${fromCellId} → ${toCellId}`,
      });
  }

  reset(): void {
    this.count = 0;
    this.intoCell.fill(0);
    this.outOfCell.fill(0);
  }
}

export class Handover {
  /** Handovers since the last reset. */
  readonly tally: HandoverTally;

  constructor(
    private readonly sim: Simulation,
    env: RadioEnvironment,
    private readonly budget: LinkBudget,
    private readonly link: (cell: number, dir: Dir) => CellLink,
    private readonly locate: (endpointId: string, timeMs: number) => { xM: number; yM: number } | undefined,
    private readonly config: HandoverConfig,
    private readonly mobility: MobilitySettings,
    probes: Pick<NetworkProbes, 'handovers' | 'notable'>,
  ) {
    this.tally = new HandoverTally(env, probes);
  }

  /** The device's first serving cell, when it first sends or receives. */
  attach(dev: DeviceState): void {
    if (dev.serving < 0) this.refreshLink(dev, this.sim.now());
  }

  /** Re-reads the device's position if due, recomputes its geometry after a move, and evaluates A3. */
  refreshLink(dev: DeviceState, tMs: number): void {
    if (dev.geomValid && (dev.fixed || tMs - dev.lastLocateMs < this.mobility.locateIntervalMs)) return;
    dev.lastLocateMs = tMs;
    const pos = this.locate(dev.endpointId, tMs);
    const x = pos?.xM ?? dev.config.xM;
    const y = pos?.yM ?? dev.config.yM;
    if (x === undefined || y === undefined)
      throw new Error(`Network: no position for endpoint '${dev.endpointId}' (device ${dev.id})`);
    if (!dev.geomValid || Math.hypot(x - dev.xM, y - dev.yM) >= this.mobility.recomputeDistanceM)
      this.budget.computeGeometry(dev, x, y);
    if (dev.serving < 0) {
      dev.serving = this.budget.bestCell(dev);
      return;
    }
    const best = this.budget.bestCell(dev);
    if (a3HandoverDue(dev, best, tMs, this.config)) this.execute(dev, best, tMs);
  }

  /** Moves the device to `target`: no data for the interruption; its queues follow it. */
  private execute(dev: DeviceState, target: number, tMs: number): void {
    const from = dev.serving;
    dev.serving = target;
    dev.tttCandidate = -1;
    dev.blockedUntilMs = tMs + this.config.interruptionMs;
    for (const dir of [UL, DL] as const) {
      if (dev.activeSlot[dir] < 0) continue;
      this.link(from, dir).removeBacklogged(dev);
      this.link(target, dir).addBacklogged(dev);
      this.link(target, dir).wake(dev.blockedUntilMs);
    }
    this.tally.record(dev, from, target, tMs, this.config.interruptionMs);
  }

  resetStats(): void {
    this.tally.reset();
  }
}
