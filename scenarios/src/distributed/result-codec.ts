/**
 * JSON that keeps every number exactly: NaN, ±Infinity and -0 survive the trip through Redis (plain JSON
 * turns the first three into null and -0 into 0), so a result read back equals the one the worker computed.
 */
const MARK = '$num';

export function encodeExact(value: unknown): string {
  return JSON.stringify(value, (_key, v) => {
    if (typeof v !== 'number') return v;
    if (Number.isNaN(v)) return { [MARK]: 'NaN' };
    if (v === Number.POSITIVE_INFINITY) return { [MARK]: 'Infinity' };
    if (v === Number.NEGATIVE_INFINITY) return { [MARK]: '-Infinity' };
    if (Object.is(v, -0)) return { [MARK]: '-0' };
    return v;
  });
}

export function decodeExact<T = unknown>(text: string): T {
  return JSON.parse(text, (_key, v) => {
    if (typeof v === 'object' && v !== null && !Array.isArray(v)) {
      const keys = Object.keys(v);
      if (keys.length === 1 && keys[0] === MARK) {
        const s = v[MARK];
        if (s === 'NaN') return Number.NaN;
        if (s === 'Infinity') return Number.POSITIVE_INFINITY;
        if (s === '-Infinity') return Number.NEGATIVE_INFINITY;
        if (s === '-0') return -0;
      }
    }
    return v;
  }) as T;
}
