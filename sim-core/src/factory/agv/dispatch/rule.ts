// The AGV dispatch plug-in point: which idle vehicle takes a new request, and which pending request a freed
// vehicle takes. Station congestion control (which requests may go at all) stays the fleet's (fleet.ts).
import type { TransportRequest } from '../../transport';

/** What a rule sees of a vehicle. */
export interface DispatchVehicle {
  /** Position in the fleet (config order). */
  readonly index: number;
  readonly id: string;
  /** Standing without an order: it can take a request now. */
  readonly isParked: boolean;
  /** When it last became idle, ms. */
  readonly idleSinceMs: number;
  /** The node it stands at (or last left). */
  readonly node: number;
}

/** A request to move a part: pickup and drop nodes on the floor network. */
export interface DispatchTask {
  readonly req: TransportRequest;
  readonly fromNode: number;
  readonly toNode: number;
}

/** Nominal travel times on the floor network. */
export interface DispatchRouter {
  /** Shortest nominal travel time from node `from` to node `to`, s (Infinity when unreachable). */
  costS(from: number, to: number): number;
}

export interface DispatchRule {
  /** Task-initiated: which parked vehicle serves `task`; null when none may (or none is parked). */
  chooseVehicle(
    vehicles: readonly DispatchVehicle[],
    task: DispatchTask,
    router: DispatchRouter,
  ): DispatchVehicle | null;
  /**
   * Vehicle-initiated: which of `pending` (in arrival order) a vehicle at `node` takes, by index; -1 for
   * none. Only requests for which `eligible` holds may be taken. `inArrivalOrder`: no vehicle is in view
   * (node is -1: requests are being handed out to parked vehicles through `chooseVehicle`).
   */
  chooseTask(
    pending: readonly DispatchTask[],
    node: number,
    router: DispatchRouter,
    eligible: (task: DispatchTask) => boolean,
    inArrivalOrder: boolean,
  ): number;
}

export interface DispatchRuleContext {
  /** Vehicle ids in fleet order. */
  readonly vehicleIds: readonly string[];
}

/** Builds a fleet's dispatch rule, once, when the fleet is built. */
export type DispatchRuleFactory = (context: DispatchRuleContext) => DispatchRule;

/** The parked vehicle with the smallest `key`; ties: fleet order. */
export function parkedWithLeast(
  vehicles: readonly DispatchVehicle[],
  key: (v: DispatchVehicle) => number,
): DispatchVehicle | null {
  let best: DispatchVehicle | null = null;
  let bestKey = Number.POSITIVE_INFINITY;
  for (const v of vehicles) {
    if (!v.isParked) continue;
    const k = key(v);
    if (k < bestKey) {
      best = v;
      bestKey = k;
    }
  }
  return best;
}

/** The first eligible request (pending is in arrival order); -1 when none. */
export function firstEligible(
  pending: readonly DispatchTask[],
  eligible: (task: DispatchTask) => boolean,
): number {
  for (let i = 0; i < pending.length; i++) if (eligible(pending[i]!)) return i;
  return -1;
}
