// Scenario data as the editor holds it: plain JSON (as read from the file), never mutated. Every edit
// returns a new object that shares the unchanged parts, so a history of states costs little memory.
import { isPlainObject } from '@factory-twin/scenarios/browser';

export type Data = Record<string, unknown>;
export type Path = readonly (string | number)[];

export function getIn(data: unknown, path: Path): unknown {
  let node = data;
  for (const seg of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string | number, unknown>)[seg];
  }
  return node;
}

/**
 * A copy of `data` with `value` at `path` (containers on the way copied, key order kept, missing
 * objects created); `undefined` removes the key.
 */
export function setIn<T>(data: T, path: Path, value: unknown): T {
  if (path.length === 0) return value as T;
  const [head, ...rest] = path;
  if (Array.isArray(data)) {
    const out = [...data];
    out[head as number] = setIn(out[head as number], rest, value);
    return out as T;
  }
  const base: Data = isPlainObject(data) ? data : {};
  const next = setIn(base[head as string], rest, value);
  if (next === undefined) {
    const { [head as string]: _gone, ...kept } = base;
    return kept as T;
  }
  return { ...base, [head as string]: next } as T;
}

/** The array at `path`, or an empty one. */
export function listAt(data: unknown, path: Path): Data[] {
  const v = getIn(data, path);
  return Array.isArray(v) ? v.filter(isPlainObject) : [];
}

/** Metres rounded to the millimetre (no float noise such as 12.300000000000001 in saved files). */
export const mm = (v: number) => Math.round(v * 1000) / 1000;

/** `v` on a grid of `stepM` (0: no grid, millimetres only). */
export const snap = (v: number, stepM: number) => mm(stepM > 0 ? Math.round(v / stepM) * stepM : v);

/** The scenario as a file: two-space JSON and a final newline (the same data always gives the same bytes). */
export const fileText = (data: unknown) => `${JSON.stringify(data, null, 2)}\n`;
