// The gNB property panel's antenna: the pattern (from sim-core's registry; omni removes the antenna object, as
// before antennas existed) and, for a directional one, azimuth and downtilt (one undo step per change).
import { antennaPatterns } from '@factory-twin/sim-core';
import { useT } from '../i18n/use-t';
import type { Data } from './model/data';
import type { EntityKey } from './model/entities';
import { setField } from './model/ops';
import { edit } from './store';

function NumberField({
  entity,
  name,
  value,
  label,
}: {
  entity: EntityKey;
  name: string;
  value: unknown;
  label: string;
}) {
  const shown = typeof value === 'number' ? String(value) : '';
  const commit = (text: string) => {
    if (text === shown) return;
    const v = text.trim() === '' ? undefined : Number(text);
    if (typeof v === 'number' && !Number.isFinite(v)) return;
    edit((d) => setField(d, entity, ['antenna', name], v));
  };
  return (
    <label className="editor-field">
      <span>{label}</span>
      <input
        key={`${entity}|${shown}`}
        defaultValue={shown}
        inputMode="decimal"
        data-testid={`field-antenna.${name}`}
        onBlur={(e) => commit(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit((e.target as HTMLInputElement).value);
        }}
      />
    </label>
  );
}

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
          <NumberField entity={entity} name="azimuthDeg" value={a.azimuthDeg} label="azimuthDeg" />
          <NumberField entity={entity} name="downtiltDeg" value={a.downtiltDeg} label="downtiltDeg" />
          <p className="muted">{t('editor.antennaHint')}</p>
        </>
      )}
    </fieldset>
  );
}
