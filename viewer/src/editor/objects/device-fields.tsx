import { useT } from '../../i18n/use-t';
import { FieldInput, fields } from '../FieldInput';
import type { Data } from '../model/data';
import { deviceKeyOf } from '../model/devices';
import { entityAt, parseKey } from '../model/entities';
import type { PanelProps } from './types';

/** A radio device's own fields (a fixed device adds its position). */
export const RADIO_FIELDS = [
  fields.num('heightM'),
  fields.num('powerClassDbm'),
  fields.num('antennaGainDbi'),
];

/** The radio device of the selected object, edited here (one place: it has no position of its own). */
export function DeviceFields({ data, ownerId }: { data: Data; ownerId: string }) {
  const t = useT();
  const key = deviceKeyOf(data, ownerId);
  const device = key ? entityAt(data, key) : undefined;
  if (!key || !device) return null;
  return (
    <fieldset className="editor-carrier" data-testid="editor-device">
      <legend>
        {t('editor.radio')} <code>{parseKey(key).id}</code>
      </legend>
      {RADIO_FIELDS.map((f) => (
        <FieldInput
          key={f.label}
          entity={key}
          field={f}
          value={device[f.label]}
          testId={`device-field-${f.label}`}
        />
      ))}
    </fieldset>
  );
}

/** The panel of an object whose only extra is its radio device (a camera). */
export function DevicePanel({ data, id }: PanelProps) {
  return <DeviceFields data={data} ownerId={id} />;
}
