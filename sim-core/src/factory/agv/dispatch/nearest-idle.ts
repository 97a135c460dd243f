// nearestIdle: a request goes to the parked AGV with the shortest travel time to the pickup; a freed AGV
// takes the pending request with the nearest pickup (ties: the older one).
import { type DispatchRule, firstEligible, parkedWithLeast } from './rule';

export const nearestIdle: DispatchRule = {
  chooseVehicle: (vehicles, task, router) =>
    parkedWithLeast(vehicles, (v) => router.costS(v.node, task.fromNode)),
  chooseTask(pending, node, router, eligible, inArrivalOrder) {
    if (inArrivalOrder) return firstEligible(pending, eligible);
    let best = -1;
    let bestCost = Number.POSITIVE_INFINITY;
    for (let i = 0; i < pending.length; i++) {
      if (!eligible(pending[i]!)) continue;
      const cost = router.costS(node, pending[i]!.fromNode);
      if (best < 0 || cost < bestCost) {
        best = i;
        bestCost = cost;
      }
    }
    return best;
  },
};
