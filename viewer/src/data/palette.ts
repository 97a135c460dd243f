import type { AgvState, MachineState } from '@factory-twin/sim-core';

/**
 * The scene's state colours: at most eight, from Okabe & Ito's colour-universal-design set
 * (Okabe M., Ito K., "Color Universal Design", 2008), which stays distinguishable under protanopia,
 * deuteranopia and tritanopia; black is replaced by greys, which read on our dark floor.
 * Machines and AGVs share a colour where their states mean the same thing (working, waiting for work,
 * held up, handling a part, stopped); shape tells a machine from an AGV. A failure also carries a
 * pattern (diagonal stripes), so it never relies on colour alone.
 */
export type StateClass = 'work' | 'idle' | 'empty' | 'held' | 'handling' | 'stopped' | 'charging' | 'off';

/** Surface patterns drawn by the state material (../scene/state-material.ts). */
export const PATTERN = { none: 0, stripes: 1, hatch: 2 } as const;
export type Pattern = (typeof PATTERN)[keyof typeof PATTERN];

export interface StateStyle {
  color: string;
  pattern: Pattern;
}

export const STATE_CLASSES: Record<StateClass, StateStyle> = {
  work: { color: '#009E73', pattern: PATTERN.none }, // bluish green
  idle: { color: '#B8C2CC', pattern: PATTERN.none }, // light grey
  empty: { color: '#56B4E9', pattern: PATTERN.none }, // sky blue
  held: { color: '#E69F00', pattern: PATTERN.none }, // orange
  handling: { color: '#CC79A7', pattern: PATTERN.none }, // reddish purple
  stopped: { color: '#D55E00', pattern: PATTERN.stripes }, // vermillion, striped
  charging: { color: '#F0E442', pattern: PATTERN.none }, // yellow
  off: { color: '#5B6675', pattern: PATTERN.none }, // dark grey
};

/** Legend order: the states a viewer looks for first. */
export const STATE_CLASS_ORDER: readonly StateClass[] = [
  'work',
  'idle',
  'empty',
  'held',
  'handling',
  'stopped',
  'charging',
  'off',
];

export const MACHINE_STATE_CLASS: Record<MachineState, StateClass> = {
  busy: 'work',
  idle: 'idle',
  starved: 'empty',
  blocked: 'held',
  setup: 'handling',
  down: 'stopped',
  'off-shift': 'off',
};

export const AGV_STATE_CLASS: Record<AgvState, StateClass> = {
  movingLoaded: 'work',
  idle: 'idle',
  movingEmpty: 'empty',
  waitingTraffic: 'held',
  loadUnload: 'handling',
  stopped: 'stopped',
  charging: 'charging',
};

/** A state the viewer cannot name (a damaged or newer recording): dark grey, cross-hatched. */
export const UNKNOWN_STYLE: StateStyle = { color: STATE_CLASSES.off.color, pattern: PATTERN.hatch };

/**
 * Everything else in the scene is told apart by shape (the legend shows the shape); these colours only
 * need to differ from the state colours and from each other.
 */
export const MARKER_COLORS = {
  legacy: '#FFFFFF', // white cone over a machine without a digital module
  gateway: '#8C7CF0', // violet box
  gnb: '#A5B4FC', // lavender mast
  camera: '#E2E8F0', // pale pyramid
  interference: '#7C2D12', // rust disc
  buffer: '#94A3B8', // slate cage
} as const;

/** Buffer fill: the column's height is the level; its colour runs from pale (empty) to deep blue (full). */
export const BUFFER_FILL_RAMP = ['#DCEFFA', '#7FB8DE', '#0072B2'] as const;
