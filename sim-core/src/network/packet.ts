// Packets (messages, stream packets, video frames) and the per-device, per-class FIFO queues they wait in.
// Packet objects are pooled: the hot path allocates nothing once the pool is warm.
import type { Message } from '../control/seam';
import type { DeviceState } from './device';
import type { StreamState } from './stream';
import type { Dir } from './tdd-grid';
import { UL } from './tdd-grid';
import type { ClassProfile } from './traffic-classes';

export class Packet {
  classIndex = 0;
  sizeBits = 0;
  /** Bits of the current leg not yet put into a transport block. */
  remainingBits = 0;
  /** When the sender handed it over. */
  createdMs = 0;
  /** When it reaches the queue of the current leg (UE buffer or gNB). */
  eligibleAtMs = 0;
  /** End of the last HARQ attempt of the transport blocks carrying the current leg. */
  legDoneMs = 0;
  leg: Dir = UL;
  lost = false;
  /** UL: the SR → grant wait is still to be decided when it reaches the UE buffer (uplink-access.ts). */
  accessPending = false;
  /** The stream paused or closed before the packet reached a queue: drop it silently. */
  cancelled = false;
  src: DeviceState | null = null;
  dst: DeviceState | null = null;
  from = '';
  to = '';
  /** End-to-end deadline (late beyond it). */
  deadlineMs = 0;
  message: Message<unknown> | null = null;
  onDelivered: ((message: Message<unknown>) => void) | null = null;
  onLost: ((message: Message<unknown>) => void) | null = null;
  /** @internal */
  stream: StreamState | null = null;
  streamEpoch = 0;
  /** Sequence number within the stream's current activation. */
  streamIndex = 0;
  next: Packet | null = null;
}

export class PacketPool {
  private readonly free: Packet[] = [];

  get(): Packet {
    return this.free.pop() ?? new Packet();
  }

  release(p: Packet): void {
    p.src = null;
    p.dst = null;
    p.message = null;
    p.onDelivered = null;
    p.onLost = null;
    p.stream = null;
    p.next = null;
    p.lost = false;
    p.cancelled = false;
    p.accessPending = false;
    this.free.push(p);
  }
}

/** FIFO of one device's packets of one class and direction (an RLC entity / logical channel). */
export class Flow {
  head: Packet | null = null;
  tail: Packet | null = null;
  /** Bits still to transmit. */
  bits = 0;
  /** Scheduler scratch: PRBs still wanted in this slot and PRBs granted. */
  needPrb = 0;
  grantPrb = 0;
  /** GBR flows: bits it may still send ahead of the others (token bucket), and when it was last filled. */
  gbrCreditBits = 0;
  gbrFilledAtMs = 0;
  /** PRBs granted in the GBR pass of the slot marked `gbrMark`. */
  gbrPrb = 0;
  gbrMark = -1;

  constructor(
    readonly device: DeviceState,
    readonly dir: Dir,
    readonly profile: ClassProfile,
    readonly sliceIndex: number,
  ) {}

  push(p: Packet): void {
    p.next = null;
    if (this.tail === null) this.head = p;
    else this.tail.next = p;
    this.tail = p;
    this.bits += p.remainingBits;
  }

  shift(): Packet {
    const p = this.head!;
    this.head = p.next;
    if (this.head === null) {
      this.tail = null;
      this.bits = 0; // no floating-point residue in an empty queue
    }
    p.next = null;
    return p;
  }
}
