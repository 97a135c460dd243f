// Proportional fair: devices ranked by instantaneous rate / average throughput (exponential average over
// PF_TIME_CONSTANT_MS), served greedily in that order.
import type { DeviceState } from '../../device';
import type { Flow } from '../../packet';
import type { Dir } from '../../tdd-grid';
import { ALL_SLICES, insertionSort } from '../order';
import type { MacScheduler, MacSchedulerContext, SlotGrants } from './scheduler';

/** Averaging time of the proportional-fair throughput (assumption: a typical 100 ms window). */
export const PF_TIME_CONSTANT_MS = 100;
/** Step of the reference time of the scaled PF averages: exp(±300) stays far inside double range. */
const PF_REBASE_MS = 300 * PF_TIME_CONSTANT_MS;

function byPfMetric(a: DeviceState, b: DeviceState): number {
  return b.pfMetric - a.pfMetric || a.index - b.index;
}

export class ProportionalFairScheduler implements MacScheduler {
  private readonly dir: Dir;
  private readonly shared: { pfRefMs: number };
  /** exp(-(tMs - shared.pfRefMs) / PF_TIME_CONSTANT_MS) of the slot marked `decayMark`. */
  private decay = Number.NaN;
  private decayMark = Number.NaN;

  constructor(context: MacSchedulerContext) {
    this.dir = context.dir;
    this.shared = context.shared;
  }

  /** Greedy in metric order: the best remaining device each time (in saturation the first fills the slot). */
  allocateDevices(
    slot: SlotGrants,
    devices: DeviceState[],
    n: number,
    budget: number,
    symbols: number,
  ): number {
    const prior = slot.grantedCount;
    for (let i = 0; i < n; i++) {
      const d = devices[i]!;
      d.pfMetric = d.quality[this.dir].bitsPerPrbSymbol / Math.max(1e-6, this.average(slot, d));
    }
    let used = 0;
    let left = n;
    let onlyGranted = false;
    while (used < budget && left > 0) {
      if (!onlyGranted && slot.grantedCount >= slot.maxUesPerSlot) {
        if (prior === 0) break;
        // Every place is taken: only devices granted in this slot can take more (moved to the front).
        let g = 0;
        for (let i = 0; i < left; i++) {
          const d = devices[i]!;
          if (d.grantMark !== slot.mark) continue;
          devices[i] = devices[g]!;
          devices[g++] = d;
        }
        left = g;
        onlyGranted = true;
        continue;
      }
      let best = 0;
      for (let i = 1; i < left; i++) if (byPfMetric(devices[i]!, devices[best]!) < 0) best = i;
      const d = devices[best]!;
      devices[best] = devices[--left]!;
      devices[left] = d;
      if (!slot.canServe(d)) continue;
      slot.prepare(d, symbols);
      used += slot.grantDevice(d, ALL_SLICES, Math.min(d.needPrb, budget - used));
    }
    return used;
  }

  allocateFlows(slot: SlotGrants, flows: Flow[], slice: number, budget: number): number {
    const devices = slot.devicesOf(flows);
    for (let i = 0; i < devices.length; i++) {
      const d = devices[i]!;
      d.pfMetric = d.quality[this.dir].bitsPerPrbSymbol / Math.max(1e-6, this.average(slot, d));
    }
    insertionSort(devices, byPfMetric);
    let used = 0;
    for (let di = 0; di < devices.length; di++) {
      const d = devices[di]!;
      if (used >= budget) break;
      if (!slot.canServe(d)) continue;
      used += slot.grantDevice(d, slice, Math.min(d.needPrb, budget - used));
    }
    return used;
  }

  /** Feeds the bits a device sent into its average. */
  served(slot: SlotGrants, d: DeviceState, bits: number): void {
    d.pfScaledBitsPerMs[this.dir] = (this.average(slot, d) + bits / PF_TIME_CONSTANT_MS) / this.decay;
  }

  private average(slot: SlotGrants, d: DeviceState): number {
    const dir = this.dir;
    const shared = this.shared;
    if (this.decayMark !== slot.mark) {
      // Averages are kept as avg(t) · exp((t − ref) / τ), so a slot needs one exp, not one per device; the
      // reference moves forward in steps to keep the scaled values in range (rescaled lazily per device).
      if (slot.tMs - shared.pfRefMs > PF_REBASE_MS)
        shared.pfRefMs = Math.floor(slot.tMs / PF_REBASE_MS) * PF_REBASE_MS;
      this.decay = Math.exp(-(slot.tMs - shared.pfRefMs) / PF_TIME_CONSTANT_MS);
      this.decayMark = slot.mark;
    }
    const ref = shared.pfRefMs;
    if (d.pfScaleRefMs[dir] !== ref) {
      d.pfScaledBitsPerMs[dir] *= Math.exp(-(ref - d.pfScaleRefMs[dir]) / PF_TIME_CONSTANT_MS);
      d.pfScaleRefMs[dir] = ref;
    }
    return d.pfScaledBitsPerMs[dir] * this.decay;
  }
}
