// The gNB property panel's antenna: the pattern (from sim-core's registry; omni removes the antenna object, as
// before antennas existed) and, for a directional one, azimuth and downtilt (one undo step per change).
import { antennaPatterns } from '@factory-twin/sim-core';
import { useT } from '../i18n/use-t';
import { type Field, FieldInput } from './FieldInput';
import type { Data } from './model/data';
import type { EntityKey } from './model/entities';
import { setField } from './model/ops';
import { edit } from './store';

/** Azimuth and downtilt: the scenario's `antenna` fields, edited as any other field. */
const ANGLES: Field[] = ['azimuthDeg', 'downtiltDeg'].map((name) => ({
  path: ['antenna', name],
  label: name,
  kind: 'number',
}));

export function AntennaFields({ entity, gnb }: { entity: EntityKey; gnb: Data }) {
  const t = useT();
  const a = (gnb.antenna ?? {}) as Data;
  const pattern = typeof a.pattern === 'string' ? a.pattern : 'omni';
  const directional = antennaPatterns.has(pattern) && antennaPatterns.get(pattern).directional;
  return (
    <fieldset className="editor-carrier">
      <legend>{t('editor.field.antenna')}</legend>
      <label className="editor-field">
        <span>pattern</span>
        <select
          value={pattern}
          data-testid="field-antenna.pattern"
          onChange={(e) => {
            const next = e.target.value;
            edit((d) =>
              next === 'omni'
                ? setField(d, entity, ['antenna'], undefined)
                : setField(d, entity, ['antenna', 'pattern'], next),
            );
          }}
        >
          {antennaPatterns.names().map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
          {!antennaPatterns.has(pattern) && <option value={pattern}>{pattern}</option>}
        </select>
      </label>
      {directional && (
        <>
          {ANGLES.map((f) => (
            <FieldInput key={f.label} entity={entity} field={f} value={a[f.label]} />
          ))}
          <p className="muted">{t('editor.antennaHint')}</p>
        </>
      )}
    </fieldset>
  );
}
