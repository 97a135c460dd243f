import { createStore } from 'zustand/vanilla';
import type { RunModel } from '../data/run-model';
import { clock } from './clock';
import { selection } from './selection';
import { ui } from './ui';

export interface RecordingState {
  /** Run A (main) and, in compare mode, run B. */
  runs: [RunModel | null, RunModel | null];
  /** Name of what is being opened, per slot. */
  loading: [string | null, string | null];
  /** Why the last open failed, per slot (the page still works). */
  error: [{ name: string; message: string } | null, { name: string; message: string } | null];
}

export const recordings = createStore<RecordingState>()(() => ({
  runs: [null, null],
  loading: [null, null],
  error: [null, null],
}));

type Slot = 0 | 1;

const setSlot = <K extends keyof RecordingState>(key: K, slot: Slot, value: RecordingState[K][number]) =>
  recordings.setState((s) => {
    const next = [...s[key]] as RecordingState[K];
    next[slot] = value;
    return { [key]: next } as Partial<RecordingState>;
  });

export function startLoading(slot: Slot, name: string) {
  setSlot('loading', slot, name);
  setSlot('error', slot, null);
}

export function failLoading(slot: Slot, name: string, message: string) {
  setSlot('loading', slot, null);
  setSlot('error', slot, { name, message });
}

/** Installs a run and fits the shared clock to the union of the open runs' time ranges. */
export function setRun(slot: Slot, run: RunModel | null) {
  setSlot('loading', slot, null);
  setSlot('runs', slot, run);
  if (slot === 0) selection.setState({ hovered: null, selected: null });
  if (slot === 0) ui.setState({ sample: false });
  const open = recordings.getState().runs.filter((r): r is RunModel => r !== null);
  if (open.length === 0) return;
  const start = Math.min(...open.map((r) => r.startMs));
  const end = Math.max(...open.map((r) => r.endMs));
  const keep = clock.getState().tMs;
  clock.getState().setRange(start, end);
  if (slot === 1) clock.getState().seek(keep);
}
