// Placing a new object of a kind on the floor: a copy of one the scenario has (the selected one, else the
// last), or, in a scenario without any, a fresh one with the format's required fields (and its radio device).
import { type Data, listAt, mm, setIn } from './data';
import { addDeviceFor, type DeviceKind } from './devices';
import { COLLECTION, type EntityKey, type EntityKind, freshId, keyOf, usedIds } from './entities';
import { addCopy } from './ops';
import { nearestNode, STATION_REACH_M, setStation } from './stations';

/** The kinds placed with a click on the floor by their own tool (machines and gNBs have theirs in ops.ts). */
export type PlaceKind = 'buffer' | 'gateway' | 'camera' | 'izone' | 'ap';

/**
 * A fresh object when there is none to copy: its first id and the required fields (after id, xM, yM).
 * Values are assumptions, marked so: a planner edits them in the panel.
 */
const FRESH: Record<PlaceKind, { id: string; fields: Data; device?: DeviceKind }> = {
  // Assumption: a small buffer of 10 slots.
  buffer: { id: 'B1', fields: { capacity: 10 } },
  // The model's default conversion delay (schema: "default 20 ms"), written out.
  gateway: { id: 'GW1', fields: { conversionDelayMs: 20 }, device: 'gateway' },
  // Assumption: a 4 Mbit/s camera at 6 m, as the plants' cameras.
  camera: { id: 'CAM1', fields: { heightM: 6, bitrateMbps: 4 }, device: 'camera' },
  // Assumption: a neighbour's interferer of -15 dBm at 3 m, 8 m drawn radius (the engine-parts plant's kind).
  izone: { id: 'IZ1', fields: { radiusM: 8, powerDbm: -15, heightM: 3 } },
  // Wi-Fi channel 36 (5 GHz), the first of the default plan; the rest default in the model.
  ap: { id: 'AP1', fields: { channel: 36 } },
};

/** The entity a new one of `kind` copies: `selected` if it is of that kind, else the last one, else none. */
export function templateOf(data: Data, kind: EntityKind, selected: EntityKey | null): EntityKey | undefined {
  if (selected?.startsWith(`${kind}:`)) return selected;
  const list = listAt(data, COLLECTION[kind]);
  return list.length > 0 ? keyOf(kind, String(list[list.length - 1].id)) : undefined;
}

/**
 * Places a new object of `kind` at (xM, yM): a copy of the template (with copies of its devices), else a
 * fresh one with a new device of its kind. A buffer becomes the station of a path node within
 * STATION_REACH_M (a copy never shares its original's station).
 */
export function placeNew(
  data: Data,
  kind: PlaceKind,
  xM: number,
  yM: number,
  selected: EntityKey | null = null,
): { data: Data; key: EntityKey } {
  const template = templateOf(data, kind, selected);
  let r: { data: Data; key: EntityKey };
  if (template) r = addCopy(data, template, xM, yM);
  else {
    const fresh = FRESH[kind];
    const id = usedIds(data).has(fresh.id) ? freshId(data, fresh.id) : fresh.id;
    const list = listAt(data, COLLECTION[kind]);
    let next = setIn(data, COLLECTION[kind], [...list, { id, xM: mm(xM), yM: mm(yM), ...fresh.fields }]);
    if (fresh.device) next = addDeviceFor(next, id, fresh.device);
    r = { data: next, key: keyOf(kind, id) };
  }
  if (kind === 'buffer')
    r = { ...r, data: setStation(r.data, r.key, nearestNode(r.data, xM, yM, STATION_REACH_M)) };
  return r;
}
