// Legacy machines join the network through a gateway (`legacy: true`, `gatewayId`): then they have no
// radio device of their own (the loader refuses one); back on their own 5G module they get one again.
import { type Data, listAt } from './data';
import { addDeviceFor } from './devices';
import { COLLECTION, devicesOf, type EntityKey, indexOf, keyOf, parseKey } from './entities';
import { removeDevices, setField } from './ops';

/**
 * Links a machine to a gateway (legacy, its devices removed), or with `gatewayId` undefined back to a
 * module of its own (a machine device added, like the scenario's others).
 */
export function setMachineGateway(data: Data, machine: EntityKey, gatewayId: string | undefined): Data {
  const { kind, id } = parseKey(machine);
  if (kind !== 'machine' || indexOf(data, machine) < 0) return data;
  if (gatewayId !== undefined) {
    if (indexOf(data, keyOf('gateway', gatewayId)) < 0) return data;
    let next = setField(data, machine, ['legacy'], true);
    next = setField(next, machine, ['gatewayId'], gatewayId);
    return removeDevices(next, devicesOf(next, id));
  }
  let next = setField(data, machine, ['legacy'], undefined);
  next = setField(next, machine, ['gatewayId'], undefined);
  return devicesOf(next, id).length > 0 ? next : addDeviceFor(next, id, 'machine');
}

/** The legacy machines reporting through a gateway (by id). */
export const machinesOf = (data: Data, gatewayId: string): string[] =>
  listAt(data, COLLECTION.machine)
    .filter((m) => m.legacy === true && m.gatewayId === gatewayId)
    .map((m) => String(m.id));
