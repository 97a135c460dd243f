// The names the twin's models use for their notable events, as lists: what recorders write into a
// recording's header and the viewer reads back. Each list is a Record over its kind's union, so a kind
// added to a model's union without an entry here is a type error.
import type { AgvEventKind } from '../factory/agv/vehicle';
import type { NotableKind } from '../factory/probes';
import type { NetworkNotableKind } from '../network/types';

const FACTORY: Record<NotableKind, true> = {
  failure: true,
  repair: true,
  shiftStart: true,
  shiftEnd: true,
  startRejected: true,
  messageLost: true,
  orderReleased: true,
  orderCompleted: true,
  warmUpEnd: true,
  failureDetected: true,
  inspectionFallback: true,
  inspectionRestored: true,
};

const AGV: Record<AgvEventKind, true> = {
  taskAssigned: true,
  pickedUp: true,
  delivered: true,
  chargeStart: true,
  chargeEnd: true,
  safetyStop: true,
  resume: true,
  reroute: true,
  evade: true,
  deadlockResolved: true,
  deadlockUnresolved: true,
  batteryDepleted: true,
};

const NETWORK: Record<NetworkNotableKind, true> = {
  handover: true,
  survivalTimeExceeded: true,
  recovered: true,
  interferenceOn: true,
  interferenceOff: true,
};

/** The factory's notable events (FactoryProbes.event). */
export const FACTORY_EVENT_KINDS = Object.keys(FACTORY) as readonly NotableKind[];
/** The AGV fleet's events (AgvFleet.probes.events). */
export const AGV_EVENT_KINDS = Object.keys(AGV) as readonly AgvEventKind[];
/** The 5G network's notable events (NetworkModel.probes.notable). */
export const NETWORK_EVENT_KINDS = Object.keys(NETWORK) as readonly NetworkNotableKind[];

/** A part leaving the plant finished, as a recording names it (FactoryProbes.part kind 'completed'). */
export const PART_COMPLETED = 'partCompleted';

/** Every event kind a twin recording holds, in header order: factory, AGV, network, then part completions. */
export type EventKind = NotableKind | AgvEventKind | NetworkNotableKind | typeof PART_COMPLETED;
export const EVENT_KINDS: readonly EventKind[] = [
  ...new Set<EventKind>([...FACTORY_EVENT_KINDS, ...AGV_EVENT_KINDS, ...NETWORK_EVENT_KINDS, PART_COMPLETED]),
];
