/** How a series is shown: its unit as displayed and the factor from the recorded value (a share is shown in %). */
export interface DisplayUnit {
  unit: string;
  factor: number;
}

/** Recorded units (sim-core's KPI metadata: 'share', 'count', 'parts/h', 'ms'…) as the charts show them. */
export function displayUnit(unit: string): DisplayUnit {
  if (unit === 'share') return { unit: '%', factor: 100 };
  if (unit === 'count') return { unit: '', factor: 1 };
  return { unit, factor: 1 };
}

/** "label (unit)", or the label alone for a unitless number. */
export const withUnit = (label: string, unit: string) => (unit === '' ? label : `${label} (${unit})`);

/** `values` times `factor` (the same array when the factor is 1). */
export function scaled<T extends ArrayLike<number>>(values: T, factor: number): T | Float64Array {
  if (factor === 1) return values;
  const out = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) out[i] = values[i] * factor;
  return out;
}
