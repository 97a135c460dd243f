import type { EventKind } from '@factory-twin/sim-core';
import { AGV_LABELS, AGV_STATES, MACHINE_LABELS, MACHINE_STATES } from '../data/states';
import type { MessageKey } from '../i18n/index';
import type { Translate } from '../i18n/use-t';

/** Every event kind of sim-core's vocabulary has a message (a kind added there is a type error here). */
const EVENT: Record<EventKind, MessageKey> = {
  failure: 'event.failure',
  repair: 'event.repair',
  shiftStart: 'event.shiftStart',
  shiftEnd: 'event.shiftEnd',
  startRejected: 'event.startRejected',
  messageLost: 'event.messageLost',
  orderReleased: 'event.orderReleased',
  orderCompleted: 'event.orderCompleted',
  warmUpEnd: 'event.warmUpEnd',
  failureDetected: 'event.failureDetected',
  inspectionFallback: 'event.inspectionFallback',
  inspectionRestored: 'event.inspectionRestored',
  taskAssigned: 'event.taskAssigned',
  pickedUp: 'event.pickedUp',
  delivered: 'event.delivered',
  chargeStart: 'event.chargeStart',
  chargeEnd: 'event.chargeEnd',
  safetyStop: 'event.safetyStop',
  resume: 'event.resume',
  reroute: 'event.reroute',
  evade: 'event.evade',
  deadlockResolved: 'event.deadlockResolved',
  deadlockUnresolved: 'event.deadlockUnresolved',
  batteryDepleted: 'event.batteryDepleted',
  handover: 'event.handover',
  survivalTimeExceeded: 'event.survivalTimeExceeded',
  recovered: 'event.recovered',
  interferenceOn: 'event.interferenceOn',
  interferenceOff: 'event.interferenceOff',
  partCompleted: 'event.partCompleted',
};

/** An event kind in the UI language (a kind sim-core does not name is shown as recorded). */
export const eventLabel = (t: Translate, kind: string): string =>
  kind in EVENT ? t(EVENT[kind as EventKind]) : kind;

/** A machine state name in the UI language (an unknown name as recorded). */
export function machineStateLabel(t: Translate, name: string): string {
  const i = (MACHINE_STATES as readonly string[]).indexOf(name);
  return i >= 0 ? t(MACHINE_LABELS[i]) : name;
}

export function agvStateLabel(t: Translate, name: string): string {
  const i = (AGV_STATES as readonly string[]).indexOf(name);
  return i >= 0 ? t(AGV_LABELS[i]) : name;
}

/** A recorded state of an entity of `kind` ('machine', 'agv', 'interference') in the UI language. */
export function stateLabel(t: Translate, kind: string, name: string): string {
  if (kind === 'machine') return machineStateLabel(t, name);
  if (kind === 'agv') return agvStateLabel(t, name);
  if (kind === 'interference') return name === 'on' ? t('state.on') : name === 'off' ? t('state.off') : name;
  return name;
}
