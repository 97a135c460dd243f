// Sinks (where finished parts leave, e.g. a warehouse): a rack, and the line to their station's node.
import { fields } from '../FieldInput';
import { listAt } from '../model/data';
import { COLLECTION, keyOf } from '../model/entities';
import { KIT_MATERIAL, kit } from './kit';
import { StationLinks, StationSelect } from './station';
import { type LayerProps, num, type ObjectType, pressable } from './types';

function SinksLayer({ data, onPress }: LayerProps) {
  return (
    <group>
      {listAt(data, COLLECTION.sink).map((s) => {
        const key = keyOf('sink', String(s.id));
        return (
          <mesh
            key={key}
            geometry={kit('rack')}
            material={KIT_MATERIAL}
            position={[num(s.xM), num(s.yM), 0]}
            scale={[3.2, 1.6, 1.2]}
            {...pressable(key, onPress)}
          />
        );
      })}
      <StationLinks data={data} kind="sink" />
    </group>
  );
}

export const sink: ObjectType = {
  fields: [fields.text('label'), ...fields.xy],
  Panel: StationSelect,
  Layer: SinksLayer,
};
