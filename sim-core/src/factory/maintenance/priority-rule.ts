import type { RepairDispatchRule } from './dispatch-rule';

/** Highest machine priority first (e.g. the bottleneck); equal priorities in order of detection. */
export const priorityRepairs: RepairDispatchRule = {
  pick(queue) {
    let best = 0;
    for (let i = 1; i < queue.length; i++) if (queue[i]!.priority > queue[best]!.priority) best = i;
    return best;
  },
};
