// Scenario-provided text in HTML (the report): every string goes through here, element content and
// attribute values alike (attributes are always double-quoted).

/** C0 controls but tab, newline and carriage return, DEL and C1 controls: not allowed in HTML text (HTML §13.2.5). */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text safe in HTML element content and double- or single-quoted attribute values; controls become U+FFFD. */
export function escapeHtml(value: unknown): string {
  return String(value)
    .replace(CONTROLS, '\ufffd')
    .replace(/[&<>"']/g, (c) => ENTITIES[c] as string);
}
