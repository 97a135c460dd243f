import type { ControlNetwork, Message } from '../control/seam';
import type { Simulation } from '../engine/simulation';
import type { FactoryProbes, MachineState } from './probes';

/** The control system's endpoint id. */
export const CONTROL_ENDPOINT = 'control';

/**
 * A machine's status message to the control system. Sent on every state change (except between
 * idle and starved, which the control system can tell from the parts it routed) and with every
 * acknowledgement, finished or scrapped part.
 */
export interface MachineReport {
  machineId: string;
  /** Per machine, increasing: the control system keeps the state of the newest report it has seen. */
  seq: number;
  state: MachineState;
  productId?: string;
  /** The part in the machine, if any. */
  partId?: number;
  /** Answer to a start order: started it, or refused it (down, off shift, busy, part not here). */
  ack?: { partId: number; accepted: boolean };
  /** A finished part was put into `stationId` (its next operation or the sink waits). */
  done?: { partId: number; stationId: string };
  scrappedPartId?: number;
}

/** A gateway's message: one or more converted reports of its legacy machines. */
export interface StatusBatch {
  reports: MachineReport[];
}

/** The control system orders `machineId` to start `partId` (which waits in its input buffer). */
export interface StartOrder {
  machineId: string;
  partId: number;
  productId: string;
}

/**
 * Sends messages from one endpoint; if the network loses one, sends the same message again
 * `resendDelayMs` after the loss notice, until it arrives. The ControlNetwork contract runs exactly
 * one of onDelivered / onLost per send, so a lost message was never delivered and a re-send never
 * duplicates; what can happen is reordering, which receivers handle (sequence numbers, explicit
 * acknowledgements). One sender per endpoint and receiver: no closure per message.
 */
export class ReliableSender<P> {
  private readonly lost: (message: Message<P>) => void;

  constructor(
    sim: Simulation,
    private readonly network: ControlNetwork,
    probes: FactoryProbes,
    resendDelayMs: number,
    private readonly onDelivered: (message: Message<P>) => void,
  ) {
    this.lost = (message) => {
      if (probes.event.active) {
        probes.event.emit({
          timeMs: sim.now(),
          entityId: message.from,
          kind: 'messageLost',
          detail: `${message.trafficClass} to ${message.to}`,
        });
      }
      if (resendDelayMs > 0) sim.after(resendDelayMs, () => this.send(message), { label: 'resend' });
      else this.send(message);
    };
  }

  send(message: Message<P>): void {
    this.network.send(message, this.onDelivered, this.lost);
  }
}
