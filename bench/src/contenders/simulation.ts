import { Simulation } from '@factory-twin/sim-core';
import type { SchedulerAction } from 'rxjs';
import { since, stamp } from '../clock';
import type { Contender, HoldQueue, HoldTiming } from '../hold-model';

// The work reads its next increment from here; module state keeps the work function a plain
// `function (state) { this.schedule(state, inc) }`, exactly what an RxJS operator would hand us.
let increments: Float64Array = new Float64Array(0);
let next = 0;
let checksum = 0;

function reschedule(this: SchedulerAction<number>, id?: number): void {
  checksum = (Math.imul(checksum, 31) + id!) | 0;
  this.schedule(id, increments[next++]);
}

/**
 * (b) sim-core's Simulation through RxJS's SchedulerLike: N actions from `sim.schedule(work, delay, id)`,
 * each rescheduling itself with the next increment; hold = one action execution, run by `run({ maxEvents })`.
 */
class SimulationHold implements HoldQueue {
  private readonly sim = new Simulation();

  prefill(times: Float64Array): void {
    for (let i = 0; i < times.length; i++) this.sim.schedule(reschedule, times[i], i);
  }

  hold(inc: Float64Array, count: number): HoldTiming {
    increments = inc;
    next = 0;
    checksum = 0;
    const start = stamp();
    this.sim.run({ maxEvents: count });
    const elapsed = since(start);
    if (next !== count) throw new Error(`expected ${count} holds, ran ${next}`);
    return { ...elapsed, checksum };
  }
}

export const simulationContender: Contender = {
  id: 'simulation',
  title: 'Simulation (RxJS SchedulerLike)',
  create: () => new SimulationHold(),
};
