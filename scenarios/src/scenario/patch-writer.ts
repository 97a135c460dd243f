import { isPlainObject, type MergeProblem, mergePatch } from './merge';

/**
 * The variant patch that turns `base` into `edited` under the merge rules of merge.ts (what the loader
 * applies to a variant file): objects key by key, `{ "$delete": true }` for a key the edit removed,
 * arrays of entities by id (changed fields only, `{ "id", "$delete": true }` for a removed entity, new
 * entities appended), `{ "$replace": [...] }` where an entity array cannot be patched by id (reordered,
 * emptied, ids changed), and every other value as it is. The result is checked by merging it back:
 * mergePatch(base, patch) deep-equals `edited`, or this throws (a bug, never bad input).
 */
export function writePatch(
  base: Record<string, unknown>,
  edited: Record<string, unknown>,
): Record<string, unknown> {
  const d = diff(base, edited);
  const patch = d === SAME ? {} : (d as Record<string, unknown>);
  const problems: MergeProblem[] = [];
  const merged = mergePatch(base, patch, problems);
  if (problems.length > 0 || !deepEqual(merged, edited)) {
    const why = problems.map((p) => p.message).join('; ') || 'the merged result differs from the edit';
    throw new Error(`writePatch: the patch does not reproduce the edit (${why})`);
  }
  return patch;
}

const SAME = Symbol('same');

function diff(base: unknown, edited: unknown): unknown {
  if (deepEqual(base, edited)) return SAME;
  if (isPlainObject(base) && isPlainObject(edited)) {
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(edited)) {
      if (!(key in base)) out[key] = value;
      else {
        const d = diff(base[key], value);
        if (d !== SAME) out[key] = d;
      }
    }
    for (const key of Object.keys(base)) if (!(key in edited)) out[key] = { $delete: true };
    return out;
  }
  if (Array.isArray(edited)) {
    if (!Array.isArray(base) || !isEntityArray(base) || !edited.every(isPlainObject)) return edited;
    return byId(base, edited as Record<string, unknown>[]) ?? { $replace: edited };
  }
  return edited;
}

/**
 * The by-id patch of an entity array, or undefined when merging by id cannot give `edited`: the kept
 * entities must stay in their base order, new ones (new ids) come after them, ids are unique.
 */
function byId(base: Record<string, unknown>[], edited: Record<string, unknown>[]): unknown[] | undefined {
  const baseIds = base.map((b) => b.id);
  if (new Set(baseIds).size !== baseIds.length || !edited.every((e) => isId(e.id))) return undefined;
  const editedIds = edited.map((e) => e.id);
  if (new Set(editedIds).size !== editedIds.length) return undefined;
  const inEdit = new Set(editedIds);
  const kept = baseIds.filter((id) => inEdit.has(id));
  if (!kept.every((id, i) => editedIds[i] === id)) return undefined;
  const patch: unknown[] = [];
  for (const b of base) {
    if (!inEdit.has(b.id)) {
      patch.push({ id: b.id, $delete: true });
      continue;
    }
    const e = edited[kept.indexOf(b.id)];
    const d = diff(b, e);
    if (d !== SAME) patch.push({ id: b.id, ...(d as Record<string, unknown>) });
  }
  for (const e of edited.slice(kept.length)) patch.push(e);
  return patch.length === 0 ? undefined : patch;
}

function isEntityArray(items: unknown[]): items is Record<string, unknown>[] {
  return items.every((item) => isPlainObject(item) && isId(item.id));
}

function isId(id: unknown): boolean {
  return (typeof id === 'string' && id !== '') || (typeof id === 'number' && Number.isFinite(id));
}

/** Structural equality of JSON data (object key order ignored). */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a))
    return Array.isArray(b) && a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
  if (isPlainObject(a) && isPlainObject(b)) {
    const ka = Object.keys(a).filter((k) => a[k] !== undefined);
    const kb = Object.keys(b).filter((k) => b[k] !== undefined);
    return ka.length === kb.length && ka.every((k) => k in b && deepEqual(a[k], b[k]));
  }
  return false;
}
