import { createRequire } from 'node:module';
import type * as Yaml from 'yaml';
import { type Deadline, DeadlinePassed } from './deadline';
import { formatPath, quote, ScenarioError, type ScenarioIssue } from './errors';
import { jsonLocator } from './json-locate';
import { findJsonSyntaxError, lineColumn, MAX_NESTING } from './json-syntax';
import { isJsonFile } from './read-file';

/** A parsed scenario file: its data and a way back from a JSON path to a line and column. */
export interface SourceFile {
  file: string;
  data: unknown;
  /** Line and column of the value at `path` (or of its nearest existing ancestor). */
  locate(path: readonly PropertyKey[]): { line: number; column: number } | undefined;
}

const MAX_ISSUES_PER_FILE = 50;

let yamlModule: typeof Yaml | undefined;
/** The YAML parser, loaded on first use: a valid JSON file never needs it (the command starts faster). */
const yaml = (): typeof Yaml => (yamlModule ??= createRequire(import.meta.url)('yaml') as typeof Yaml);

/**
 * Parses scenario text: strict JSON for `.json` files, YAML 1.2 otherwise. Syntax errors (all of them
 * that the parser finds), duplicate keys and nesting deeper than MAX_NESTING become a ScenarioError
 * with line:column. `deadline` is checked from inside the parsing loops.
 */
export function parseSourceFile(file: string, text: string, deadline?: Deadline): SourceFile {
  try {
    return parse(file, text, deadline);
  } catch (error) {
    if (!(error instanceof DeadlinePassed)) throw error;
    throw new ScenarioError([
      { file, path: '', message: `${error.message} (the limit): is it a scenario file?` },
    ]);
  }
}

function parse(file: string, text: string, deadline?: Deadline): SourceFile {
  if (isJsonFile(file)) {
    const syntax = findJsonSyntaxError(text, deadline);
    if (syntax !== null) {
      const at = lineColumn(text, syntax.offset);
      throw new ScenarioError([{ file, path: '', message: `JSON syntax error: ${syntax.message}`, ...at }]);
    }
    const data: unknown = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
    let located: ReturnType<typeof jsonLocator> | undefined;
    return { file, data, locate: (path) => (located ??= jsonLocator(text)).locate(path) };
  }
  const { doc, lineCounter } = parseYaml(text, deadline);
  const issues: ScenarioIssue[] = [];
  const at = (offset: number | undefined) => {
    if (offset === undefined) return {};
    const pos = lineCounter.linePos(offset);
    return { line: pos.line, column: pos.col };
  };
  for (const error of doc.errors.slice(0, MAX_ISSUES_PER_FILE)) {
    issues.push({
      file,
      path: '',
      message: `YAML syntax error: ${firstLine(error.message)}`,
      ...at(error.pos[0]),
    });
  }
  if (issues.length === 0) {
    for (const problem of structureProblems(doc).slice(0, MAX_ISSUES_PER_FILE)) {
      issues.push({ file, path: formatPath(problem.path), message: problem.message, ...at(problem.offset) });
    }
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
  const { isMap, isSeq } = yaml();
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
    return offset === undefined ? undefined : (at(offset) as { line: number; column: number });
  };
  return { file, data, locate };
}

/**
 * The YAML document of `text`. Lexing and parsing (most of the time) are driven token by token so the
 * deadline is checked as they go. Keys are checked for uniqueness by structureProblems, in linear time
 * (the yaml library's own `uniqueKeys` check is quadratic in a mapping's size).
 */
function parseYaml(text: string, deadline?: Deadline): { doc: Yaml.Document; lineCounter: Yaml.LineCounter } {
  const { Composer, Lexer, LineCounter, Parser } = yaml();
  const lineCounter = new LineCounter();
  const parser = new Parser(lineCounter.addNewLine);
  lineCounter.addNewLine(0); // as Parser.parse does: line 1 starts at offset 0
  const tokens = [];
  let n = 0;
  for (const lexeme of new Lexer().lex(text, false)) {
    if ((++n & 0x3fff) === 0) deadline?.check();
    for (const token of parser.next(lexeme)) tokens.push(token);
  }
  for (const token of parser.end()) tokens.push(token);
  deadline?.check();
  const composer = new Composer({ uniqueKeys: false, merge: false });
  let doc: Yaml.Document | undefined;
  for (const d of composer.compose(tokens, true, text.length)) {
    if (doc === undefined) doc = d as Yaml.Document;
    else {
      doc.errors.push(
        Object.assign(new Error('a scenario file holds one YAML document (found a second "---")'), {
          pos: [d.range[0], d.range[1]],
        }) as never,
      );
      break;
    }
  }
  deadline?.check();
  return { doc: doc!, lineCounter };
}

/** Duplicate keys and too-deep nesting, walking the document without recursion. */
function structureProblems(doc: Yaml.Document): { path: PropertyKey[]; message: string; offset?: number }[] {
  const { isAlias, isMap, isScalar, isSeq } = yaml();
  const out: { path: PropertyKey[]; message: string; offset?: number }[] = [];
  const stack: { node: unknown; path: PropertyKey[] }[] = [{ node: doc.contents, path: [] }];
  while (stack.length > 0 && out.length < MAX_ISSUES_PER_FILE) {
    const { node, path } = stack.pop()!;
    if (isAlias(node) || !(isMap(node) || isSeq(node))) continue;
    if (path.length >= MAX_NESTING) {
      out.push({ path: [], message: `nested deeper than ${MAX_NESTING} levels`, offset: node.range?.[0] });
      continue;
    }
    if (isSeq(node)) {
      node.items.forEach((item, i) => {
        stack.push({ node: item, path: [...path, i] });
      });
      continue;
    }
    const keys = new Set<string>();
    for (const pair of node.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
      if (key === undefined) {
        const offset = isNode(pair.key) ? pair.key.range?.[0] : undefined;
        out.push({ path, message: 'a key must be a plain string', offset });
        continue;
      }
      if (keys.has(key)) {
        out.push({
          path,
          message: `duplicate key ${quote(key)}`,
          offset: (pair.key as Yaml.Node).range?.[0],
        });
      }
      keys.add(key);
      stack.push({ node: pair.value, path: [...path, key] });
    }
  }
  return out;
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
