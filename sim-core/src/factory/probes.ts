import { Probe } from '../engine/probe';

/**
 * Machine states. `idle`: ready, parts wait at its input, but no start order yet (the control
 * system's reaction time, network delay included). `starved`: ready, with nothing at its input.
 * `blocked`: holds a finished part its full output buffer cannot take. Precedence when several
 * apply: down > off-shift > setup / busy / blocked > idle / starved.
 */
export type MachineState = 'idle' | 'setup' | 'busy' | 'blocked' | 'starved' | 'down' | 'off-shift';

export const MACHINE_STATES: readonly MachineState[] = [
  'idle',
  'setup',
  'busy',
  'blocked',
  'starved',
  'down',
  'off-shift',
];

export interface MachineStateEvent {
  timeMs: number;
  machineId: string;
  state: MachineState;
  /** The product the machine is working on or holding (setup, busy, blocked, or paused with a part). */
  productId?: string;
}

export interface BufferLevelEvent {
  timeMs: number;
  bufferId: string;
  level: number;
}

export interface PartEvent {
  timeMs: number;
  partId: number;
  productId: string;
  kind: 'created' | 'completed' | 'scrapped';
}

export type NotableKind =
  | 'failure'
  | 'repair'
  /** The control system learned of a failure (detail: report, patrol or andon); maintenance only. */
  | 'failureDetected'
  | 'shiftStart'
  | 'shiftEnd'
  /** A machine refused a start order (it broke down, went off shift... after the order was sent). */
  | 'startRejected'
  /** The network lost a message; its sender sends it again. */
  | 'messageLost'
  | 'orderReleased'
  | 'orderCompleted'
  /** KPI accumulators were reset (end of warm-up). */
  | 'warmUpEnd'
  /** A video inspection point fell back to manual inspection (its camera's frames came too late). */
  | 'inspectionFallback'
  /** A video inspection point inspects by video again. */
  | 'inspectionRestored';

export interface NotableEvent {
  timeMs: number;
  /** Machine, gateway, source or order id ('factory' for factory-wide events). */
  entityId: string;
  kind: NotableKind;
  detail?: string;
}

/** Observation points for recorders and viewers; each costs one boolean check while nobody listens. */
export class FactoryProbes {
  readonly machineState = new Probe<MachineStateEvent>();
  readonly bufferLevel = new Probe<BufferLevelEvent>();
  readonly part = new Probe<PartEvent>();
  readonly event = new Probe<NotableEvent>();
}
