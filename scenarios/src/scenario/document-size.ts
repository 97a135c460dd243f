/**
 * How much data a scenario may hold. Validation (zod) costs about 850 bytes of memory per problem it
 * finds and reports every bad value, so a small file of many empty objects (`"machines": [{}, {}, …]`:
 * 100,000 of them, 300 KB, made 800,000 problems, 11 s and 690 MB) must be refused before validation.
 * The committed plants hold at most ~2,700 values and ~600 objects; the caps leave room for plants some
 * 35 times larger while the worst case stays near 250,000 problems (~200 MB).
 */
export const MAX_VALUES = 100_000;
export const MAX_OBJECTS = 20_000;

/**
 * Why `data` is too large to validate, or undefined if it is within the caps. Counts without recursion
 * and stops as soon as a cap is passed.
 */
export function tooMuchData(data: unknown): string | undefined {
  let values = 1;
  let objects = 0;
  const stack: unknown[] = [data];
  while (stack.length > 0) {
    const v = stack.pop();
    if (typeof v !== 'object' || v === null) continue;
    if (++objects > MAX_OBJECTS)
      return `more than ${MAX_OBJECTS.toLocaleString('en')} objects and lists: too large for a scenario`;
    const children = Array.isArray(v) ? v : Object.values(v);
    values += children.length;
    if (values > MAX_VALUES)
      return `more than ${MAX_VALUES.toLocaleString('en')} values (numbers, strings, lists, objects): too large for a scenario`;
    for (const child of children) stack.push(child);
  }
  return undefined;
}
