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

/** At most this many problems are reported; the rest are counted in a last "+N more" line. */
export const MAX_REPORTED_ISSUES = 200;
/** Longest message and path printed: a message never carries a long piece of the file. */
const MAX_MESSAGE_CHARS = 400;
const MAX_PATH_CHARS = 200;
/** Longest key or value echoed inside a message or path. */
export const MAX_ECHO_CHARS = 40;

/** Every problem found in a scenario, reported together. The only error the loader throws. */
export class ScenarioError extends Error {
  readonly issues: readonly ScenarioIssue[];

  /** `omitted`: problems found but already left out by the caller (counted in the "+N more" line). */
  constructor(issues: readonly ScenarioIssue[], omitted = 0) {
    const kept = issues.slice(0, MAX_REPORTED_ISSUES).map(bounded);
    const more = Math.max(0, issues.length - MAX_REPORTED_ISSUES) + omitted;
    if (more > 0 && kept.length > 0) {
      kept.push({ file: kept[0].file, path: '', message: `+${more} more problem${more === 1 ? '' : 's'}` });
    }
    super(formatIssues(kept));
    this.name = 'ScenarioError';
    this.issues = kept;
  }
}

function bounded(issue: ScenarioIssue): ScenarioIssue {
  if (issue.message.length <= MAX_MESSAGE_CHARS && issue.path.length <= MAX_PATH_CHARS) return issue;
  return {
    ...issue,
    path: clip(issue.path, MAX_PATH_CHARS),
    message: clip(issue.message, MAX_MESSAGE_CHARS),
  };
}

/** `text` cut to `max` characters, with "…" where it was cut. */
export function clip(text: string, max = MAX_ECHO_CHARS): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

/** A value quoted for a message, cut to a few dozen characters. */
export function quote(value: string): string {
  return JSON.stringify(clip(value));
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

/** Formats path segments as `machines[3].failures.mtbfH` (a long key is cut: paths echo file content). */
export function formatPath(segments: readonly PropertyKey[]): string {
  let out = '';
  for (const s of segments) {
    if (typeof s === 'number') out += `[${s}]`;
    else {
      const key = String(s);
      out +=
        /^[A-Za-z_$][\w$]*$/.test(key) && key.length <= MAX_ECHO_CHARS
          ? out === ''
            ? key
            : `.${key}`
          : `[${quote(key)}]`;
    }
  }
  return out;
}
