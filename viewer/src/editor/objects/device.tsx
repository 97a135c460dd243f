// Fixed devices of kind "other" (a position of their own, no owner): a small dot. Attached devices are
// drawn and edited with their owner.
import { fields } from '../FieldInput';
import { listAt } from '../model/data';
import { COLLECTION, keyOf } from '../model/entities';
import { RADIO_FIELDS } from './device-fields';
import { DISC } from './kit';
import { type LayerProps, num, type ObjectType, pressable } from './types';

function FixedDevicesLayer({ data, onPress }: LayerProps) {
  return (
    <group>
      {listAt(data, COLLECTION.device)
        .filter((d) => d.attachedTo === undefined && typeof d.xM === 'number')
        .map((d) => {
          const key = keyOf('device', String(d.id));
          return (
            <mesh
              key={key}
              geometry={DISC}
              position={[num(d.xM), num(d.yM), 0.1]}
              scale={[0.6, 0.6, 1]}
              {...pressable(key, onPress)}
            >
              <meshBasicMaterial color="#f0abfc" />
            </mesh>
          );
        })}
    </group>
  );
}

export const device: ObjectType = {
  fields: [...fields.xy, ...RADIO_FIELDS],
  Layer: FixedDevicesLayer,
};
