// Round robin: the least recently served devices share the PRBs equally (water-filling); ties in an order
// that rotates every slot, so leftover PRBs go round too.
import type { DeviceState } from '../../device';
import type { Flow } from '../../packet';
import type { Dir } from '../../tdd-grid';
import { ALL_SLICES, insertionSort } from '../order';
import type { MacScheduler, MacSchedulerContext, SlotGrants } from './scheduler';

export class RoundRobinScheduler implements MacScheduler {
  private readonly dir: Dir;
  private readonly deviceCount: number;
  private readonly picked: DeviceState[] = [];
  /** The slot's rotation of the tie order (slots begun). */
  private rotation = 0;
  /** Least recently served first; ties in an order that rotates every slot. */
  private readonly byRoundRobin: (a: DeviceState, b: DeviceState) => number;

  constructor(context: MacSchedulerContext) {
    this.dir = context.dir;
    this.deviceCount = Math.max(1, context.deviceCount);
    this.byRoundRobin = (a, b) => {
      const n = this.deviceCount;
      const r = this.rotation % n;
      return (
        a.lastServedOpp[this.dir] - b.lastServedOpp[this.dir] ||
        ((a.index + n - r) % n) - ((b.index + n - r) % n)
      );
    };
  }

  /**
   * The devices already granted (GBR pass) and the `room` least recently served others share the PRBs (more
   * could not be granted); flow demands are worked out only for those picked.
   */
  allocateDevices(
    slot: SlotGrants,
    devices: DeviceState[],
    n: number,
    budget: number,
    symbols: number,
  ): number {
    this.rotation = slot.slotsBegun;
    const prior = slot.grantedCount;
    const room = slot.maxUesPerSlot - prior;
    const picked = this.picked;
    picked.length = 0;
    let fresh = n;
    if (prior > 0) {
      // Granted devices go to `picked`; the others to the front of `devices` (a permutation of it).
      fresh = 0;
      for (let i = 0; i < n; i++) {
        const d = devices[i]!;
        if (d.grantMark === slot.mark) picked.push(d);
        else {
          devices[i] = devices[fresh]!;
          devices[fresh++] = d;
        }
      }
    }
    if (fresh <= room) for (let i = 0; i < fresh; i++) picked.push(devices[i]!);
    else {
      for (let k = 0; k < room; k++) {
        let best = k;
        for (let i = k + 1; i < fresh; i++) if (this.byRoundRobin(devices[i]!, devices[best]!) < 0) best = i;
        const d = devices[best]!;
        devices[best] = devices[k]!;
        devices[k] = d;
        picked.push(d);
      }
    }
    insertionSort(picked, this.byRoundRobin);
    for (let i = 0; i < picked.length; i++) slot.prepare(picked[i]!, symbols);
    return slot.waterFill(picked, ALL_SLICES, budget);
  }

  allocateFlows(slot: SlotGrants, flows: Flow[], slice: number, budget: number): number {
    this.rotation = slot.slotsBegun;
    const devices = slot.devicesOf(flows);
    insertionSort(devices, this.byRoundRobin);
    return slot.waterFill(devices, slice, budget);
  }
}
