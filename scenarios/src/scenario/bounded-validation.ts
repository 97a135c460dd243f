import type { z } from 'zod';
import { isPlainObject } from './merge';
import { type SchemaProblem, schemaProblems } from './zod-issues';

/** Validation stops once it has found this many problems (far more than are printed). */
export const MAX_SCHEMA_PROBLEMS = 1000;
/** Arrays longer than this are validated element by element before the whole document is. */
const LONG_ARRAY = 256;

export type BoundedResult<T> =
  | { success: true; data: T }
  | { success: false; problems: SchemaProblem[]; stopped: boolean };

/**
 * Validates `data` against `schema`, collecting at most about MAX_SCHEMA_PROBLEMS problems. zod reports
 * every bad value, at ~850 bytes of memory each: a 300 KB file of 100,000 empty machines made 800,000
 * problems, 11 s and 690 MB. So when the data holds long arrays, the parts of the document on the way to
 * them are walked along the schema and each element is validated on its own, stopping at the budget;
 * only if that finishes is the whole document validated (which finds those problems again, plus the
 * ones of the parts between). The walk uses an explicit stack, never recursion.
 */
export function validateBounded<T>(schema: z.ZodType<T>, data: unknown): BoundedResult<T> {
  const long = containersOfLongArrays(data);
  if (long.size > 0) {
    const problems: SchemaProblem[] = [];
    // An array's elements are taken one at a time (a frame with a cursor), so the stack stays short.
    type Item = { schema: z.ZodType; data: unknown; path: PropertyKey[]; next?: number };
    const stack: Item[] = [{ schema, data, path: [] }];
    while (stack.length > 0) {
      const item = stack[stack.length - 1];
      if (item.next !== undefined) {
        const list = item.data as unknown[];
        if (item.next < list.length) {
          const i = item.next++;
          stack.push({ schema: item.schema, data: list[i], path: [...item.path, i] });
        } else stack.pop();
        continue;
      }
      stack.pop();
      const s = unwrap(item.schema, item.data);
      // zod 4's public types do not expose `def`; it is the documented internal shape (zod.dev, "Zod Core").
      const def = (
        s as unknown as { def: { type: string; shape?: Record<string, z.ZodType>; element?: z.ZodType } }
      ).def;
      const container = typeof item.data === 'object' && item.data !== null && long.has(item.data);
      if (container && def.type === 'object' && isPlainObject(item.data) && def.shape !== undefined) {
        for (const [key, value] of Object.entries(item.data)) {
          const child = def.shape[key];
          if (child !== undefined) stack.push({ schema: child, data: value, path: [...item.path, key] });
        }
        continue;
      }
      if (container && def.type === 'array' && Array.isArray(item.data) && def.element !== undefined) {
        stack.push({ schema: def.element, data: item.data, path: item.path, next: 0 });
        continue;
      }
      const parsed = s.safeParse(item.data, { reportInput: true });
      if (parsed.success) continue;
      for (const p of schemaProblems(parsed.error.issues as never, item.path)) problems.push(p);
      if (problems.length >= MAX_SCHEMA_PROBLEMS) return { success: false, problems, stopped: true };
    }
  }
  const parsed = schema.safeParse(data, { reportInput: true });
  if (parsed.success) return { success: true, data: parsed.data };
  return { success: false, problems: schemaProblems(parsed.error.issues as never), stopped: false };
}

/** The schema inside optional / nullable / default wrappers, when the data is a value. */
function unwrap(schema: z.ZodType, data: unknown): z.ZodType {
  let s = schema;
  for (;;) {
    // zod 4's public types do not expose `def` (see above).
    const def = (s as unknown as { def: { type: string; innerType?: z.ZodType } }).def;
    if ((def.type === 'optional' || def.type === 'nullable' || def.type === 'default') && def.innerType) {
      if (data === undefined || data === null) return s;
      s = def.innerType;
    } else return s;
  }
}

/** The arrays longer than LONG_ARRAY and every object or array that holds one (post-order, no recursion). */
function containersOfLongArrays(data: unknown): Set<object> {
  const marked = new Set<object>();
  type Frame = { node: object; children: unknown[]; next: number; parent: Frame | undefined };
  const frame = (node: object, parent: Frame | undefined): Frame => ({
    node,
    children: Array.isArray(node) ? node : Object.values(node),
    next: 0,
    parent,
  });
  if (typeof data !== 'object' || data === null) return marked;
  let top: Frame | undefined = frame(data, undefined);
  while (top !== undefined) {
    if (top.next < top.children.length) {
      const child = top.children[top.next++];
      if (typeof child === 'object' && child !== null) top = frame(child, top);
      continue;
    }
    if ((Array.isArray(top.node) && top.node.length > LONG_ARRAY) || marked.has(top.node)) {
      marked.add(top.node);
      if (top.parent !== undefined) marked.add(top.parent.node);
    }
    top = top.parent;
  }
  return marked;
}
