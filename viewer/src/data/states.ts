import { AGV_STATES, type AgvState, MACHINE_STATES, type MachineState } from '@factory-twin/sim-core';
import type { MessageKey } from '../i18n/index';
import { AGV_STATE_CLASS, MACHINE_STATE_CLASS, type Pattern, STATE_CLASSES, UNKNOWN_STYLE } from './palette';

// Machine and AGV states are sim-core's (factory/probes MACHINE_STATES, factory/agv AGV_STATES), in its
// order: the index is the state code stored in frame buffers; one past the last is "unknown". Colours and
// labels (and state classes in palette.ts) are Records over sim-core's state types, so a state added there is a type error here until it has both.
export { AGV_STATES, MACHINE_STATES };
export const MACHINE_UNKNOWN = MACHINE_STATES.length;
export const AGV_UNKNOWN = AGV_STATES.length;

const MACHINE_LABEL: Record<MachineState, MessageKey> = {
  idle: 'state.idle',
  setup: 'state.setup',
  busy: 'state.busy',
  blocked: 'state.blocked',
  starved: 'state.starved',
  down: 'state.down',
  'off-shift': 'state.offShift',
};

const AGV_LABEL: Record<AgvState, MessageKey> = {
  idle: 'agv.idle',
  movingEmpty: 'agv.movingEmpty',
  movingLoaded: 'agv.movingLoaded',
  waitingTraffic: 'agv.waitingTraffic',
  loadUnload: 'agv.loadUnload',
  charging: 'agv.charging',
  stopped: 'agv.stopped', // network safety stop
};

const machineStyle = (s: MachineState) => STATE_CLASSES[MACHINE_STATE_CLASS[s]];
const agvStyle = (s: AgvState) => STATE_CLASSES[AGV_STATE_CLASS[s]];

/** By state code (the last entry: unknown). Colours come from the colour-blind-safe palette (palette.ts). */
export const MACHINE_COLORS: readonly string[] = [
  ...MACHINE_STATES.map((s) => machineStyle(s).color),
  UNKNOWN_STYLE.color,
];
export const MACHINE_PATTERNS: readonly Pattern[] = [
  ...MACHINE_STATES.map((s) => machineStyle(s).pattern),
  UNKNOWN_STYLE.pattern,
];
export const MACHINE_LABELS: readonly MessageKey[] = [
  ...MACHINE_STATES.map((s) => MACHINE_LABEL[s]),
  'state.unknown',
];
export const AGV_COLORS: readonly string[] = [
  ...AGV_STATES.map((s) => agvStyle(s).color),
  UNKNOWN_STYLE.color,
];
export const AGV_PATTERNS: readonly Pattern[] = [
  ...AGV_STATES.map((s) => agvStyle(s).pattern),
  UNKNOWN_STYLE.pattern,
];
export const AGV_LABELS: readonly MessageKey[] = [...AGV_STATES.map((s) => AGV_LABEL[s]), 'agv.unknown'];

const MACHINE_CODES = new Map<string, number>(MACHINE_STATES.map((s, i) => [s, i]));
const AGV_CODES = new Map<string, number>(AGV_STATES.map((s, i) => [s, i]));

/** State code of a recorded machine state name: sim-core's names exactly, anything else unknown. */
export const machineStateCode = (name: string): number => MACHINE_CODES.get(name) ?? MACHINE_UNKNOWN;
export const agvStateCode = (name: string): number => AGV_CODES.get(name) ?? AGV_UNKNOWN;
