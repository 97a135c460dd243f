// Cameras (video devices): the replay's pale pyramid; the panel edits the camera and its radio device.
import { useMemo } from 'react';
import { MARKER_COLORS } from '../../data/palette';
import { standingCylinder } from '../../scene/shared';
import { fields } from '../FieldInput';
import { listAt } from '../model/data';
import { COLLECTION, keyOf } from '../model/entities';
import { DevicePanel } from './device-fields';
import { type LayerProps, num, type ObjectType, pressable } from './types';

function CamerasLayer({ data, onPress }: LayerProps) {
  const geometry = useMemo(() => standingCylinder(4, 0.2), []);
  return (
    <group>
      {listAt(data, COLLECTION.camera).map((c) => {
        const key = keyOf('camera', String(c.id));
        return (
          <mesh
            key={key}
            geometry={geometry}
            position={[num(c.xM), num(c.yM), 0.1]}
            rotation={[0, 0, Math.PI / 4]}
            scale={[0.8, 0.8, 0.8]}
            {...pressable(key, onPress)}
          >
            <meshStandardMaterial color={MARKER_COLORS.camera} emissive="#64748b" />
          </mesh>
        );
      })}
    </group>
  );
}

export const camera: ObjectType = {
  fields: [...fields.xy, fields.num('heightM'), fields.num('bitrateMbps')],
  Panel: DevicePanel,
  Layer: CamerasLayer,
};
