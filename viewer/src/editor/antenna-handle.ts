// Turning a gNB's antenna by its boresight arrow: press the arrow's head, move, release (one undo step).
// Azimuths follow the scenario's convention: degrees from the floor's +x axis toward +y (counter-clockwise
// seen from above), snapped to 5° steps.
import { type EntityKey, positionOf } from './model/entities';
import { setField } from './model/ops';
import { commitPreview, currentData, editor, previewEdit, setEditor } from './store';

const STEP_DEG = 5;
let turning: EntityKey | null = null;

/** The azimuth from (x0, y0) toward (x, y), degrees in [0, 360), on STEP_DEG steps. */
export function azimuthToward(x0: number, y0: number, xM: number, yM: number): number {
  const deg = (Math.atan2(yM - y0, xM - x0) * 180) / Math.PI;
  return (((Math.round(deg / STEP_DEG) * STEP_DEG) % 360) + 360) % 360;
}

/** A press on the boresight arrow of gNB `key`: selects it and starts turning. */
export function pressRotate(key: EntityKey): void {
  setEditor({ selection: key });
  turning = key;
}

/** Pointer moved: turns the grabbed antenna toward it (a preview). False when nothing is being turned. */
export function rotateTo(xM: number, yM: number): boolean {
  if (turning === null) return false;
  const key = turning;
  const data = currentData(editor.getState());
  const at = data && positionOf(data, key);
  if (!at) return true;
  const az = azimuthToward(at.xM, at.yM, xM, yM);
  previewEdit((d) => setField(d, key, ['antenna', 'azimuthDeg'], az));
  return true;
}

/** Button released: the turn becomes one undo step. False when nothing was being turned. */
export function endRotate(): boolean {
  if (turning === null) return false;
  turning = null;
  commitPreview();
  return true;
}
