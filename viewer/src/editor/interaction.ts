// What a pointer does on the editor's floor, by tool. Called from the scene's pointer events with floor
// coordinates (metres); no React here.
import { endRotate, rotateTo } from './antenna-handle';
import { snap } from './model/data';
import { type EntityKey, entityAt, keyOf, MOVABLE, NODE_FIELD, parseKey, positionOf } from './model/entities';
import { addCharger, moveToNode } from './model/fleet';
import { addAgv, addCopy, addEdge, addNode, moveEntity } from './model/ops';
import { placeNew, templateOf } from './model/place';
import { nearestNode } from './model/stations';
import { setRadius } from './model/zones';
import { isPlaceKind } from './objects/tools';
import { commitPreview, currentData, editAdding, editor, previewEdit, setEditor } from './store';

/**
 * A drag in progress: `move` keeps the grab offset, `node` snaps an AGV or charger to the nearest path
 * node, `radius` resizes a zone by its rim handle.
 */
let drag: { key: EntityKey; mode: 'move' | 'node' | 'radius'; dx: number; dy: number } | null = null;

const grid = () => editor.getState().gridM;

/** The entity a new one of `kind` copies: the selected one of that kind, else the last one. */
function template(kind: 'machine' | 'gnb'): EntityKey | undefined {
  const s = editor.getState();
  const data = currentData(s);
  return data ? templateOf(data, kind, s.selection) : undefined;
}

/** A press this close to a node (m) is on the node, whatever is drawn over it (a buffer at its station). */
const NODE_REACH_M = 1.5;

function nodeNear(xM: number, yM: number): string | undefined {
  const data = currentData(editor.getState());
  return data ? nearestNode(data, xM, yM, NODE_REACH_M) : undefined;
}

/** Adds a charger at a node (one undo step) and selects it. */
function placeCharger(nodeId: string): void {
  const key = editAdding((d) => addCharger(d, nodeId));
  if (key) setEditor({ selection: key });
}

/** A press on empty floor (or, with a placing tool, anywhere). */
export function pressFloor(xM: number, yM: number): void {
  const s = editor.getState();
  if (s.inspect) return; // a layout shown read-only
  const x = snap(xM, grid());
  const y = snap(yM, grid());
  if (isPlaceKind(s.tool)) {
    const kind = s.tool;
    const key = editAdding((d) => placeNew(d, kind, x, y, s.selection));
    if (key) setEditor({ selection: key });
    return;
  }
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
    case 'charger': {
      const near = nodeNear(xM, yM);
      if (near) placeCharger(near);
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
    if (at && MOVABLE.has(kind)) drag = { key, mode: 'move', dx: at.xM - xM, dy: at.yM - yM };
    else if (at && NODE_FIELD[kind] !== undefined) drag = { key, mode: 'node', dx: 0, dy: 0 };
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
  if (s.tool === 'charger') {
    placeCharger(id);
    return true;
  }
  return false;
}

/** A press on a zone's rim handle: the drag that follows sets its radius. */
export function pressHandle(key: EntityKey): void {
  setEditor({ selection: key });
  drag = { key, mode: 'radius', dx: 0, dy: 0 };
}

/** Pointer moved over the floor: drags the grabbed entity (a preview until release). */
export function moveOnFloor(xM: number, yM: number): void {
  if (rotateTo(xM, yM) || !drag) return;
  const { key, mode, dx, dy } = drag;
  if (mode === 'move') {
    previewEdit((d) => moveEntity(d, key, snap(xM + dx, grid()), snap(yM + dy, grid())));
  } else if (mode === 'node') {
    previewEdit((d) => {
      const node = nearestNode(d, xM, yM);
      return node === undefined ? d : moveToNode(d, key, node);
    });
  } else {
    previewEdit((d) => {
      const z = entityAt(d, key);
      if (!z) return d;
      const r = Math.hypot(xM - Number(z.xM), yM - Number(z.yM));
      return setRadius(d, key, snap(r, grid()));
    });
  }
}

/** Button released: a drag becomes one undo step. */
export function release(): void {
  if (endRotate() || !drag) return;
  drag = null;
  commitPreview();
}

export const dragging = () => drag !== null;
