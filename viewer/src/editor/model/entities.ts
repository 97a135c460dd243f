import { isPlainObject } from '@factory-twin/scenarios/browser';
import { type Data, getIn, listAt, type Path } from './data';

/** What the editor places, each kind kept in one array of the scenario. */
export type EntityKind =
  | 'machine'
  | 'buffer'
  | 'sink'
  | 'gateway'
  | 'camera'
  | 'gnb'
  | 'izone'
  | 'node'
  | 'edge'
  | 'agv'
  | 'charger'
  | 'ap'
  | 'crews'
  | 'device';

/**
 * The array each kind lives in (the crews' home is one object, not a list: see SINGLE). Edges have no id:
 * their key is `from>to`.
 */
export const COLLECTION: Record<EntityKind, Path> = {
  machine: ['machines'],
  buffer: ['buffers'],
  sink: ['sinks'],
  gateway: ['gateways'],
  camera: ['cameras'],
  gnb: ['network', 'gnbs'],
  izone: ['network', 'interferenceZones'],
  node: ['paths', 'nodes'],
  edge: ['paths', 'edges'],
  agv: ['agvs', 'vehicles'],
  charger: ['agvs', 'chargers'],
  ap: ['network', 'wifi', 'accessPoints'],
  crews: ['maintenance', 'crews', 'homeAt'],
  device: ['network', 'devices'],
};

/** Kinds that are one object (key `kind:home`), not a list: moved and edited, never added or deleted. */
export const SINGLE: ReadonlySet<EntityKind> = new Set(['crews']);
export const CREWS_HOME: EntityKey = 'crews:home';

export const KINDS = Object.keys(COLLECTION) as EntityKind[];

/** Kinds placed by their own `xM`, `yM` (AGVs and chargers stand at a path node; edges join two). */
export const MOVABLE: ReadonlySet<EntityKind> = new Set([
  'machine',
  'buffer',
  'sink',
  'gateway',
  'camera',
  'gnb',
  'izone',
  'node',
  'ap',
  'crews',
  'device',
]);

/** Kinds that stand at a path node, and the field naming it: they move from node to node. */
export const NODE_FIELD: Partial<Record<EntityKind, string>> = { agv: 'startNodeId', charger: 'nodeId' };

/** An entity's key: `kind:id` (`edge:from>to`). */
export type EntityKey = string;

export const keyOf = (kind: EntityKind, id: string): EntityKey => `${kind}:${id}`;
export const edgeId = (e: Data) => `${String(e.from)}>${String(e.to)}`;

export function parseKey(key: EntityKey): { kind: EntityKind; id: string } {
  const i = key.indexOf(':');
  return { kind: key.slice(0, i) as EntityKind, id: key.slice(i + 1) };
}

const idOf = (kind: EntityKind, item: Data) => (kind === 'edge' ? edgeId(item) : String(item.id));

/**
 * Index of an entity in its array as the file has it (a single object: 0), or -1. Not `listAt`'s index:
 * that list leaves out entries that are not objects, so it would point at the wrong element.
 */
export function indexOf(data: Data, key: EntityKey): number {
  const { kind, id } = parseKey(key);
  const at = getIn(data, COLLECTION[kind]);
  if (SINGLE.has(kind)) return isPlainObject(at) ? 0 : -1;
  return Array.isArray(at) ? at.findIndex((item) => isPlainObject(item) && idOf(kind, item) === id) : -1;
}

/** Where an entity's object lies in the scenario (its array element, or a single object's path), or undefined. */
export function pathOf(data: Data, key: EntityKey): Path | undefined {
  const { kind } = parseKey(key);
  const i = indexOf(data, key);
  if (i < 0) return undefined;
  return SINGLE.has(kind) ? COLLECTION[kind] : [...COLLECTION[kind], i];
}

export function entityAt(data: Data, key: EntityKey): Data | undefined {
  const path = pathOf(data, key);
  const e = path && getIn(data, path);
  return isPlainObject(e) ? e : undefined;
}

/** Every id used by any entity (new ids avoid them all: ids share one namespace in the loader's checks). */
export function usedIds(data: Data): Set<string> {
  const out = new Set<string>();
  for (const kind of KINDS) for (const item of listAt(data, COLLECTION[kind])) out.add(String(item.id));
  return out;
}

/** A fresh id like the template's: `CNC-07` → `CNC-08` (the next free number with the same prefix). */
export function freshId(data: Data, template: string): string {
  const used = usedIds(data);
  const m = /^(.*?)(\d+)$/.exec(template);
  const prefix = m ? m[1] : `${template}-`;
  const width = m ? m[2].length : 1;
  for (let n = m ? Number(m[2]) + 1 : 1; ; n++) {
    const id = `${prefix}${String(n).padStart(width, '0')}`;
    if (!used.has(id)) return id;
  }
}

/** Where an entity stands on the floor (machines and zones by their centre), or undefined. */
export function positionOf(data: Data, key: EntityKey): { xM: number; yM: number } | undefined {
  const { kind } = parseKey(key);
  const e = entityAt(data, key);
  if (!e) return undefined;
  const field = NODE_FIELD[kind];
  if (field !== undefined) {
    const node = entityAt(data, keyOf('node', String(e[field])));
    return node && pointOf(node);
  }
  if (kind === 'device' && e.attachedTo !== undefined) {
    const owner = ownerKey(data, String(e.attachedTo));
    return owner ? positionOf(data, owner) : undefined;
  }
  return pointOf(e);
}

function pointOf(e: Data): { xM: number; yM: number } | undefined {
  return typeof e.xM === 'number' && typeof e.yM === 'number' ? { xM: e.xM, yM: e.yM } : undefined;
}

/** The machine, gateway, camera or AGV a device is attached to (by id). */
export function ownerKey(data: Data, id: string): EntityKey | undefined {
  for (const kind of ['machine', 'gateway', 'camera', 'agv'] as const)
    if (indexOf(data, keyOf(kind, id)) >= 0) return keyOf(kind, id);
  return undefined;
}

/** The devices attached to an entity (they follow it: one place to edit). */
export function devicesOf(data: Data, id: string): Data[] {
  return listAt(data, COLLECTION.device).filter((d) => d.attachedTo === id);
}

/**
 * The entity a validation problem concerns, from its JSON path: the deepest entity array element on the
 * path (a device's problem goes to what it is attached to), or undefined for the scenario as a whole.
 */
export function entityOfPath(data: Data, path: readonly PropertyKey[]): EntityKey | undefined {
  if (COLLECTION.crews.every((seg, i) => path[i] === seg)) return CREWS_HOME;
  let best: { kind: EntityKind; depth: number; index: number } | undefined;
  for (const kind of KINDS) {
    const c = COLLECTION[kind];
    if (path.length <= c.length || !c.every((seg, i) => path[i] === seg)) continue;
    const index = path[c.length];
    if (typeof index === 'number' && (!best || c.length > best.depth))
      best = { kind, depth: c.length, index };
  }
  if (!best) return undefined;
  const item = getIn(data, [...COLLECTION[best.kind], best.index]);
  if (!isPlainObject(item)) return undefined;
  if (best.kind === 'device' && item.attachedTo !== undefined)
    return ownerKey(data, String(item.attachedTo)) ?? keyOf('device', String(item.id));
  return keyOf(best.kind, idOf(best.kind, item));
}

/** The floor's size, or a placeholder while the floor is invalid. */
export function floorOf(data: Data): { widthM: number; depthM: number } {
  const w = getIn(data, ['floor', 'widthM']);
  const d = getIn(data, ['floor', 'depthM']);
  return {
    widthM: typeof w === 'number' && w > 0 ? w : 50,
    depthM: typeof d === 'number' && d > 0 ? d : 50,
  };
}
