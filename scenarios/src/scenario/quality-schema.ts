import { inspectionFallbacks } from '@factory-twin/sim-core';
import { z } from 'zod';
import { duration } from './distribution-schema';
import { LIMITS } from './limits';
import { isPlainObject } from './merge';
import type { SchemaProblem } from './zod-issues';

/**
 * The scenario's `quality` section: video inspection of the latent defects machines make
 * (`machines[].defectProbability`), its fallback when the camera's uplink cannot carry the video, and
 * the late check that finds what escaped. Kept apart from schema.ts, which includes it.
 */

// The same rules as schema.ts (not imported: schema.ts imports this file).
const id = z.string().regex(/^[A-Za-z0-9_.:-]{1,64}$/, 'an id is 1–64 letters, digits, "_", ".", ":" or "-"');
const probability = z.number().min(0).max(1);
const eur = z.number().min(0).max(LIMITS.eur);

const dispositionSchema = z
  .object({
    kind: z.enum(['rework', 'scrap']).meta({
      description: '"rework": the part is held at the machine that found the defect, then goes on; "scrap"',
    }),
    reworkTimeMin: duration('Rework time at the machine that found the defect, minutes').optional(),
    costEurPerPart: eur.optional().meta({
      description: 'Cost of one such rework or scrap (labour, material), EUR (cost model; default 0)',
    }),
  })
  .strict();

const fallbackSchema = z
  .object({
    kind: z
      .string()
      .superRefine((name, ctx) => {
        if (!inspectionFallbacks.has(name))
          ctx.addIssue({
            code: 'custom',
            message: `expected a registered inspection fallback (${inspectionFallbacks.names().join(', ')})`,
          });
      })
      .meta({
        description:
          '"sampling": a person inspects every everyN-th part, the others pass unseen; "manual": every part',
      }),
    everyN: z
      .number()
      .int()
      .min(1)
      .max(1_000_000)
      .optional()
      .meta({ description: '"sampling": inspect 1 part in N' }),
    manualTimeMin: duration('Time a manual inspection holds the part at the machine, minutes'),
    detectProbability: probability.meta({
      description: 'Probability that a manual inspection finds a defect (e.g. 0.8: people miss 20–30 %)',
    }),
  })
  .strict()
  .superRefine((f, ctx) => {
    if (f.kind === 'sampling' && f.everyN === undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['everyN'],
        input: undefined,
        message: 'a "sampling" fallback needs "everyN"',
      });
  });

const inspectionSchema = z
  .object({
    id,
    machineIds: z
      .array(id)
      .min(1)
      .max(LIMITS.count.machines)
      .meta({ description: 'Machines whose finished parts the camera inspects, at the end of each cycle' }),
    cameraId: id.meta({ description: 'The camera (cameras[].id) whose video uplink the inspection needs' }),
    detectProbability: probability.meta({
      description: 'Probability that video inspection finds a defect while frames arrive in time (e.g. 0.95)',
    }),
    windowS: z
      .number()
      .min(0.1)
      .max(3600)
      .meta({ description: 'Window over which the share of frames on time is measured, seconds (e.g. 10)' }),
    minOnTimeShare: probability.meta({
      description:
        'Below this share of frames on time in a window, inspection falls back for the next one (e.g. 0.9)',
    }),
    fallback: fallbackSchema.meta({ description: 'Inspection while the video cannot inspect' }),
    caught: dispositionSchema.meta({ description: 'What is done with a part whose defect the point finds' }),
  })
  .strict();

const lateCheckSchema = z
  .object({
    machineIds: z
      .array(id)
      .min(1)
      .max(LIMITS.count.machines)
      .meta({ description: 'Machines (final test) whose cycle end finds defects that escaped inspection' }),
    detectProbability: probability.optional().meta({
      description: 'Probability to find the defect there (default 1); the others reach the customer',
    }),
    found: dispositionSchema.meta({ description: 'What is done with a part whose defect is found late' }),
  })
  .strict();

export const qualitySchema = z
  .object({
    inspections: z.array(inspectionSchema).max(LIMITS.count.machines).optional(),
    lateCheck: lateCheckSchema
      .optional()
      .meta({ description: 'Where escaped defects are found; absent: they all reach the customer' }),
    shippedDefectCostEurPerPart: eur.optional().meta({
      description: 'Cost of a defective part reaching the customer (warranty, recall share), EUR (default 0)',
    }),
  })
  .strict()
  .meta({
    description:
      'Video inspection of latent defects (machines[].defectProbability) that depends on the camera uplink, its manual fallback, and the late check',
  });

export type QualitySpec = z.infer<typeof qualitySchema>;

/** Cross-references of the quality section (machines, cameras, their video), on unvalidated data. */
export function qualityReferenceProblems(data: Record<string, unknown>): SchemaProblem[] {
  const problems: SchemaProblem[] = [];
  const q = data.quality;
  if (!isPlainObject(q)) return problems;
  const ids = (v: unknown) =>
    new Set(
      (Array.isArray(v) ? v : []).flatMap((x) =>
        isPlainObject(x) && typeof x.id === 'string' ? [x.id] : [],
      ),
    );
  const machines = ids(data.machines);
  const cameras = ids(data.cameras);
  const videoCameras = camerasSendingVideo(data);
  const checkMachines = (
    value: unknown,
    path: PropertyKey[],
    inspected?: Map<string, string>,
    owner?: string,
  ) => {
    (Array.isArray(value) ? value : []).forEach((mid, k) => {
      if (typeof mid !== 'string') return;
      if (!machines.has(mid))
        problems.push({ path: [...path, k], message: `machine "${mid}" does not exist` });
      else if (inspected !== undefined) {
        const other = inspected.get(mid);
        if (other !== undefined)
          problems.push({
            path: [...path, k],
            message: `machine "${mid}" is already inspected by "${other}"`,
          });
        else inspected.set(mid, owner!);
      }
    });
  };
  const inspected = new Map<string, string>();
  const cameraOwner = new Map<string, string>();
  const pointIds = new Set<string>();
  (Array.isArray(q.inspections) ? q.inspections : []).forEach((p, i) => {
    if (!isPlainObject(p)) return;
    const at = ['quality', 'inspections', i];
    if (typeof p.id === 'string') {
      if (pointIds.has(p.id))
        problems.push({ path: [...at, 'id'], message: `duplicate inspection id "${p.id}"` });
      pointIds.add(p.id);
    }
    checkMachines(p.machineIds, [...at, 'machineIds'], inspected, String(p.id));
    const cam = p.cameraId;
    if (typeof cam !== 'string') return;
    if (cameraOwner.has(cam))
      problems.push({
        path: [...at, 'cameraId'],
        message: `camera "${cam}" already serves inspection "${cameraOwner.get(cam)}" (one point per camera)`,
      });
    else cameraOwner.set(cam, String(p.id));
    if (!cameras.has(cam))
      problems.push({ path: [...at, 'cameraId'], message: `camera "${cam}" does not exist` });
    else if (!videoCameras.has(cam))
      problems.push({
        path: [...at, 'cameraId'],
        message: `camera "${cam}" sends no video: give it a network device (kind "camera", attachedTo "${cam}") and a periodic "video" traffic flow`,
      });
  });
  if (isPlainObject(q.lateCheck))
    checkMachines(q.lateCheck.machineIds, ['quality', 'lateCheck', 'machineIds']);
  return problems;
}

/** Cameras with a device that sends a periodic video flow (the streams `to-model-config` opens). */
function camerasSendingVideo(data: Record<string, unknown>): Set<string> {
  const out = new Set<string>();
  const network = isPlainObject(data.network) ? data.network : {};
  const devices = (Array.isArray(network.devices) ? network.devices : []).filter(isPlainObject);
  for (const flow of Array.isArray(network.traffic) ? network.traffic : []) {
    if (!isPlainObject(flow) || flow.trafficClass !== 'video' || flow.intervalMs === undefined) continue;
    const kinds = Array.isArray(flow.deviceKinds) ? flow.deviceKinds : [];
    const deviceIds = Array.isArray(flow.deviceIds) ? flow.deviceIds : [];
    for (const d of devices)
      if (kinds.includes(d.kind) || deviceIds.includes(d.id)) {
        const endpoint = d.attachedTo ?? d.id;
        if (typeof endpoint === 'string') out.add(endpoint);
      }
  }
  return out;
}
