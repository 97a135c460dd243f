/**
 * `value`, or an Error naming `what` when it is undefined. For lookups an invariant guarantees (an index
 * or id built alongside the table it reads) in code that is not hot; hot paths use `!` instead, with a
 * comment on the invariant where it is not obvious. Pass a constant `what`: it is built on every call.
 */
export function must<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`internal error: ${what} is missing`);
  return value;
}
