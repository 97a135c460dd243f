/** One problem with a scenario file: where it is and what is wrong. */
export interface ScenarioIssue {
  /** The file the problem is in (as given to the loader). */
  file: string;
  /** JSON path into the scenario, e.g. `machines[3].failures.mtbfH`; '' for the whole document. */
  path: string;
  message: string;
  /** 1-based position in `file`, when known. */
  line?: number;
  column?: number;
}

/** Every problem found in a scenario, reported together. The only error the loader throws. */
export class ScenarioError extends Error {
  readonly issues: readonly ScenarioIssue[];

  constructor(issues: readonly ScenarioIssue[]) {
    super(formatIssues(issues));
    this.name = 'ScenarioError';
    this.issues = issues;
  }
}

/** `file:line:col path: message`, one issue per line, in file order. */
export function formatIssues(issues: readonly ScenarioIssue[]): string {
  return issues.map(formatIssue).join('\n');
}

export function formatIssue(issue: ScenarioIssue): string {
  const where = issue.line === undefined ? issue.file : `${issue.file}:${issue.line}:${issue.column ?? 1}`;
  const path = issue.path === '' ? '' : ` ${issue.path}:`;
  return `${where}${path} ${issue.message}`;
}

/** Formats path segments as `machines[3].failures.mtbfH`. */
export function formatPath(segments: readonly PropertyKey[]): string {
  let out = '';
  for (const s of segments) {
    if (typeof s === 'number') out += `[${s}]`;
    else {
      const key = String(s);
      out += /^[A-Za-z_$][\w$]*$/.test(key) ? (out === '' ? key : `.${key}`) : `[${JSON.stringify(key)}]`;
    }
  }
  return out;
}
