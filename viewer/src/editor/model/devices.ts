// A new radio device for an object that has none (a placed gateway or camera, a machine leaving its
// gateway): one place to edit, the device comes and goes with its owner.
import { type Data, listAt, setIn } from './data';
import { COLLECTION, freshId, keyOf, usedIds } from './entities';

/** The kinds a device of an owner takes (the schema's `network.devices[].kind`). */
export type DeviceKind = 'machine' | 'gateway' | 'camera' | 'agv';

/**
 * Adds a device of `kind` attached to `ownerId`, like the scenario's other devices of that kind (its
 * fields, e.g. power class, copied from the first one; the flows that list that one by id list the new
 * one too). Named `UE-<owner>` as the plants name theirs, or a fresh id when that is taken.
 */
export function addDeviceFor(data: Data, ownerId: string, kind: DeviceKind): Data {
  const devices = listAt(data, COLLECTION.device);
  const like = devices.find((d) => d.kind === kind);
  const wanted = `UE-${ownerId}`;
  const id = usedIds(data).has(wanted) ? freshId(data, wanted) : wanted;
  const { id: _id, kind: _kind, attachedTo: _at, xM: _x, yM: _y, ...fields } = like ?? {};
  let next = setIn(data, COLLECTION.device, [...devices, { id, kind, attachedTo: ownerId, ...fields }]);
  if (!like) return next;
  const flows = listAt(next, ['network', 'traffic']);
  if (flows.some((f) => Array.isArray(f.deviceIds) && f.deviceIds.includes(like.id)))
    next = setIn(
      next,
      ['network', 'traffic'],
      flows.map((f) =>
        Array.isArray(f.deviceIds) && f.deviceIds.includes(like.id)
          ? { ...f, deviceIds: [...f.deviceIds, id] }
          : f,
      ),
    );
  return next;
}

/** The first device attached to `ownerId` (the one its panel edits), as an entity key. */
export function deviceKeyOf(data: Data, ownerId: string): string | undefined {
  const d = listAt(data, COLLECTION.device).find((x) => x.attachedTo === ownerId);
  return d ? keyOf('device', String(d.id)) : undefined;
}
