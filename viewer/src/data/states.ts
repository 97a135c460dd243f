import { AGV_STATES, type AgvState, MACHINE_STATES, type MachineState } from '@factory-twin/sim-core';
import type { MessageKey } from '../i18n/index';

// Machine and AGV states are sim-core's (factory/probes MACHINE_STATES, factory/agv AGV_STATES), in its
// order: the index is the state code stored in frame buffers; one past the last is "unknown". Colours and
// labels are Records over sim-core's state types, so a state added there is a type error here until it has both.
export { AGV_STATES, MACHINE_STATES };
export type MachineStateName = MachineState;
export type AgvStateName = AgvState;
export const MACHINE_UNKNOWN = MACHINE_STATES.length;
export const AGV_UNKNOWN = AGV_STATES.length;

const MACHINE: Record<MachineState, { color: string; label: MessageKey }> = {
  idle: { color: '#9aa5b1', label: 'state.idle' }, // grey
  setup: { color: '#a78bfa', label: 'state.setup' }, // violet
  busy: { color: '#22c55e', label: 'state.busy' }, // green
  blocked: { color: '#f59e0b', label: 'state.blocked' }, // amber
  starved: { color: '#38bdf8', label: 'state.starved' }, // light blue
  down: { color: '#ef4444', label: 'state.down' }, // red
  'off-shift': { color: '#475569', label: 'state.offShift' }, // slate
};

const AGV: Record<AgvState, { color: string; label: MessageKey }> = {
  idle: { color: '#cbd5e1', label: 'agv.idle' },
  movingEmpty: { color: '#facc15', label: 'agv.movingEmpty' },
  movingLoaded: { color: '#84cc16', label: 'agv.movingLoaded' },
  waitingTraffic: { color: '#fb923c', label: 'agv.waitingTraffic' },
  loadUnload: { color: '#60a5fa', label: 'agv.loadUnload' },
  charging: { color: '#c084fc', label: 'agv.charging' },
  stopped: { color: '#dc2626', label: 'agv.stopped' }, // network safety stop
};

const UNKNOWN_COLOR = '#e5e7eb';

/** By state code (the last entry: unknown). */
export const MACHINE_COLORS: readonly string[] = [
  ...MACHINE_STATES.map((s) => MACHINE[s].color),
  UNKNOWN_COLOR,
];
export const MACHINE_LABELS: readonly MessageKey[] = [
  ...MACHINE_STATES.map((s) => MACHINE[s].label),
  'state.unknown',
];
export const AGV_COLORS: readonly string[] = [...AGV_STATES.map((s) => AGV[s].color), UNKNOWN_COLOR];
export const AGV_LABELS: readonly MessageKey[] = [...AGV_STATES.map((s) => AGV[s].label), 'agv.unknown'];

const MACHINE_CODES = new Map<string, number>(MACHINE_STATES.map((s, i) => [s, i]));
const AGV_CODES = new Map<string, number>(AGV_STATES.map((s, i) => [s, i]));

/** State code of a recorded machine state name: sim-core's names exactly, anything else unknown. */
export const machineStateCode = (name: string): number => MACHINE_CODES.get(name) ?? MACHINE_UNKNOWN;
export const agvStateCode = (name: string): number => AGV_CODES.get(name) ?? AGV_UNKNOWN;
