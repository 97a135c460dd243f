import { useEffect } from 'react';
import { deleteEntity } from './model/ops';
import { PLACE_TOOLS } from './objects/tools';
import { edit, editor, redoEdit, setEditor, type Tool, undoEdit } from './store';

const TOOL_KEYS: Record<string, Tool> = {
  v: 'select',
  m: 'machine',
  g: 'gnb',
  n: 'node',
  e: 'edge',
  a: 'agv',
  ...Object.fromEntries(PLACE_TOOLS.map((p) => [p.key, p.tool])),
};

/** Editor keys: Ctrl+Z / Ctrl+Shift+Z (Ctrl+Y) undo and redo, Delete, Esc, and a letter per tool. */
export function useEditorKeys(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const t = e.target as HTMLElement | null;
      if (t && /^(INPUT|SELECT|TEXTAREA)$/.test(t.tagName)) return;
      const mod = e.ctrlKey || e.metaKey;
      const k = e.key.toLowerCase();
      if (mod && k === 'z') {
        e.preventDefault();
        if (e.shiftKey) redoEdit();
        else undoEdit();
        return;
      }
      if (mod && k === 'y') {
        e.preventDefault();
        redoEdit();
        return;
      }
      if (mod || e.altKey) return;
      const s = editor.getState();
      if ((e.key === 'Delete' || e.key === 'Backspace') && s.selection) {
        e.preventDefault();
        const key = s.selection;
        edit((d) => deleteEntity(d, key), null);
      } else if (e.key === 'Escape') {
        setEditor(s.edgeFrom ? { edgeFrom: null } : { selection: null });
      } else if (TOOL_KEYS[k]) {
        setEditor({ tool: TOOL_KEYS[k], edgeFrom: null });
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
