import { useEffect, useState } from 'react';

/**
 * A number field: edits as text, reports a number when the text is one (null when `optional` and empty).
 * `scale` shows the value times it (shares as %, 0.9 → 90).
 */
export function NumberField({
  label,
  value,
  onChange,
  optional = false,
  placeholder,
  scale = 1,
  testId,
  disabled,
}: {
  label: string;
  value: number | null;
  onChange: (v: number | null) => void;
  optional?: boolean;
  placeholder?: string;
  scale?: number;
  testId?: string;
  disabled?: boolean;
}) {
  const shown = value === null ? '' : String(Number((value * scale).toPrecision(12)));
  const [text, setText] = useState(shown);
  // A new value from outside (defaults for another scenario) replaces the text; the text being typed stays
  // while it means the value ("0." is 0).
  useEffect(() => {
    setText((t) => {
      const typed = t.trim() === '' ? null : Number(t) / scale;
      const same = typed === value || (typed !== null && value !== null && Math.abs(typed - value) < 1e-9);
      return same ? t : shown;
    });
  }, [shown, value, scale]);
  return (
    <label className="editor-field">
      <span>{label}</span>
      <input
        value={text}
        inputMode="decimal"
        placeholder={placeholder}
        data-testid={testId}
        disabled={disabled}
        onChange={(e) => {
          setText(e.target.value);
          const t = e.target.value.trim();
          if (t === '' && optional) onChange(null);
          else if (t !== '' && Number.isFinite(Number(t))) onChange(Number(t) / scale);
        }}
      />
    </label>
  );
}

/** A choice among fixed options, each a value and its label. */
export function SelectField<T extends string>({
  label,
  value,
  options,
  onChange,
}: {
  label: string;
  value: T;
  options: readonly (readonly [value: T, label: string])[];
  onChange: (v: T) => void;
}) {
  return (
    <label className="editor-field">
      <span>{label}</span>
      <select value={value} onChange={(e) => onChange(e.target.value as T)}>
        {options.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
    </label>
  );
}
