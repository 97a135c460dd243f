// The maintenance crews' home (`maintenance.crews.homeAt`: where crews wait for work; travel is the straight
// line from it at their walking speed): one marker, dragged to move; there when the scenario has crews.
import { useT } from '../../i18n/use-t';
import { fields } from '../FieldInput';
import { getIn } from '../model/data';
import { COLLECTION, CREWS_HOME, entityAt } from '../model/entities';
import { BOX, RING } from './kit';
import { type LayerProps, num, type ObjectType, type PanelProps, pressable } from './types';

const CREWS_COLOR = '#facc15';

function CrewsLayer({ data, onPress }: LayerProps) {
  const home = entityAt(data, CREWS_HOME);
  if (!home) return null;
  return (
    <group position={[num(home.xM), num(home.yM), 0]}>
      <mesh
        geometry={BOX}
        scale={[1.6, 1.6, 1.2]}
        rotation={[0, 0, Math.PI / 4]}
        {...pressable(CREWS_HOME, onPress)}
      >
        <meshStandardMaterial color={CREWS_COLOR} />
      </mesh>
      <mesh geometry={RING} position={[0, 0, 0.1]} scale={[2.2, 2.2, 1]}>
        <meshBasicMaterial color={CREWS_COLOR} />
      </mesh>
    </group>
  );
}

/** The crews' count and walking speed, for reference (edited in the file's `maintenance.crews`). */
function CrewsPanel({ data }: PanelProps) {
  const t = useT();
  const crews = getIn(data, COLLECTION.crews.slice(0, -1));
  return (
    <p className="muted">
      {t('editor.crews', {
        count: String(getIn(crews, ['count']) ?? '?'),
        speed: String(getIn(crews, ['walkSpeedMps']) ?? '?'),
      })}
    </p>
  );
}

export const crews: ObjectType = { fields: fields.xy, Panel: CrewsPanel, Layer: CrewsLayer };
