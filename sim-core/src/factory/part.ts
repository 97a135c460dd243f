import type { DistributionSpec } from '../engine/distributions';
import type { Station } from './buffer';

/** One operation of a product's routing, resolved against the factory. */
export interface Operation {
  readonly index: number;
  readonly name: string;
  readonly machineIds: ReadonlySet<string>;
  /** The distinct input stations of the eligible machines (where a part waits for this operation). */
  readonly stations: readonly Station[];
  /** Cycle time (ms) on `machineId`. */
  cycleTime(machineId: string): DistributionSpec;
}

export interface Product {
  readonly id: string;
  readonly operations: readonly Operation[];
  readonly sink: Station;
  /** Priority of its transport requests (higher is more urgent). */
  readonly transportPriority: number;
}

/** A work order: `quantity` parts released together, due at `dueMs`. */
export interface Order {
  readonly id: string;
  readonly releasedMs: number;
  readonly dueMs: number;
  /** Parts not yet completed or scrapped. */
  open: number;
}

/** A part (one unit of a product) travelling through the factory. */
export class Part {
  /** Operations done so far; `operations[opIndex]` is the next one. */
  opIndex = 0;
  /** The station the part is in, or null while in a machine or on a carrier. */
  station: Station | null = null;
  /** When it entered its current station or machine (for sojourn times). */
  enteredMs: number;
  /** Control-system bookkeeping: waiting for a free slot at one of its next stations. */
  waitingForSlot = false;
  /** Carries a latent defect (MachineConfig.defectProbability) not yet found and reworked. */
  defective = false;

  constructor(
    readonly id: number,
    readonly product: Product,
    readonly createdMs: number,
    readonly order: Order | null,
  ) {
    this.enteredMs = createdMs;
  }

  get finished(): boolean {
    return this.opIndex >= this.product.operations.length;
  }
}
