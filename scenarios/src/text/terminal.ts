// Scenario-provided text (names, ids, labels) on a terminal: control characters would move the cursor,
// change colours or clear the screen (ECMA-48 escape sequences), and bidirectional overrides can make a
// line read differently from what it holds (CVE-2021-42574, "Trojan Source"). They are shown as \u escapes.

/** C0 controls but tab and newline, DEL, C1 controls, Unicode bidi embeddings, overrides and isolates. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const UNSAFE_IN_LINES = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
/** The same, plus tab, newline and the Unicode line and paragraph separators (one-line text). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const UNSAFE_IN_TEXT = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

const visible = (c: string) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

/** One scenario-provided string inside a line of terminal output: every control character made visible. */
export function terminalText(value: unknown): string {
  return String(value).replace(UNSAFE_IN_TEXT, visible);
}

/** Whole lines of output (messages, tables): keeps newlines and tabs, makes the other controls visible. */
export function terminalLines(value: unknown): string {
  return String(value).replace(UNSAFE_IN_LINES, visible);
}
