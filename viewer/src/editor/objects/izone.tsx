// Interference zones: a translucent disc of their radius, dragged to move, a handle on the rim to resize;
// the panel edits their power, band, height and on/off schedule (`activeH`).
import type { ThreeEvent } from '@react-three/fiber';
import { MARKER_COLORS } from '../../data/palette';
import { useT } from '../../i18n/use-t';
import { FieldInput, fields } from '../FieldInput';
import { pressHandle } from '../interaction';
import { listAt } from '../model/data';
import { COLLECTION, type EntityKey, keyOf } from '../model/entities';
import { addPeriod, removePeriod } from '../model/zones';
import { edit, editor } from '../store';
import { DISC, RING } from './kit';
import { type LayerProps, num, type ObjectType, type PanelProps, pressable } from './types';

function onHandle(key: EntityKey) {
  return (e: ThreeEvent<PointerEvent>) => {
    if (e.button !== 0 || editor.getState().tool !== 'select') return;
    e.stopPropagation();
    pressHandle(key);
  };
}

function ZonesLayer({ data, onPress }: LayerProps) {
  return (
    <group>
      {listAt(data, COLLECTION.izone).map((z) => {
        const key = keyOf('izone', String(z.id));
        const r = num(z.radiusM, 1);
        const periods = Array.isArray(z.activeH) && z.activeH.length > 0;
        return (
          <group key={key} position={[num(z.xM), num(z.yM), 0.05]}>
            <mesh geometry={DISC} scale={[r, r, 1]} {...pressable(key, onPress)}>
              <meshBasicMaterial color="#c2410c" transparent opacity={0.18} depthWrite={false} />
            </mesh>
            <mesh geometry={RING} scale={[r, r, 1]}>
              {/* A zone with a schedule has a dimmer rim: it is not always on. */}
              <meshBasicMaterial color={periods ? MARKER_COLORS.interference : '#f97316'} />
            </mesh>
            <mesh
              geometry={DISC}
              position={[r, 0, 0.05]}
              scale={[0.7, 0.7, 1]}
              onPointerDown={onHandle(key)}
              userData={{ key, handle: 'radiusM' }}
            >
              <meshBasicMaterial color="#fed7aa" />
            </mesh>
          </group>
        );
      })}
    </group>
  );
}

const PERIOD_FIELDS = ['startH', 'endH'] as const;

/** The on periods, hours into the run; none: always on. */
function ZonePanel({ entity, item }: PanelProps) {
  const t = useT();
  const periods = Array.isArray(item.activeH) ? (item.activeH as Record<string, unknown>[]) : [];
  return (
    <fieldset className="editor-carrier" data-testid="editor-schedule">
      <legend>{t('editor.schedule')}</legend>
      {periods.length === 0 && <p className="muted">{t('editor.alwaysOn')}</p>}
      {periods.map((p, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: a period is its place in the list
        <div key={i} className="editor-period">
          {PERIOD_FIELDS.map((f) => (
            <FieldInput
              key={f}
              entity={entity}
              field={{ path: ['activeH', String(i), f], label: f, kind: 'number' }}
              value={p[f]}
              testId={`period-${i}-${f}`}
            />
          ))}
          <button type="button" onClick={() => edit((d) => removePeriod(d, entity, i))}>
            {t('editor.removePeriod')}
          </button>
        </div>
      ))}
      <button type="button" data-testid="editor-add-period" onClick={() => edit((d) => addPeriod(d, entity))}>
        {t('editor.addPeriod')}
      </button>
    </fieldset>
  );
}

export const izone: ObjectType = {
  fields: [
    ...fields.xy,
    fields.num('radiusM'),
    fields.num('powerDbm'),
    fields.num('carrierGHz'),
    fields.num('heightM'),
  ],
  Panel: ZonePanel,
  Layer: ZonesLayer,
};
