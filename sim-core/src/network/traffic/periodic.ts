// Periodic: packet k at k · intervalMs (TS 22.104 §5.2 periodic deterministic communication).
import type { TrafficSource } from './traffic-source';

export class PeriodicSource implements TrafficSource {
  constructor(private readonly intervalMs: number) {}

  offsetMs(index: number): number {
    return index * this.intervalMs;
  }
}
