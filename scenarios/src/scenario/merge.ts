/**
 * Deep merge of a variant patch onto a base scenario. The rules (also in scenarios/README.md):
 * - Objects merge key by key, recursively; a key absent from the patch keeps the base value.
 * - Scalars, `null` and arrays of plain values in the patch replace the base value.
 * - Arrays of entities (every element an object with an `id`) merge by id: a patch element whose id is in
 *   the base deep-merges into that element (keeping its position), a new id is appended, and
 *   `{ "id": "X", "$remove": true }` deletes entity X.
 * - `{ "$replace": value }` replaces the base value wholesale, without merging (e.g. `"interferenceZones":
 *   { "$replace": [] }` removes every zone).
 * - `{ "$delete": true }` removes the key from the base object.
 */
export interface MergeProblem {
  path: PropertyKey[];
  message: string;
}

export function mergePatch(
  base: unknown,
  patch: unknown,
  problems: MergeProblem[] = [],
  path: PropertyKey[] = [],
): unknown {
  if (isPlainObject(patch)) {
    if ('$replace' in patch) {
      if (Object.keys(patch).length !== 1) {
        problems.push({ path, message: '"$replace" must be the only key of its object' });
      }
      return mergePatch(undefined, patch.$replace, problems, [...path, '$replace']);
    }
    const out: Record<string, unknown> = isPlainObject(base) ? { ...base } : {};
    for (const [key, value] of Object.entries(patch)) {
      if (isPlainObject(value) && '$delete' in value) {
        if (value.$delete !== true || Object.keys(value).length !== 1) {
          problems.push({ path: [...path, key], message: 'write a deletion as { "$delete": true }' });
        }
        delete out[key];
        continue;
      }
      if (key === '$remove') {
        problems.push({
          path: [...path, key],
          message: '"$remove" is only allowed on an element of an array of entities',
        });
        continue;
      }
      out[key] = mergePatch(out[key], value, problems, [...path, key]);
    }
    return out;
  }
  if (Array.isArray(patch)) {
    if (Array.isArray(base) && isEntityArray(base) && isEntityArray(patch))
      return mergeById(base, patch, problems, path);
    return patch
      .map((item, i) => {
        if (isPlainObject(item) && item.$remove !== undefined) {
          problems.push({
            path: [...path, i],
            message: `"$remove": there is no entity with id ${JSON.stringify(item.id)} to remove`,
          });
        }
        return mergePatch(undefined, item, problems, [...path, i]);
      })
      .filter((item) => !(isPlainObject(item) && item.$remove !== undefined));
  }
  return patch;
}

function mergeById(
  base: Record<string, unknown>[],
  patch: Record<string, unknown>[],
  problems: MergeProblem[],
  path: PropertyKey[],
): unknown[] {
  const out: (Record<string, unknown> | undefined)[] = [...base];
  const index = new Map<unknown, number>();
  out.forEach((item, i) => {
    index.set(item!.id, i);
  });
  patch.forEach((item, i) => {
    const at = index.get(item.id);
    if (item.$remove !== undefined) {
      if (item.$remove !== true)
        problems.push({ path: [...path, i, '$remove'], message: '"$remove" must be true' });
      if (at === undefined || out[at] === undefined) {
        problems.push({
          path: [...path, i],
          message: `"$remove": there is no entity with id ${JSON.stringify(item.id)} to remove`,
        });
      } else out[at] = undefined;
      return;
    }
    if (at === undefined || out[at] === undefined) {
      index.set(item.id, out.length);
      out.push(mergePatch(undefined, item, problems, [...path, i]) as Record<string, unknown>);
    } else out[at] = mergePatch(out[at], item, problems, [...path, i]) as Record<string, unknown>;
  });
  return out.filter((item) => item !== undefined);
}

function isEntityArray(items: unknown[]): items is Record<string, unknown>[] {
  return items.every(
    (item) => isPlainObject(item) && (typeof item.id === 'string' || typeof item.id === 'number'),
  );
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
