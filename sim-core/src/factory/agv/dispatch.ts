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

/** Which pending request a freed vehicle at `node` takes (vehicle-initiated); -1 when none is pending. */
export function chooseTask(
  rule: AgvDispatchRule,
  pending: readonly TransportTask[],
  node: number,
  router: Router,
): number {
  if (pending.length === 0) return -1;
  if (rule === 'fifo') return 0; // pending is in arrival order
  let best = 0;
  for (let i = 1; i < pending.length; i++) {
    const better =
      rule === 'priority'
        ? pending[i].req.priority > pending[best].req.priority
        : router.costS(node, pending[i].fromNode) < router.costS(node, pending[best].fromNode);
    if (better) best = i;
  }
  return best;
}
