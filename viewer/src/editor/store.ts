import { createStore } from 'zustand/vanilla';
import type { Data } from './model/data';
import type { EntityKey } from './model/entities';
import type { OpenedScenario } from './model/files';
import { type History, push, redo, start, undo } from './model/history';
import type { PlaceTool } from './objects/tools';

export type Tool = 'select' | 'machine' | 'gnb' | 'node' | 'edge' | 'agv' | PlaceTool;

export interface EditorState {
  opened: OpenedScenario | null;
  history: History | null;
  /** A drag in progress: shown and validated, entered into the history when the button is released. */
  preview: Data | null;
  selection: EntityKey | null;
  tool: Tool;
  /** Grid step for placing and moving, metres (0: off). */
  gridM: number;
  /** New edges are two-way (else one-way, in the drawing direction). */
  twoWay: boolean;
  /** The node an edge being drawn starts from. */
  edgeFrom: string | null;
  error: string | null;
  /** A layout shown instead of the edit, read-only (an optimiser's front member: optimise/store.ts). */
  inspect: { id: string; data: Data } | null;
}

export const editor = createStore<EditorState>()(() => ({
  opened: null,
  history: null,
  preview: null,
  selection: null,
  tool: 'select',
  gridM: 1,
  twoWay: true,
  edgeFrom: null,
  error: null,
  inspect: null,
}));

/** The scenario as shown: a layout being inspected, else the drag preview, else the present state. */
export const currentData = (s: EditorState): Data | null =>
  s.inspect?.data ?? s.preview ?? s.history?.present ?? null;

export function openInEditor(opened: OpenedScenario): void {
  editor.setState({
    opened,
    history: start(opened.data),
    preview: null,
    selection: null,
    edgeFrom: null,
    error: null,
    inspect: null,
  });
}

/** Applies an edit to the present state as one undo step (a drag's preview is dropped). */
export function edit(fn: (d: Data) => Data, selection?: EntityKey | null): void {
  editor.setState((s) => {
    if (!s.history) return {};
    const next = fn(s.history.present);
    return {
      history: push(s.history, next),
      preview: null,
      ...(selection === undefined ? {} : { selection }),
    };
  });
}

/** Shows an edit in progress (a drag) without recording it. */
export function previewEdit(fn: (d: Data) => Data): void {
  editor.setState((s) => (s.history ? { preview: fn(s.history.present) } : {}));
}

/** Enters the preview into the history as one step. */
export function commitPreview(): void {
  editor.setState((s) =>
    s.history && s.preview ? { history: push(s.history, s.preview), preview: null } : { preview: null },
  );
}

export const undoEdit = () =>
  editor.setState((s) => (s.history ? { history: undo(s.history), preview: null, edgeFrom: null } : {}));
export const redoEdit = () =>
  editor.setState((s) => (s.history ? { history: redo(s.history), preview: null, edgeFrom: null } : {}));

export const setEditor = (patch: Partial<EditorState>) => editor.setState(patch);

/** An edit that makes an entity (added node, machine…): one undo step; returns the entity's key. */
export function editAdding<K>(fn: (d: Data) => { data: Data; key: K } | undefined): K | undefined {
  const s = editor.getState();
  if (!s.history) return undefined;
  const r = fn(s.history.present);
  if (!r) return undefined;
  editor.setState({ history: push(s.history, r.data), preview: null });
  return r.key;
}
