/**
 * A copy without the keys whose value is undefined: sim-core spreads these blocks over its defaults, where an
 * explicit undefined (e.g. from a variant patch) would replace a default.
 */
export function definedOnly<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}
