// What a pointer does on the editor's floor, by tool. Called from the scene's pointer events with floor
// coordinates (metres); no React here.
import { listAt, snap } from './model/data';
import { type EntityKey, keyOf, MOVABLE, parseKey, positionOf } from './model/entities';
import { addAgv, addCopy, addEdge, addNode, moveEntity } from './model/ops';
import { commitPreview, currentData, editAdding, editor, previewEdit, setEditor } from './store';

let drag: { key: EntityKey; dx: number; dy: number } | null = null;

const grid = () => editor.getState().gridM;

/** The entity a new one of `kind` copies: the selected one of that kind, else the last one. */
function template(kind: 'machine' | 'gnb'): EntityKey | undefined {
  const s = editor.getState();
  if (s.selection && parseKey(s.selection).kind === kind) return s.selection;
  const data = currentData(s);
  const list = data ? listAt(data, kind === 'machine' ? ['machines'] : ['network', 'gnbs']) : [];
  return list.length > 0 ? keyOf(kind, String(list[list.length - 1].id)) : undefined;
}

/** A press this close to a node (m) is on the node, whatever is drawn over it (a buffer at its station). */
const NODE_REACH_M = 1.5;

function nodeNear(xM: number, yM: number): string | undefined {
  const data = currentData(editor.getState());
  let best: { id: string; d: number } | undefined;
  for (const n of data ? listAt(data, ['paths', 'nodes']) : []) {
    const d = Math.hypot(Number(n.xM) - xM, Number(n.yM) - yM);
    if (d <= NODE_REACH_M && (!best || d < best.d)) best = { id: String(n.id), d };
  }
  return best?.id;
}

/** A press on empty floor (or, with a placing tool, anywhere). */
export function pressFloor(xM: number, yM: number): void {
  const s = editor.getState();
  if (s.inspect) return; // a layout shown read-only
  const x = snap(xM, grid());
  const y = snap(yM, grid());
  switch (s.tool) {
    case 'select':
      setEditor({ selection: null });
      return;
    case 'machine':
    case 'gnb': {
      const t = template(s.tool);
      if (!t) return;
      const key = editAdding((d) => addCopy(d, t, x, y));
      if (key) setEditor({ selection: key });
      return;
    }
    case 'node':
    case 'edge': {
      const near = s.tool === 'edge' ? nodeNear(xM, yM) : undefined;
      if (near) {
        pressEntity(keyOf('node', near), xM, yM);
        return;
      }
      const from = s.tool === 'edge' ? s.edgeFrom : null;
      const key = editAdding((d) => {
        const n = addNode(d, x, y);
        return {
          key: n.key,
          data: from === null ? n.data : addEdge(n.data, from, parseKey(n.key).id, s.twoWay).data,
        };
      });
      if (key) setEditor({ selection: key, edgeFrom: s.tool === 'edge' ? parseKey(key).id : null });
      return;
    }
    default:
      return;
  }
}

/** A press on an entity. Returns false when the press is the floor's (placing tools). */
export function pressEntity(key: EntityKey, xM: number, yM: number): boolean {
  const s = editor.getState();
  if (s.inspect) return true; // a layout shown read-only
  const { kind, id } = parseKey(key);
  if (s.tool === 'select') {
    setEditor({ selection: key });
    const data = currentData(s);
    const at = data && positionOf(data, key);
    if (at && MOVABLE.has(kind)) drag = { key, dx: at.xM - xM, dy: at.yM - yM };
    return true;
  }
  if (kind !== 'node') return false;
  if (s.tool === 'edge') {
    if (s.edgeFrom === null || s.edgeFrom === id) {
      setEditor({ edgeFrom: id, selection: key });
      return true;
    }
    const from = s.edgeFrom;
    const added = editAdding((d) => addEdge(d, from, id, s.twoWay));
    setEditor({ edgeFrom: id, selection: added ?? key });
    return true;
  }
  if (s.tool === 'agv') {
    const added = editAdding((d) => addAgv(d, id));
    if (added) setEditor({ selection: added });
    return true;
  }
  return false;
}

/** Pointer moved over the floor: drags the grabbed entity (a preview until release). */
export function moveOnFloor(xM: number, yM: number): void {
  if (!drag) return;
  const { key, dx, dy } = drag;
  previewEdit((d) => moveEntity(d, key, snap(xM + dx, grid()), snap(yM + dy, grid())));
}

/** Button released: a drag becomes one undo step. */
export function release(): void {
  if (!drag) return;
  drag = null;
  commitPreview();
}

export const dragging = () => drag !== null;
