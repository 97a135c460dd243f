import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { modelProblems } from '../model/model-problems';
import { formatPath, ScenarioError, type ScenarioIssue } from './errors';
import { isPlainObject, type MergeProblem, mergePatch } from './merge';
import { referenceProblems } from './references';
import { type Scenario, scenarioSchema } from './schema';
import { parseSourceFile, type SourceFile } from './source-file';
import { type SchemaProblem, schemaProblems } from './zod-issues';

export interface LoadOptions {
  /** A variant name, or several joined by '+' (applied left to right), e.g. "slice+2gnb". */
  variant?: string;
  /** A last patch applied after the variants (a sweep point), merged with the same rules. */
  patch?: Record<string, unknown>;
  /** Reads a file as text (tests pass an in-memory one); defaults to the file system. */
  readText?: (file: string) => string;
}

export interface LoadedScenario {
  /** The validated scenario, variants applied. */
  scenario: Scenario;
  /** The file given to the loader. */
  file: string;
  variant: string | undefined;
  /** Names of the inline variants the file (and the files it extends) defines. */
  variants: string[];
  /** SHA-256 of the scenario's canonical JSON: equal for equal scenarios, whatever the file layout. */
  hash: string;
}

const MAX_EXTENDS_DEPTH = 16;
const MAX_FILE_BYTES = 64 * 1024 * 1024;
const MAX_REPORTED_ISSUES = 200;

/** A patch layer: where in which file a piece of the merged scenario came from (for line:column). */
interface Layer {
  source: SourceFile;
  prefix: PropertyKey[];
  data: unknown;
}

/**
 * Loads a scenario file (JSON or YAML), follows `extends`, applies the chosen variant(s), validates the
 * result against the schema and its cross-references. Throws ScenarioError listing every problem found;
 * never any other error for bad input.
 */
export function loadScenario(file: string, options: LoadOptions = {}): LoadedScenario {
  const readText = options.readText ?? readTextFile;
  const issues: ScenarioIssue[] = [];
  const { merged, layers } = resolveFile(file, readText, []);
  let data: Record<string, unknown> = merged;
  const variants = variantNames(merged, layers[0], issues);
  const chosen = options.variant === undefined ? [] : options.variant.split('+').map((v) => v.trim());
  for (const name of chosen) {
    const patch = isPlainObject(merged.variants) ? merged.variants[name] : undefined;
    if (!isPlainObject(patch)) {
      issues.push({
        file,
        path: '',
        message: `unknown variant "${name}" (${variants.length === 0 ? 'the file defines none' : `available: ${variants.join(', ')}`})`,
      });
      continue;
    }
    const owner = layers.find(
      (l) => isPlainObject(l.data) && isPlainObject(l.data.variants) && name in l.data.variants,
    );
    const problems: MergeProblem[] = [];
    data = mergePatch(data, patch, problems) as Record<string, unknown>;
    if (owner !== undefined) {
      const layer = { source: owner.source, prefix: [...owner.prefix, 'variants', name], data: patch };
      layers.unshift(layer);
      for (const p of problems) issues.push(issueIn(layer, p.path, p.message));
    }
  }
  if (options.patch !== undefined) {
    const source: SourceFile = { file: `${file} (patch)`, data: options.patch, locate: () => undefined };
    const layer: Layer = { source, prefix: [], data: options.patch };
    const problems: MergeProblem[] = [];
    data = mergePatch(data, options.patch, problems) as Record<string, unknown>;
    layers.unshift(layer);
    for (const p of problems) issues.push(issueIn(layer, p.path, p.message));
  }
  if (issues.length > 0) throw new ScenarioError(issues);

  const { extends: _e, variants: _v, $schema: _s, ...candidate } = data;
  const problems: SchemaProblem[] = [];
  const parsed = scenarioSchema.safeParse(candidate, { reportInput: true });
  if (!parsed.success) problems.push(...schemaProblems(parsed.error.issues as never));
  problems.push(...referenceProblems(candidate));
  // sim-core's own checks of the model (network config, failure model parameters), on a well-formed scenario.
  if (parsed.success && problems.length === 0) problems.push(...modelProblems(parsed.data as Scenario));
  if (problems.length > 0) {
    const seen = new Set<string>();
    for (const p of problems) {
      const issue = locateIssue(layers, candidate, p);
      const key = `${issue.file}|${issue.path}|${issue.message}`;
      if (!seen.has(key)) {
        seen.add(key);
        issues.push(issue);
      }
    }
    const fileOrder = [...new Set(issues.map((i) => i.file))];
    issues.sort(
      (a, b) => fileOrder.indexOf(a.file) - fileOrder.indexOf(b.file) || (a.line ?? 0) - (b.line ?? 0),
    );
    if (issues.length > MAX_REPORTED_ISSUES) {
      const more = issues.length - MAX_REPORTED_ISSUES;
      issues.length = MAX_REPORTED_ISSUES;
      issues.push({ file, path: '', message: `… and ${more} more problems` });
    }
    throw new ScenarioError(issues);
  }
  const scenario = parsed.data as Scenario;
  return { scenario, file, variant: options.variant, variants, hash: scenarioHash(scenario) };
}

/** The names of a file's inline variants (after `extends`), without validating the scenario. */
export function listVariants(file: string, options: Pick<LoadOptions, 'readText'> = {}): string[] {
  const { merged, layers } = resolveFile(file, options.readText ?? readTextFile, []);
  const issues: ScenarioIssue[] = [];
  const names = variantNames(merged, layers[0], issues);
  if (issues.length > 0) throw new ScenarioError(issues);
  return names;
}

export function scenarioHash(scenario: Scenario): string {
  return createHash('sha256').update(canonicalJson(scenario)).digest('hex');
}

/** JSON with object keys sorted, so equal data always gives equal text. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (isPlainObject(value)) {
    const keys = Object.keys(value)
      .filter((k) => value[k] !== undefined)
      .sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(value[k])}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

function readTextFile(file: string): string {
  return readFileSync(file, 'utf8');
}

function resolveFile(
  file: string,
  readText: (file: string) => string,
  stack: string[],
): { merged: Record<string, unknown>; layers: Layer[] } {
  let text: string;
  try {
    text = readText(file);
  } catch (error) {
    const code = (error as { code?: string }).code;
    const why =
      code === 'ENOENT'
        ? 'file not found'
        : code === 'EISDIR'
          ? 'is a directory'
          : String((error as Error).message ?? error);
    throw new ScenarioError([{ file, path: '', message: `cannot read the scenario: ${why}` }]);
  }
  if (text.length > MAX_FILE_BYTES) {
    throw new ScenarioError([{ file, path: '', message: `file too large (${text.length} bytes)` }]);
  }
  const source = parseSourceFile(file, text);
  const data = source.data;
  if (!isPlainObject(data)) {
    throw new ScenarioError([
      {
        file,
        path: '',
        message: 'a scenario file must contain an object (a mapping of keys to values)',
        line: 1,
        column: 1,
      },
    ]);
  }
  const layer: Layer = { source, prefix: [], data };
  if (data.extends === undefined) return { merged: data, layers: [layer] };
  if (typeof data.extends !== 'string' || data.extends === '') {
    throw new ScenarioError([
      issueIn(layer, ['extends'], 'expected the path of a base scenario file (a string)'),
    ]);
  }
  const basePath = resolve(dirname(file), data.extends);
  if (stack.includes(basePath) || resolve(file) === basePath) {
    throw new ScenarioError([issueIn(layer, ['extends'], `"extends" loops back to ${data.extends}`)]);
  }
  if (stack.length >= MAX_EXTENDS_DEPTH) {
    throw new ScenarioError([
      issueIn(layer, ['extends'], `"extends" chain deeper than ${MAX_EXTENDS_DEPTH} files`),
    ]);
  }
  const base = resolveFile(basePath, readText, [...stack, resolve(file)]);
  const { extends: _ignored, ...patch } = data;
  const problems: MergeProblem[] = [];
  const merged = mergePatch(base.merged, patch, problems) as Record<string, unknown>;
  delete merged.extends;
  if (problems.length > 0) throw new ScenarioError(problems.map((p) => issueIn(layer, p.path, p.message)));
  return { merged, layers: [layer, ...base.layers] };
}

function variantNames(merged: Record<string, unknown>, top: Layer, issues: ScenarioIssue[]): string[] {
  const v = merged.variants;
  if (v === undefined) return [];
  if (!isPlainObject(v)) {
    issues.push(issueIn(top, ['variants'], 'expected an object of named patches ({ "name": { ...patch } })'));
    return [];
  }
  for (const [name, patch] of Object.entries(v)) {
    if (!/^[A-Za-z0-9_.-]+$/.test(name))
      issues.push(issueIn(top, ['variants', name], 'a variant name uses letters, digits, "_", "." and "-"'));
    if (!isPlainObject(patch)) issues.push(issueIn(top, ['variants', name], 'expected a patch object'));
  }
  return Object.keys(v);
}

function issueIn(layer: Layer, path: PropertyKey[], message: string): ScenarioIssue {
  const at = layer.source.locate([...layer.prefix, ...path]);
  return { file: layer.source.file, path: formatPath(path), message, ...(at ?? {}) };
}

/** Attributes a problem in the merged scenario to the highest layer holding the most of its path. */
function locateIssue(layers: Layer[], merged: unknown, problem: SchemaProblem): ScenarioIssue {
  let best = layers[layers.length - 1];
  let bestPath: PropertyKey[] = [];
  let bestDepth = -1;
  for (const layer of layers) {
    const { depth, path } = translatePath(problem.path, merged, layer.data);
    if (depth > bestDepth) {
      best = layer;
      bestPath = path;
      bestDepth = depth;
    }
  }
  const at = best.source.locate([...best.prefix, ...bestPath]);
  return { file: best.source.file, path: formatPath(problem.path), message: problem.message, ...(at ?? {}) };
}

/** Follows `path` (through the merged data) into one layer's data, matching array elements by id. */
function translatePath(
  path: PropertyKey[],
  merged: unknown,
  layerData: unknown,
): { depth: number; path: PropertyKey[] } {
  const out: PropertyKey[] = [];
  let m = merged;
  let l = layerData;
  for (const seg of path) {
    if (typeof seg === 'number' && Array.isArray(m) && Array.isArray(l)) {
      const elem = m[seg];
      const k =
        isPlainObject(elem) && elem.id !== undefined
          ? l.findIndex((x) => isPlainObject(x) && x.id === elem.id)
          : seg;
      if (k < 0 || k >= l.length) break;
      out.push(k);
      m = elem;
      l = l[k];
    } else if (isPlainObject(m) && isPlainObject(l) && typeof seg === 'string' && seg in l) {
      out.push(seg);
      m = m[seg];
      l = l[seg];
    } else break;
  }
  return { depth: out.length, path: out };
}
