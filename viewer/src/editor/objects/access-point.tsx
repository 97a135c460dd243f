// Wi-Fi access points (`network.wifi.accessPoints`, used by connectivity "wifi" and the mobile part of
// "wired"): a teal disc with a ring for its antenna.
import { fields } from '../FieldInput';
import { listAt } from '../model/data';
import { COLLECTION, keyOf } from '../model/entities';
import { DISC, RING } from './kit';
import { type LayerProps, num, type ObjectType, pressable } from './types';

const AP_COLOR = '#2dd4bf';

function AccessPointsLayer({ data, onPress }: LayerProps) {
  return (
    <group>
      {listAt(data, COLLECTION.ap).map((a) => {
        const key = keyOf('ap', String(a.id));
        return (
          <group key={key} position={[num(a.xM), num(a.yM), 0.1]}>
            <mesh geometry={DISC} scale={[0.9, 0.9, 1]} {...pressable(key, onPress)}>
              <meshBasicMaterial color={AP_COLOR} />
            </mesh>
            <mesh geometry={RING} scale={[1.6, 1.6, 1]}>
              <meshBasicMaterial color={AP_COLOR} />
            </mesh>
          </group>
        );
      })}
    </group>
  );
}

export const ap: ObjectType = {
  fields: [
    ...fields.xy,
    fields.num('heightM'),
    fields.num('channel'),
    fields.num('txPowerDbm'),
    fields.num('antennaGainDbi'),
  ],
  Layer: AccessPointsLayer,
};
