import { useStore } from 'zustand';
import type { MessageKey } from '../i18n/index';
import { useT } from '../i18n/use-t';
import { AntennaFields } from './AntennaFields';
import { getIn } from './model/data';
import { devicesOf, entityAt, MOVABLE, parseKey } from './model/entities';
import { addCopy, deleteEntity, setField } from './model/ops';
import { currentData, edit, editAdding, editor, setEditor } from './store';

type Field = { path: string[]; label: string; kind: 'number' | 'text' };

const xy: Field[] = [
  { path: ['xM'], label: 'xM', kind: 'number' },
  { path: ['yM'], label: 'yM', kind: 'number' },
];
const FIELDS: Record<string, Field[]> = {
  machine: [
    { path: ['type'], label: 'type', kind: 'text' },
    ...xy,
    { path: ['widthM'], label: 'widthM', kind: 'number' },
    { path: ['depthM'], label: 'depthM', kind: 'number' },
  ],
  gnb: [
    ...xy,
    { path: ['heightM'], label: 'heightM', kind: 'number' },
    { path: ['txPowerDbm'], label: 'txPowerDbm', kind: 'number' },
  ],
  izone: [
    ...xy,
    { path: ['radiusM'], label: 'radiusM', kind: 'number' },
    { path: ['powerDbm'], label: 'powerDbm', kind: 'number' },
  ],
  agv: [{ path: ['startNodeId'], label: 'startNodeId', kind: 'text' }],
  charger: [{ path: ['nodeId'], label: 'nodeId', kind: 'text' }],
};
const CARRIER: Field[] = [
  { path: ['carrier', 'frequencyGHz'], label: 'frequencyGHz', kind: 'number' },
  { path: ['carrier', 'bandwidthMHz'], label: 'bandwidthMHz', kind: 'number' },
  { path: ['carrier', 'tddPattern'], label: 'tddPattern', kind: 'text' },
];

/** One field: committed on Enter or when it loses focus (one undo step per change). */
function FieldInput({ entity, field, value }: { entity: string; field: Field; value: unknown }) {
  const shown = value === undefined || value === null ? '' : String(value);
  const commit = (text: string) => {
    if (text === shown) return;
    const v = text.trim() === '' ? undefined : field.kind === 'number' ? Number(text) : text;
    if (typeof v === 'number' && !Number.isFinite(v)) return;
    edit((d) => setField(d, entity, field.path, v));
  };
  return (
    <label className="editor-field">
      <span>{field.label}</span>
      <input
        key={`${entity}|${shown}`}
        defaultValue={shown}
        inputMode={field.kind === 'number' ? 'decimal' : 'text'}
        data-testid={`field-${field.path.join('.')}`}
        onBlur={(e) => commit(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit((e.target as HTMLInputElement).value);
        }}
      />
    </label>
  );
}

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
  const fields = FIELDS[kind] ?? (kind === 'edge' ? [] : xy);
  const devices = devicesOf(data, id);
  return (
    <section className="editor-panel" data-testid="editor-props">
      <h3>
        {t(`editor.kind.${kind}` as MessageKey)} <code data-testid="editor-selected">{id}</code>
      </h3>
      {fields.map((f) => (
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
      {devices.length > 0 && (
        <p className="muted">
          {t('editor.devices')}: {devices.map((d) => String(d.id)).join(', ')}
        </p>
      )}
      {MOVABLE.has(kind) && kind !== 'node' && kind !== 'device' && (
        <button
          type="button"
          data-testid="editor-duplicate"
          onClick={() => {
            // Beside the original (a machine's footprint further east), so they do not overlap.
            const at = { x: Number(e.xM) + (Number(e.widthM) || 2) + 1, y: Number(e.yM) };
            const key = editAdding((d) => addCopy(d, selection, at.x, at.y));
            if (key) setEditor({ selection: key });
          }}
        >
          {t('editor.duplicate')}
        </button>
      )}{' '}
      <button
        type="button"
        data-testid="editor-delete"
        onClick={() => edit((d) => deleteEntity(d, selection), null)}
      >
        {t('editor.delete')}
      </button>
    </section>
  );
}
