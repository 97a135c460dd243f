import type { Message } from '../control/seam';
import type { Station } from './buffer';
import type { FactoryContext } from './context';
import type { Gateway } from './gateway';
import type { Machine } from './machine';
import type { Maintenance } from './maintenance/maintenance';
import {
  CONTROL_ENDPOINT,
  type MachineReport,
  ReliableSender,
  type StartOrder,
  type StatusBatch,
} from './messages';
import type { Part } from './part';
import type { MachineState } from './probes';
import type { TransportRequest, TransportService } from './transport';

/** The control system's belief about one machine, built only from its reports. */
interface MachineView {
  readonly machine: Machine;
  readonly gateway: Gateway | null;
  state: MachineState;
  lastSeq: number;
  /** The part of the start order sent and not yet answered (at most one per machine). */
  pending: Part | null;
  readonly orders: ReliableSender<StartOrder>;
}

/**
 * The plant's central control system (endpoint 'control'). It learns machine states only from
 * status messages, and acts only through start orders (over the ControlNetwork) and transport
 * requests (to the TransportService; the AGV fleet sends its own task messages).
 *
 * Control logic:
 * - A part becomes "available" at a station when the control system learns it is there: on
 *   release by a source, on a transport delivery, or from the report of the machine that finished it.
 * - Available part whose next operation takes parts from this station (an input buffer of an eligible
 *   machine): it joins that station's FIFO queue. Otherwise it must move: to the eligible input
 *   station with a free slot and the fewest parts (ties: configuration order), reserving the slot and
 *   requesting transport; if none has room, it waits (first come, first served) until one does. A
 *   finished part goes to its product's sink.
 * - Dispatch: a machine that last reported idle or starved, with no order outstanding, gets a start
 *   order for the first part in its input queue that it is eligible for (FIFO). One order at a time.
 * - The answer to an order is the machine's next report (ack accepted or refused). A refused part goes
 *   back to the head of its queue and is dispatched again when a machine reports ready.
 *
 * Correct under any delay: orders are only a request (the machine checks it is up, on shift, free and
 * has the part, else refuses); reports carry per-machine sequence numbers so a late report never
 * overwrites a newer state; the one-time facts in a report (ack, done, scrapped) are applied whatever
 * its age. Lost messages are sent again by their sender (see ReliableSender), so nothing waits forever.
 */
export class ControlSystem {
  private readonly views = new Map<string, MachineView>();
  private readonly viewsByInput = new Map<Station, MachineView[]>();
  /** Parts known to wait at an input station for a start order, FIFO. */
  private readonly queues = new Map<Station, Part[]>();
  /** Parts waiting for a free slot at a station (stale entries are skipped). */
  private readonly waiting = new Map<Station, Part[]>();
  /** Parts the control system knows are in the plant. */
  private readonly known = new Map<number, Part>();
  private requestSeq = 0;
  /** Dispatches repair crews when a report says a machine is down (set by the builder). */
  maintenance: Pick<Maintenance, 'reportedDown'> | null = null;

  constructor(
    private readonly ctx: FactoryContext,
    private readonly stations: ReadonlyMap<string, Station>,
    private readonly transport: TransportService,
  ) {}

  addMachine(machine: Machine, gateway: Gateway | null): void {
    const { ctx } = this;
    const deliver =
      gateway !== null
        ? (m: Message<StartOrder>) => gateway.forwardOrder(m.payload)
        : (m: Message<StartOrder>) => machine.receiveOrder(m.payload);
    const orders = new ReliableSender(ctx.sim, ctx.network, ctx.probes, ctx.resendDelayMs, deliver);
    const view: MachineView = { machine, gateway, state: machine.state, lastSeq: 0, pending: null, orders };
    this.views.set(machine.id, view);
    let list = this.viewsByInput.get(machine.input);
    if (list === undefined) {
      list = [];
      this.viewsByInput.set(machine.input, list);
      this.queues.set(machine.input, []);
    }
    list.push(view);
  }

  /** The control system's view of a machine's state (for tests and dashboards). */
  believedState(machineId: string): MachineState | undefined {
    return this.views.get(machineId)?.state;
  }

  // ---------------------------------------------------------------------------------------------
  // Messages in

  onReport(report: MachineReport): void {
    const view = this.views.get(report.machineId)!;
    if (report.state === 'down') this.maintenance?.reportedDown(report.machineId, report.seq);
    if (report.seq > view.lastSeq) {
      view.lastSeq = report.seq;
      view.state = report.state;
    }
    const { ack, done } = report;
    if (ack !== undefined && view.pending !== null && view.pending.id === ack.partId) {
      const part = view.pending;
      view.pending = null;
      if (ack.accepted) this.slotFreed(view.machine.input);
      else this.queues.get(view.machine.input)!.unshift(part);
    }
    if (report.scrappedPartId !== undefined) this.known.delete(report.scrappedPartId);
    if (done !== undefined) {
      const part = this.known.get(done.partId);
      const station = this.stations.get(done.stationId)!;
      if (part !== undefined) {
        if (station.isSink) this.known.delete(part.id);
        else this.onPartAvailable(part, station);
      }
    }
    this.dispatch(view.machine.input);
  }

  onStatusBatch(batch: StatusBatch): void {
    for (const r of batch.reports) this.onReport(r);
  }

  // ---------------------------------------------------------------------------------------------
  // Parts

  /** The control system learns that `part` is at `station`, ready for its next step. */
  onPartAvailable(part: Part, station: Station): void {
    this.known.set(part.id, part);
    if (part.finished) {
      this.move(part, station, part.product.sink);
      return;
    }
    const op = part.product.operations[part.opIndex]!;
    if (op.stations.includes(station)) {
      this.queues.get(station)!.push(part);
      this.dispatch(station);
      return;
    }
    let best: Station | null = null;
    for (const s of op.stations) {
      if (s.hasRoom() && (best === null || s.level + s.reserved < best.level + best.reserved)) best = s;
    }
    if (best !== null) {
      this.move(part, station, best);
      return;
    }
    part.waitingForSlot = true;
    for (const s of op.stations) {
      let list = this.waiting.get(s);
      if (list === undefined) {
        list = [];
        this.waiting.set(s, list);
      }
      list.push(part);
    }
  }

  /** A slot may have freed at `station`: parts waiting for it move, first come first served. */
  private slotFreed(station: Station): void {
    const list = this.waiting.get(station);
    while (list !== undefined && list.length > 0 && station.hasRoom()) {
      const part = list.shift()!;
      if (!part.waitingForSlot) continue; // already sent elsewhere
      part.waitingForSlot = false;
      this.move(part, part.station!, station);
    }
  }

  private move(part: Part, from: Station, to: Station): void {
    to.reserve();
    this.transport.request(new Move(this, ++this.requestSeq, part, from, to, this.ctx.sim.now()));
  }

  /** @internal The carrier took `move.part` out of its station. */
  pickedUp(move: Move): void {
    move.from.remove(move.part);
    this.slotFreed(move.from);
  }

  /** @internal The carrier put `move.part` into the slot reserved for it. */
  delivered(move: Move): void {
    const { part, to } = move;
    if (to.isSink) this.known.delete(part.id);
    to.putReserved(part);
    if (!to.isSink) this.onPartAvailable(part, to);
  }

  // ---------------------------------------------------------------------------------------------
  // Start orders

  /** Gives start orders to the ready machines fed by `station`, while it has parts for them. */
  private dispatch(station: Station): void {
    const queue = this.queues.get(station);
    if (queue === undefined || queue.length === 0) return;
    for (const view of this.viewsByInput.get(station)!) {
      if (view.pending !== null || (view.state !== 'idle' && view.state !== 'starved')) continue;
      const id = view.machine.id;
      let i = 0;
      while (i < queue.length && !queue[i]!.product.operations[queue[i]!.opIndex]!.machineIds.has(id)) i++;
      if (i === queue.length) continue;
      const part = queue[i]!;
      queue.splice(i, 1);
      view.pending = part;
      this.sendOrder(view, part);
      if (queue.length === 0) return;
    }
  }

  private sendOrder(view: MachineView, part: Part): void {
    view.orders.send({
      from: CONTROL_ENDPOINT,
      to: view.gateway?.id ?? view.machine.id,
      sizeBytes: this.ctx.orderBytes,
      trafficClass: 'controlOrder',
      payload: { machineId: view.machine.id, partId: part.id, productId: part.product.id },
    });
  }
}

/** A transport request for one part (one object per move, no closures). */
class Move implements TransportRequest {
  readonly partId: number;
  readonly productId: string;
  readonly fromStationId: string;
  readonly toStationId: string;
  readonly priority: number;

  constructor(
    private readonly control: ControlSystem,
    readonly requestId: number,
    readonly part: Part,
    readonly from: Station,
    readonly to: Station,
    readonly requestedAtMs: number,
  ) {
    this.partId = part.id;
    this.productId = part.product.id;
    this.priority = part.product.transportPriority;
    this.fromStationId = from.id;
    this.toStationId = to.id;
  }

  onPickedUp(): void {
    this.control.pickedUp(this);
  }

  onDelivered(): void {
    this.control.delivered(this);
  }
}
