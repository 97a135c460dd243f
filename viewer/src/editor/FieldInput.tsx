import { setField } from './model/ops';
import { edit } from './store';

export type Field = {
  path: string[];
  label: string;
  kind: 'number' | 'text';
  /** What an emptied field writes: nothing (the key goes, the default applies) or null (e.g. unlimited capacity). */
  empty?: 'remove' | 'null';
};

/** One field: committed on Enter or when it loses focus (one undo step per change). */
export function FieldInput({
  entity,
  field,
  value,
  testId,
}: {
  entity: string;
  field: Field;
  value: unknown;
  testId?: string;
}) {
  const shown = value === undefined || value === null ? '' : String(value);
  const commit = (text: string) => {
    if (text === shown) return;
    const empty = field.empty === 'null' ? null : undefined;
    const v = text.trim() === '' ? empty : field.kind === 'number' ? Number(text) : text;
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
        placeholder={field.empty === 'null' ? '∞' : undefined}
        data-testid={testId ?? `field-${field.path.join('.')}`}
        onBlur={(e) => commit(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter') commit((e.target as HTMLInputElement).value);
        }}
      />
    </label>
  );
}

const num = (label: string, empty?: Field['empty']): Field => ({
  path: [label],
  label,
  kind: 'number',
  empty,
});
const text = (label: string): Field => ({ path: [label], label, kind: 'text' });

/** Field helpers for the object types' panels: a number or text field named as in the scenario format. */
export const fields = { num, text, xy: [num('xM'), num('yM')] as Field[] };
