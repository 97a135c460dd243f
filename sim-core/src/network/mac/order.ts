// Orders shared by the slot allocator and the schedulers.
import type { Flow } from '../packet';

/** `slice` argument meaning "flows of every slice". */
export const ALL_SLICES = -1;

/** Strict 5QI priority level, then earliest head-of-line deadline (eligible time + PDB), then ids. */
export function byPriorityKey(a: Flow, b: Flow): number {
  return (
    a.profile.qos.priorityLevel - b.profile.qos.priorityLevel ||
    a.head!.eligibleAtMs +
      a.profile.qos.packetDelayBudgetMs -
      (b.head!.eligibleAtMs + b.profile.qos.packetDelayBudgetMs) ||
    a.device.index - b.device.index ||
    a.profile.index - b.profile.index
  );
}

/** In-place stable sort; the lists are short (backlogged flows of one slot), where this beats Array.sort. */
export function insertionSort<T>(a: T[], compare: (x: T, y: T) => number): void {
  for (let i = 1; i < a.length; i++) {
    const x = a[i]!;
    let j = i - 1;
    while (j >= 0 && compare(a[j]!, x) > 0) {
      a[j + 1] = a[j]!;
      j--;
    }
    a[j + 1] = x;
  }
}
