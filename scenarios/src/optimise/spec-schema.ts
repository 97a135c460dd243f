// The optimise spec's format and its own rules (schema, cross-field checks), on data in memory: browser-safe,
// so the layout editor's Optimise panel checks a spec as the CLI and the local API do before sending it.
import { z } from 'zod';
import { quote } from '../scenario/errors';
import {
  antennaSchema,
  carrierSchema,
  deploymentModes,
  networkFidelities,
  trafficClasses,
} from '../scenario/schema';
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
        antenna: antennaSchema
          .extend({
            azimuthsDeg: z.array(z.number().min(-360).max(360)).min(1).max(36).optional().meta({
              description:
                'Azimuths a placed gNB may point to (a decision variable per gNB), degrees from +x toward +y; instead of azimuthDeg',
            }),
          })
          .optional()
          .meta({ description: "Every placed gNB's antenna (default: the base's first gNB's)" }),
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
        fidelity: z.enum(networkFidelities).optional(),
      })
      .strict()
      .optional(),
  })
  .strict();

export type RawSpec = z.infer<typeof optimiseSpecSchema>;
export type CarrierOption = z.infer<typeof carrierOptionSchema>;

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
  const antenna = raw.gnbs.antenna;
  if (antenna?.azimuthsDeg !== undefined && antenna.azimuthDeg !== undefined)
    issues.push(
      issueAt(
        ['gnbs', 'antenna', 'azimuthDeg'],
        'give either azimuthDeg (every gNB points there) or azimuthsDeg (the search chooses), not both',
      ),
    );
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
