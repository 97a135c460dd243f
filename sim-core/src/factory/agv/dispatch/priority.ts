// priority: the pending request with the highest `transportPriority` of its product first (ties: the older
// one); a request goes to the nearest parked AGV.
import { type DispatchRule, parkedWithLeast } from './rule';

export const priority: DispatchRule = {
  chooseVehicle: (vehicles, task, router) =>
    parkedWithLeast(vehicles, (v) => router.costS(v.node, task.fromNode)),
  chooseTask(pending, _node, _router, eligible) {
    let best = -1;
    for (let i = 0; i < pending.length; i++) {
      if (!eligible(pending[i]!)) continue;
      if (best < 0 || pending[i]!.req.priority > pending[best]!.req.priority) best = i;
    }
    return best;
  },
};
