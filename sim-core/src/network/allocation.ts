// PRB allocation of one slot among backlogged flows: the shared rules (GBR pass, slice quotas, PRB caps,
// PDCCH places, logical-channel priority within a device); how contending demands are shared is the
// scheduler's (mac/schedulers/). Works on scratch fields of Flow / DeviceState, so a slot allocates nothing.
import { type DeviceState, tbBitsPerPrbSymbol } from './device';
import { ALL_SLICES, byPriorityKey, insertionSort } from './mac/order';
import type { MacScheduler, SlotGrants } from './mac/schedulers/scheduler';
import type { Flow } from './packet';
import { type Dir, UL } from './tdd-grid';

/** A slice's guaranteed PRBs of a slot: its share of the slot's budget, rounded down. */
function sliceQuota(share: number, budget: number): number {
  return Math.floor(share * budget);
}

/**
 * The slot toolkit of one cell and direction: begins a slot, runs the GBR pass and the slice quotas, and
 * hands the contended PRBs to its scheduler (`SlotGrants` is what the scheduler sees of it).
 */
export class SlotAllocator implements SlotGrants {
  /** Devices granted PRBs in the current slot, in grant order (the first `grantedCount`). */
  readonly granted: DeviceState[] = [];
  grantedCount = 0;
  opp = -1;
  tMs = 0;
  /** Unique mark of the current slot in device scratch (`grantMark`): devices are shared by all allocators. */
  mark = -1;
  slotsBegun = 0;
  private readonly subset: Flow[] = [];
  private readonly devices: DeviceState[] = [];
  private readonly hasServed: boolean;
  /** PRBs the GBR pass of this slot granted to flows of each slice (charged to the slice's quota). */
  private readonly gbrPrbsBySlice: number[] = [];

  constructor(
    private readonly scheduler: MacScheduler,
    readonly dir: Dir,
    readonly maxUesPerSlot: number,
    /** Class indices in logical-channel priority order. */
    private readonly lcpOrder: readonly number[],
    /** Shared by every allocator of the network: a counter, so a mark is never mistaken for another's. */
    private readonly marks: { value: number },
    /** PRBs of the carrier. */
    private readonly nPrb: number,
  ) {
    this.hasServed = scheduler.served !== undefined;
  }

  /** Whether the scheduler shares whole devices when there are no slices (else flow by flow). */
  get byDevice(): boolean {
    return this.scheduler.allocateDevices !== undefined;
  }

  begin(opp: number, tMs: number): void {
    this.opp = opp;
    this.mark = ++this.marks.value;
    this.slotsBegun++;
    this.tMs = tMs;
    this.grantedCount = 0;
    this.gbrPrbsBySlice.fill(0);
  }

  /**
   * Without slices, for a scheduler with `allocateDevices`: grants up to `budget` PRBs of an opportunity of
   * `symbols` symbols to the first `n` of `devices` (backlogged, schedulable, link quality fresh). Flow
   * demands are worked out only for the devices picked, so a saturated slot costs O(devices) plus the
   * grants, not a sort of every backlogged flow. Reorders `devices`. Returns the PRBs granted.
   */
  allocateDevices(devices: DeviceState[], n: number, budget: number, symbols: number): number {
    if (budget <= 0 || n === 0) return 0;
    // No place in the slot, and no device granted in the GBR pass that could take more.
    if (this.grantedCount === 0 && this.maxUesPerSlot <= 0) return 0;
    return this.scheduler.allocateDevices!(this, devices, n, budget, symbols);
  }

  /**
   * GBR pass, before the scheduler discipline: every backlogged GBR flow of `devices` gets the PRBs for
   * what its credit allows (its guaranteed rate since it was last served, up to the averaging window's
   * worth), in 5QI priority order (then earliest deadline). Returns the PRBs granted.
   */
  allocateGbr(
    devices: readonly DeviceState[],
    n: number,
    budget: number,
    symbols: number,
    sliceShares: readonly number[],
  ): number {
    const subset = this.subset;
    subset.length = 0;
    for (let i = 0; i < n; i++) {
      const d = devices[i]!;
      const q = d.quality[this.dir];
      const bitsPerPrb = tbBitsPerPrbSymbol(d, this.dir) * symbols;
      if (bitsPerPrb <= 0) continue;
      const flows = d.flows[this.dir];
      for (let j = 0; j < flows.length; j++) {
        const f = flows[j]!;
        const rate = f.profile.gbrBitsPerMs;
        if (rate === 0 || f.head === null) continue;
        // The bucket holds at least one PRB's worth, or a very low rate would never buy one.
        f.gbrCreditBits = Math.min(
          Math.max(f.profile.gbrBucketBits, bitsPerPrb),
          f.gbrCreditBits + rate * (this.tMs - f.gbrFilledAtMs),
        );
        f.gbrFilledAtMs = this.tMs;
        // Whole PRBs the credit pays for (the rest waits for more credit), or the whole queue if it fits.
        const prbs =
          f.bits <= f.gbrCreditBits
            ? Math.ceil(f.bits / bitsPerPrb)
            : Math.floor(f.gbrCreditBits / bitsPerPrb);
        if (prbs <= 0) continue;
        d.capPrb = this.dir === UL ? Math.min(this.nPrb, q.maxUsefulPrbs) : this.nPrb;
        f.needPrb = prbs;
        f.gbrPrb = 0;
        f.gbrMark = this.mark;
        subset.push(f);
      }
    }
    if (subset.length === 0 || budget <= 0) return 0;
    insertionSort(subset, byPriorityKey);
    let used = 0;
    const bySlice = this.gbrPrbsBySlice;
    // Flows outside every slice get what the slices' quotas leave.
    let unsliced = budget;
    for (let s = 0; s < sliceShares.length; s++) unsliced -= sliceQuota(sliceShares[s]!, budget);
    for (let i = 0; i < subset.length && used < budget; i++) {
      const f = subset[i]!;
      const s = f.sliceIndex;
      // Within a slice's own quota: the other slices' shares stay theirs (what they leave is lent later).
      const cap = Math.min(budget - used, s < 0 ? unsliced : this.sliceQuotaLeft(s, sliceShares[s]!, budget));
      if (cap <= 0) continue;
      const g = this.grantFlow(f, Math.min(f.needPrb, cap));
      f.gbrPrb = g;
      used += g;
      if (s >= 0) bySlice[s] = (bySlice[s] ?? 0) + g;
      else unsliced -= g;
    }
    return used;
  }

  /** PRBs of slice `slice`'s quota (`share` of `budget`) the GBR pass of this slot left for the discipline. */
  sliceQuotaLeft(slice: number, share: number, budget: number): number {
    return Math.max(0, sliceQuota(share, budget) - (this.gbrPrbsBySlice[slice] ?? 0));
  }

  /** PRBs the flow still wants in this slot after the GBR pass, for `bitsPerPrb` bits per PRB. */
  flowNeed(f: Flow, bitsPerPrb: number): number {
    const need = Math.max(1, Math.ceil(f.bits / bitsPerPrb));
    return f.gbrMark === this.mark ? Math.max(0, need - f.gbrPrb) : need;
  }

  /** The device's demand in this slot: PRBs per queued flow and in total (capped by its room). */
  prepare(d: DeviceState, symbols: number): void {
    const q = d.quality[this.dir];
    d.capPrb = this.dir === UL ? Math.min(this.nPrb, q.maxUsefulPrbs) : this.nPrb;
    const bitsPerPrb = tbBitsPerPrbSymbol(d, this.dir) * symbols;
    let need = 0;
    const flows = d.flows[this.dir];
    for (let i = 0; i < flows.length; i++) {
      const f = flows[i]!;
      f.grantPrb = 0;
      if (f.head === null) {
        f.needPrb = 0;
        continue;
      }
      f.needPrb = this.flowNeed(f, bitsPerPrb);
      need += f.needPrb;
    }
    d.needPrb = need;
  }

  /**
   * Grants up to `budget` PRBs to `candidates` (flows with `needPrb` > 0) of slice `slice` (-1: all).
   * Returns the PRBs granted.
   */
  allocate(candidates: readonly Flow[], count: number, slice: number, budget: number): number {
    if (budget <= 0) return 0;
    if (count === 1) {
      // One flow wanting PRBs: every discipline gives it what it needs (up to its room).
      const f = candidates[0]!;
      if (f.needPrb <= 0 || (slice !== ALL_SLICES && f.sliceIndex !== slice)) return 0;
      return this.grantFlow(f, Math.min(f.needPrb, budget));
    }
    const subset = this.subset;
    subset.length = 0;
    for (let i = 0; i < count; i++) {
      const f = candidates[i]!;
      if (f.needPrb > 0 && (slice === ALL_SLICES || f.sliceIndex === slice)) subset.push(f);
    }
    if (subset.length === 0) return 0;
    return this.scheduler.allocateFlows(this, subset, slice, budget);
  }

  devicesOf(flows: readonly Flow[]): DeviceState[] {
    const stamp = ++this.marks.value;
    const devices = this.devices;
    devices.length = 0;
    for (let fi = 0; fi < flows.length; fi++) {
      const f = flows[fi]!;
      const d = f.device;
      if (d.needMark !== stamp) {
        d.needMark = stamp;
        d.needPrb = 0;
        devices.push(d);
      }
      d.needPrb += f.needPrb;
    }
    return devices;
  }

  /** Equal shares among the served devices; a device needing less than its share returns the rest. */
  waterFill(devices: DeviceState[], slice: number, budget: number): number {
    // Only as many devices as can still be granted this slot share the PRBs (the rest would strand them).
    let k = 0;
    let fresh = 0;
    const room = this.maxUesPerSlot - this.grantedCount;
    for (let i = 0; i < devices.length; i++) {
      const d = devices[i]!;
      if (d.grantMark === this.mark) devices[k++] = d;
      else if (fresh < room) {
        fresh++;
        devices[k++] = d;
      }
    }
    devices.length = k;
    // Devices that want nothing more (served in the GBR pass, or at their PRB cap) take no share.
    let open = 0;
    for (let i = 0; i < k; i++) {
      const d = devices[i]!;
      d.needPrb = Math.min(d.needPrb, this.room(d));
      if (d.needPrb > 0) open++;
    }
    let remaining = budget;
    while (open > 0 && remaining > 0) {
      const share = Math.floor(remaining / open);
      if (share === 0) {
        // Fewer PRBs than devices: one each, in round-robin order.
        for (let di = 0; di < devices.length; di++) {
          const d = devices[di]!;
          if (remaining === 0) break;
          if (d.needPrb > 0) remaining -= this.grantDevice(d, slice, 1);
        }
        break;
      }
      let satisfied = false;
      for (let di = 0; di < devices.length; di++) {
        const d = devices[di]!;
        if (d.needPrb > 0 && d.needPrb <= share) {
          remaining -= this.grantDevice(d, slice, d.needPrb);
          d.needPrb = 0;
          open--;
          satisfied = true;
        }
      }
      if (satisfied) continue;
      for (let di = 0; di < devices.length; di++) {
        const d = devices[di]!;
        if (d.needPrb > 0) {
          const g = this.grantDevice(d, slice, share);
          d.needPrb -= g;
          remaining -= g;
        }
      }
      // Leftover below one share per device: one more PRB each, in round-robin order.
      for (let di = 0; di < devices.length; di++) {
        const d = devices[di]!;
        if (remaining === 0) break;
        if (d.needPrb > 0) {
          const g = this.grantDevice(d, slice, 1);
          d.needPrb -= g;
          remaining -= g;
        }
      }
      break;
    }
    return budget - remaining;
  }

  /** The device sent `bits` in its transport block of this slot. */
  recordServed(d: DeviceState, bits: number): void {
    d.lastServedOpp[this.dir] = this.opp;
    if (this.hasServed) this.scheduler.served!(this, d, bits);
  }

  canServe(d: DeviceState): boolean {
    return d.grantMark === this.mark || this.grantedCount < this.maxUesPerSlot;
  }

  room(d: DeviceState): number {
    return d.grantMark === this.mark ? d.capPrb - d.grantPrb : d.capPrb;
  }

  /** Gives a device up to `prbs`, spread over its flows of the slice in LCP order. */
  grantDevice(d: DeviceState, slice: number, prbs: number): number {
    let given = 0;
    const flows = d.flows[this.dir];
    const lcpOrder = this.lcpOrder;
    for (let i = 0; i < lcpOrder.length; i++) {
      if (given >= prbs) break;
      const f = flows[lcpOrder[i]!]!;
      if (f.needPrb <= 0 || (slice !== ALL_SLICES && f.sliceIndex !== slice)) continue;
      given += this.grantFlow(f, Math.min(f.needPrb, prbs - given));
    }
    return given;
  }

  grantFlow(f: Flow, prbs: number): number {
    const d = f.device;
    if (!this.canServe(d)) return 0;
    const g = Math.min(prbs, this.room(d));
    if (g <= 0) return 0;
    if (d.grantMark !== this.mark) {
      d.grantMark = this.mark;
      d.grantPrb = 0;
      this.granted[this.grantedCount++] = d;
    }
    d.grantPrb += g;
    f.needPrb -= g;
    f.grantPrb += g;
    return g;
  }
}
