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

/** Display unit of a KPI title ("%", "parts/h"), shown after a translated label. */
const unitOf = (title: string) => /\(([^()]+)\)$/.exec(title)?.[1];

/**
 * A compare row's label in the UI language for the KPIs the viewer recomputes (throughput, machine and AGV
 * time shares, sampled series); any other KPI keeps the registry's title.
 */
export function kpiLabel(t: Translate, key: string, title: string): string {
  const unit = unitOf(title);
  const u = (label: string) => (unit ? `${label} (${unit})` : label);
  let m: RegExpExecArray | null;
  if (key === 'throughputPerHour') return u(t('kpi.throughput'));
  if ((m = /^machine\.(.+)\.time\.(.+)$/.exec(key)))
    return u(t('compare.label.machineTime', { id: m[1], state: machineStateLabel(t, m[2]) }));
  if ((m = /^machine\.(.+)\.utilization$/.exec(key))) return u(t('compare.label.utilization', { id: m[1] }));
  if ((m = /^machine\.(.+)\.availability$/.exec(key)))
    return u(t('compare.label.availability', { id: m[1] }));
  if ((m = /^agv\.share\.(.+)$/.exec(key)))
    return u(t('compare.label.agvTime', { state: agvStateLabel(t, m[1]) }));
  if (key === 'agv.utilization') return u(t('compare.label.agvUtilization'));
  if (key === 'agv.safetyStopShare')
    return u(t('compare.label.agvTime', { state: agvStateLabel(t, 'stopped') }));
  if ((m = /^series\.prb_util_(ul|dl)\/(.+)$/.exec(key)))
    return `≈ ${u(t(m[1] === 'ul' ? 'compare.label.prbUl' : 'compare.label.prbDl', { id: m[2] }))}`;
  if ((m = /^series\.agv_count\/(.+)$/.exec(key)))
    return `≈ ${t('compare.label.agvCount', { state: agvStateLabel(t, m[1]) })}`;
  if ((m = /^series\.ontime\/(.+)$/.exec(key)) && `class.${m[1]}` in CLASS)
    return `≈ ${u(t('compare.label.onTime', { class: t(`class.${m[1]}` as MessageKey) }))}`;
  if (key === 'series.wip_parts') return `≈ ${u(t('kpi.wip'))}`;
  return title;
}

const CLASS = {
  'class.motionControl': 1,
  'class.telemetry': 1,
  'class.machineStatus': 1,
  'class.controlOrder': 1,
  'class.video': 1,
} as const;
