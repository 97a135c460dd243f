import type { AgvDispatchRule } from './config';
import type { Router } from './routing';
import type { TransportTask, Vehicle } from './vehicle';

/** Which idle vehicle serves a new request (task-initiated dispatching); null when none is idle. */
export function chooseVehicle(
  rule: AgvDispatchRule,
  vehicles: readonly Vehicle[],
  task: TransportTask,
  router: Router,
): Vehicle | null {
  let best: Vehicle | null = null;
  let bestKey = Number.POSITIVE_INFINITY;
  for (const v of vehicles) {
    if (!v.isParked) continue;
    // fifo: idle the longest; otherwise: shortest travel time to the pickup. Ties: fleet order.
    const key = rule === 'fifo' ? v.idleSinceMs : router.costS(v.node, task.fromNode);
    if (key < bestKey) {
      best = v;
      bestKey = key;
    }
  }
  return best;
}

/**
 * Which eligible pending request a freed vehicle at `node` takes (vehicle-initiated); -1 when none.
 * `inArrivalOrder`: no vehicle in view (requests handed out to parked ones), nearestIdle takes the oldest.
 */
export function chooseTask(
  rule: AgvDispatchRule,
  pending: readonly TransportTask[],
  node: number,
  router: Router,
  eligible: (task: TransportTask) => boolean,
  inArrivalOrder = false,
): number {
  let best = -1;
  for (let i = 0; i < pending.length; i++) {
    if (!eligible(pending[i])) continue;
    if (rule === 'fifo' || (rule === 'nearestIdle' && inArrivalOrder)) return i; // pending is in arrival order
    const better =
      best < 0 ||
      (rule === 'priority'
        ? pending[i].req.priority > pending[best].req.priority
        : router.costS(node, pending[i].fromNode) < router.costS(node, pending[best].fromNode));
    if (better) best = i;
  }
  return best;
}
