// Message callbacks at the simulated arrival (or loss) time: one event per arrival time.
import type { SimAction } from '../engine/sim-action';
import type { Simulation } from '../engine/simulation';
import type { Packet, PacketPool } from './packet';
import { TimedHeap } from './timed-heap';

const EPS_MS = 1e-9;

export class Deliveries {
  private readonly heap = new TimedHeap<Packet>();
  private readonly action: SimAction<undefined>;
  private atMs = Number.POSITIVE_INFINITY;

  constructor(
    private readonly sim: Simulation,
    private readonly pool: PacketPool,
  ) {
    this.action = sim.action(() => this.deliver(), { label: 'network delivery' });
  }

  /** Calls the message's onDelivered (or onLost, when `p.lost`) at `timeMs`, then releases the packet. */
  push(timeMs: number, p: Packet): void {
    this.heap.push(timeMs, p);
    this.schedule();
  }

  private schedule(): void {
    const t = this.heap.peekTime();
    if (t >= this.atMs) return;
    this.atMs = t;
    this.action.schedule(undefined, Math.max(0, t - this.sim.now()));
  }

  private deliver(): void {
    this.atMs = Number.POSITIVE_INFINITY;
    const limit = this.sim.now() + EPS_MS;
    const heap = this.heap;
    while (heap.size > 0 && heap.peekTime() <= limit) {
      const p = heap.pop()!;
      const message = p.message!;
      const ok = !p.lost;
      const onDelivered = p.onDelivered;
      const onLost = p.onLost;
      this.pool.release(p);
      if (ok) onDelivered?.(message);
      else onLost?.(message);
    }
    if (heap.size > 0) this.schedule();
  }
}
