import { resolvePolicy } from '@factory-twin/sim-core';
import { z } from 'zod';
import { LIMITS } from './limits';
import { isPlainObject } from './merge';
import type { SchemaProblem } from './zod-issues';

/**
 * The scenario's shared-RAN sections (sim-core network/ran-share): `network.publicLoad`, the public users on
 * the operator's cells of a `public` or `slice` deployment, and `network.rrmPolicy`, the slice's RAN share.
 * Kept apart from schema.ts, which includes them.
 */

const share = z.number().min(0).max(1);

const hourSchema = z
  .object({
    ulPrbShare: share.meta({ description: 'Share of the UL PRBs the public users want, 0..1' }),
    dlPrbShare: share.meta({ description: 'Share of the DL PRBs the public users want, 0..1' }),
    ues: z
      .number()
      .min(0)
      .max(LIMITS.count.devices)
      .meta({ description: 'Public UEs with data at a time (they share the PRBs with the plant’s UEs)' }),
  })
  .strict();

const profileFields = {
  hourly: z.array(hourSchema).length(24).optional().meta({
    description:
      '24 entries, one per clock hour from 00:00 (default: a busy urban cell, see the network README)',
  }),
  constant: hourSchema.optional().meta({ description: 'The same load every hour (instead of hourly)' }),
};

function oneProfile(o: { hourly?: unknown; constant?: unknown }, ctx: z.RefinementCtx): void {
  if (o.hourly !== undefined && o.constant !== undefined)
    ctx.addIssue({ code: 'custom', path: ['constant'], message: 'give either hourly or constant, not both' });
}

export const publicLoadSchema = z
  .object({
    enabled: z.boolean().optional().meta({
      description:
        'Public users on the cells (default true for public and slice; hybrid and private cells carry none, so it is ignored there)',
    }),
    ...profileFields,
    startHour: z
      .number()
      .int()
      .min(0)
      .max(23)
      .optional()
      .meta({ description: 'Clock hour at the start of the run (default 6: the first shift)' }),
    cells: z
      .array(
        z
          .object({ gnbId: z.string().min(1), ...profileFields })
          .strict()
          .superRefine(oneProfile)
          .superRefine((c, ctx) => {
            if (c.hourly === undefined && c.constant === undefined)
              ctx.addIssue({ code: 'custom', path: [], message: "give the cell's hourly or constant load" });
          }),
      )
      .max(LIMITS.count.gnbs)
      .optional()
      .meta({ description: 'Cells with a load of their own, by gNB id' }),
  })
  .strict()
  .superRefine(oneProfile)
  .meta({
    description:
      'Background load of public users on the operator’s cells (public, slice): it takes PRBs from the plant and interferes with neighbouring cells by its PRB share',
  });

const pct = z.number().min(0).max(100);

export const rrmPolicySchema = z
  .object({
    dedicatedPct: pct.optional().meta({
      description:
        'PRBs reserved for the slice, % of the cell; idle ones stay idle (default min(10, minPct))',
    }),
    minPct: pct.optional().meta({
      description:
        'PRBs the slice gets first, dedicated included, % (default min(50, maxPct)); others use them when the slice leaves them idle',
    }),
    maxPct: pct.positive().optional().meta({ description: 'Most PRBs the slice uses, % (default 100)' }),
  })
  .strict()
  .superRefine((p, ctx) => {
    const r = resolvePolicy(p);
    if (r.dedicatedPct > r.minPct)
      ctx.addIssue({
        code: 'custom',
        path: ['dedicatedPct'],
        message: `the dedicated PRBs are part of the prioritised ones: expected at most minPct (${r.minPct}), got ${r.dedicatedPct}`,
      });
    if (r.minPct > r.maxPct)
      ctx.addIssue({
        code: 'custom',
        path: ['minPct'],
        message: `expected at most maxPct (${r.maxPct}), got ${r.minPct}`,
      });
  })
  .meta({
    description:
      'The slice’s RAN share (deployment slice), as 3GPP TS 28.541 RRMPolicyRatio: dedicated, prioritised (min) and maximum PRB ratios',
  });

export type PublicLoadSection = z.infer<typeof publicLoadSchema>;
export type RrmPolicySection = z.infer<typeof rrmPolicySchema>;

/** `network.publicLoad.cells[].gnbId` must name a gNB, once. Works on unvalidated data. */
export function ranShareReferenceProblems(data: Record<string, unknown>): SchemaProblem[] {
  const network = isPlainObject(data.network) ? data.network : {};
  const load = isPlainObject(network.publicLoad) ? network.publicLoad : {};
  if (!Array.isArray(load.cells)) return [];
  const gnbIds = new Set(
    (Array.isArray(network.gnbs) ? network.gnbs : []).flatMap((g) =>
      isPlainObject(g) && typeof g.id === 'string' ? [g.id] : [],
    ),
  );
  const problems: SchemaProblem[] = [];
  const seen = new Set<string>();
  load.cells.forEach((c, i) => {
    if (!isPlainObject(c) || typeof c.gnbId !== 'string') return;
    const path = ['network', 'publicLoad', 'cells', i, 'gnbId'];
    if (!gnbIds.has(c.gnbId)) problems.push({ path, message: `gNB "${c.gnbId}" does not exist` });
    else if (seen.has(c.gnbId)) problems.push({ path, message: `gNB "${c.gnbId}" has a load already` });
    seen.add(c.gnbId);
  });
  return problems;
}
