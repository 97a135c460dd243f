import { dirname, resolve } from 'node:path';
import { z } from 'zod';
import { Confinement, realPaths } from '../scenario/confine';
import { DEFAULT_PARSE_TIME_LIMIT_MS, Deadline } from '../scenario/deadline';
import { quote, ScenarioError } from '../scenario/errors';
import { ReadRefused, readBoundedText } from '../scenario/read-file';
import { issueAt, parseSourceFile } from '../scenario/source-file';
import { schemaProblems } from '../scenario/zod-issues';

/**
 * A sweep spec (JSON or YAML): a base scenario and a grid of dimensions. Each dimension is one of
 * - `path` + `values`: set the value at a dot path (`network.carrier.tddPattern`), replacing what was there;
 * - `variants`: inline variant names of the base (combined with '+' across dimensions);
 * - `patches`: deep-merge patches, with `labels` naming them.
 */
const dimensionSchema = z.union([
  z
    .object({ name: z.string().min(1), path: z.string().min(1), values: z.array(z.unknown()).min(1) })
    .strict(),
  z.object({ name: z.string().min(1), variants: z.array(z.string().min(1)).min(1) }).strict(),
  z
    .object({
      name: z.string().min(1),
      patches: z.array(z.record(z.string(), z.unknown())).min(1),
      labels: z.array(z.string()).optional(),
    })
    .strict()
    .refine((d) => d.labels === undefined || d.labels.length === d.patches.length, {
      message: 'one label per patch',
    }),
]);

export const sweepSpecSchema = z
  .object({
    $schema: z.string().optional(),
    name: z.string().optional(),
    base: z.string().min(1).meta({ description: 'Scenario file, relative to the spec' }),
    variant: z.string().optional().meta({ description: 'Variant of the base applied to every point' }),
    replications: z.number().int().min(1).max(1000).optional(),
    lengthH: z.number().positive().optional().meta({ description: 'Overrides the run length, hours' }),
    dimensions: z.array(dimensionSchema).min(1),
    kpis: z.array(z.string()).optional().meta({ description: 'KPI columns of the CSV (default: all)' }),
  })
  .strict();

/** @useDeclaredType */
export type SweepSpec = z.infer<typeof sweepSpecSchema> & { file: string; baseFile: string };
export type Dimension = z.infer<typeof dimensionSchema>;

export interface SweepSpecOptions {
  /** Folders (or files) the spec's `base` may name besides the spec's folder tree (see Confinement). */
  allowPaths?: readonly string[];
}

/**
 * Reads and checks a sweep spec. Its `base` is confined like a scenario's `extends`: inside the spec's
 * folder tree (its project) or `allowPaths`, after resolving symbolic links.
 */
export function loadSweepSpec(file: string, options: SweepSpecOptions = {}): SweepSpec {
  let text: string;
  try {
    text = readBoundedText(file);
  } catch (error) {
    if (!(error instanceof ReadRefused)) throw error;
    throw new ScenarioError([
      { file, path: '', message: `cannot read the sweep spec: ${error.message}`, ...error.at },
    ]);
  }
  const source = parseSourceFile(file, text, new Deadline(DEFAULT_PARSE_TIME_LIMIT_MS));
  const parsed = sweepSpecSchema.safeParse(source.data, { reportInput: true });
  if (!parsed.success) {
    throw new ScenarioError(
      schemaProblems(parsed.error.issues as never).map((p) => issueAt(source, p.path, p.message)),
    );
  }
  const baseFile = resolve(dirname(file), parsed.data.base);
  const confinement = Confinement.forTopFile(file, options.allowPaths);
  const refuse = (message: string): never => {
    throw new ScenarioError([issueAt(source, ['base'], message)]);
  };
  if (!confinement.allows(realPaths.realpath(baseFile))) {
    refuse(
      `${quote(parsed.data.base)} is outside the spec's folder tree (${confinement.tree}): a base scenario must be inside it, or in a folder the loader is given in allowPaths`,
    );
  }
  if (!realPaths.exists(baseFile))
    refuse(`the base scenario ${quote(parsed.data.base)} (${baseFile}) does not exist`);
  return { ...parsed.data, file, baseFile };
}

/** One point of the grid: a label per dimension, the variant and patch that make it. */
export interface SweepPoint {
  labels: Record<string, string>;
  variant: string | undefined;
  patch: Record<string, unknown>;
}

/** The cartesian product of the dimensions, in row-major order (the last dimension varies fastest). */
export function sweepPoints(spec: Pick<SweepSpec, 'variant' | 'dimensions'>): SweepPoint[] {
  let points: SweepPoint[] = [{ labels: {}, variant: spec.variant, patch: {} }];
  for (const d of spec.dimensions) {
    const next: SweepPoint[] = [];
    for (const p of points) {
      if ('path' in d) {
        for (const value of d.values) {
          next.push({
            ...p,
            labels: { ...p.labels, [d.name]: label(value) },
            patch: setPath(p.patch, d.path.split('.'), value),
          });
        }
      } else if ('variants' in d) {
        for (const v of d.variants) {
          next.push({
            ...p,
            labels: { ...p.labels, [d.name]: v },
            variant: p.variant === undefined ? v : `${p.variant}+${v}`,
          });
        }
      } else {
        d.patches.forEach((patch, i) => {
          next.push({
            ...p,
            labels: { ...p.labels, [d.name]: d.labels?.[i] ?? String(i + 1) },
            patch: mergePatches(p.patch, patch),
          });
        });
      }
    }
    points = next;
  }
  return points;
}

function label(value: unknown): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return `${value.length} items`;
  return JSON.stringify(value);
}

/** A patch that sets `path` to `value` exactly (wrapped in $replace, so arrays and objects are not merged). */
function setPath(patch: Record<string, unknown>, path: string[], value: unknown): Record<string, unknown> {
  const leaf: Record<string, unknown> = { $replace: value };
  let built: Record<string, unknown> = leaf;
  for (let i = path.length - 1; i >= 0; i--) built = { [path[i]]: i === path.length - 1 ? leaf : built };
  return mergePatches(patch, built);
}

/** Combines two patches of the sweep (structural merge of the patch objects themselves). */
function mergePatches(a: Record<string, unknown>, b: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...a };
  for (const [k, v] of Object.entries(b)) {
    const prev = out[k];
    out[k] =
      isObj(prev) && isObj(v) && !('$replace' in v) && !('$replace' in prev) ? mergePatches(prev, v) : v;
  }
  return out;
}

const isObj = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** The JSON Schema of sweep specs (committed as scenarios/sweep.schema.json). */
export function sweepJsonSchemaText(): string {
  return `${JSON.stringify(z.toJSONSchema(sweepSpecSchema, { io: 'input', unrepresentable: 'any' }), null, 2)}\n`;
}
