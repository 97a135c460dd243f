// 5QI priority: flows by priority level (TS 23.501 Table 5.7.4-1), then earliest head-of-line deadline
// (eligible time + packet delay budget), each served in full before the next.
import type { Flow } from '../../packet';
import { byPriorityKey, insertionSort } from '../order';
import type { MacScheduler, SlotGrants } from './scheduler';

export class PriorityScheduler implements MacScheduler {
  allocateFlows(slot: SlotGrants, flows: Flow[], _slice: number, budget: number): number {
    insertionSort(flows, byPriorityKey);
    let used = 0;
    for (let fi = 0; fi < flows.length; fi++) {
      const f = flows[fi]!;
      if (used >= budget) break;
      used += slot.grantFlow(f, Math.min(f.needPrb, budget - used));
    }
    return used;
  }
}
