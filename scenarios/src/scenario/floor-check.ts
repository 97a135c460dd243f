import { isPlainObject } from './merge';
import type { SchemaProblem } from './zod-issues';

/**
 * The problem of a point that lies outside the scenario's floor, or undefined (also when the floor or the
 * point is malformed: the schema reports those). `label(x, y)` names the point, e.g. `gateway "G1" at (3, 4)`.
 */
export function outsideFloorProblem(
  data: Record<string, unknown>,
  point: { xM?: unknown; yM?: unknown },
  path: PropertyKey[],
  label: (xM: number, yM: number) => string,
): SchemaProblem | undefined {
  const floor = isPlainObject(data.floor) ? data.floor : {};
  const { widthM, depthM } = floor;
  const { xM, yM } = point;
  if (
    typeof widthM !== 'number' ||
    typeof depthM !== 'number' ||
    typeof xM !== 'number' ||
    typeof yM !== 'number'
  )
    return undefined;
  if (xM >= 0 && yM >= 0 && xM <= widthM && yM <= depthM) return undefined;
  return { path, message: `${label(xM, yM)} lies outside the ${widthM} × ${depthM} m floor` };
}
