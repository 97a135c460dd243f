/**
 * Exclusive node reservations with first-come first-served waiting lines. A released node goes
 * straight to the first vehicle waiting for it (handed over, not up for grabs), so no one starves.
 */
export class NodeReservations<V> {
  private readonly holders: (V | null)[];
  private readonly waiting: (V[] | undefined)[];

  constructor(nodeCount: number) {
    this.holders = new Array<V | null>(nodeCount).fill(null);
    this.waiting = new Array<V[] | undefined>(nodeCount);
  }

  holder(node: number): V | null {
    return this.holders[node]!;
  }

  /** Takes a free node; throws if someone else holds it (a traffic-control bug, never a model outcome). */
  hold(node: number, vehicle: V): void {
    const h = this.holders[node];
    if (h !== null && h !== vehicle) throw new Error(`node ${node} is already reserved`);
    this.holders[node] = vehicle;
  }

  /** Frees `node`, or hands it to the first waiter and returns that waiter (null when none). */
  release(node: number): V | null {
    const line = this.waiting[node];
    if (line !== undefined && line.length > 0) {
      const next = line.shift()!;
      this.holders[node] = next;
      return next;
    }
    this.holders[node] = null;
    return null;
  }

  addWaiter(node: number, vehicle: V, first = false): void {
    let line = this.waiting[node];
    if (line === undefined) this.waiting[node] = line = [];
    if (first) line.unshift(vehicle);
    else line.push(vehicle);
  }

  removeWaiter(node: number, vehicle: V): void {
    const line = this.waiting[node];
    const i = line === undefined ? -1 : line.indexOf(vehicle);
    if (i >= 0) line!.splice(i, 1);
  }

  /** The vehicles waiting for `node`, first in line first (do not mutate). */
  waiters(node: number): readonly V[] {
    return this.waiting[node] ?? EMPTY;
  }
}

const EMPTY: readonly never[] = [];
