// fifo: requests in arrival order; a request goes to the AGV parked the longest.
import { type DispatchRule, firstEligible, parkedWithLeast } from './rule';

export const fifo: DispatchRule = {
  chooseVehicle: (vehicles) => parkedWithLeast(vehicles, (v) => v.idleSinceMs),
  chooseTask: (pending, _node, _router, eligible) => firstEligible(pending, eligible),
};
