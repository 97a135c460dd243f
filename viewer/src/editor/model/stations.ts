// AGV stations: in the scenario format a buffer or sink is a station when it names the path node where
// carriers load and unload (`nodeId`); chargers and AGVs stand at a node of their own.
import { type Data, listAt } from './data';
import { COLLECTION, type EntityKey, parseKey } from './entities';
import { setField } from './ops';

/** A buffer placed this close to a path node (m) is that node's station. Assumption: docks sit beside the aisle. */
export const STATION_REACH_M = 3;

/** The path nodes by distance from (xM, yM), nearest first (at most `limit`, within `reachM`). */
export function nodesNear(
  data: Data,
  xM: number,
  yM: number,
  { limit = Number.POSITIVE_INFINITY, reachM = Number.POSITIVE_INFINITY } = {},
): { id: string; distanceM: number }[] {
  return listAt(data, COLLECTION.node)
    .map((n) => ({ id: String(n.id), distanceM: Math.hypot(Number(n.xM) - xM, Number(n.yM) - yM) }))
    .filter((n) => Number.isFinite(n.distanceM) && n.distanceM <= reachM)
    .sort((a, b) => a.distanceM - b.distanceM || (a.id < b.id ? -1 : 1))
    .slice(0, limit);
}

/** The nearest path node to (xM, yM), or undefined (none within `reachM`). */
export const nearestNode = (data: Data, xM: number, yM: number, reachM?: number) =>
  nodesNear(data, xM, yM, { limit: 1, reachM })[0]?.id;

/** Kinds that can be a station (`nodeId`). */
export const isStationKind = (key: EntityKey) => ['buffer', 'sink'].includes(parseKey(key).kind);

/** Makes a buffer or sink the station of `nodeId` (undefined: no station). */
export const setStation = (data: Data, key: EntityKey, nodeId: string | undefined) =>
  isStationKind(key) ? setField(data, key, ['nodeId'], nodeId) : data;
