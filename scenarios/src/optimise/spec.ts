import { dirname, resolve } from 'node:path';
import { z } from 'zod';
import { Confinement, realPaths } from '../scenario/confine';
import { DEFAULT_PARSE_TIME_LIMIT_MS, Deadline } from '../scenario/deadline';
import { quote, ScenarioError, type ScenarioIssue } from '../scenario/errors';
import { ReadRefused, readBoundedText } from '../scenario/read-file';
import { carrierSchema, deploymentModes, trafficClasses } from '../scenario/schema';
import { issueAt, parseSourceFile } from '../scenario/source-file';
import { type SchemaProblem, schemaProblems } from '../scenario/zod-issues';

/**
 * An optimise spec (JSON or YAML): the base scenario, the decision space (mounting points, carrier / TDD
 * options per cell, deployment modes), the targets, and the budgets of the search and of the confirmation.
 */
const id = z.string().regex(/^[A-Za-z0-9_.:-]{1,64}$/, 'an id is 1–64 letters, digits, "_", ".", ":" or "-"');
const share = z.number().min(0).max(1);

const mountSchema = z
  .object({ id, xM: z.number(), yM: z.number(), heightM: z.number().positive().max(200).optional() })
  .strict();

const mountsSchema = z.union([
  z.object({ points: z.array(mountSchema).min(1).max(500) }).strict(),
  z
    .object({
      grid: z
        .object({
          spacingM: z.number().positive().max(3000),
          spacingYM: z
            .number()
            .positive()
            .max(3000)
            .optional()
            .meta({ description: 'Spacing along y (default spacingM)' }),
          marginM: z.number().min(0).max(3000).optional(),
        })
        .strict(),
    })
    .strict(),
]);

const carrierOptionSchema = carrierSchema
  .partial()
  .extend({
    label: z.string().regex(/^[A-Za-z0-9_.-]{1,32}$/, 'a label is 1–32 letters, digits, "_", "." or "-"'),
  })
  .strict();

export const optimiseSpecSchema = z
  .object({
    $schema: z.string().optional(),
    base: z.string().min(1).meta({ description: 'Scenario (or variant) file, relative to the spec' }),
    seed: z.union([z.number().int(), z.string()]).optional().meta({ description: 'Search seed (default 1)' }),
    mounts: mountsSchema.meta({ description: 'Where a gNB may go: listed points, or a grid over the floor' }),
    gnbs: z
      .object({
        min: z.number().int().min(1).max(200).optional(),
        max: z.number().int().min(1).max(200),
        heightM: z.number().positive().max(200).optional(),
        txPowerDbm: z.number().min(-30).max(60).optional(),
      })
      .strict(),
    carriers: z
      .array(carrierOptionSchema)
      .min(1)
      .max(16)
      .optional()
      .meta({ description: "Carrier / TDD options per cell (default: the base's network.carrier)" }),
    deployments: z.array(z.enum(deploymentModes)).min(1).optional(),
    coverage: z
      .object({
        sinrDb: z.number().min(-20).max(50).optional(),
        direction: z.enum(['DL', 'UL', 'both']).optional(),
        floorShare: share.optional(),
        pathShare: share.optional(),
        cellSizeM: z.number().min(0.5).max(50).optional(),
        pathStepM: z.number().min(0.25).max(50).optional(),
      })
      .strict()
      .optional(),
    onTime: z
      .partialRecord(z.enum(trafficClasses), share)
      .optional()
      .meta({ description: 'On-time targets per traffic class (screening proxy; confirmed by simulation)' }),
    search: z
      .object({
        populationSize: z.number().int().min(4).max(1000).optional(),
        generations: z.number().int().min(0).max(10000).optional(),
      })
      .strict()
      .optional(),
    front: z
      .object({ max: z.number().int().min(1).max(100).optional() })
      .strict()
      .optional(),
    confirm: z
      .object({
        members: z.number().int().min(0).max(100).optional(),
        replications: z.number().int().min(1).max(100).optional(),
        hours: z.number().positive().max(8784).optional(),
        fidelity: z.enum(['packet', 'flow']).optional(),
      })
      .strict()
      .optional(),
  })
  .strict();

type RawSpec = z.infer<typeof optimiseSpecSchema>;
export type CarrierOption = z.infer<typeof carrierOptionSchema>;

/** A spec with its defaults filled in. */
export interface OptimiseSpec {
  file: string;
  baseFile: string;
  seed: number | string;
  mounts: RawSpec['mounts'];
  gnbs: { min: number; max: number; heightM?: number; txPowerDbm?: number };
  /** Empty: the base's carrier for every cell. */
  carriers: CarrierOption[];
  /** Empty: the base's deployment mode. */
  deployments: RawSpec['deployments'] & {};
  coverage: {
    sinrDb: number;
    direction: 'DL' | 'UL' | 'both';
    floorShare: number;
    pathShare: number;
    cellSizeM: number;
    pathStepM: number;
  };
  onTime: Partial<Record<(typeof trafficClasses)[number], number>>;
  search: { populationSize: number; generations: number };
  front: { max: number };
  confirm: { members: number; replications: number; hours?: number; fidelity: 'packet' | 'flow' };
  /** Places a problem at a JSON path of the spec file (for checks against the base scenario). */
  issueAt(path: readonly PropertyKey[], message: string): ScenarioIssue;
}

// Defaults (assumptions, each a planner's starting point): SINR ≥ 0 dB is where CQI 1–2 still decode
// (TS 38.214 tables with a 4 dB gap: CQI 1 at about −5.5 dB), with margin for fading.
const DEFAULTS = {
  seed: 1,
  sinrDb: 0,
  floorShare: 0,
  pathShare: 0,
  cellSizeM: 2,
  pathStepM: 1,
  populationSize: 40,
  generations: 25,
  frontMax: 8,
  confirmMembers: 4,
  replications: 2,
} as const;

/** Reads and checks an optimise spec; every problem is a ScenarioError at its JSON path in the spec. */
export function loadOptimiseSpec(file: string): OptimiseSpec {
  let text: string;
  try {
    text = readBoundedText(file);
  } catch (error) {
    if (!(error instanceof ReadRefused)) throw error;
    throw new ScenarioError([
      { file, path: '', message: `cannot read the optimise spec: ${error.message}`, ...error.at },
    ]);
  }
  const source = parseSourceFile(file, text, new Deadline(DEFAULT_PARSE_TIME_LIMIT_MS));
  const checked = checkOptimiseSpecData(source.data);
  if (!checked.ok) throw new ScenarioError(checked.problems.map((p) => issueAt(source, p.path, p.message)));
  const raw = checked.spec;
  const baseFile = resolve(dirname(file), raw.base);
  const confinement = Confinement.forTopFile(file);
  if (!confinement.allows(realPaths.realpath(baseFile)))
    throw new ScenarioError([
      issueAt(
        source,
        ['base'],
        `${quote(raw.base)} is outside the spec's folder tree (${confinement.tree}): the base scenario must be inside it`,
      ),
    ]);
  if (!realPaths.exists(baseFile))
    throw new ScenarioError([
      issueAt(source, ['base'], `the base scenario ${quote(raw.base)} (${baseFile}) does not exist`),
    ]);
  const c = raw.coverage ?? {};
  return {
    file,
    baseFile,
    seed: raw.seed ?? DEFAULTS.seed,
    mounts: raw.mounts,
    gnbs: { ...raw.gnbs, min: raw.gnbs.min ?? 1 },
    carriers: raw.carriers ?? [],
    deployments: raw.deployments ?? [],
    coverage: {
      sinrDb: c.sinrDb ?? DEFAULTS.sinrDb,
      direction: c.direction ?? 'DL',
      floorShare: c.floorShare ?? DEFAULTS.floorShare,
      pathShare: c.pathShare ?? DEFAULTS.pathShare,
      cellSizeM: c.cellSizeM ?? DEFAULTS.cellSizeM,
      pathStepM: c.pathStepM ?? DEFAULTS.pathStepM,
    },
    onTime: raw.onTime ?? {},
    search: {
      populationSize: raw.search?.populationSize ?? DEFAULTS.populationSize,
      generations: raw.search?.generations ?? DEFAULTS.generations,
    },
    front: { max: raw.front?.max ?? DEFAULTS.frontMax },
    confirm: {
      members: raw.confirm?.members ?? DEFAULTS.confirmMembers,
      replications: raw.confirm?.replications ?? DEFAULTS.replications,
      ...(raw.confirm?.hours === undefined ? {} : { hours: raw.confirm.hours }),
      fidelity: raw.confirm?.fidelity ?? 'packet',
    },
    issueAt: (path, message) => issueAt(source, path, message),
  };
}

/**
 * The spec's own rules on data in memory (no file, no base scenario): the schema, then the rules across
 * fields. `loadOptimiseSpec` and the local optimise API (optimise/api) both check a spec with it.
 */
export function checkOptimiseSpecData(
  data: unknown,
): { ok: true; spec: RawSpec } | { ok: false; problems: SchemaProblem[] } {
  const parsed = optimiseSpecSchema.safeParse(data, { reportInput: true });
  if (!parsed.success) return { ok: false, problems: schemaProblems(parsed.error.issues as never) };
  const problems = crossChecks(parsed.data);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, spec: parsed.data };
}

/** Rules across fields: unique ids and labels, min ≤ max, no more gNBs than mounting points. */
function crossChecks(raw: RawSpec): SchemaProblem[] {
  const issues: SchemaProblem[] = [];
  const issueAt = (path: PropertyKey[], message: string): SchemaProblem => ({ path, message });
  if (raw.gnbs.min !== undefined && raw.gnbs.min > raw.gnbs.max)
    issues.push(issueAt(['gnbs', 'min'], `expected at most gnbs.max (${raw.gnbs.max}), got ${raw.gnbs.min}`));
  if ('points' in raw.mounts) {
    const seen = new Set<string>();
    raw.mounts.points.forEach((p, i) => {
      if (seen.has(p.id))
        issues.push(issueAt(['mounts', 'points', i, 'id'], `duplicate mounting point id ${quote(p.id)}`));
      seen.add(p.id);
    });
    if (raw.gnbs.max > raw.mounts.points.length)
      issues.push(
        issueAt(
          ['gnbs', 'max'],
          `expected at most the number of mounting points (${raw.mounts.points.length}), got ${raw.gnbs.max}`,
        ),
      );
  }
  const labels = new Set<string>();
  (raw.carriers ?? []).forEach((c, i) => {
    if (labels.has(c.label))
      issues.push(issueAt(['carriers', i, 'label'], `duplicate carrier label ${quote(c.label)}`));
    labels.add(c.label);
  });
  const modes = new Set<string>();
  (raw.deployments ?? []).forEach((d, i) => {
    if (modes.has(d)) issues.push(issueAt(['deployments', i], `duplicate deployment mode ${quote(d)}`));
    modes.add(d);
  });
  return issues;
}
