import type { Data } from './data';

/** Undo/redo over immutable scenario states: `present` plus the states before and after it. */
export interface History {
  past: readonly Data[];
  present: Data;
  future: readonly Data[];
}

/** Most states kept for undo (each shares most of its data with its neighbours). */
export const MAX_UNDO = 200;

export const start = (present: Data): History => ({ past: [], present, future: [] });

/** A new present (an edit); the redo states are dropped. An edit that changed nothing is not recorded. */
export function push(h: History, next: Data): History {
  if (next === h.present) return h;
  return { past: [...h.past, h.present].slice(-MAX_UNDO), present: next, future: [] };
}

export function undo(h: History): History {
  if (h.past.length === 0) return h;
  return { past: h.past.slice(0, -1), present: h.past[h.past.length - 1], future: [h.present, ...h.future] };
}

export function redo(h: History): History {
  if (h.future.length === 0) return h;
  return { past: [...h.past, h.present], present: h.future[0], future: h.future.slice(1) };
}
