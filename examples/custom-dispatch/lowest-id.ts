// A custom AGV dispatch rule: a request goes to the parked vehicle with the lowest id (string order), near
// or far; a freed vehicle takes the first eligible request in arrival order. A plant that wants one
// "first" vehicle to do most of the work (the others as standbys) would use it. One file, one registration:
// once this module is imported (`--plugin examples/custom-dispatch/lowest-id.ts` on the command line, or an
// import in your own code), a scenario names it in `agvs.dispatch`.
import {
  type DispatchRule,
  type DispatchVehicle,
  dispatchRules,
  registerDispatchRule,
} from '@factory-twin/sim-core';

/** The name a scenario gives in `agvs.dispatch`. */
export const LOWEST_ID_DISPATCH = 'example.lowestId';

export const lowestId: DispatchRule = {
  chooseVehicle(vehicles) {
    let best: DispatchVehicle | null = null;
    for (const v of vehicles) if (v.isParked && (best === null || v.id < best.id)) best = v;
    return best;
  },
  chooseTask(pending, _node, _router, eligible) {
    for (let i = 0; i < pending.length; i++) if (eligible(pending[i])) return i;
    return -1;
  },
};

// The registration (a name taken twice is an error, so a second copy of this module keeps the first).
if (!dispatchRules.has(LOWEST_ID_DISPATCH)) registerDispatchRule(LOWEST_ID_DISPATCH, () => lowestId);
