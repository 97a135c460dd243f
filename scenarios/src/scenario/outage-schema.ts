import { z } from 'zod';

/**
 * The scenario's `network.outages` section: the outage process of what the user plane crosses (the
 * operator core and WAN for public / slice / hybrid, the on-site core for private; sim-core
 * network/outage). Kept apart from schema.ts, which includes it.
 */
export const outageSchema = z
  .object({
    enabled: z
      .boolean()
      .optional()
      .meta({
        description:
          'Model core / WAN outages (default: on for a 5G plant in public, slice and private; hybrid only when ' +
          'another outage field is given; false switches them off). public and slice lose everything to or ' +
          'from the control system during a WAN outage, hybrid (local breakout) nothing on the user plane, ' +
          'private everything during an on-site core outage',
      }),
    availabilityPct: z.number().gt(0).lt(100).optional().meta({
      description:
        'Steady-state availability, percent (default by mode: public 99.9, slice 99.95, hybrid 99.9, private 99.99)',
    }),
    meanOutageMin: z
      .number()
      .positive()
      .max(1e6)
      .optional()
      .meta({ description: 'Mean outage length, minutes (default 30; private 10)' }),
    mtbfH: z
      .number()
      .positive()
      .max(1e7)
      .optional()
      .meta({ description: 'Mean time between outages, hours (instead of availabilityPct)' }),
    mttrMin: z
      .number()
      .positive()
      .max(1e6)
      .optional()
      .meta({ description: 'Mean outage length, minutes, with mtbfH (instead of meanOutageMin)' }),
  })
  .strict()
  .superRefine((o, ctx) => {
    const byTimes = o.mtbfH !== undefined || o.mttrMin !== undefined;
    const bySla = o.availabilityPct !== undefined || o.meanOutageMin !== undefined;
    if (byTimes && bySla)
      ctx.addIssue({
        code: 'custom',
        path: [o.availabilityPct !== undefined ? 'availabilityPct' : 'meanOutageMin'],
        message: 'give either availabilityPct / meanOutageMin or mtbfH / mttrMin, not both',
      });
  })
  .meta({
    description:
      'Core / WAN outages: exponential up times and outage lengths; MTBF = MTTR·A/(1−A) from an availability A',
  });

export type OutageSection = z.infer<typeof outageSchema>;
