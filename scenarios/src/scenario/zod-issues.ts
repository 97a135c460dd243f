import type { z } from 'zod';

/** A schema problem: path segments and a sentence saying what was expected and what came. */
export interface SchemaProblem {
  path: PropertyKey[];
  message: string;
}

type Issue = z.core.$ZodIssue & { input?: unknown };

/** Flattens zod issues (unions resolved to their most relevant branch) into readable problems. */
export function schemaProblems(issues: readonly Issue[], prefix: PropertyKey[] = []): SchemaProblem[] {
  const out: SchemaProblem[] = [];
  for (const issue of issues) {
    const path = [...prefix, ...issue.path];
    if (issue.code === 'invalid_union') {
      const branches = (issue.errors ?? []) as Issue[][];
      if ((issue as { note?: string }).note === 'No matching discriminator' || branches.length === 0) {
        const options = (issue as { options?: unknown[] }).options;
        const expected =
          options === undefined
            ? ''
            : ` (expected one of ${options.map((o) => JSON.stringify(o)).join(', ')})`;
        out.push({ path, message: `unknown or missing value${expected}${got(issue)}` });
        continue;
      }
      const deep = branches.filter(
        (b) => !(b.length === 1 && b[0].code === 'invalid_type' && b[0].path.length === 0),
      );
      if (deep.length === 0) {
        const expected = [...new Set(branches.map((b) => String((b[0] as { expected?: unknown }).expected)))];
        const message =
          'input' in issue && issue.input === undefined
            ? `required ${expected.join(' or ')} is missing`
            : `expected ${expected.join(' or ')}${got(issue)}`;
        out.push({ path, message });
      } else {
        // The branch that got furthest: fewest problems, deepest first problem.
        deep.sort((a, b) => a.length - b.length || b[0].path.length - a[0].path.length);
        for (const p of schemaProblems(deep[0], path)) out.push(p);
      }
      continue;
    }
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys)
        out.push({ path: [...path, key], message: 'unknown key (not part of the scenario format)' });
      continue;
    }
    out.push({ path, message: describe(issue) });
  }
  return out;
}

function describe(issue: Issue): string {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined
        ? `required ${issue.expected} is missing`
        : `expected ${issue.expected}${got(issue)}`;
    case 'invalid_value':
      return `expected one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}${got(issue)}`;
    default:
      return `${issue.message.replace(/^Too (small|big): /, '')}${got(issue)}`;
  }
}

function got(issue: Issue): string {
  if (!('input' in issue)) return '';
  return `, got ${preview(issue.input)}`;
}

export function preview(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return String(value);
  if (typeof value === 'string')
    return value.length > 40 ? `${JSON.stringify(value.slice(0, 40))}…` : JSON.stringify(value);
  if (Array.isArray(value)) return `an array of ${value.length}`;
  if (typeof value === 'object') return 'an object';
  return typeof value;
}
