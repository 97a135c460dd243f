import { parseDocument } from 'yaml';
import { findJsonSyntaxError, lineColumn } from './json-syntax';

export type TextParse = { ok: true; data: unknown } | { ok: false; message: string };

/**
 * Scenario text as data, in memory (the browser's counterpart of source-file.ts, without line tracking):
 * JSON for a `.json` name, YAML 1.2 otherwise (duplicate keys are errors, as in the loader). A syntax
 * error is a message with its line and column, never an exception.
 */
export function parseScenarioText(name: string, text: string): TextParse {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (/\.json$/i.test(name)) {
    // The loader's own check (source-file.ts): duplicate keys and too deep nesting are errors, with a place.
    const syntax = findJsonSyntaxError(text);
    if (syntax !== null) {
      const at = lineColumn(text, syntax.offset);
      return {
        ok: false,
        message: `JSON syntax error (line ${at.line}, column ${at.column}): ${syntax.message}`,
      };
    }
    return { ok: true, data: JSON.parse(body) };
  }
  const doc = parseDocument(body, { prettyErrors: true });
  const error = doc.errors[0];
  if (error !== undefined) {
    const at = error.linePos?.[0];
    const where = at === undefined ? '' : ` (line ${at.line}, column ${at.col})`;
    return { ok: false, message: `YAML syntax error${where}: ${error.message.split('\n')[0]}` };
  }
  return { ok: true, data: doc.toJS({ maxAliasCount: 100 }) };
}
