import { useStore } from 'zustand';
import type { MessageKey } from '../i18n/index';
import { useT } from '../i18n/use-t';
import { AntennaFields } from './AntennaFields';
import { type Field, FieldInput, fields } from './FieldInput';
import { getIn } from './model/data';
import { devicesOf, entityAt, MOVABLE, parseKey, SINGLE } from './model/entities';
import { addCopy, deleteEntity, setField } from './model/ops';
import { placeNew } from './model/place';
import { OBJECT_TYPES } from './objects/registry';
import { isPlaceKind } from './objects/tools';
import { currentData, edit, editAdding, editor, setEditor } from './store';

/** gNBs' fields (the other kinds keep theirs in objects/; nodes have their position only). */
const GNB_FIELDS: Field[] = [...fields.xy, fields.num('heightM'), fields.num('txPowerDbm')];
const CARRIER: Field[] = [
  { path: ['carrier', 'frequencyGHz'], label: 'frequencyGHz', kind: 'number' },
  { path: ['carrier', 'bandwidthMHz'], label: 'bandwidthMHz', kind: 'number' },
  { path: ['carrier', 'tddPattern'], label: 'tddPattern', kind: 'text' },
];

/** The selected entity's properties, its devices, and Delete. */
export function PropertyPanel() {
  const t = useT();
  const data = useStore(editor, currentData);
  const selection = useStore(editor, (s) => s.selection);
  const e = data && selection ? entityAt(data, selection) : undefined;
  if (!data || !selection || !e)
    return (
      <section className="editor-panel" data-testid="editor-props">
        <h3>{t('editor.props')}</h3>
        <p className="muted">{t('editor.none')}</p>
      </section>
    );
  const { kind, id } = parseKey(selection);
  const type = OBJECT_TYPES[kind];
  const own = type?.fields ?? (kind === 'gnb' ? GNB_FIELDS : kind === 'edge' ? [] : fields.xy);
  const devices = devicesOf(data, id);
  return (
    <section className="editor-panel" data-testid="editor-props">
      <h3>
        {t(`editor.kind.${kind}` as MessageKey)}{' '}
        {!SINGLE.has(kind) && <code data-testid="editor-selected">{id}</code>}
      </h3>
      {own.map((f) => (
        <FieldInput key={f.path.join('.')} entity={selection} field={f} value={getIn(e, f.path)} />
      ))}
      {kind === 'gnb' && (
        <fieldset className="editor-carrier">
          <legend>{t('editor.field.carrier')}</legend>
          {CARRIER.map((f) => (
            <FieldInput key={f.path.join('.')} entity={selection} field={f} value={getIn(e, f.path)} />
          ))}
        </fieldset>
      )}
      {kind === 'gnb' && <AntennaFields entity={selection} gnb={e} />}
      {kind === 'edge' && (
        <label className="editor-inline">
          <input
            type="checkbox"
            checked={e.twoWay !== false}
            onChange={(ev) =>
              edit((d) => setField(d, selection, ['twoWay'], ev.target.checked ? undefined : false))
            }
          />{' '}
          {t('editor.field.twoWay')}
        </label>
      )}
      {type?.Panel && <type.Panel data={data} entity={selection} item={e} id={id} />}
      {devices.length > 0 && (
        <p className="muted">
          {t('editor.devices')}: {devices.map((d) => String(d.id)).join(', ')}
        </p>
      )}
      {MOVABLE.has(kind) && kind !== 'node' && kind !== 'device' && !SINGLE.has(kind) && (
        <button
          type="button"
          data-testid="editor-duplicate"
          onClick={() => {
            // Beside the original (a machine's footprint, a zone's disc further east), so they do not overlap.
            const size = Number(e.widthM) || 2 * Number(e.radiusM) || 2;
            const at = { x: Number(e.xM) + size + 1, y: Number(e.yM) };
            const key = editAdding((d) =>
              isPlaceKind(kind)
                ? placeNew(d, kind, at.x, at.y, selection)
                : addCopy(d, selection, at.x, at.y),
            );
            if (key) setEditor({ selection: key });
          }}
        >
          {t('editor.duplicate')}
        </button>
      )}{' '}
      {!SINGLE.has(kind) && (
        <button
          type="button"
          data-testid="editor-delete"
          onClick={() => edit((d) => deleteEntity(d, selection), null)}
        >
          {t('editor.delete')}
        </button>
      )}
    </section>
  );
}
