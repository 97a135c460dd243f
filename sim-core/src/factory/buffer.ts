import type { Simulation } from '../engine/simulation';
import { TimeWeighted } from '../kpi/stats';
import type { Position } from './config';
import type { Part } from './part';
import type { FactoryProbes } from './probes';

/** Someone waiting to put a part into a full station (a blocked machine, a source's backlog). */
export interface SlotWaiter {
  /** A slot is free for this waiter; it must put its part in now (synchronously). */
  onSlotFree(station: Station): void;
}

/** A machine using the station as its input: told when the station may have become (non-)empty. */
export interface InputListener {
  onInputChanged(): void;
}

export interface StationKpis {
  /** Time-average number of parts in the station (L). */
  meanLevel: number;
  maxLevel: number;
  /** Parts that left the station in the window (λ = departures / duration). */
  departures: number;
  /** Mean time the departed parts spent in the station (W). */
  meanSojournMs: number;
}

/**
 * A station: a buffer with a capacity (which counts the parts in it plus the slots reserved for parts
 * on their way), or a sink (unlimited; a part entering it is completed and leaves the model).
 * Buffer contents and reservations are physical state shared by the plant (think place sensors and a
 * slot table); they are not network messages.
 */
export class Station {
  readonly parts: Part[] = [];
  /** Slots held for parts on their way here. */
  reserved = 0;
  private readonly waiters: SlotWaiter[] = [];
  private readonly listeners: InputListener[] = [];
  // KPIs
  private readonly levelTw: TimeWeighted;
  private departures = 0;
  private sojournSumMs = 0;

  constructor(
    readonly id: string,
    /** Infinity for unlimited. */
    readonly capacity: number,
    readonly position: Position,
    readonly isSink: boolean,
    private readonly sim: Simulation,
    private readonly probes: FactoryProbes,
    /** Called when a part enters a sink. */
    private readonly onAbsorbed: (part: Part) => void,
  ) {
    this.levelTw = new TimeWeighted(sim.now(), 0);
  }

  get level(): number {
    return this.parts.length;
  }

  hasRoom(): boolean {
    return this.parts.length + this.reserved < this.capacity;
  }

  /** Holds a slot for a part on its way (call only when hasRoom()). */
  reserve(): void {
    if (!this.hasRoom()) throw new Error(`station ${this.id} is full, cannot reserve`);
    this.reserved++;
  }

  /** A part enters without a reservation (call only when hasRoom()). */
  put(part: Part): void {
    if (!this.hasRoom()) throw new Error(`station ${this.id} is full, cannot take part ${part.id}`);
    this.enter(part);
  }

  /** The part for which a slot was reserved arrives. */
  putReserved(part: Part): void {
    if (this.reserved <= 0)
      throw new Error(`station ${this.id}: part ${part.id} arrived without a reservation`);
    this.reserved--;
    this.enter(part);
  }

  remove(part: Part): void {
    const i = this.parts.indexOf(part);
    if (i < 0) throw new Error(`part ${part.id} is not in station ${this.id}`);
    this.parts.splice(i, 1);
    const now = this.sim.now();
    part.station = null;
    this.departures++;
    this.sojournSumMs += now - part.enteredMs;
    this.levelChanged(now);
    // Parts waiting to come in (blocked machines first come, first served) take the freed slot.
    while (this.waiters.length > 0 && this.hasRoom()) this.waiters.shift()!.onSlotFree(this);
    if (this.parts.length === 0) this.notifyListeners();
  }

  find(partId: number): Part | undefined {
    for (const p of this.parts) if (p.id === partId) return p;
    return undefined;
  }

  /** `waiter.onSlotFree` runs once, when a slot frees up (after earlier waiters got theirs). */
  waitForSlot(waiter: SlotWaiter): void {
    this.waiters.push(waiter);
  }

  addInputListener(listener: InputListener): void {
    this.listeners.push(listener);
  }

  resetKpis(atMs: number): void {
    this.levelTw.reset(atMs);
    this.departures = 0;
    this.sojournSumMs = 0;
  }

  kpis(endMs: number): StationKpis {
    return {
      meanLevel: this.levelTw.mean(endMs),
      maxLevel: this.levelTw.max,
      departures: this.departures,
      meanSojournMs: this.departures > 0 ? this.sojournSumMs / this.departures : Number.NaN,
    };
  }

  private enter(part: Part): void {
    if (this.isSink) {
      part.station = null;
      this.onAbsorbed(part);
      return;
    }
    const now = this.sim.now();
    this.parts.push(part);
    part.station = this;
    part.enteredMs = now;
    this.levelChanged(now);
    if (this.parts.length === 1) this.notifyListeners();
  }

  private levelChanged(now: number): void {
    this.levelTw.set(now, this.parts.length);
    if (this.probes.bufferLevel.active) {
      this.probes.bufferLevel.emit({ timeMs: now, bufferId: this.id, level: this.parts.length });
    }
  }

  private notifyListeners(): void {
    for (const l of this.listeners) l.onInputChanged();
  }
}
