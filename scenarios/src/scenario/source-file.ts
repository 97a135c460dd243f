import { createRequire } from 'node:module';
import type * as Yaml from 'yaml';
import { formatPath, ScenarioError, type ScenarioIssue } from './errors';
import { findJsonSyntaxError, lineColumn } from './json-syntax';

/** A parsed scenario file: its data and a way back from a JSON path to a line and column. */
export interface SourceFile {
  file: string;
  data: unknown;
  /** Line and column of the value at `path` (or of its nearest existing ancestor). */
  locate(path: readonly PropertyKey[]): { line: number; column: number } | undefined;
}

const MAX_ISSUES_PER_FILE = 50;

let yamlModule: typeof Yaml | undefined;
/** The YAML parser, loaded on first use: a valid JSON file never needs it (the CLI starts faster). */
const yaml = (): typeof Yaml => (yamlModule ??= createRequire(import.meta.url)('yaml') as typeof Yaml);

/**
 * Parses scenario text: strict JSON for `.json` files, YAML 1.2 otherwise. Syntax errors (all of them
 * that the parser finds) become a ScenarioError with line:column.
 */
export function parseSourceFile(file: string, text: string): SourceFile {
  const isJson = /\.json$/i.test(file);
  if (isJson) {
    const syntax = findJsonSyntaxError(text);
    if (syntax !== null) {
      const at = lineColumn(text, syntax.offset);
      throw new ScenarioError([{ file, path: '', message: `JSON syntax error: ${syntax.message}`, ...at }]);
    }
  }
  if (isJson) {
    // Valid JSON: read it directly; the YAML parser (for line numbers) only runs if a problem is reported.
    const data: unknown = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
    let located: ReturnType<typeof yamlLocator> | undefined;
    return { file, data, locate: (path) => (located ??= yamlLocator(text)).locate(path) };
  }
  const { doc, locate } = yamlLocator(text);
  const issues: ScenarioIssue[] = [];
  for (const error of doc.errors.slice(0, MAX_ISSUES_PER_FILE)) {
    const pos = error.linePos?.[0];
    issues.push({
      file,
      path: '',
      message: `YAML syntax error: ${firstLine(error.message)}`,
      ...(pos === undefined ? {} : { line: pos.line, column: pos.col }),
    });
  }
  if (issues.length > 0) throw new ScenarioError(issues);
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    throw new ScenarioError([
      { file, path: '', message: `cannot read the document: ${firstLine(String(error))}` },
    ]);
  }
  return { file, data, locate };
}

function yamlLocator(text: string) {
  const { isMap, isSeq, LineCounter, parseDocument } = yaml();
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: true, uniqueKeys: true, merge: false });
  const locate = (path: readonly PropertyKey[]) => {
    let node: unknown = doc.contents;
    let found: Yaml.Node | undefined = isNode(node) ? node : undefined;
    for (const key of path) {
      if (isMap(node)) node = node.get(key as string, true);
      else if (isSeq(node) && typeof key === 'number') node = node.get(key, true);
      else break;
      if (!isNode(node)) break;
      found = node;
    }
    const offset = found?.range?.[0];
    if (offset === undefined) return undefined;
    const pos = lineCounter.linePos(offset);
    return { line: pos.line, column: pos.col };
  };
  return { doc, locate };
}

function isNode(value: unknown): value is Yaml.Node {
  return typeof value === 'object' && value !== null && 'range' in value;
}

function firstLine(message: string): string {
  return message
    .split('\n')[0]
    .replace(/ at line \d+, column \d+:?$/, '')
    .trim();
}

/** An issue at `path` in `source`, with its line and column when the path exists in the file. */
export function issueAt(source: SourceFile, path: readonly PropertyKey[], message: string): ScenarioIssue {
  const at = source.locate(path);
  return { file: source.file, path: formatPath(path), message, ...(at ?? {}) };
}
