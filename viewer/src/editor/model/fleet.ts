// The AGV fleet: vehicles and chargers stand at path nodes; the fleet size adds or removes vehicles with
// their radio devices together (one place to edit, not two).
import { type Data, getIn, listAt, setIn } from './data';
import {
  COLLECTION,
  type EntityKey,
  freshId,
  indexOf,
  keyOf,
  NODE_FIELD,
  parseKey,
  pathOf,
} from './entities';
import { addAgv, deleteEntity } from './ops';

/** Moves an AGV (its start) or a charger to another path node. */
export function moveToNode(data: Data, key: EntityKey, nodeId: string): Data {
  const { kind } = parseKey(key);
  const field = NODE_FIELD[kind];
  const path = pathOf(data, key);
  if (field === undefined || !path || indexOf(data, keyOf('node', nodeId)) < 0) return data;
  const e = getIn(data, path) as Data;
  return e[field] === nodeId ? data : setIn(data, path, { ...e, [field]: nodeId });
}

/** Adds a charger at a path node (nothing without an AGV fleet, or when the node has one already). */
export function addCharger(data: Data, nodeId: string): { data: Data; key: EntityKey } | undefined {
  if (getIn(data, ['agvs']) === undefined || indexOf(data, keyOf('node', nodeId)) < 0) return undefined;
  const chargers = listAt(data, COLLECTION.charger);
  if (chargers.some((c) => c.nodeId === nodeId)) return undefined;
  const last = chargers.length > 0 ? String(chargers[chargers.length - 1].id) : undefined;
  const id = last ? freshId(data, last) : freshId(data, 'CHG0');
  return { data: setIn(data, COLLECTION.charger, [...chargers, { id, nodeId }]), key: keyOf('charger', id) };
}

/**
 * Nodes where a new AGV may start: no AGV starts there (the loader's rule), and, while others are left,
 * no charger or station stands there; nearest to the last vehicle's start first.
 */
export function freeStartNodes(data: Data): string[] {
  const vehicles = listAt(data, COLLECTION.agv);
  const taken = new Set(vehicles.map((v) => String(v.startNodeId)));
  const busy = new Set(
    [
      ...listAt(data, COLLECTION.charger),
      ...listAt(data, COLLECTION.buffer),
      ...listAt(data, COLLECTION.sink),
    ]
      .map((e) => e.nodeId)
      .filter((n) => n !== undefined)
      .map(String),
  );
  const nodes = listAt(data, COLLECTION.node);
  const from = nodes.find((n) => n.id === vehicles[vehicles.length - 1]?.startNodeId);
  const d = (n: Data) =>
    from ? Math.hypot(Number(n.xM) - Number(from.xM), Number(n.yM) - Number(from.yM)) : 0;
  return nodes
    .filter((n) => !taken.has(String(n.id)))
    .map((n, i) => ({ id: String(n.id), busy: busy.has(String(n.id)), d: d(n), i }))
    .sort((a, b) => Number(a.busy) - Number(b.busy) || a.d - b.d || a.i - b.i)
    .map((n) => n.id);
}

/**
 * Sets the number of AGVs: new ones are copies of the last (with its devices) at free start nodes; the
 * last ones go first, with their devices. At least one vehicle (the schema's minimum); at most one per node.
 */
export function setFleetSize(data: Data, count: number): Data {
  let next = data;
  const n = Math.max(1, Math.floor(count));
  while (listAt(next, COLLECTION.agv).length > n) {
    const list = listAt(next, COLLECTION.agv);
    next = deleteEntity(next, keyOf('agv', String(list[list.length - 1].id)));
  }
  while (listAt(next, COLLECTION.agv).length < n) {
    const node = freeStartNodes(next)[0];
    const r = node === undefined ? undefined : addAgv(next, node);
    if (!r) break;
    next = r.data;
  }
  return next;
}
