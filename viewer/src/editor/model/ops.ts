// The edit operations: each takes scenario data and returns new data (the input is never changed).
// Devices belong to what they are attached to: they are added, copied and removed with it.
import { type Data, getIn, listAt, mm, setIn } from './data';
import {
  COLLECTION,
  devicesOf,
  type EntityKey,
  edgeId,
  entityAt,
  freshId,
  indexOf,
  keyOf,
  MOVABLE,
  parseKey,
  pathOf,
  SINGLE,
  usedIds,
} from './entities';

/** Moves an entity to (xM, yM); AGVs, chargers and edges do not move this way. */
export function moveEntity(data: Data, key: EntityKey, xM: number, yM: number): Data {
  const { kind } = parseKey(key);
  const path = pathOf(data, key);
  if (!path || !MOVABLE.has(kind)) return data;
  const e = getIn(data, path) as Data;
  if (e.xM === mm(xM) && e.yM === mm(yM)) return data;
  return setIn(data, path, { ...e, xM: mm(xM), yM: mm(yM) });
}

/** Sets one field of an entity (`field` may be a path, e.g. ['carrier', 'tddPattern']); undefined removes it. */
export function setField(data: Data, key: EntityKey, field: readonly string[], value: unknown): Data {
  const path = pathOf(data, key);
  if (!path) return data;
  let next = setIn(data, [...path, ...field], value);
  // An emptied nested object (a gNB's carrier override with no field left) goes too.
  for (let n = field.length - 1; n > 0; n--) {
    const parent = getIn(next, [...path, ...field.slice(0, n)]);
    if (parent && typeof parent === 'object' && Object.keys(parent).length === 0)
      next = setIn(next, [...path, ...field.slice(0, n)], undefined);
  }
  return next;
}

/**
 * Removes an entity, with what cannot stand without it: its devices (and their mention in flows), a node's
 * edges and chargers. The last Wi-Fi access point takes the list with it (the model then puts one at each
 * gNB site, as without a list).
 */
export function deleteEntity(data: Data, key: EntityKey): Data {
  const { kind, id } = parseKey(key);
  const i = indexOf(data, key);
  if (i < 0 || SINGLE.has(kind)) return data;
  const list = getIn(data, COLLECTION[kind]) as unknown[];
  let next = setIn(
    data,
    COLLECTION[kind],
    list.filter((_, j) => j !== i),
  );
  if (kind === 'node') {
    const edges = listAt(next, COLLECTION.edge).filter((e) => e.from !== id && e.to !== id);
    next = setIn(next, COLLECTION.edge, edges);
    const chargers = listAt(next, COLLECTION.charger);
    if (chargers.some((c) => c.nodeId === id))
      next = setIn(
        next,
        COLLECTION.charger,
        chargers.filter((c) => c.nodeId !== id),
      );
  }
  if (kind === 'ap' && listAt(data, COLLECTION.ap).length === 1) {
    next = setIn(next, COLLECTION.ap, undefined);
    const wifi = getIn(next, ['network', 'wifi']);
    if (wifi && typeof wifi === 'object' && Object.keys(wifi).length === 0)
      next = setIn(next, ['network', 'wifi'], undefined);
  }
  if (kind !== 'edge') next = removeDevices(next, devicesOf(next, id));
  return next;
}

/** Removes devices and their ids from the flows that list them. */
export function removeDevices(data: Data, devices: Data[]): Data {
  if (devices.length === 0) return data;
  const gone = new Set(devices.map((d) => String(d.id)));
  let next = setIn(
    data,
    COLLECTION.device,
    listAt(data, COLLECTION.device).filter((d) => !gone.has(String(d.id))),
  );
  const flows = listAt(next, ['network', 'traffic']);
  if (flows.some((f) => Array.isArray(f.deviceIds) && f.deviceIds.some((d) => gone.has(String(d))))) {
    next = setIn(
      next,
      ['network', 'traffic'],
      flows.map((f) =>
        Array.isArray(f.deviceIds) ? { ...f, deviceIds: f.deviceIds.filter((d) => !gone.has(String(d))) } : f,
      ),
    );
  }
  return next;
}

/**
 * Adds a copy of a template entity (a machine, gNB, gateway…) at (xM, yM) under a fresh id, with copies of
 * the template's devices (their flows listing the template's device list the copy's too). Returns the new
 * data and the new entity's key.
 */
export function addCopy(
  data: Data,
  template: EntityKey,
  xM: number,
  yM: number,
): { data: Data; key: EntityKey } {
  const { kind, id } = parseKey(template);
  const t = entityAt(data, template);
  if (!t || !MOVABLE.has(kind) || SINGLE.has(kind)) return { data, key: template };
  const newId = freshId(data, id);
  const copy = { ...structuredClone(t), id: newId, xM: mm(xM), yM: mm(yM) };
  let next = setIn(data, COLLECTION[kind], [...listAt(data, COLLECTION[kind]), copy]);
  next = copyDevices(next, id, newId);
  return { data: next, key: keyOf(kind, newId) };
}

/** Copies the devices attached to `fromId` onto `toId` (fresh ids) and adds them to the flows that list the originals. */
function copyDevices(data: Data, fromId: string, toId: string): Data {
  let next = data;
  const renamed = new Map<string, string>();
  for (const d of devicesOf(data, fromId)) {
    const oldId = String(d.id);
    const guess = oldId.includes(fromId) ? oldId.replace(fromId, toId) : `${toId}-${oldId}`;
    const newId = indexOf(next, keyOf('device', guess)) < 0 && guess !== toId ? guess : freshId(next, guess);
    renamed.set(oldId, newId);
    next = setIn(next, COLLECTION.device, [
      ...listAt(next, COLLECTION.device),
      { ...structuredClone(d), id: newId, attachedTo: toId },
    ]);
  }
  if (renamed.size === 0) return next;
  const flows = listAt(next, ['network', 'traffic']);
  return setIn(
    next,
    ['network', 'traffic'],
    flows.map((f) => {
      if (!Array.isArray(f.deviceIds)) return f;
      const extra = f.deviceIds.flatMap((d) => (renamed.has(String(d)) ? [renamed.get(String(d))] : []));
      return extra.length === 0 ? f : { ...f, deviceIds: [...f.deviceIds, ...extra] };
    }),
  );
}

/** Adds a path node at (xM, yM), named after the existing ones (`N31` after `N30`). */
export function addNode(data: Data, xM: number, yM: number): { data: Data; key: EntityKey } {
  const nodes = listAt(data, COLLECTION.node);
  const last = nodes.length > 0 ? String(nodes[nodes.length - 1].id) : 'N0';
  // Plants that name nodes by position (`N30_10`) get a positional name.
  const positional = `N${Math.round(xM)}_${Math.round(yM)}`;
  const id = /^N\d+_\d+$/.test(last) && !usedIds(data).has(positional) ? positional : freshId(data, last);
  const paths = getIn(data, ['paths']);
  const base = paths === undefined ? setIn(data, ['paths'], { nodes: [], edges: [] }) : data;
  return {
    data: setIn(base, COLLECTION.node, [...listAt(base, COLLECTION.node), { id, xM: mm(xM), yM: mm(yM) }]),
    key: keyOf('node', id),
  };
}

/**
 * Adds an AGV path edge (two-way, the schema's default, or one-way from → to). Nothing changes for a
 * loop, a missing node or an edge that already joins the two nodes this way.
 */
export function addEdge(
  data: Data,
  from: string,
  to: string,
  twoWay: boolean,
): { data: Data; key: EntityKey } {
  const key = keyOf('edge', `${from}>${to}`);
  if (from === to || indexOf(data, keyOf('node', from)) < 0 || indexOf(data, keyOf('node', to)) < 0)
    return { data, key };
  const edges = listAt(data, COLLECTION.edge);
  const same = edges.some(
    (e) =>
      (e.from === from && e.to === to) || (e.from === to && e.to === from && e.twoWay !== false && twoWay),
  );
  if (same) return { data, key };
  const edge = twoWay ? { from, to } : { from, to, twoWay: false };
  return { data: setIn(data, COLLECTION.edge, [...edges, edge]), key: keyOf('edge', edgeId(edge)) };
}

/** Adds an AGV (a copy of the first vehicle, with its devices) starting at a path node. */
export function addAgv(data: Data, nodeId: string): { data: Data; key: EntityKey } | undefined {
  const vehicles = listAt(data, COLLECTION.agv);
  if (vehicles.length === 0) return undefined;
  const t = vehicles[vehicles.length - 1];
  const id = freshId(data, String(t.id));
  let next = setIn(data, COLLECTION.agv, [...vehicles, { ...structuredClone(t), id, startNodeId: nodeId }]);
  next = copyDevices(next, String(t.id), id);
  return { data: next, key: keyOf('agv', id) };
}
