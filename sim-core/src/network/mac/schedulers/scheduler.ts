// The MAC scheduler plug-in point: how the PRBs of one slot are shared among devices and flows. The shared
// rules (GBR pass, slice quotas, PRB caps, PDCCH places, LCP within a device) stay in allocation.ts.
import type { DeviceState } from '../../device';
import type { Flow } from '../../packet';
import type { Dir } from '../../tdd-grid';

/**
 * The slot being allocated (allocation.ts `SlotAllocator`): what a scheduler reads and the grants it makes.
 * Grants respect the device's PRB cap and the slot's `maxUesPerSlot` places by themselves.
 */
export interface SlotGrants {
  readonly dir: Dir;
  /** Opportunity index and start time of the slot. */
  readonly opp: number;
  readonly tMs: number;
  /** Unique per slot and allocator: `device.grantMark === mark` once the device is granted in this slot. */
  readonly mark: number;
  /** Slots this allocator has begun (1 for the first): e.g. to rotate a tie order. */
  readonly slotsBegun: number;
  readonly maxUesPerSlot: number;
  /** Devices granted so far in this slot. */
  readonly grantedCount: number;
  /** Whether the device may still be granted (already granted in this slot, or a place is left). */
  canServe(d: DeviceState): boolean;
  /** PRBs the device can still take in this slot (its cap minus what it has). */
  room(d: DeviceState): number;
  /** Works out the device's demand (`needPrb` of it and of its flows) for a slot of `symbols` symbols. */
  prepare(d: DeviceState, symbols: number): void;
  /** Gives a device up to `prbs`, spread over its flows of `slice` (-1: any) in LCP order; returns PRBs given. */
  grantDevice(d: DeviceState, slice: number, prbs: number): number;
  /** Gives one flow up to `prbs`; returns PRBs given. */
  grantFlow(f: Flow, prbs: number): number;
  /** Equal shares of `budget` among `devices` (in their order for leftovers); returns PRBs given. */
  waterFill(devices: DeviceState[], slice: number, budget: number): number;
  /** The devices of `flows`, each once, with `needPrb` = the sum of its flows' (a reused array). */
  devicesOf(flows: readonly Flow[]): DeviceState[];
}

/**
 * A MAC scheduling discipline for one cell and direction (ns-3's NrMacSchedulerTdma/Ofdma*, Simu5G's
 * scheduling_modules). Called once per slot with backlog, after the GBR pass; must not allocate per call
 * (the slot path runs tens of millions of times in an 8-hour run).
 */
export interface MacScheduler {
  /**
   * Without slices, whole devices at once: grants up to `budget` PRBs of a slot of `symbols` symbols among
   * the first `n` of `devices` (backlogged, schedulable, link quality fresh; demands not yet worked out:
   * call `slot.prepare` for the ones picked). May reorder `devices`. Without this method every slot goes
   * flow by flow through `allocateFlows`.
   */
  allocateDevices?(
    slot: SlotGrants,
    devices: DeviceState[],
    n: number,
    budget: number,
    symbols: number,
  ): number;
  /**
   * Flow by flow (slices, or a scheduler without `allocateDevices`): grants up to `budget` PRBs among
   * `flows` (two or more, each with `needPrb` > 0, all of `slice`, or of any slice when `slice` is -1; a
   * lone flow gets what it needs without asking). May reorder `flows`. Returns the PRBs granted.
   */
  allocateFlows(slot: SlotGrants, flows: Flow[], slice: number, budget: number): number;
  /** The device sent `bits` in its transport block of this slot (e.g. to update an average throughput). */
  served?(slot: SlotGrants, d: DeviceState, bits: number): void;
}

export interface MacSchedulerContext {
  readonly dir: Dir;
  /** Devices in the network (device indices are below it). */
  readonly deviceCount: number;
  readonly maxUesPerSlot: number;
  /** Shared by every scheduler of the network: the reference time of scaled averages (proportional fair). */
  readonly shared: { pfRefMs: number };
}

/** Builds the scheduler of one cell and direction, once, when the network is built. */
export type MacSchedulerFactory = (context: MacSchedulerContext) => MacScheduler;
