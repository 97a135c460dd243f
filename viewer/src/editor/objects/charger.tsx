// AGV chargers: the replay's charger kit at their path node (placed on a node, dragged from node to node).
import { fields } from '../FieldInput';
import { listAt } from '../model/data';
import { COLLECTION, keyOf, positionOf } from '../model/entities';
import { KIT_MATERIAL, kit } from './kit';
import { type LayerProps, type ObjectType, pressable } from './types';

/** The charger's floor pad (m), as the replay draws it before its AGV scale. */
const PAD_M = 2;

function ChargersLayer({ data, onPress }: LayerProps) {
  return (
    <group>
      {listAt(data, COLLECTION.charger).map((c) => {
        const key = keyOf('charger', String(c.id));
        const at = positionOf(data, key);
        if (!at) return null;
        return (
          <mesh
            key={key}
            geometry={kit('charger')}
            material={KIT_MATERIAL}
            // Beside its node (south-west), so the node stays grabbable.
            position={[at.xM - 0.9, at.yM - 0.9, 0.02]}
            scale={[PAD_M, PAD_M, 1]}
            {...pressable(key, onPress)}
          />
        );
      })}
    </group>
  );
}

export const charger: ObjectType = { fields: [fields.text('nodeId')], Layer: ChargersLayer };
