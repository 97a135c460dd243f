// One event source for every cell MAC of the network: it runs the due opportunities of all cells in time
// order, and keeps going through later ones while no other event of the simulation comes first, so a busy
// network costs one event per stretch of opportunities instead of one per opportunity and cell.
import type { SimAction } from '../engine/sim-action';
import type { Simulation } from '../engine/simulation';

/** A cell MAC as the driver sees it. */
export interface MacOpportunities {
  /** Start of the next opportunity it wants processed; Infinity when none. */
  readonly nextStartMs: number;
  /** Processes that opportunity. */
  runNext(): void;
}

/**
 * How far past the current event the driver may process opportunities. Nothing else can change them (no
 * other event comes first), but statistics read between events (`kpis` at the end of `run({ untilMs })`)
 * may then include up to this much of what follows; one TDD period or so keeps that negligible.
 */
export const MAC_LOOKAHEAD_MS = 5;
const DUE_EPS_MS = 1e-9;

export class MacDriver {
  private readonly links: MacOpportunities[] = [];
  private readonly action: SimAction<undefined>;
  private atMs = Number.POSITIVE_INFINITY;
  private running = false;

  constructor(private readonly sim: Simulation) {
    this.action = sim.action(() => this.fire(), {
      priority: 100, // after the other events of the same instant, so their packets make the opportunity
      label: 'cell MAC slots',
    });
  }

  add(link: MacOpportunities): void {
    this.links.push(link);
  }

  /** A link wants an opportunity starting at `startMs` processed. */
  wanted(startMs: number): void {
    if (this.running || startMs >= this.atMs) return;
    this.atMs = startMs;
    this.action.schedule(undefined, Math.max(0, startMs - this.sim.now()));
  }

  private fire(): void {
    this.running = true;
    this.atMs = Number.POSITIVE_INFINITY;
    const sim = this.sim;
    const now = sim.now();
    const limit = now + MAC_LOOKAHEAD_MS;
    let first = true;
    for (;;) {
      const link = this.earliest();
      if (link === null) break;
      // Another event at or before the opportunity may add packets to it or read state: it goes first
      // (but what is due now runs now, whatever else is pending at this instant).
      const due = first && link.nextStartMs <= now + DUE_EPS_MS;
      if (!due && link.nextStartMs >= Math.min(sim.peek(), limit)) break;
      first = false;
      link.runNext();
    }
    this.running = false;
    const next = this.earliest();
    if (next !== null) this.wanted(next.nextStartMs);
  }

  /** The link with the earliest wanted opportunity (the first in order among equal ones), null if none. */
  private earliest(): MacOpportunities | null {
    let best: MacOpportunities | null = null;
    let bestMs = Number.POSITIVE_INFINITY;
    const links = this.links;
    for (let i = 0; i < links.length; i++) {
      const link = links[i]!;
      if (link.nextStartMs < bestMs) {
        bestMs = link.nextStartMs;
        best = link;
      }
    }
    return best;
  }
}
