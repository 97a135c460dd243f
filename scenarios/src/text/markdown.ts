// Scenario-provided text in Markdown (run summaries, comparison tables): control characters are made
// visible as \u escapes, a newline would end a table row, and `|` would split a cell (GFM tables), so
// both are neutralized; CommonMark's inline metacharacters are backslash-escaped (CommonMark §2.4).

// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const CONTROLS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const visible = (c: string) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

/** A string as literal Markdown text, safe inside a table cell: controls visible, metacharacters escaped. */
export function markdownText(value: unknown): string {
  return String(value)
    .replace(CONTROLS, visible)
    .replace(/[\\`*_[\]<>|~&]/g, (c) => `\\${c}`);
}

/** A string inside a code span (`…`): backslash escapes do not work there, so backticks are dropped; `|` is escaped for GFM tables. */
export function markdownCode(value: unknown): string {
  return String(value).replace(CONTROLS, visible).replace(/`/g, '').replace(/\|/g, '\\|');
}
