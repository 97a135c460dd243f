// AGVs: a box at their start node; the panel sets the fleet size (vehicles and their radio devices together).
import { useT } from '../../i18n/use-t';
import { fields } from '../FieldInput';
import { listAt } from '../model/data';
import { COLLECTION, keyOf, positionOf } from '../model/entities';
import { setFleetSize } from '../model/fleet';
import { edit } from '../store';
import { DeviceFields } from './device-fields';
import { BOX } from './kit';
import { type LayerProps, type ObjectType, type PanelProps, pressable } from './types';

function AgvsLayer({ data, onPress }: LayerProps) {
  return (
    <group>
      {listAt(data, COLLECTION.agv).map((a, i) => {
        const key = keyOf('agv', String(a.id));
        const at = positionOf(data, key);
        if (!at) return null;
        // AGVs sharing a node are fanned out a little so each can be picked.
        return (
          <mesh
            key={key}
            geometry={BOX}
            position={[at.xM + 0.9, at.yM + 0.9 + (i % 3) * 0.2, 0.07]}
            scale={[1.4, 0.9, 0.6]}
            {...pressable(key, onPress)}
          >
            <meshStandardMaterial color="#38bdf8" />
          </mesh>
        );
      })}
    </group>
  );
}

function AgvPanel({ data, id }: PanelProps) {
  const t = useT();
  const count = listAt(data, COLLECTION.agv).length;
  const commit = (text: string) => {
    const n = Number(text);
    if (Number.isInteger(n) && n >= 1 && n !== count) edit((d) => setFleetSize(d, n));
  };
  return (
    <>
      <DeviceFields data={data} ownerId={id} />
      <label className="editor-field">
        <span>{t('editor.fleetSize')}</span>
        <input
          key={count}
          defaultValue={count}
          inputMode="numeric"
          data-testid="editor-fleet-size"
          onBlur={(e) => commit(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') commit((e.target as HTMLInputElement).value);
          }}
        />
      </label>
    </>
  );
}

export const agv: ObjectType = {
  fields: [fields.text('startNodeId'), fields.num('speedMps')],
  Panel: AgvPanel,
  Layer: AgvsLayer,
};
