// PRB allocation of one slot among backlogged flows: round robin, proportional fair, or 5QI priority.
// Works on scratch fields of Flow / DeviceState, so a slot allocates nothing.
import type { SchedulerKind } from './config';
import type { DeviceState } from './device';
import type { Flow } from './packet';
import { type Dir, UL } from './tdd-grid';

/** Averaging time of the proportional-fair throughput (assumption: a typical 100 ms window). */
export const PF_TIME_CONSTANT_MS = 100;
const ALL_SLICES = -1;
/** Step of the reference time of the scaled PF averages: exp(±300) stays far inside double range. */
const PF_REBASE_MS = 300 * PF_TIME_CONSTANT_MS;

/** Strict 5QI priority level, then earliest head-of-line deadline (eligible time + PDB), then ids. */
function byPriorityKey(a: Flow, b: Flow): number {
  return (
    a.profile.qos.priorityLevel - b.profile.qos.priorityLevel ||
    a.head!.eligibleAtMs +
      a.profile.qos.packetDelayBudgetMs -
      (b.head!.eligibleAtMs + b.profile.qos.packetDelayBudgetMs) ||
    a.device.index - b.device.index ||
    a.profile.index - b.profile.index
  );
}

/** A slice's guaranteed PRBs of a slot: its share of the slot's budget, rounded down. */
function sliceQuota(share: number, budget: number): number {
  return Math.floor(share * budget);
}

function byPfMetric(a: DeviceState, b: DeviceState): number {
  return b.pfMetric - a.pfMetric || a.index - b.index;
}

/** In-place stable sort; the lists are short (backlogged flows of one slot), where this beats Array.sort. */
function insertionSort<T>(a: T[], compare: (x: T, y: T) => number): void {
  for (let i = 1; i < a.length; i++) {
    const x = a[i];
    let j = i - 1;
    while (j >= 0 && compare(a[j], x) > 0) {
      a[j + 1] = a[j];
      j--;
    }
    a[j + 1] = x;
  }
}

export class SlotAllocator {
  /** Devices granted PRBs in the current slot, in grant order (the first `grantedCount`). */
  readonly granted: DeviceState[] = [];
  grantedCount = 0;
  private readonly subset: Flow[] = [];
  private readonly devices: DeviceState[] = [];
  private readonly byRoundRobin: (a: DeviceState, b: DeviceState) => number;
  private opp = -1;
  /** exp(-(tMs - marks.pfRefMs) / PF_TIME_CONSTANT_MS) of the current slot (NaN until needed). */
  private pfDecay = Number.NaN;
  /** Unique mark of the current slot in device scratch (`grantMark`): devices are shared by all allocators. */
  private mark = -1;
  private tMs = 0;
  /** Rotates the tie order of round robin, so leftover PRBs go round too. */
  private rotation = 0;
  /** PRBs the GBR pass of this slot granted to flows of each slice (charged to the slice's quota). */
  private readonly gbrPrbsBySlice: number[] = [];

  constructor(
    private readonly kind: SchedulerKind,
    private readonly dir: Dir,
    private readonly maxUesPerSlot: number,
    /** Class indices in logical-channel priority order. */
    private readonly lcpOrder: readonly number[],
    /** Devices in the network (device indices are below it). */
    private readonly deviceCount: number,
    /**
     * Shared by every allocator of the network: a counter, so a mark is never mistaken for another's, and
     * the reference time of the scaled proportional-fair averages.
     */
    private readonly marks: { value: number; pfRefMs: number },
    /** PRBs of the carrier. */
    private readonly nPrb: number,
  ) {
    // Least recently served first; ties in an order that rotates every slot.
    this.byRoundRobin = (a, b) => {
      const n = this.deviceCount;
      const r = this.rotation % n;
      return (
        a.lastServedOpp[this.dir] - b.lastServedOpp[this.dir] ||
        ((a.index + n - r) % n) - ((b.index + n - r) % n)
      );
    };
  }

  begin(opp: number, tMs: number): void {
    this.opp = opp;
    this.mark = ++this.marks.value;
    this.rotation++;
    this.tMs = tMs;
    this.pfDecay = Number.NaN;
    this.grantedCount = 0;
    this.gbrPrbsBySlice.fill(0);
  }

  /**
   * Round robin and proportional fair without slices: grants up to `budget` PRBs of an opportunity of
   * `symbols` symbols to the first `n` of `devices` (backlogged, schedulable, link quality fresh). Flow
   * demands are worked out only for the devices picked, so a saturated slot costs O(devices) plus the
   * grants, not a sort of every backlogged flow. Reorders `devices`. Returns the PRBs granted.
   */
  allocateDevices(devices: DeviceState[], n: number, budget: number, symbols: number): number {
    if (budget <= 0 || n === 0) return 0;
    // Devices the GBR pass already granted may take more without using up a place of the slot.
    const prior = this.grantedCount;
    const room = this.maxUesPerSlot - prior;
    if (room <= 0 && prior === 0) return 0;
    if (this.kind === 'proportionalFair') {
      for (let i = 0; i < n; i++) {
        const d = devices[i];
        d.pfMetric = d.quality[this.dir].bitsPerPrbSymbol / Math.max(1e-6, this.pfAverage(d));
      }
      // Greedy in metric order: the best remaining device each time (in saturation the first fills the slot).
      let used = 0;
      let left = n;
      let onlyGranted = false;
      while (used < budget && left > 0) {
        if (!onlyGranted && this.grantedCount >= this.maxUesPerSlot) {
          if (prior === 0) break;
          // Every place is taken: only devices granted in this slot can take more (moved to the front).
          let g = 0;
          for (let i = 0; i < left; i++) {
            const d = devices[i];
            if (d.grantMark !== this.mark) continue;
            devices[i] = devices[g];
            devices[g++] = d;
          }
          left = g;
          onlyGranted = true;
          continue;
        }
        let best = 0;
        for (let i = 1; i < left; i++) if (byPfMetric(devices[i], devices[best]) < 0) best = i;
        const d = devices[best];
        devices[best] = devices[--left];
        devices[left] = d;
        if (!this.canServe(d)) continue;
        this.prepare(d, symbols);
        used += this.grantDevice(d, ALL_SLICES, Math.min(d.needPrb, budget - used));
      }
      return used;
    }
    // Round robin: the devices already granted and the `room` least recently served others share the PRBs
    // (more could not be granted).
    const picked = this.devices;
    picked.length = 0;
    let fresh = n;
    if (prior > 0) {
      // Granted devices go to `picked`; the others to the front of `devices` (a permutation of it).
      fresh = 0;
      for (let i = 0; i < n; i++) {
        const d = devices[i];
        if (d.grantMark === this.mark) picked.push(d);
        else {
          devices[i] = devices[fresh];
          devices[fresh++] = d;
        }
      }
    }
    if (fresh <= room) for (let i = 0; i < fresh; i++) picked.push(devices[i]);
    else {
      for (let k = 0; k < room; k++) {
        let best = k;
        for (let i = k + 1; i < fresh; i++) if (this.byRoundRobin(devices[i], devices[best]) < 0) best = i;
        const d = devices[best];
        devices[best] = devices[k];
        devices[k] = d;
        picked.push(d);
      }
    }
    insertionSort(picked, this.byRoundRobin);
    for (let i = 0; i < picked.length; i++) this.prepare(picked[i], symbols);
    return this.waterFill(picked, ALL_SLICES, budget);
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
      const d = devices[i];
      const q = d.quality[this.dir];
      const bitsPerPrb = q.bitsPerPrbSymbol * symbols;
      if (bitsPerPrb <= 0) continue;
      const flows = d.flows[this.dir];
      for (let j = 0; j < flows.length; j++) {
        const f = flows[j];
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
    for (let s = 0; s < sliceShares.length; s++) unsliced -= sliceQuota(sliceShares[s], budget);
    for (let i = 0; i < subset.length && used < budget; i++) {
      const f = subset[i];
      const s = f.sliceIndex;
      // Within a slice's own quota: the other slices' shares stay theirs (what they leave is lent later).
      const cap = Math.min(budget - used, s < 0 ? unsliced : this.sliceQuotaLeft(s, sliceShares[s], budget));
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
  private prepare(d: DeviceState, symbols: number): void {
    const q = d.quality[this.dir];
    d.capPrb = this.dir === UL ? Math.min(this.nPrb, q.maxUsefulPrbs) : this.nPrb;
    const bitsPerPrb = q.bitsPerPrbSymbol * symbols;
    let need = 0;
    const flows = d.flows[this.dir];
    for (let i = 0; i < flows.length; i++) {
      const f = flows[i];
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
      // One flow wanting PRBs: every discipline gives it what it needs.
      const f = candidates[0];
      if (f.needPrb <= 0 || (slice !== ALL_SLICES && f.sliceIndex !== slice)) return 0;
      if (this.kind === 'priority') return this.grantFlow(f, Math.min(f.needPrb, budget));
      const d = f.device;
      return this.grantDevice(d, slice, Math.min(f.needPrb, budget, this.room(d)));
    }
    const subset = this.subset;
    subset.length = 0;
    for (let i = 0; i < count; i++) {
      const f = candidates[i];
      if (f.needPrb > 0 && (slice === ALL_SLICES || f.sliceIndex === slice)) subset.push(f);
    }
    if (subset.length === 0) return 0;
    if (this.kind === 'priority') return this.byPriority(subset, budget);
    return this.byDevice(subset, slice, budget);
  }

  private byPriority(subset: Flow[], budget: number): number {
    insertionSort(subset, byPriorityKey);
    let used = 0;
    for (let fi = 0; fi < subset.length; fi++) {
      const f = subset[fi];
      if (used >= budget) break;
      used += this.grantFlow(f, Math.min(f.needPrb, budget - used));
    }
    return used;
  }

  /** Round robin and proportional fair share PRBs among devices; each device fills its flows by LCP. */
  private byDevice(subset: Flow[], slice: number, budget: number): number {
    const stamp = ++this.marks.value;
    const devices = this.devices;
    devices.length = 0;
    for (let fi = 0; fi < subset.length; fi++) {
      const f = subset[fi];
      const d = f.device;
      if (d.needMark !== stamp) {
        d.needMark = stamp;
        d.needPrb = 0;
        devices.push(d);
      }
      d.needPrb += f.needPrb;
    }
    const dir = this.dir;
    if (this.kind === 'roundRobin') {
      insertionSort(devices, this.byRoundRobin);
      return this.waterFill(devices, slice, budget);
    }
    for (let i = 0; i < devices.length; i++) {
      const d = devices[i];
      d.pfMetric = d.quality[dir].bitsPerPrbSymbol / Math.max(1e-6, this.pfAverage(d));
    }
    insertionSort(devices, byPfMetric);
    let used = 0;
    for (let di = 0; di < devices.length; di++) {
      const d = devices[di];
      if (used >= budget) break;
      if (!this.canServe(d)) continue;
      used += this.grantDevice(d, slice, Math.min(d.needPrb, budget - used));
    }
    return used;
  }

  /** Equal shares among the served devices; a device needing less than its share returns the rest. */
  private waterFill(devices: DeviceState[], slice: number, budget: number): number {
    // Only as many devices as can still be granted this slot share the PRBs (the rest would strand them).
    let k = 0;
    let fresh = 0;
    const room = this.maxUesPerSlot - this.grantedCount;
    for (let i = 0; i < devices.length; i++) {
      const d = devices[i];
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
      const d = devices[i];
      d.needPrb = Math.min(d.needPrb, this.room(d));
      if (d.needPrb > 0) open++;
    }
    let remaining = budget;
    while (open > 0 && remaining > 0) {
      const share = Math.floor(remaining / open);
      if (share === 0) {
        // Fewer PRBs than devices: one each, in round-robin order.
        for (let di = 0; di < devices.length; di++) {
          const d = devices[di];
          if (remaining === 0) break;
          if (d.needPrb > 0) remaining -= this.grantDevice(d, slice, 1);
        }
        break;
      }
      let satisfied = false;
      for (let di = 0; di < devices.length; di++) {
        const d = devices[di];
        if (d.needPrb > 0 && d.needPrb <= share) {
          remaining -= this.grantDevice(d, slice, d.needPrb);
          d.needPrb = 0;
          open--;
          satisfied = true;
        }
      }
      if (satisfied) continue;
      for (let di = 0; di < devices.length; di++) {
        const d = devices[di];
        if (d.needPrb > 0) {
          const g = this.grantDevice(d, slice, share);
          d.needPrb -= g;
          remaining -= g;
        }
      }
      // Leftover below one share per device: one more PRB each, in round-robin order.
      for (let di = 0; di < devices.length; di++) {
        const d = devices[di];
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

  private pfAverage(d: DeviceState): number {
    const dir = this.dir;
    if (Number.isNaN(this.pfDecay)) {
      // Averages are kept as avg(t) · exp((t − ref) / τ), so a slot needs one exp, not one per device; the
      // reference moves forward in steps to keep the scaled values in range (rescaled lazily per device).
      const marks = this.marks;
      if (this.tMs - marks.pfRefMs > PF_REBASE_MS)
        marks.pfRefMs = Math.floor(this.tMs / PF_REBASE_MS) * PF_REBASE_MS;
      this.pfDecay = Math.exp(-(this.tMs - marks.pfRefMs) / PF_TIME_CONSTANT_MS);
    }
    const ref = this.marks.pfRefMs;
    if (d.pfScaleRefMs[dir] !== ref) {
      d.pfScaledBitsPerMs[dir] *= Math.exp(-(ref - d.pfScaleRefMs[dir]) / PF_TIME_CONSTANT_MS);
      d.pfScaleRefMs[dir] = ref;
    }
    return d.pfScaledBitsPerMs[dir] * this.pfDecay;
  }

  /** Feeds the bits a device sent into its proportional-fair average. */
  recordServed(d: DeviceState, bits: number): void {
    const dir = this.dir;
    d.lastServedOpp[dir] = this.opp;
    if (this.kind !== 'proportionalFair') return;
    d.pfScaledBitsPerMs[dir] = (this.pfAverage(d) + bits / PF_TIME_CONSTANT_MS) / this.pfDecay;
  }

  private canServe(d: DeviceState): boolean {
    return d.grantMark === this.mark || this.grantedCount < this.maxUesPerSlot;
  }

  private room(d: DeviceState): number {
    return d.grantMark === this.mark ? d.capPrb - d.grantPrb : d.capPrb;
  }

  /** Gives a device up to `prbs`, spread over its flows of the slice in LCP order. */
  private grantDevice(d: DeviceState, slice: number, prbs: number): number {
    let given = 0;
    const flows = d.flows[this.dir];
    const lcpOrder = this.lcpOrder;
    for (let i = 0; i < lcpOrder.length; i++) {
      if (given >= prbs) break;
      const f = flows[lcpOrder[i]];
      if (f.needPrb <= 0 || (slice !== ALL_SLICES && f.sliceIndex !== slice)) continue;
      given += this.grantFlow(f, Math.min(f.needPrb, prbs - given));
    }
    return given;
  }

  private grantFlow(f: Flow, prbs: number): number {
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
