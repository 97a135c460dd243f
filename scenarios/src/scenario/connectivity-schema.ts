import { connectivities } from '@factory-twin/sim-core';
import { z } from 'zod';
import { outsideFloorProblem } from './floor-check';
import { LIMITS } from './limits';
import { isPlainObject } from './merge';
import { registeredName } from './plugin-names';
import type { SchemaProblem } from './zod-issues';

/**
 * The scenario's connectivity choice: `network.connectivity` names how the plant is connected (a name
 * registered in sim-core's `connectivities`), `network.wifi`, `network.wired` and `network.unconnected`
 * hold the parameters of the built-ins. Kept apart from schema.ts, which includes it.
 */

// The same rules as schema.ts (not imported: schema.ts imports this file).
const id = z.string().regex(/^[A-Za-z0-9_.:-]{1,64}$/, 'an id is 1–64 letters, digits, "_", ".", ":" or "-"');
const coordinate = z.number().min(-LIMITS.coordinateM).max(LIMITS.coordinateM);
const ms = z.number().min(0).max(LIMITS.networkMs);

const channel = z
  .number()
  .int()
  .refine((c) => (c >= 1 && c <= 14) || (c >= 32 && c <= 177), {
    message: 'a Wi-Fi channel is 1–14 (2.4 GHz) or 32–177 (5 GHz)',
  });

const accessPointSchema = z
  .object({
    id,
    xM: coordinate,
    yM: coordinate,
    heightM: z
      .number()
      .positive()
      .max(LIMITS.heightM)
      .optional()
      .meta({ description: 'Antenna height (default 3 m)' }),
    channel: channel.meta({
      description:
        'IEEE 802.11 channel: 1–14 (2.4 GHz) or 32–177 (5 GHz); APs on one channel that hear each other share the air',
    }),
    txPowerDbm: z
      .number()
      .min(-10)
      .max(36)
      .optional()
      .meta({ description: 'Transmit power (default 20 dBm)' }),
    antennaGainDbi: z.number().min(-10).max(20).optional().meta({ description: 'Default 3 dBi' }),
  })
  .strict();

export const wifiSchema = z
  .object({
    accessPoints: z.array(accessPointSchema).min(1).max(LIMITS.count.gnbs).optional().meta({
      description: 'The access points; default: one at each gNB site, channels 36, 40, 44, 48 in turn',
    }),
    fastTransition: z.boolean().optional().meta({
      description:
        'IEEE 802.11r fast BSS transition (default true): a roam costs 40 ms without link, 300 ms without it',
    }),
    roamingInterruptionMs: ms.optional().meta({ description: 'Overrides the roaming interruption, ms' }),
    roamThresholdDbm: z.number().min(-100).max(0).optional().meta({
      description: 'A client looks for a better AP only below this signal (default -70 dBm)',
    }),
    roamHysteresisDb: z.number().min(0).max(40).optional().meta({
      description: '…and roams to one stronger by at least this much (default 5 dB)',
    }),
    phyRateMbps: z.number().positive().max(LIMITS.bitrateMbps).optional().meta({
      description: 'One PHY rate for every client, Mbit/s (default: from the signal, 802.11n MCS 0–7)',
    }),
    retryLimit: z
      .number()
      .int()
      .min(1)
      .max(16)
      .optional()
      .meta({ description: 'Attempts per frame (default 7)' }),
    queueLimitFrames: z.number().int().min(1).max(100_000).optional().meta({ description: 'Default 64' }),
    lanDelayMs: ms.optional().meta({ description: 'AP ↔ control system over the LAN, ms (default 0.1)' }),
    mobilityCheckMs: z.number().positive().max(LIMITS.networkMs).optional().meta({
      description: 'A moving client checks its AP at most this often, ms (default 100)',
    }),
  })
  .strict()
  .meta({ description: 'Industrial Wi-Fi (connectivity "wifi", or the moving part of "wired")' });

export const wiredSchema = z
  .object({
    mobile: z.enum(['wifi', '5g']).optional().meta({
      description:
        'The wireless network of the AGVs: "wifi" (default, see network.wifi) or "5g" (this network)',
    }),
    ethernetDelayMs: ms
      .optional()
      .meta({ description: 'One way between Ethernet endpoints, ms (default 0.1)' }),
  })
  .strict()
  .meta({ description: 'Connectivity "wired": machines, gateways, cameras on Ethernet, AGVs wireless' });

export const unconnectedSchema = z
  .object({
    dispatchDelayS: z.number().min(0).max(LIMITS.duration).optional().meta({
      description: 'From an order or report on paper to its effect, seconds (default 0: at once)',
    }),
  })
  .strict()
  .meta({ description: 'Connectivity "unconnected": no network; the patrol or the andon finds breakdowns' });

export const connectivitySchema = registeredName(
  connectivities,
  'How the plant is connected: "5g" (default: this 5G network), "wifi", "wired" (Ethernet, AGVs wireless), ' +
    '"unconnected" (the legacy status quo: patrol, paper, no AGVs) or "ideal" (no network constraint)',
);

/** Cross-references of the connectivity choice, on unvalidated data. */
export function connectivityReferenceProblems(data: Record<string, unknown>): SchemaProblem[] {
  const problems: SchemaProblem[] = [];
  const network = isPlainObject(data.network) ? data.network : {};
  const kind = network.connectivity;
  const transport = isPlainObject(data.transport) ? data.transport : {};
  if (kind === 'unconnected') {
    // AGVs need a network (tasks, traffic control, the motion-control safety stop): see sim-core unconnected.ts.
    if (transport.kind === 'agv')
      problems.push({
        path: ['transport', 'kind'],
        message:
          'connectivity "unconnected" has no AGVs: they need a network for their tasks and motion control (use "fixedDelay" or "instant" transport)',
      });
    const failing = (Array.isArray(data.machines) ? data.machines : []).find(
      (m) => isPlainObject(m) && m.failures !== undefined,
    ) as Record<string, unknown> | undefined;
    const maintenance = isPlainObject(data.maintenance) ? data.maintenance : undefined;
    const detection = isPlainObject(maintenance?.detection) ? maintenance.detection : {};
    if (failing !== undefined && detection.patrolIntervalMin === undefined && detection.andon === undefined)
      problems.push({
        path: maintenance === undefined ? ['maintenance'] : ['maintenance', 'detection'],
        message: `connectivity "unconnected": machine "${String(failing.id)}" fails and nothing reports it, so maintenance needs a patrol ("patrolIntervalMin") or an andon`,
      });
  }
  // Access points: unique ids, on the floor.
  const wifi = isPlainObject(network.wifi) ? network.wifi : {};
  const seen = new Set<string>();
  (Array.isArray(wifi.accessPoints) ? wifi.accessPoints : []).forEach((ap, i) => {
    if (!isPlainObject(ap)) return;
    const path = ['network', 'wifi', 'accessPoints', i];
    if (typeof ap.id === 'string') {
      if (seen.has(ap.id))
        problems.push({ path: [...path, 'id'], message: `duplicate access point id "${ap.id}"` });
      seen.add(ap.id);
    }
    const outside = outsideFloorProblem(
      data,
      ap,
      path,
      (x, y) => `access point "${String(ap.id)}" at (${x}, ${y})`,
    );
    if (outside !== undefined) problems.push(outside);
  });
  return problems;
}
