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

/**
 * The handover before issue 18 (select with `handover: LEGACY_HANDOVER`, scenario `handover.preset: 'legacy'`):
 * A3 on the raw RSRP, no hysteresis, time-to-trigger 160 ms. It ping-pongs on InF shadowing (handover-l3.test.ts).
 */
export const LEGACY_HANDOVER: HandoverConfig = {
  offsetDb: 3, // assumption: a common A3 offset
  timeToTriggerMs: 160, // one of the TS 38.331 timeToTrigger values, commonly used
  interruptionMs: 30, // assumption: Rel-15 break-before-make interruption of a few tens of ms
};

/**
 * What a radio planner would set against ping-pong (the default): A3 offset 3 dB, hysteresis 3 dB,
 * time-to-trigger 1280 ms (a TS 38.331 timeToTrigger value), L3 filter fc11 (a = 0.15 per 200 ms, a time constant
 * of about 1.2 s). ASSUMPTION, tuned on InF shadowing: an AGV at 2 m/s between two gNBs 200 m apart hands over
 * once in 12 of 12 seeds (640 ms: 11; fc4, hysteresis 2 dB, 320 ms: 8; the legacy settings: 2) (handover-l3.test.ts).
 */
export const PLANNER_HANDOVER: HandoverConfig = {
  offsetDb: 3,
  timeToTriggerMs: 1280,
  interruptionMs: 30,
  hysteresisDb: 3,
  filterCoefficient: 11,
};

/** Handover settings by preset name (scenario `handover.preset`). */
export const HANDOVER_PRESETS = { planner: PLANNER_HANDOVER, legacy: LEGACY_HANDOVER } as const;
export type HandoverPreset = keyof typeof HANDOVER_PRESETS;

/** Defaults when the network config gives no handover parameters: the planner's (issue 18; was LEGACY_HANDOVER). */
export const DEFAULT_HANDOVER: HandoverConfig = PLANNER_HANDOVER;

/**
 * A handover back to the previous cell within this long is a ping-pong. ASSUMPTION: 5 s, the window of the
 * plant analysis behind this model (10 m at AGV speed, the InF shadowing decorrelation distance); TR 36.839
 * uses a 1 s minimum time of stay for vehicular speeds.
 */
export const DEFAULT_PING_PONG_WINDOW_MS = 5000;

/**
 * Sample period the filter coefficient assumes: one L1 measurement period, ASSUMPTION 200 ms (TS 38.133 order of
 * magnitude for intra-frequency SSB measurements without DRX). Samples at other spacings use
 * a_eff = 1 − (1 − a)^(Δt / 200 ms), which keeps the filter's time constant (TS 38.331 §5.5.3.2 asks for that).
 */
export const L3_SAMPLE_PERIOD_MS = 200;

/** Where an endpoint is at a time (undefined: it does not know; the device's configured position stands). */
export type Locate = (endpointId: string, timeMs: number) => { xM: number; yM: number } | undefined;

/** Where `dev` is at `tMs`: its endpoint's position, else the device's configured one. */
export function locateDevice(dev: DeviceState, locate: Locate, tMs: number): { xM: number; yM: number } {
  const pos = locate(dev.endpointId, tMs);
  if (pos !== undefined) return pos;
  const { xM, yM } = dev.config;
  if (xM === undefined || yM === undefined)
    throw new Error(`Network: no position for endpoint '${dev.endpointId}' (device ${dev.id})`);
  return { xM, yM };
}

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
  return a3Due(dev, dev.rsrpDbm, best, tMs, config);
}

/** A3 on measurements `m` (dBm per cell): Mn − Hys > Mp + Off held for time-to-trigger (TS 38.331 §5.5.4.4). */
function a3Due(
  dev: DeviceState,
  m: ArrayLike<number>,
  best: number,
  tMs: number,
  config: HandoverConfig,
): boolean {
  const hys = config.hysteresisDb ?? 0;
  if (best !== dev.serving && m[best]! - hys > m[dev.serving]! + config.offsetDb) {
    if (dev.tttCandidate !== best) {
      dev.tttCandidate = best;
      dev.tttStartMs = tMs;
    } else if (tMs - dev.tttStartMs >= config.timeToTriggerMs) return true;
  } else dev.tttCandidate = -1;
  return false;
}

/**
 * The cell `dev` hands over to at `tMs`, or -1: with a filter coefficient, A3 on the L3-filtered RSRP (updated
 * here with the current RSRP as its sample, TS 38.331 §5.5.3.2) and its best cell; without, `a3HandoverDue`.
 */
export function a3Target(dev: DeviceState, bestRaw: number, tMs: number, config: HandoverConfig): number {
  const k = config.filterCoefficient ?? 0;
  if (k === 0) return a3HandoverDue(dev, bestRaw, tMs, config) ? bestRaw : -1;
  const f = dev.l3RsrpDbm;
  if (Number.isNaN(dev.l3AtMs)) {
    f.set(dev.rsrpDbm);
    dev.l3AtMs = tMs;
  } else l3Advance(dev, tMs, k);
  let best = 0;
  for (let i = 1; i < f.length; i++) if (f[i]! > f[best]!) best = i;
  return a3Due(dev, f, best, tMs, config) ? best : -1;
}

/** Advances `dev`'s L3 filter (coefficient `k`) to `tMs` with its current RSRP as the sample (TS 38.331 §5.5.3.2). */
function l3Advance(dev: DeviceState, tMs: number, k: number): void {
  if (!(tMs > dev.l3AtMs)) return;
  const f = dev.l3RsrpDbm;
  const m = dev.rsrpDbm;
  const a = 1 - (1 - 2 ** (-k / 4)) ** ((tMs - dev.l3AtMs) / L3_SAMPLE_PERIOD_MS);
  for (let i = 0; i < f.length; i++) f[i]! += a * (m[i]! - f[i]!);
  dev.l3AtMs = tMs;
}

/**
 * Brings `dev`'s L3 filter up to `tMs` on the RSRP it has had since the filter's last update (exact for a
 * piecewise-constant RSRP), for a device looked at only now and then (flow fidelity: once per metre, or when its
 * time-to-trigger ends); call it before its geometry changes, so the new RSRP is not back-dated to the last look.
 * When the A3 entering condition starts to hold for the best filtered neighbour on the way, its time-to-trigger
 * starts at that instant (the filter is an exponential between looks, so the crossing is solved for), not at the look.
 */
export function l3Hold(dev: DeviceState, tMs: number, config: HandoverConfig): void {
  const k = config.filterCoefficient ?? 0;
  if (k === 0 || Number.isNaN(dev.l3AtMs) || !(tMs > dev.l3AtMs) || dev.serving < 0) return;
  const f = dev.l3RsrpDbm;
  const s = dev.serving;
  const t0 = dev.l3AtMs;
  // Filtered margin of each neighbour over the A3 threshold at t0 is f[n] − f[s] − hys − off; only the best one's is needed.
  const f0s = f[s]!;
  const f0 = f.slice();
  l3Advance(dev, tMs, k);
  let best = 0;
  for (let i = 1; i < f.length; i++) if (f[i]! > f[best]!) best = i;
  if (best === s || dev.tttCandidate === best) return;
  const thr = (config.hysteresisDb ?? 0) + config.offsetDb;
  const d0 = f0[best]! - f0s - thr;
  const d1 = f[best]! - f[s]! - thr;
  const dm = dev.rsrpDbm[best]! - dev.rsrpDbm[s]! - thr;
  if (!(d0 <= 0 && d1 > 0)) return;
  // D(t0 + Δ) = Dm + (D0 − Dm)·(1 − a)^(Δ / L3_SAMPLE_PERIOD_MS) = 0.
  const onsetMs = t0 + (L3_SAMPLE_PERIOD_MS * Math.log(dm / (dm - d0))) / Math.log(1 - 2 ** (-k / 4));
  dev.tttCandidate = best;
  dev.tttStartMs = Math.min(tMs, Math.max(t0, onsetMs));
}

/** Handovers since the last reset (in total, into and out of each cell), and their probe events. */
export class HandoverTally {
  count = 0;
  /** Handovers back to the cell the device left less than `pingPongWindowMs` before. */
  pingPongs = 0;
  readonly intoCell: number[];
  readonly outOfCell: number[];

  constructor(
    private readonly env: RadioEnvironment,
    private readonly probes: Pick<NetworkProbes, 'handovers' | 'notable'>,
    private readonly pingPongWindowMs = DEFAULT_PING_PONG_WINDOW_MS,
  ) {
    this.intoCell = env.cells.map(() => 0);
    this.outOfCell = env.cells.map(() => 0);
  }

  /** Counts `dev`'s handover from cell `from` to `target` at `tMs` and emits it on the probes. */
  record(dev: DeviceState, from: number, target: number, tMs: number, interruptionMs: number): void {
    this.count++;
    if (target === dev.lastHandoverFrom && tMs - dev.lastHandoverMs < this.pingPongWindowMs) this.pingPongs++;
    dev.lastHandoverFrom = from;
    dev.lastHandoverMs = tMs;
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
    this.pingPongs = 0;
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
    private readonly locate: Locate,
    private readonly config: HandoverConfig,
    private readonly mobility: MobilitySettings,
    probes: Pick<NetworkProbes, 'handovers' | 'notable'>,
  ) {
    this.tally = new HandoverTally(env, probes, config.pingPongWindowMs);
  }

  /** The device's first serving cell, when it first sends or receives. */
  attach(dev: DeviceState): void {
    if (dev.serving < 0) this.refreshLink(dev, this.sim.now());
  }

  /** Re-reads the device's position if due, recomputes its geometry after a move, and evaluates A3. */
  refreshLink(dev: DeviceState, tMs: number): void {
    if (dev.geomValid && (dev.fixed || tMs - dev.lastLocateMs < this.mobility.locateIntervalMs)) return;
    dev.lastLocateMs = tMs;
    const { xM: x, yM: y } = locateDevice(dev, this.locate, tMs);
    if (!dev.geomValid || Math.hypot(x - dev.xM, y - dev.yM) >= this.mobility.recomputeDistanceM)
      this.budget.computeGeometry(dev, x, y);
    if (dev.serving < 0) {
      dev.serving = this.budget.bestCell(dev);
      return;
    }
    const target = a3Target(dev, this.budget.bestCell(dev), tMs, this.config);
    if (target >= 0) this.execute(dev, target, tMs);
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
