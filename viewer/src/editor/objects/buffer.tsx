// Buffers: a cage (bounded) or a rack (capacity null: unlimited), and the line to their station's node.
import { MARKER_COLORS } from '../../data/palette';
import { fields } from '../FieldInput';
import { listAt } from '../model/data';
import { COLLECTION, keyOf } from '../model/entities';
import { BOX, KIT_MATERIAL, kit } from './kit';
import { StationLinks, StationSelect } from './station';
import { type LayerProps, num, type ObjectType, pressable } from './types';

/** A warehouse rack's footprint (m), as the replay draws it. */
const RACK_M: [number, number] = [2.4, 1.2];
const CAGE_M = 1.6;

function BuffersLayer({ data, onPress }: LayerProps) {
  return (
    <group>
      {listAt(data, COLLECTION.buffer).map((b) => {
        const key = keyOf('buffer', String(b.id));
        const at: [number, number, number] = [num(b.xM), num(b.yM), 0];
        return b.capacity === null ? (
          <mesh
            key={key}
            geometry={kit('rack')}
            material={KIT_MATERIAL}
            position={at}
            scale={[RACK_M[0], RACK_M[1], 1]}
            {...pressable(key, onPress)}
          />
        ) : (
          <mesh
            key={key}
            geometry={BOX}
            position={at}
            scale={[CAGE_M, CAGE_M, 1.2]}
            {...pressable(key, onPress)}
          >
            <meshStandardMaterial color={MARKER_COLORS.buffer} transparent opacity={0.75} />
          </mesh>
        );
      })}
      <StationLinks data={data} kind="buffer" />
    </group>
  );
}

export const buffer: ObjectType = {
  fields: [fields.text('label'), ...fields.xy, fields.num('capacity', 'null')],
  Panel: StationSelect,
  Layer: BuffersLayer,
};
