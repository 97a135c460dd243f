import { quote } from './errors';

/**
 * Deep merge of a variant patch onto a base scenario. The rules (also in scenarios/README.md):
 * - Objects merge key by key, recursively; a key absent from the patch keeps the base value.
 * - Scalars, `null` and arrays of plain values in the patch replace the base value.
 * - Arrays of entities (every base element an object with an `id`) merge by id: a patch element whose id
 *   is in the base deep-merges into that element (keeping its position), a new id is appended, and
 *   `{ "id": "X", "$delete": true }` deletes entity X (`"$remove": true` is the older spelling). A patch
 *   element without an id is an error, not a reason to replace the whole array.
 * - `{ "$replace": value }` replaces the base value wholesale, without merging (e.g. `"interferenceZones":
 *   { "$replace": [] }` removes every zone).
 * - `{ "$delete": true }` removes the key from the base object; deleting a key or an id that the base does
 *   not have is an error (a misspelt key would otherwise be silently ignored).
 *
 * With a Provenance, every value of the result remembers the layer (file) and the path in it that it came
 * from, so a problem found later in the merged scenario is reported where it was written.
 */
export interface MergeProblem<L = unknown> {
  /** Path in the patch (in `layer`'s data when merging with provenance). */
  path: PropertyKey[];
  message: string;
  /** The layer the offending value came from (with provenance). */
  layer?: L;
}

/** Where a value came from: a layer (a file) and the path of the value in that layer's data. */
export interface Origin<L> {
  layer: L;
  path: PropertyKey[];
}

/**
 * The origins of the values of merged documents. Data read from a file is adopted whole (its values'
 * origins follow from its own paths); a container built by the merge records an origin per key.
 */
export class Provenance<L> {
  private readonly own = new WeakMap<object, Origin<L>>();
  private readonly slots = new WeakMap<object, Map<PropertyKey, Origin<L>>>();

  /** Marks `data` (read from a layer, never mutated) as coming from `layer` at `path`. */
  adopt(data: unknown, layer: L, path: PropertyKey[] = []): void {
    if (isContainer(data) && !this.own.has(data)) this.own.set(data, { layer, path });
  }

  /** The origin of `root` itself. */
  originOf(root: unknown): Origin<L> | undefined {
    return isContainer(root) ? this.own.get(root) : undefined;
  }

  /**
   * The origin of the value at `path` under `root`, or, where the path leaves the data (a missing key),
   * of the deepest container on it: the place to report a problem at `path`.
   */
  locate(root: unknown, path: readonly PropertyKey[]): Origin<L> | undefined {
    let origin = this.originOf(root);
    let node = root;
    for (const seg of path) {
      if (origin === undefined || !isContainer(node)) break;
      const next = this.child(node, seg, origin);
      if (next === undefined) break;
      origin = next;
      node = (node as Record<PropertyKey, unknown>)[seg as string];
      if (isContainer(node)) origin = this.own.get(node) ?? origin;
    }
    return origin;
  }

  /** The origin of `container[key]`, given the container's own origin. */
  child(container: object, key: PropertyKey, origin: Origin<L> | undefined): Origin<L> | undefined {
    const slots = this.slots.get(container);
    if (slots !== undefined) return slots.get(key);
    return origin === undefined ? undefined : { layer: origin.layer, path: [...origin.path, key] };
  }

  record(container: object, origin: Origin<L>, slots: Map<PropertyKey, Origin<L>>): void {
    this.own.set(container, origin);
    this.slots.set(container, slots);
  }
}

/** Merges `patch` onto `base` (neither is mutated); problems are appended to `problems`. */
export function mergePatch(
  base: unknown,
  patch: unknown,
  problems: MergeProblem[] = [],
  path: PropertyKey[] = [],
): unknown {
  const merger = new Merger<unknown>(new Provenance(), problems);
  return merger.merge(base, undefined, patch, { layer: undefined, path });
}

/**
 * Merges `patch` onto `base`, recording the origins of the result in `provenance`. The patch's own
 * origin comes from `provenance` (it may itself be a merged value, e.g. an inline variant that a variant
 * file patched) or, failing that, is `fallback`.
 */
export function mergeTracked<L>(
  base: unknown,
  patch: unknown,
  provenance: Provenance<L>,
  fallback: Origin<L>,
  problems: MergeProblem<L>[],
): unknown {
  const merger = new Merger<L>(provenance, problems);
  return merger.merge(base, provenance.originOf(base), patch, provenance.originOf(patch) ?? fallback);
}

class Merger<L> {
  constructor(
    private readonly provenance: Provenance<L>,
    private readonly problems: MergeProblem<L>[],
  ) {}

  private say(at: Origin<L>, message: string, extra: PropertyKey[] = []): void {
    this.problems.push({ path: [...at.path, ...extra], message, layer: at.layer });
  }

  /** Iterates a patch's entries with their origins. */
  private *entries(patch: Record<string, unknown> | unknown[], origin: Origin<L>) {
    const list: [PropertyKey, unknown][] = Array.isArray(patch)
      ? [...patch.entries()]
      : Object.entries(patch);
    for (const [key, value] of list) {
      yield { key, value, origin: this.provenance.child(patch, key, origin) ?? child(origin, key) };
    }
  }

  merge(base: unknown, baseOrigin: Origin<L> | undefined, patch: unknown, origin: Origin<L>): unknown {
    if (isPlainObject(patch)) {
      if ('$replace' in patch) {
        if (Object.keys(patch).length !== 1)
          this.say(origin, '"$replace" must be the only key of its object');
        const inner = this.provenance.child(patch, '$replace', origin) ?? child(origin, '$replace');
        return this.merge(undefined, undefined, patch.$replace, inner);
      }
      const out: Record<string, unknown> = {};
      const slots = new Map<PropertyKey, Origin<L>>();
      if (isPlainObject(base)) {
        for (const [key, value] of Object.entries(base)) {
          out[key] = value;
          const from = this.provenance.child(base, key, baseOrigin);
          if (from !== undefined) slots.set(key, from);
        }
      }
      for (const { key, value, origin: at } of this.entries(patch, origin)) {
        const k = key as string;
        if (k === '$remove' || k === '$delete') {
          this.say(at, `"${k}" is only allowed as { "${k}": true } on a key, or beside "id" in an entity`);
          continue;
        }
        if (isPlainObject(value) && '$delete' in value) {
          if (value.$delete !== true || Object.keys(value).length !== 1) {
            this.say(at, 'write a deletion as { "$delete": true }');
          } else if (!(k in out)) {
            this.say(at, `"$delete": there is no key ${quote(k)} here to delete`);
          }
          delete out[k];
          slots.delete(k);
          continue;
        }
        out[k] = this.merge(out[k], slots.get(k), value, at);
        slots.set(k, at);
      }
      this.provenance.record(out, origin, slots);
      return out;
    }
    if (Array.isArray(patch)) {
      if (Array.isArray(base) && isEntityArray(base) && patch.every(isPlainObject))
        return this.mergeById(base, baseOrigin, patch as Record<string, unknown>[], origin);
      const out: unknown[] = [];
      const slots = new Map<PropertyKey, Origin<L>>();
      for (const { value, origin: at } of this.entries(patch, origin)) {
        const directive = isPlainObject(value) ? removal(value) : undefined;
        if (directive !== undefined && isPlainObject(value)) {
          this.say(at, `"${directive}": there is no entity with id ${preview(value.id)} to delete`);
          continue;
        }
        slots.set(out.length, at);
        out.push(this.merge(undefined, undefined, value, at));
      }
      this.provenance.record(out, origin, slots);
      return out;
    }
    return patch;
  }

  private mergeById(
    base: Record<string, unknown>[],
    baseOrigin: Origin<L> | undefined,
    patch: Record<string, unknown>[],
    origin: Origin<L>,
  ): unknown[] {
    const out: (unknown | typeof GONE)[] = [...base];
    const origins: (Origin<L> | undefined)[] = base.map((_, i) => this.provenance.child(base, i, baseOrigin));
    const index = new Map<unknown, number>();
    base.forEach((item, i) => {
      if (!index.has(item.id)) index.set(item.id, i);
    });
    for (const { value, origin: at } of this.entries(patch, origin)) {
      const item = value as Record<string, unknown>;
      if (!isId(item.id)) {
        this.say(
          at,
          `an element of an array of entities needs an "id" (${item.id === undefined ? 'none given' : `got ${preview(item.id)}`}): it patches or adds the entity with that id; to replace the whole array write { "$replace": [...] }`,
        );
        continue;
      }
      const k = index.get(item.id);
      const directive = removal(item);
      if (directive !== undefined) {
        if (item[directive] !== true || Object.keys(item).length !== 2) {
          this.say(
            at,
            `write the deletion of an entity as { "id": ${preview(item.id)}, "${directive}": true }`,
          );
        }
        if (k === undefined || out[k] === GONE)
          this.say(at, `"${directive}": there is no entity with id ${preview(item.id)} to delete`);
        else out[k] = GONE;
        continue;
      }
      if (k === undefined || out[k] === GONE) {
        index.set(item.id, out.length);
        origins.push(at);
        out.push(this.merge(undefined, undefined, item, at));
      } else {
        out[k] = this.merge(out[k], origins[k], item, at);
        origins[k] = at;
      }
    }
    const kept: unknown[] = [];
    const slots = new Map<PropertyKey, Origin<L>>();
    out.forEach((item, i) => {
      if (item === GONE) return;
      const from = origins[i];
      if (from !== undefined) slots.set(kept.length, from);
      kept.push(item);
    });
    this.provenance.record(kept, origin, slots);
    return kept;
  }
}

const GONE = Symbol('deleted entity');

function child<L>(origin: Origin<L>, key: PropertyKey): Origin<L> {
  return { layer: origin.layer, path: [...origin.path, key] };
}

/** The deletion directive of an entity patch, if any: `$delete` (or the older `$remove`). */
function removal(item: Record<string, unknown>): '$delete' | '$remove' | undefined {
  if ('$delete' in item) return '$delete';
  if ('$remove' in item) return '$remove';
  return undefined;
}

function isId(id: unknown): boolean {
  return (typeof id === 'string' && id !== '') || (typeof id === 'number' && Number.isFinite(id));
}

function preview(value: unknown): string {
  if (typeof value === 'string') return quote(value);
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return String(value);
  return Array.isArray(value) ? 'an array' : typeof value === 'object' ? 'an object' : 'nothing';
}

function isEntityArray(items: unknown[]): items is Record<string, unknown>[] {
  return items.every((item) => isPlainObject(item) && isId(item.id));
}

function isContainer(value: unknown): value is object {
  return typeof value === 'object' && value !== null;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
