import type { MessageKey } from '../i18n/index';

/** Machine states in legend order; the index is the state code stored in frame buffers. */
export const MACHINE_STATES = ['idle', 'setup', 'busy', 'blocked', 'starved', 'down', 'offShift'] as const;
export type MachineStateName = (typeof MACHINE_STATES)[number];
export const MACHINE_UNKNOWN = MACHINE_STATES.length;

export const MACHINE_COLORS: readonly string[] = [
  '#9aa5b1', // idle: grey
  '#a78bfa', // setup: violet
  '#22c55e', // busy: green
  '#f59e0b', // blocked: amber
  '#38bdf8', // starved: light blue
  '#ef4444', // down: red
  '#475569', // off shift: slate
  '#e5e7eb', // unknown
];

export const MACHINE_LABELS: readonly MessageKey[] = [
  'state.idle',
  'state.setup',
  'state.busy',
  'state.blocked',
  'state.starved',
  'state.down',
  'state.offShift',
  'state.unknown',
];

/** AGV states as the AGV model names them (sim-core factory/agv AGV_STATES). */
export const AGV_STATES = [
  'idle',
  'movingEmpty',
  'movingLoaded',
  'waitingTraffic',
  'loadUnload',
  'charging',
  'stopped',
] as const;
export type AgvStateName = (typeof AGV_STATES)[number];
export const AGV_UNKNOWN = AGV_STATES.length;

export const AGV_COLORS: readonly string[] = [
  '#cbd5e1', // idle
  '#facc15', // moving empty
  '#84cc16', // moving loaded
  '#fb923c', // waiting for traffic
  '#60a5fa', // loading / unloading
  '#c084fc', // charging
  '#dc2626', // network safety stop
  '#e5e7eb', // unknown
];

export const AGV_LABELS: readonly MessageKey[] = [
  'agv.idle',
  'agv.movingEmpty',
  'agv.movingLoaded',
  'agv.waitingTraffic',
  'agv.loadUnload',
  'agv.charging',
  'agv.stopped',
  'agv.unknown',
];

const squash = (s: string) => s.toLowerCase().replace(/[^a-z]/g, '');
const MACHINE_CODES = new Map<string, number>(MACHINE_STATES.map((s, i) => [squash(s), i]));
const AGV_CODES = new Map<string, number>(AGV_STATES.map((s, i) => [squash(s), i]));
// Other spellings writers may use.
for (const [alias, name] of [
  ['moving', 'movingEmpty'],
  ['travelling', 'movingEmpty'],
  ['loading', 'loadUnload'],
  ['unloading', 'loadUnload'],
  ['waiting', 'waitingTraffic'],
  ['safetystop', 'stopped'],
  ['estop', 'stopped'],
] as const) {
  AGV_CODES.set(alias, AGV_STATES.indexOf(name));
}

/** State code for a recorded machine state name ('off-shift', 'OFF_SHIFT' and 'offShift' are one). */
export const machineStateCode = (name: string): number => MACHINE_CODES.get(squash(name)) ?? MACHINE_UNKNOWN;
export const agvStateCode = (name: string): number => AGV_CODES.get(squash(name)) ?? AGV_UNKNOWN;
