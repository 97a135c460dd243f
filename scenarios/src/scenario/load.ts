import { createHash } from 'node:crypto';
import { dirname, resolve } from 'node:path';
import { MAX_SCHEMA_PROBLEMS } from './bounded-validation';
import { checkScenarioData } from './check-data';
import { Confinement, lexicalPaths, type PathSystem, realPaths } from './confine';
import { DEFAULT_PARSE_TIME_LIMIT_MS, Deadline } from './deadline';
import { clip, formatPath, MAX_REPORTED_ISSUES, quote, ScenarioError, type ScenarioIssue } from './errors';
import { isPlainObject, type MergeProblem, mergeTracked, type Origin, Provenance } from './merge';
import { MAX_TOTAL_BYTES, maxBytesFor, ReadRefused, readBoundedText } from './read-file';
import type { Scenario } from './schema';
import { parseSourceFile, type SourceFile } from './source-file';
import type { SchemaProblem } from './zod-issues';

export interface LoadOptions {
  /** A variant name, or several joined by '+' (applied left to right), e.g. "slice+2gnb". */
  variant?: string;
  /** A last patch applied after the variants (a sweep point), merged with the same rules. */
  patch?: Record<string, unknown>;
  /**
   * Reads a file as text (tests pass an in-memory one); defaults to the file system, read with
   * readBoundedText. With it, paths are taken as they are (no symbolic links, no project markers).
   */
  readText?: (file: string) => string;
  /**
   * Folders (or files) that `extends` may reach besides the scenario's folder tree (see Confinement).
   */
  allowPaths?: readonly string[];
  /** Limit on the time spent parsing the files of this load (default 30 s). */
  parseTimeLimitMs?: number;
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
  /** Places a problem at a JSON path of the scenario in the file (and line) that gave that value. */
  locate?: (problem: SchemaProblem) => ScenarioIssue;
}

const MAX_EXTENDS_DEPTH = 16;

/** A parsed file whose data is part of the merged scenario (problems are located in it). */
type Layer = SourceFile;

/** Everything one load shares: how files are read, where `extends` may go, the time limit, provenance. */
interface Context {
  read(file: string): string;
  paths: PathSystem;
  confinement: Confinement;
  deadline: Deadline;
  provenance: Provenance<Layer>;
}

/**
 * Loads a scenario file (JSON or YAML), follows `extends`, applies the chosen variant(s), validates the
 * result against the schema and its cross-references. Throws ScenarioError listing every problem found
 * (each in the file, and at the path, that caused it); never any other error for bad input.
 */
export function loadScenario(file: string, options: LoadOptions = {}): LoadedScenario {
  const ctx = context(file, options);
  const issues: ScenarioIssue[] = [];
  const { merged, chain } = resolveFile(file, ctx, []);
  let data: Record<string, unknown> = merged;
  const variants = variantNames(merged, ctx, issues);
  const chosen = options.variant === undefined ? [] : options.variant.split('+').map((v) => v.trim());
  const apply = (patch: unknown, fallback: Origin<Layer>) => {
    const problems: MergeProblem<Layer>[] = [];
    data = mergeTracked(data, patch, ctx.provenance, fallback, problems) as Record<string, unknown>;
    for (const p of problems) issues.push(issueIn(p.layer ?? fallback.layer, p.path, p.message));
  };
  for (const name of chosen) {
    const patch = isPlainObject(data.variants) ? data.variants[name] : undefined;
    if (!isPlainObject(patch)) {
      issues.push({
        file,
        path: '',
        message: `unknown variant ${quote(name)} (${variants.length === 0 ? 'the file defines none' : `available: ${clip(variants.join(', '), 300)}`})`,
      });
      continue;
    }
    apply(patch, ctx.provenance.locate(data, ['variants', name]) ?? { layer: chain[0], path: [] });
  }
  if (options.patch !== undefined) {
    const source: SourceFile = { file: `${file} (patch)`, data: options.patch, locate: () => undefined };
    apply(options.patch, { layer: source, path: [] });
  }
  if (issues.length > 0) throw new ScenarioError(issues);

  /** A problem at a JSON path of the scenario, placed in the file (and line) that gave that value. */
  const locate = (problem: SchemaProblem): ScenarioIssue => {
    const origin = ctx.provenance.locate(data, problem.path) ?? { layer: chain[0], path: [] };
    return { ...issueIn(origin.layer, origin.path, problem.message), path: formatPath(problem.path) };
  };
  const { candidate, problems, stopped, scenario } = checkScenarioData(data);
  if (problems.length > 0) {
    const hint = chain.length === 1 ? variantHint(file, candidate, problems, ctx) : undefined;
    // Only the reported problems are located (there may be many thousands).
    const seen = new Set<string>();
    let omitted = 0;
    for (const p of hint === undefined ? problems : hint.rest) {
      const key = `${formatPath(p.path)}|${p.message}`;
      if (seen.has(key)) continue;
      seen.add(key);
      if (issues.length >= MAX_REPORTED_ISSUES) {
        omitted++;
        continue;
      }
      issues.push(locate(p));
    }
    const fileOrder = [...new Set(issues.map((i) => i.file))];
    issues.sort(
      (a, b) => fileOrder.indexOf(a.file) - fileOrder.indexOf(b.file) || (a.line ?? 0) - (b.line ?? 0),
    );
    if (hint !== undefined) issues.unshift(hint.issue);
    if (stopped) {
      const message = `more than ${MAX_SCHEMA_PROBLEMS.toLocaleString('en')} problems: validation stopped there`;
      issues.unshift({ file, path: '', message });
    }
    throw new ScenarioError(issues, omitted);
  }
  if (scenario === undefined) throw new Error('unreachable: a failed validation has problems');
  return { scenario, file, variant: options.variant, variants, hash: scenarioHash(scenario), locate };
}

/** The names of a file's inline variants (after `extends`), without validating the scenario. */
export function listVariants(
  file: string,
  options: Pick<LoadOptions, 'readText' | 'allowPaths' | 'parseTimeLimitMs'> = {},
): string[] {
  const ctx = context(file, options);
  const { merged } = resolveFile(file, ctx, []);
  const issues: ScenarioIssue[] = [];
  const names = variantNames(merged, ctx, issues);
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

function context(
  file: string,
  options: Pick<LoadOptions, 'readText' | 'allowPaths' | 'parseTimeLimitMs'>,
): Context {
  const readText = options.readText;
  const paths: PathSystem =
    readText === undefined
      ? realPaths
      : {
          ...lexicalPaths,
          exists: (f) => {
            try {
              readText(f);
              return true;
            } catch {
              return false;
            }
          },
        };
  const read =
    readText === undefined
      ? (f: string) => readBoundedText(f)
      : (f: string) => {
          let text: string;
          try {
            text = readText(f);
          } catch (error) {
            const code = (error as { code?: string }).code;
            throw new ReadRefused(code === 'ENOENT' ? 'file not found' : 'cannot read it');
          }
          if (text.length > maxBytesFor(f))
            throw new ReadRefused(`file too large (${text.length} characters)`);
          return text;
        };
  let total = 0;
  const readCounted = (f: string) => {
    const text = read(f);
    total += text.length;
    if (total > MAX_TOTAL_BYTES) {
      throw new ReadRefused(
        `the files of this scenario (its extends chain) hold more than ${MAX_TOTAL_BYTES / 1024 / 1024} MiB together`,
      );
    }
    return text;
  };
  return {
    read: readCounted,
    paths,
    confinement: Confinement.forTopFile(file, options.allowPaths, paths),
    deadline: new Deadline(options.parseTimeLimitMs ?? DEFAULT_PARSE_TIME_LIMIT_MS),
    provenance: new Provenance<Layer>(),
  };
}

/** Reads and parses one file; a parse failure (or invalid UTF-8) is a ScenarioError of that file. */
function parseFile(file: string, realFile: string, ctx: Context): SourceFile {
  let text: string;
  try {
    text = ctx.read(realFile);
  } catch (error) {
    if (!(error instanceof ReadRefused)) throw error;
    if (error.at === undefined) throw error;
    throw new ScenarioError([{ file, path: '', message: error.message, ...error.at }]);
  }
  return parseSourceFile(file, text, ctx.deadline);
}

/**
 * The merged data of `file` and the files it extends, and the chain of those files (the file first).
 * `stack` holds the real paths of the files that extend this one (loops, depth); `extendedBy` is the
 * file whose `extends` named this one, where a base that cannot be read is reported.
 */
function resolveFile(
  file: string,
  ctx: Context,
  stack: string[],
  extendedBy?: { source: SourceFile; named: string },
): { merged: Record<string, unknown>; chain: Layer[] } {
  const real = ctx.paths.realpath(file);
  let source: SourceFile;
  try {
    source = parseFile(file, real, ctx);
  } catch (error) {
    if (!(error instanceof ReadRefused)) throw error;
    if (extendedBy === undefined) {
      throw new ScenarioError([{ file, path: '', message: `cannot read the scenario: ${error.message}` }]);
    }
    throw new ScenarioError([
      issueIn(
        extendedBy.source,
        ['extends'],
        `cannot read the base scenario ${quote(extendedBy.named)} (${clip(file, 200)}): ${error.message}`,
      ),
    ]);
  }
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
  ctx.provenance.adopt(data, source);
  if (data.extends === undefined) return { merged: data, chain: [source] };
  const refuse = (message: string): never => {
    throw new ScenarioError([issueIn(source, ['extends'], message)]);
  };
  if (typeof data.extends !== 'string' || data.extends === '') {
    refuse('expected the path of a base scenario file (a string)');
  }
  const named = data.extends as string;
  const baseFile = resolve(dirname(file), named);
  const baseReal = ctx.paths.realpath(baseFile);
  if (!ctx.confinement.allows(baseReal)) {
    refuse(
      `${quote(named)} is outside the scenario's folder tree (${ctx.confinement.tree}): a base scenario must be inside it, or in a folder the loader is given in allowPaths`,
    );
  }
  if (baseReal === real || stack.includes(baseReal)) refuse(`"extends" loops back to ${quote(named)}`);
  if (stack.length >= MAX_EXTENDS_DEPTH) refuse(`"extends" chain deeper than ${MAX_EXTENDS_DEPTH} files`);
  const base = resolveFile(baseFile, ctx, [...stack, real], { source, named });
  const { extends: _ignored, ...patch } = data;
  const problems: MergeProblem<Layer>[] = [];
  const merged = mergeTracked(base.merged, patch, ctx.provenance, { layer: source, path: [] }, problems);
  if (problems.length > 0)
    throw new ScenarioError(problems.map((p) => issueIn(p.layer ?? source, p.path, p.message)));
  return { merged: merged as Record<string, unknown>, chain: [source, ...base.chain] };
}

function variantNames(merged: Record<string, unknown>, ctx: Context, issues: ScenarioIssue[]): string[] {
  const v = merged.variants;
  if (v === undefined) return [];
  const at = (path: PropertyKey[], message: string) => {
    const origin = ctx.provenance.locate(merged, path);
    if (origin !== undefined) issues.push(issueIn(origin.layer, origin.path, message));
  };
  if (!isPlainObject(v)) {
    at(['variants'], 'expected an object of named patches ({ "name": { ...patch } })');
    return [];
  }
  for (const [name, patch] of Object.entries(v)) {
    if (!/^[A-Za-z0-9_.-]+$/.test(name))
      at(['variants', name], 'a variant name uses letters, digits, "_", "." and "-"');
    if (!isPlainObject(patch)) at(['variants', name], 'expected a patch object');
  }
  return Object.keys(v);
}

/** Required top-level keys reported missing, at or above which a file without `extends` gets the hint. */
const VARIANT_HINT_MISSING = 2;
/** Keys someone might write for `extends`. */
const EXTENDS_LOOKALIKES = ['base', 'extend', 'variantOf', 'parent', 'inherits'];

/**
 * A file without `extends` that lacks several required top-level keys (or names its base under another
 * key) is most likely a variant: one hint replaces its "required … is missing" problems.
 */
function variantHint(
  file: string,
  data: Record<string, unknown>,
  problems: SchemaProblem[],
  ctx: Context,
): { issue: ScenarioIssue; rest: SchemaProblem[] } | undefined {
  const isMissing = (p: SchemaProblem) => /^required .* is missing$/.test(p.message);
  const missing = problems.filter((p) => p.path.length === 1 && isMissing(p));
  const lookalike = EXTENDS_LOOKALIKES.find((k) => k in data);
  if (missing.length < VARIANT_HINT_MISSING && lookalike === undefined) return undefined;
  const base = ['../scenario.json', './scenario.json', '../scenario.yaml', './scenario.yaml'].find((c) =>
    ctx.paths.exists(resolve(dirname(file), c)),
  );
  const suggestion = `"extends": ${base === undefined ? '"<the base scenario file>"' : JSON.stringify(base)}`;
  const why =
    lookalike !== undefined
      ? `it has "${lookalike}", which is not a scenario key`
      : `${missing.length} required keys are missing (${missing.map((p) => String(p.path[0])).join(', ')})`;
  return {
    issue: {
      file,
      path: '',
      message: `no "extends" and ${why}: if this file is a variant, did you mean to add ${suggestion}?`,
      line: 1,
      column: 1,
    },
    // What a variant does not say is missing at every level, not only the top one.
    rest: problems.filter((p) => !isMissing(p)),
  };
}

function issueIn(source: SourceFile, path: PropertyKey[], message: string): ScenarioIssue {
  const at = source.locate(path);
  return { file: source.file, path: formatPath(path), message, ...(at ?? {}) };
}
