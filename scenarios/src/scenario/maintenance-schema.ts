import { AFTER_REPAIR, repairDispatchRules } from '@factory-twin/sim-core';
import { z } from 'zod';
import { duration } from './distribution-schema';
import { outsideFloorProblem } from './floor-check';
import { isPlainObject } from './merge';
import type { SchemaProblem } from './zod-issues';

/**
 * The scenario's `maintenance` section: failure detection and repair crews. Absent: a failed machine's
 * repair starts at the failure (no detection, no crew). Kept apart from schema.ts, which includes it.
 */

// The same rules as schema.ts (not imported: schema.ts imports this file).
const id = z.string().regex(/^[A-Za-z0-9_.:-]{1,64}$/, 'an id is 1–64 letters, digits, "_", ".", ":" or "-"');
const positive = z.number().positive();
const nonNegative = z.number().min(0);

const crewShiftsSchema = z
  .object({
    cycleH: positive.meta({ description: 'Length of the repeating calendar, hours' }),
    periods: z.array(z.object({ startH: nonNegative, endH: positive }).strict()).min(1),
  })
  .strict();

const crewsSchema = z
  .object({
    count: z
      .number()
      .int()
      .min(1)
      .max(1000)
      .meta({ description: 'Number of crews (each repairs one machine at a time)' }),
    homeAt: z
      .object({ xM: z.number(), yM: z.number() })
      .strict()
      .meta({ description: 'Where crews wait for work (the maintenance workshop), metres' }),
    walkSpeedMps: positive
      .max(10)
      .meta({ description: 'Walking speed; travel = straight-line distance / speed (e.g. 1.2)' }),
    shifts: z
      .union([z.enum(['plant', 'always']), crewShiftsSchema])
      .optional()
      .meta({
        description:
          'When crews take new jobs: "plant" (default: the plant\'s shifts, round the clock without), "always", or a calendar of their own',
      }),
    dispatch: z
      .string()
      .superRefine((name, ctx) => {
        if (!repairDispatchRules.has(name))
          ctx.addIssue({
            code: 'custom',
            message: `expected a registered repair dispatch rule (${repairDispatchRules.names().join(', ')})`,
          });
      })
      .optional()
      .meta({
        description: 'Which waiting repair goes first: "fifo" (default) or "priority" (see priorities)',
      }),
    afterRepair: z.enum(AFTER_REPAIR).optional().meta({
      description:
        '"nextJobOrHome" (default): straight to a waiting repair, else walk home; "home": always home first; "stay": wait at the machine',
    }),
  })
  .strict();

const detectionSchema = z
  .object({
    unmonitoredMachineIds: z.array(id).optional().meta({
      description:
        'Machines whose status reports do not tell the control system about a breakdown: the patrol or the andon must notice',
    }),
    patrolIntervalMin: positive.optional().meta({
      description:
        'An operator passes every machine once per interval, minutes (each machine at its own fixed phase: mean wait T/2)',
    }),
    andon: z
      .object({ delayMin: duration('From the breakdown to the andon call, minutes') })
      .strict()
      .optional()
      .meta({ description: 'Someone at the machine calls maintenance' }),
  })
  .strict();

export const maintenanceSchema = z
  .object({
    crews: crewsSchema,
    detection: detectionSchema.optional().meta({
      description:
        "Who notices a breakdown, whichever comes first: the machine's status report (monitored machines), the patrol, the andon",
    }),
    priorities: z.record(id, z.number().int()).optional().meta({
      description: 'Repair priority by machine id for dispatch "priority" (higher first; default 0)',
    }),
  })
  .strict()
  .meta({
    description:
      'Failure detection and repair crews: downtime = detection + wait for a crew + travel + repair. Absent: repairs start at the failure',
  });

export type MaintenanceSpec = z.infer<typeof maintenanceSchema>;

/** Cross-references of the maintenance section (machine ids, the floor), on unvalidated data. */
export function maintenanceReferenceProblems(data: Record<string, unknown>): SchemaProblem[] {
  const problems: SchemaProblem[] = [];
  const m = data.maintenance;
  if (!isPlainObject(m)) return problems;
  const machines = new Map<string, Record<string, unknown>>();
  for (const x of Array.isArray(data.machines) ? data.machines : [])
    if (isPlainObject(x) && typeof x.id === 'string') machines.set(x.id, x);
  const detection = isPlainObject(m.detection) ? m.detection : {};
  const noticed = detection.patrolIntervalMin !== undefined || detection.andon !== undefined;
  (Array.isArray(detection.unmonitoredMachineIds) ? detection.unmonitoredMachineIds : []).forEach(
    (mid, k) => {
      const path = ['maintenance', 'detection', 'unmonitoredMachineIds', k];
      if (typeof mid !== 'string') return;
      const machine = machines.get(mid);
      if (machine === undefined) problems.push({ path, message: `machine "${mid}" does not exist` });
      else if (machine.failures !== undefined && !noticed)
        problems.push({
          path,
          message: `machine "${mid}" fails and is unmonitored: give "patrolIntervalMin" or "andon" so someone notices`,
        });
    },
  );
  if (isPlainObject(m.priorities))
    for (const mid of Object.keys(m.priorities))
      if (!machines.has(mid))
        problems.push({
          path: ['maintenance', 'priorities', mid],
          message: `machine "${mid}" does not exist`,
        });
  const home = isPlainObject(m.crews) && isPlainObject(m.crews.homeAt) ? m.crews.homeAt : {};
  const outside = outsideFloorProblem(
    data,
    home,
    ['maintenance', 'crews', 'homeAt'],
    (x, y) => `the crews' home (${x}, ${y})`,
  );
  if (outside !== undefined) problems.push(outside);
  return problems;
}
