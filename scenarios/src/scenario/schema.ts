import {
  antennaPatterns,
  channelModels,
  dispatchRules,
  failureModels,
  linkModels,
  macSchedulers,
  type NetworkFidelity,
  trafficSources,
} from '@factory-twin/sim-core';
import { z } from 'zod';
import { KNOWN_RATES_PER_EUR } from '../cost/cost-defaults';
import { connectivitySchema, unconnectedSchema, wifiSchema, wiredSchema } from './connectivity-schema';
import { duration } from './distribution-schema';
import { LIMITS } from './limits';
import { maintenanceSchema } from './maintenance-schema';
import { outageSchema } from './outage-schema';
import { registeredName } from './plugin-names';
import { qualitySchema } from './quality-schema';
import { publicLoadSchema, rrmPolicySchema } from './ran-share-schema';

/**
 * The scenario file format, written once: the loader validates with it and `factory-twin schema`
 * publishes it as JSON Schema. Units are in field names (`cycleTimeS`, `mtbfH`, `mttrMin`); positions are
 * metres on the floor (x east, y north, origin at the floor's south-west corner).
 */

const id = z
  .string()
  .regex(/^[A-Za-z0-9_.:-]{1,64}$/, 'an id is 1–64 letters, digits, "_", ".", ":" or "-"')
  .meta({ description: 'Identifier, unique among entities of the scenario' });
// Every number is finite (zod 4 rejects ±Infinity and NaN) and bounded: see limits.ts.
const nonNegative = z.number().min(0);
const positive = z.number().positive();
const coordinate = z
  .number()
  .min(-LIMITS.coordinateM)
  .max(LIMITS.coordinateM)
  .meta({ description: 'Metres from the floor origin' });
const floorLength = positive.max(LIMITS.floorM);
const height = positive.max(LIMITS.heightM);
const hours = nonNegative.max(LIMITS.runH);
const networkMs = nonNegative.max(LIMITS.networkMs);
const positiveNetworkMs = positive.max(LIMITS.networkMs);
const eur = nonNegative.max(LIMITS.eur);
const frequencyGHz = z.number().min(LIMITS.carrierGHz.min).max(LIMITS.carrierGHz.max);

export const deploymentModes = ['public', 'slice', 'hybrid', 'private'] as const;
/** @useDeclaredType */
export type DeploymentMode = (typeof deploymentModes)[number];
/** sim-core's network fidelities: the scenario's network.fidelity, the CLI's --fidelity, a spec's confirm.fidelity. */
export const networkFidelities = ['packet', 'flow'] as const satisfies readonly NetworkFidelity[];
export const deviceKinds = ['machine', 'gateway', 'camera', 'agv', 'other'] as const;
export const trafficClasses = [
  'machineStatus',
  'controlOrder',
  'motionControl',
  'telemetry',
  'video',
] as const;

const floorSchema = z
  .object({
    widthM: floorLength.meta({ description: `Extent along x (east), metres (at most ${LIMITS.floorM})` }),
    depthM: floorLength.meta({ description: `Extent along y (north), metres (at most ${LIMITS.floorM})` }),
    ceilingHeightM: height.optional().meta({ description: 'Hall height, metres (default 8)' }),
  })
  .strict();

const zoneSchema = z
  .object({
    id,
    label: z.string(),
    xM: coordinate.meta({ description: 'South-west corner x' }),
    yM: coordinate.meta({ description: 'South-west corner y' }),
    widthM: floorLength,
    depthM: floorLength,
  })
  .strict();

const failureSchema = z
  .object({
    model: registeredName(
      failureModels,
      'How time to failure and repair time are drawn (default: "time" with mtbfH, "count" with meanCyclesBetweenFailures)',
    ).optional(),
    mtbfH: z
      .number()
      .min(LIMITS.mtbfH.min)
      .max(LIMITS.mtbfH.max)
      .optional()
      .meta({ description: 'Mean OPERATING (busy) time between failures, hours (exponential)' }),
    meanCyclesBetweenFailures: z.number().min(1).max(LIMITS.duration).optional().meta({
      description: 'Alternative to mtbfH: mean number of cycles between failures (geometric), at least 1',
    }),
    mttrMin: duration('Repair time, minutes (a number is the mean of an exponential)'),
    parameters: z
      .record(z.string(), z.number())
      .optional()
      .meta({ description: 'Further parameters of a failure model of your own' }),
  })
  .strict()
  .refine(
    (f) => f.model !== undefined || (f.mtbfH === undefined) !== (f.meanCyclesBetweenFailures === undefined),
    { message: 'give exactly one of "mtbfH" and "meanCyclesBetweenFailures"' },
  );

const machineSchema = z
  .object({
    id,
    type: z
      .string()
      .min(1)
      .meta({ description: 'Machine type, e.g. "cnc", "embroidery", "inspection", "assembly"' }),
    label: z.string().optional(),
    xM: coordinate.meta({ description: 'Centre x' }),
    yM: coordinate.meta({ description: 'Centre y' }),
    widthM: floorLength,
    depthM: floorLength,
    inputBufferId: id.meta({
      description: 'Buffer the machine takes parts from (several machines may share one)',
    }),
    outputBufferId: id.meta({ description: 'Buffer or sink finished parts go to' }),
    cycleTimeS: duration('Default processing time per part, seconds').optional(),
    setupTimeS: duration('Changeover time when the product changes, seconds').optional(),
    setupTimesS: z
      .object({
        byProduct: z
          .record(id, duration('Changeover to this product, seconds'))
          .optional()
          .meta({ description: 'Changeover time by the product changed to, e.g. { "P2": 600 }' }),
        matrix: z
          .record(id, z.record(id, duration('Changeover from the outer product to the inner one, seconds')))
          .optional()
          .meta({ description: 'Sequence-dependent changeovers: { "P1": { "P2": 900 } } is P1 → P2' }),
      })
      .strict()
      .optional()
      .meta({
        description:
          'Product-dependent changeovers; lookup: matrix[from][to], then byProduct[to], then setupTimeS',
      }),
    failures: failureSchema.optional(),
    scrapProbability: z.number().min(0).max(1).optional(),
    defectProbability: z.number().min(0).max(1).optional().meta({
      description:
        'Probability that a finished part carries a latent defect, found only by inspection or later (see quality)',
    }),
    legacy: z
      .boolean()
      .optional()
      .meta({ description: 'No 5G module of its own: its status goes through `gatewayId` (default false)' }),
    gatewayId: id.optional(),
  })
  .strict();

const bufferSchema = z
  .object({
    id,
    label: z.string().optional(),
    xM: coordinate,
    yM: coordinate,
    capacity: z
      .union([z.number().int().min(1).max(Number.MAX_SAFE_INTEGER), z.null()])
      .meta({ description: 'Slots; null = unlimited' }),
    nodeId: id.optional().meta({ description: 'AGV path node where carriers load and unload here' }),
  })
  .strict();

const sinkSchema = z
  .object({
    id,
    label: z.string().optional(),
    xM: coordinate,
    yM: coordinate,
    kind: z.enum(['sink', 'warehouse']).optional(),
    nodeId: id.optional().meta({ description: 'AGV path node where carriers unload here' }),
  })
  .strict();

const gatewaySchema = z
  .object({
    id,
    xM: coordinate,
    yM: coordinate,
    conversionDelayMs: networkMs
      .optional()
      .meta({ description: 'Protocol conversion delay (default 20 ms)' }),
    aggregationIntervalMs: z
      .number()
      .min(LIMITS.aggregationIntervalMs.min)
      .max(LIMITS.aggregationIntervalMs.max)
      .optional()
      .meta({ description: 'Batch status reports on this period, ms' }),
  })
  .strict();

const pointSchema = z.object({ id, xM: coordinate, yM: coordinate }).strict();

const routingStepSchema = z
  .object({
    operation: z.string().min(1).optional().meta({ description: 'Operation name (default "op1", "op2", …)' }),
    machineIds: z
      .array(id)
      .min(1)
      .max(LIMITS.count.machines)
      .meta({ description: 'Machines that can do this step (any one of them)' }),
    cycleTimeS: duration(
      "Processing time of this step, seconds (default: each machine's cycleTimeS)",
    ).optional(),
  })
  .strict();

const productSchema = z
  .object({
    id,
    label: z.string().optional(),
    routing: z.array(routingStepSchema).min(1).max(LIMITS.count.routingSteps),
    sinkId: id.optional().meta({ description: 'Where finished parts go (default: the first sink)' }),
    transportPriority: z
      .number()
      .int()
      .min(-1_000_000)
      .max(1_000_000)
      .optional()
      .meta({ description: 'Urgency of its AGV moves under dispatch "priority" (higher first; default 0)' }),
    marginEurPerPart: eur.optional().meta({ description: 'Contribution margin of one finished part, EUR' }),
  })
  .strict();

const sourceSchema = z
  .object({
    id,
    bufferId: id.meta({ description: 'The buffer new parts appear in (e.g. the raw-material warehouse)' }),
    interarrivalS: duration('Time between random arrivals, seconds', {
      minMean: LIMITS.minInterarrivalS,
    }).optional(),
    productMix: z
      .record(id, positive.max(LIMITS.weight))
      .optional()
      .meta({ description: 'Product weights of random arrivals, e.g. { "P1": 3, "P2": 1 }' }),
    startH: hours.optional(),
    stopH: hours.optional(),
    schedule: z
      .array(
        z
          .object({ atH: hours, productId: id, count: z.number().int().min(1).max(LIMITS.orderCount) })
          .strict(),
      )
      .max(LIMITS.count.scheduleEntries)
      .optional()
      .meta({
        description: 'Orders from the control system: `count` parts of `productId` released at `atH`',
      }),
    dueInH: positive
      .max(LIMITS.runH)
      .optional()
      .meta({ description: 'Each arrival / order is due this long after release (on-time KPI)' }),
  })
  .strict();

const shiftsSchema = z
  .object({
    cycleH: positive
      .max(LIMITS.runH)
      .meta({ description: 'Length of the repeating calendar, hours (e.g. 24 or 168)' }),
    periods: z
      .array(z.object({ startH: hours, endH: positive.max(LIMITS.runH) }).strict())
      .min(1)
      .max(LIMITS.count.shiftPeriods),
  })
  .strict();

const transportSchema = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('agv') }).strict(),
    z.object({ kind: z.literal('fixedDelay'), delayS: nonNegative.max(LIMITS.duration) }).strict(),
    z.object({ kind: z.literal('instant') }).strict(),
  ])
  .meta({ description: 'How parts move between buffers: the AGV fleet, a fixed delay, or instantly' });

const pathsSchema = z
  .object({
    nodes: z.array(pointSchema).min(1).max(LIMITS.count.pathNodes),
    edges: z
      .array(
        z
          .object({
            from: id,
            to: id,
            twoWay: z.boolean().optional().meta({ description: 'Default true' }),
            speedLimitMps: z.number().min(LIMITS.speedMps.min).max(LIMITS.speedMps.max).optional(),
          })
          .strict(),
      )
      .max(LIMITS.count.pathEdges),
  })
  .strict();

const batterySchema = z
  .object({
    capacityWh: positive.max(LIMITS.capacityWh),
    consumptionWhPerM: nonNegative.max(LIMITS.consumptionWhPerM),
    chargeThreshold: z
      .number()
      .min(0)
      .lt(1)
      .meta({ description: 'Go charging below this charge fraction (0: never)' }),
    chargeRateW: positive.max(LIMITS.chargeRateW),
    initialCharge: z.number().min(0).max(1).optional(),
  })
  .strict();

const speed = z.number().min(LIMITS.speedMps.min).max(LIMITS.speedMps.max);
const accel = z.number().min(LIMITS.accelMps2.min).max(LIMITS.accelMps2.max);

const agvFleetSchema = z
  .object({
    dispatch: registeredName(dispatchRules, 'AGV dispatch rule (default nearestIdle)').optional(),
    speedMps: speed,
    accelMps2: accel.optional().meta({ description: 'Default 0.5' }),
    decelMps2: accel.optional().meta({ description: 'Default 0.5' }),
    loadTimeS: nonNegative.max(LIMITS.duration),
    unloadTimeS: nonNegative.max(LIMITS.duration),
    battery: batterySchema.optional(),
    chargers: z
      .array(z.object({ id, nodeId: id }).strict())
      .max(LIMITS.count.chargers)
      .optional(),
    vehicles: z
      .array(z.object({ id, startNodeId: id, speedMps: speed.optional() }).strict())
      .min(1)
      .max(LIMITS.count.vehicles),
  })
  .strict();

export const carrierSchema = z
  .object({
    frequencyGHz: frequencyGHz.meta({
      description: `Carrier centre frequency, GHz, e.g. 3.5 (n78) or 4.9 (n79); ${LIMITS.carrierGHz.min}–${LIMITS.carrierGHz.max}`,
    }),
    bandwidthMHz: z
      .number()
      .min(LIMITS.bandwidthMHz.min)
      .max(LIMITS.bandwidthMHz.max)
      .meta({ description: 'Channel bandwidth, MHz (e.g. 100)' }),
    scsKHz: z.literal([15, 30, 60]).meta({ description: 'Subcarrier spacing, kHz (FR1)' }),
    tddPattern: z
      .string()
      .regex(/^[DSU]{1,20}$/, 'a TDD pattern is a string of D, S and U slots, e.g. "DDDSU"')
      .meta({ description: 'Slot pattern, e.g. "DDDSU" (DL-heavy) or "DSUUU" (uplink-enhanced)' }),
    specialSlot: z
      .object({ dl: z.number().int().min(0), gap: z.number().int().min(0), ul: z.number().int().min(0) })
      .strict()
      .refine((s) => s.dl + s.gap + s.ul === 14, {
        message: 'a special slot splits 14 symbols (dl + gap + ul)',
      })
      .optional()
      .meta({ description: 'Symbols of the S slot: DL, guard, UL (default 10:2:2; they add up to 14)' }),
  })
  .strict();

export const antennaSchema = z
  .object({
    pattern: registeredName(
      antennaPatterns,
      'Antenna pattern: omni (default), sector (TR 38.901 Table 7.3-1: 65° beamwidths, 30 dB front-to-back, 8 dBi), ceiling (ITU-R M.2412 indoor element pointing down, 5 dBi)',
    ),
    azimuthDeg: z.number().min(-360).max(360).optional().meta({
      description:
        'Bearing of the boresight on the floor, degrees from the +x axis (east) toward +y (north): 0 east, 90 north, 180 west, 270 south (default 0)',
    }),
    downtiltDeg: z.number().min(-90).max(90).optional().meta({
      description:
        'Mechanical downtilt below the horizon, degrees; 90 points straight down (default: 0 for sector, 90 for ceiling)',
    }),
  })
  .strict()
  .meta({ description: "The gNB's antenna pattern and where it points (default: omni)" });

const gnbSchema = z
  .object({
    id,
    xM: coordinate,
    yM: coordinate,
    heightM: height,
    txPowerDbm: z.number().min(-30).max(60),
    antennaGainDbi: z.number().min(-10).max(30).optional().meta({
      description:
        "Peak (boresight) antenna gain, dBi; default 5 dBi for omni, the pattern's own for the others (sector 8, ceiling 5)",
    }),
    antenna: antennaSchema.optional(),
    noiseFigureDb: z.number().min(0).max(20).optional().meta({ description: 'Default 5 dB' }),
    mimoLayers: z.number().int().min(1).max(8).optional(),
    carrier: carrierSchema
      .partial()
      .optional()
      .meta({
        description:
          "This cell's own carrier: the fields given replace those of network.carrier (e.g. a neighbour on 4.9 GHz " +
          'to avoid co-channel interference); the others are taken from network.carrier',
      }),
  })
  .strict();

const cameraSchema = z
  .object({
    id,
    xM: coordinate,
    yM: coordinate,
    heightM: height.optional(),
    bitrateMbps: positive.max(LIMITS.bitrateMbps),
  })
  .strict();

const deviceSchema = z
  .object({
    id,
    kind: z.enum(deviceKinds),
    attachedTo: id
      .optional()
      .meta({ description: 'The machine, gateway, camera or AGV this device sits on' }),
    xM: coordinate.optional().meta({ description: 'Position of a fixed device of kind "other"' }),
    yM: coordinate.optional(),
    heightM: height
      .optional()
      .meta({ description: 'Antenna height (default 1.5 m; cameras: the camera height)' }),
    powerClassDbm: z
      .literal([23, 26])
      .optional()
      .meta({ description: 'UE power class P_CMAX, dBm: 23 (PC3, default) or 26 (PC2)' }),
    antennaGainDbi: z
      .number()
      .min(-20)
      .max(20)
      .optional()
      .meta({ description: 'UE antenna gain, dBi (default 0: omni module antenna)' }),
  })
  .strict();

const trafficSchema = z
  .object({
    id,
    trafficClass: z.enum(trafficClasses),
    deviceKinds: z
      .array(z.enum(deviceKinds))
      .optional()
      .meta({ description: 'Devices of these kinds send this flow' }),
    deviceIds: z
      .array(id)
      .max(LIMITS.count.devices)
      .optional()
      .meta({ description: 'These devices send this flow' }),
    intervalMs: z
      .number()
      .min(LIMITS.intervalMs.min)
      .max(LIMITS.intervalMs.max)
      .optional()
      .meta({
        description: `Period of a periodic flow, ms (omit for event-driven messages); at least ${LIMITS.intervalMs.min}`,
      }),
    source: registeredName(
      trafficSources,
      'When the packets of a flow with intervalMs are sent (default periodic: every intervalMs)',
    ).optional(),
    sizeBytes: z.number().int().min(1).max(LIMITS.sizeBytes),
    deadlineMs: positiveNetworkMs.optional(),
    survivalTimeMs: positiveNetworkMs.optional(),
    availabilityPct: z.number().gt(0).max(100).optional().meta({
      description:
        'Required share of this class on time, percent (default: its TS 22.104 target; set your own for surveillance video)',
    }),
    gbrMbps: positive.max(LIMITS.bitrateMbps).optional().meta({
      description:
        "Guaranteed bit rate of each device's flow of this class, Mbit/s: served ahead of the scheduler up to this rate (GBR)",
    }),
  })
  .strict();

const interferenceZoneSchema = z
  .object({
    id,
    xM: coordinate,
    yM: coordinate,
    radiusM: floorLength.meta({ description: 'Radius drawn on the map, metres' }),
    powerDbm: z
      .number()
      .min(-150)
      .max(60)
      .meta({ description: 'In-band interfering power at the source, dBm' }),
    carrierGHz: frequencyGHz
      .optional()
      .meta({ description: 'Hits only cells whose band contains this frequency' }),
    heightM: height.optional(),
    activeH: z
      .array(z.object({ startH: hours, endH: positive.max(LIMITS.runH) }).strict())
      .max(LIMITS.count.activePeriods)
      .optional()
      .meta({ description: 'On periods, hours into the run (default: always on)' }),
  })
  .strict();

const clutterSchema = z
  .object({
    density: z
      .number()
      .min(0)
      .lt(1)
      .meta({ description: 'Share of the floor covered by clutter (TR 38.901 InF)' }),
    heightM: height.meta({ description: 'Effective clutter (machine) height, metres' }),
    sizeM: floorLength.meta({ description: 'Typical clutter size, metres' }),
  })
  .strict();

const handoverSchema = z
  .object({
    preset: z.enum(['planner', 'legacy']).optional().meta({
      description:
        "Starting point the fields below override: 'planner' (default: L3 filter fc11, hysteresis 3 dB, time-to-trigger 1280 ms) or 'legacy' (raw RSRP, no hysteresis, 160 ms: the model before issue 18, which ping-pongs)",
    }),
    a3OffsetDb: z.number().min(-30).max(30).optional().meta({
      description:
        'A3 offset: a neighbour must be better than the serving cell by this much (RSRP), dB (both presets: 3)',
    }),
    timeToTriggerMs: networkMs.optional().meta({
      description: 'The A3 condition must hold this long before the handover, ms (planner 1280, legacy 160)',
    }),
    interruptionMs: networkMs.optional().meta({
      description:
        'No data for this long after a handover, ms (both presets: 30; 0 models make-before-break)',
    }),
    hysteresisDb: z.number().min(0).max(15).optional().meta({
      description: 'A3 hysteresis (TS 38.331 §5.5.4.4: Mn − Hys > Mp + Off), dB (planner 3, legacy 0)',
    }),
    filterCoefficient: z.literal([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 11, 13, 15, 17, 19]).optional().meta({
      description:
        'L3 filter coefficient k of TS 38.331 (fc0…fc19), a = 1/2^(k/4) per 200 ms; 0: raw RSRP (planner 11, legacy 0)',
    }),
    pingPongWindowMs: networkMs.optional().meta({
      description: 'A handover back to the previous cell within this long is a ping-pong, ms (default 5000)',
    }),
  })
  .strict()
  .meta({
    description:
      'Handover on the A3 event (TS 38.331); default the planner preset: offset 3 dB, hysteresis 3 dB, L3 filter fc11, time-to-trigger 1280 ms, interruption 30 ms',
  });

const coreDelaySchema = z
  .object({
    meanMs: networkMs.optional().meta({ description: 'Mean one-way core / transport delay, ms' }),
    jitterMs: networkMs.optional().meta({ description: 'Standard deviation of the one-way delay, ms' }),
    minMs: networkMs.optional().meta({ description: 'Lower bound of the one-way delay, ms' }),
  })
  .strict()
  .meta({
    description:
      "Overrides of the deployment mode's core delay (one way, max(minMs, meanMs + jitterMs·z)); " +
      'fields left out keep the profile of the mode (public 15/5/5, slice 10/2/4, hybrid 1/0.3/0.3, private 0.5/0.2/0.2 ms)',
  });

const uplinkPowerControlSchema = z
  .object({
    p0Dbm: z.number().min(-202).max(24).optional().meta({
      description: 'P0 nominal UL receive target per 15 kHz PRB, dBm (default -95; before issue 18: -85)',
    }),
    alpha: z
      .number()
      .min(0)
      .max(1)
      .optional()
      .meta({ description: 'Fractional path-loss compensation α, 0..1 (default 1; before issue 18: 0.8)' }),
    scsTerm: z.boolean().optional().meta({
      description:
        'The 10·log10(2^μ) term of TS 38.213 §7.1.1 (default true; false: the formula before issue 18)',
    }),
  })
  .strict()
  .meta({
    description:
      'UL open-loop power control (TS 38.213 §7.1.1), min(P0 + 10·log10(2^μ) + α·PL, P_CMAX − 10·log10 PRBs) per PRB',
  });

const uplinkAccessSchema = z
  .object({
    mode: z.enum(['scheduled', 'grantFree']).optional().meta({
      description:
        "'scheduled' (default): sporadic UL data waits for a scheduling request, the UL grant and K2 slots; periodic streams of the configured-grant classes use configured grants. 'grantFree': every UL packet in the next UL opportunity (the model before issue 18)",
    }),
    srPeriodSlots: z.literal([1, 2, 4, 5, 8, 10, 16, 20, 40, 80, 160, 320, 640]).optional().meta({
      description:
        'SR periodicity in slots (TS 38.331 SchedulingRequestResourceConfig; default one TDD period)',
    }),
    srOffsetSlots: z.number().int().min(0).max(639).optional().meta({
      description:
        'SR offset in slots, below the period; must hit a U slot (default the last U slot of the pattern)',
    }),
    k2Slots: z
      .number()
      .int()
      .min(0)
      .max(32)
      .optional()
      .meta({ description: 'Least slots from the UL grant to PUSCH (K2, TS 38.214 §6.1.2.1; default 1)' }),
    configuredGrantClasses: z.array(z.enum(trafficClasses)).optional().meta({
      description:
        'Periodic streams of these classes use configured grants type 1 (TS 38.321 §5.8.2; default: the classes with a delay-critical GBR 5QI, 82–86: motion control)',
    }),
  })
  .strict()
  .meta({
    description: 'Uplink access: scheduling requests, dynamic and configured grants (packet fidelity)',
  });

const linkAdaptationSchema = z
  .object({
    cqiTable: z.literal([1, 2, 3]).optional().meta({
      description:
        'CQI table of TS 38.214: 1 (up to 64QAM), 2 (up to 256QAM, default) or 3 (low spectral efficiency, for a 1e-5 BLER target)',
    }),
    blerTarget: z
      .number()
      .gt(0)
      .lt(1)
      .optional()
      .meta({ description: 'BLER target of the MCS choice, as a share (default 0.1)' }),
    perClassBlerTarget: z.boolean().optional().meta({
      description:
        'URLLC classes (5QI 82–86: motion control) get their own MCS, CQI table 3 at a 1e-5 BLER target, for every transport block carrying their data (default true; false: one target for all, the model before issue 18)',
    }),
    maxHarqRetransmissions: z
      .number()
      .int()
      .min(0)
      .max(16)
      .optional()
      .meta({ description: 'HARQ retransmissions after the first transmission (default 3)' }),
    harqProcessingMs: networkMs.optional().meta({
      description: 'Processing time before HARQ feedback and before a retransmission, ms (default: one slot)',
    }),
  })
  .strict()
  .meta({ description: 'Link adaptation and HARQ' });

const fadingSchema = z
  .object({
    environmentSpeedMps: z.number().min(0).max(50).optional().meta({
      description: 'Doppler floor from moving surroundings for fixed or slow devices, m/s (default 0.5)',
    }),
    delaySpreadNs: z.number().gt(0).max(10000).optional().meta({
      description: 'RMS delay spread, ns (default 66: TR 38.901 Table 7.5-6 InF median, hall V/S = 5 m)',
    }),
    maxSubbands: z.number().int().min(1).max(64).optional().meta({
      description:
        'Most independent sub-bands (one coherence bandwidth each) an allocation sees (default 16)',
    }),
    kFactorDb: z
      .object({
        mu: z
          .number()
          .min(-30)
          .max(40)
          .optional()
          .meta({ description: 'Median Rician K of LOS links, dB (default 7)' }),
        sigma: z
          .number()
          .min(0)
          .max(20)
          .optional()
          .meta({ description: 'Spread of K over links, dB (default 8)' }),
      })
      .strict()
      .optional()
      .meta({
        description: 'Rician K-factor of LOS links (default TR 38.901 Table 7.5-6 InF: μ 7 dB, σ 8 dB)',
      }),
  })
  .strict()
  .meta({ description: "Small-scale fading of the 'fading' link model" });

const networkSchema = z
  .object({
    deployment: z.enum(deploymentModes).meta({
      description: 'public network, operator slice, hybrid (shared RAN, local UPF) or standalone private',
    }),
    connectivity: connectivitySchema.optional(),
    wifi: wifiSchema.optional(),
    wired: wiredSchema.optional(),
    unconnected: unconnectedSchema.optional(),
    carrier: carrierSchema.meta({ description: 'The carrier of every gNB without a carrier of its own' }),
    clutter: clutterSchema,
    scheduler: registeredName(macSchedulers, 'MAC scheduler (default proportionalFair)').optional(),
    channelModel: registeredName(
      channelModels,
      'Path-loss model (default inF: TR 38.901 Indoor Factory with the clutter above)',
    ).optional(),
    linkModel: registeredName(
      linkModels,
      'Link-to-system model (default static: no small-scale fading; fading: Rician/Rayleigh with Doppler, EESM, 5G-LENA BLER, Chase combining; in flow fidelity averaged over the fading per link)',
    ).optional(),
    fading: fadingSchema.optional(),
    fidelity: z.enum(networkFidelities).optional().meta({
      description:
        'packet (default): every packet through the MAC; flow: per-flow delay distributions, no event per packet of a periodic stream (much faster; see the network README for where it agrees with packet)',
    }),
    slices: z
      .array(
        z
          .object({
            id,
            prbShare: z.number().gt(0).max(1),
            trafficClasses: z.array(z.enum(trafficClasses)).min(1),
          })
          .strict(),
      )
      .max(LIMITS.count.slices)
      .optional(),
    gnbs: z.array(gnbSchema).min(1).max(LIMITS.count.gnbs),
    devices: z.array(deviceSchema).max(LIMITS.count.devices),
    traffic: z.array(trafficSchema).max(LIMITS.count.trafficFlows),
    interferenceZones: z.array(interferenceZoneSchema).max(LIMITS.count.interferenceZones).optional(),
    handover: handoverSchema.optional(),
    coreDelay: coreDelaySchema.optional(),
    uplinkPowerControl: uplinkPowerControlSchema.optional(),
    uplinkAccess: uplinkAccessSchema.optional(),
    linkAdaptation: linkAdaptationSchema.optional(),
    outages: outageSchema.optional(),
    publicLoad: publicLoadSchema.optional(),
    rrmPolicy: rrmPolicySchema.optional(),
  })
  .strict();

const costSchema = z
  .object({
    baselineVariant: z
      .string()
      .optional()
      .meta({ description: 'Variant the production gain is measured against' }),
    gnbEur: eur.optional(),
    onSiteCoreEur: eur.optional(),
    gatewayEur: eur.optional(),
    moduleEurPerDevice: eur.optional(),
    agvEur: eur.optional(),
    networkPlanEurPerMonth: z
      .object({ public: eur, slice: eur, hybrid: eur, private: eur, wifi: eur, wired: eur, unconnected: eur })
      .partial()
      .strict()
      .optional()
      .meta({
        description: 'Network plan per month, EUR: by 5G deployment mode, and for wifi, wired, unconnected',
      }),
    wifiApEur: eur.optional().meta({ description: 'One Wi-Fi access point, installed' }),
    wifiControllerEur: eur
      .optional()
      .meta({ description: 'WLAN controller / licences and site survey, once' }),
    wifiClientEurPerDevice: eur.optional().meta({ description: 'One Wi-Fi client per device' }),
    ethernetEurPerEndpoint: eur.optional().meta({ description: 'One Ethernet drop to a fixed device' }),
    patrolLabourEurPerHour: eur
      .optional()
      .meta({ description: 'Loaded labour cost of the patrolling operator' }),
    patrolMinutesPerMachine: z.number().min(0).max(1440).optional().meta({
      description: 'Operator minutes per machine and patrol round',
    }),
    maintenanceShareOfCapexPerYear: z.number().min(0).max(1).optional(),
    defaultMarginEurPerPart: eur.optional(),
    operatingHoursPerYear: z.number().positive().max(8784).optional(),
    scrapCostEurPerPart: nonNegative.optional(),
    downtimeCostEurPerMachineHour: nonNegative.optional(),
    agvRunningEurPerYear: nonNegative.optional(),
    horizonYears: z.number().positive().max(50).optional(),
    discountRatePerYear: z.number().min(0).max(1).optional(),
    currency: z
      .string()
      .regex(/^[A-Z]{3}$/)
      .optional()
      .meta({ description: 'ISO 4217 code amounts are shown in (computed in EUR); e.g. CNY' }),
    perEur: z
      .number()
      .positive()
      .optional()
      .meta({ description: 'Units of `currency` per EUR (default known for EUR, CNY, USD)' }),
  })
  .strict()
  .superRefine((c, ctx) => {
    if (c.currency !== undefined && c.perEur === undefined && !(c.currency in KNOWN_RATES_PER_EUR))
      ctx.addIssue({
        code: 'custom',
        path: ['perEur'],
        message: `no known exchange rate for ${c.currency}: give costs.perEur (units of ${c.currency} per EUR)`,
      });
  });

const runSchema = z
  .object({
    lengthH: positive
      .max(LIMITS.runH)
      .meta({ description: `Simulated time, hours (including warm-up); at most ${LIMITS.runH}` }),
    warmupH: hours.meta({ description: 'Statistics start after this many hours' }),
    seed: z.union([
      z.number().int().min(Number.MIN_SAFE_INTEGER).max(Number.MAX_SAFE_INTEGER),
      z.string().min(1).max(256),
    ]),
    replications: z.number().int().min(1).max(1000),
  })
  .strict();

export const scenarioSchema = z
  .object({
    $schema: z.string().optional(),
    name: z.string().min(1),
    description: z.string().optional(),
    floor: floorSchema,
    zones: z.array(zoneSchema).max(LIMITS.count.zones).optional(),
    machines: z.array(machineSchema).min(1).max(LIMITS.count.machines),
    buffers: z.array(bufferSchema).min(1).max(LIMITS.count.buffers),
    sinks: z.array(sinkSchema).min(1).max(LIMITS.count.sinks),
    gateways: z.array(gatewaySchema).max(LIMITS.count.gateways).optional(),
    cameras: z.array(cameraSchema).max(LIMITS.count.cameras).optional(),
    products: z.array(productSchema).min(1).max(LIMITS.count.products),
    sources: z.array(sourceSchema).min(1).max(LIMITS.count.sources),
    shifts: shiftsSchema.optional(),
    transport: transportSchema,
    paths: pathsSchema.optional(),
    agvs: agvFleetSchema.optional(),
    network: networkSchema,
    maintenance: maintenanceSchema.optional(),
    quality: qualitySchema.optional(),
    costs: costSchema.optional(),
    run: runSchema,
  })
  .strict()
  .meta({ title: 'factory-twin scenario', description: 'A 5G-connected factory scenario for factory-twin' });

/** A scenario after variants are applied: what the model is built from. */
export type Scenario = z.infer<typeof scenarioSchema>;
export type MachineSpec = Scenario['machines'][number];
export type NetworkSpec = Scenario['network'];
export type GnbAntenna = NonNullable<NetworkSpec['gnbs'][number]['antenna']>;
export type CostOverrides = NonNullable<Scenario['costs']>;

/** A scenario file: a scenario, plus `extends` (a variant file) and inline `variants` (patches). */
export const scenarioFileSchema = scenarioSchema.extend({
  extends: z.string().optional().meta({ description: 'Path of the base scenario this file patches' }),
  variants: z
    .record(z.string().regex(/^[A-Za-z0-9_.-]+$/), z.record(z.string(), z.unknown()))
    .optional()
    .meta({ description: 'Named patches: deep-merged onto this scenario by `--variant NAME` (see README)' }),
});
