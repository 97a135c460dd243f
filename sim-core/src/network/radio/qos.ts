// QoS reference data: standardized 5QI characteristics (3GPP TS 23.501 V17 Table 5.7.4-1) and
// service performance targets of the factory traffic classes (3GPP TS 22.104).

export type QosResourceType = 'GBR' | 'non-GBR' | 'delay-critical-GBR';

export interface FiveQiCharacteristics {
  readonly fiveQi: number;
  readonly resourceType: QosResourceType;
  readonly priorityLevel: number;
  readonly packetDelayBudgetMs: number;
  readonly packetErrorRate: number;
  /** Default Maximum Data Burst Volume in bytes (delay-critical GBR only), else null. */
  readonly maxDataBurstVolumeBytes: number | null;
  /** Default averaging window in ms (GBR and delay-critical GBR), else null. */
  readonly averagingWindowMs: number | null;
  readonly exampleServices: string;
}

const q = (
  fiveQi: number,
  resourceType: QosResourceType,
  priorityLevel: number,
  packetDelayBudgetMs: number,
  packetErrorRate: number,
  maxDataBurstVolumeBytes: number | null,
  exampleServices: string,
): FiveQiCharacteristics =>
  Object.freeze({
    fiveQi,
    resourceType,
    priorityLevel,
    packetDelayBudgetMs,
    packetErrorRate,
    maxDataBurstVolumeBytes,
    averagingWindowMs: resourceType === 'non-GBR' ? null : 2000, // TS 23.501 Table 5.7.4-1: 2000 ms for all GBR/DC-GBR rows
    exampleServices,
  });

/**
 * Standardized 5QI → QoS characteristics, TS 23.501 Table 5.7.4-1. Each row: resource type,
 * default priority level, PDB, PER, default MDBV. (5QI 86 is the only row not cross-checked
 * against a public copy of the table in this work; see the note on it.)
 */
export const STANDARDIZED_5QI: Readonly<Record<number, FiveQiCharacteristics>> = Object.freeze({
  // GBR
  1: q(1, 'GBR', 20, 100, 1e-2, null, 'Conversational voice'), // TS 23.501 Table 5.7.4-1
  2: q(2, 'GBR', 40, 150, 1e-3, null, 'Conversational video (live streaming)'), // TS 23.501 Table 5.7.4-1
  3: q(
    3,
    'GBR',
    30,
    50,
    1e-3,
    null,
    'Real-time gaming, V2X, electricity distribution MV, process automation monitoring',
  ), // TS 23.501 Table 5.7.4-1
  4: q(4, 'GBR', 50, 300, 1e-6, null, 'Non-conversational video (buffered streaming)'), // TS 23.501 Table 5.7.4-1
  65: q(65, 'GBR', 7, 75, 1e-2, null, 'Mission-critical push-to-talk voice'), // TS 23.501 Table 5.7.4-1
  66: q(66, 'GBR', 20, 100, 1e-2, null, 'Non-mission-critical push-to-talk voice'), // TS 23.501 Table 5.7.4-1
  67: q(67, 'GBR', 15, 100, 1e-3, null, 'Mission-critical video user plane'), // TS 23.501 Table 5.7.4-1
  71: q(71, 'GBR', 56, 150, 1e-6, null, '"Live" uplink streaming'), // TS 23.501 Table 5.7.4-1
  72: q(72, 'GBR', 56, 300, 1e-4, null, '"Live" uplink streaming'), // TS 23.501 Table 5.7.4-1
  73: q(73, 'GBR', 56, 300, 1e-8, null, '"Live" uplink streaming'), // TS 23.501 Table 5.7.4-1
  74: q(74, 'GBR', 56, 500, 1e-8, null, '"Live" uplink streaming'), // TS 23.501 Table 5.7.4-1
  // Non-GBR
  5: q(5, 'non-GBR', 10, 100, 1e-6, null, 'IMS signalling'), // TS 23.501 Table 5.7.4-1
  6: q(6, 'non-GBR', 60, 300, 1e-6, null, 'Video (buffered streaming), TCP-based (www, e-mail, ftp, …)'), // TS 23.501 Table 5.7.4-1
  7: q(7, 'non-GBR', 70, 100, 1e-3, null, 'Voice, video (live streaming), interactive gaming'), // TS 23.501 Table 5.7.4-1
  8: q(8, 'non-GBR', 80, 300, 1e-6, null, 'Video (buffered streaming), TCP-based'), // TS 23.501 Table 5.7.4-1
  9: q(9, 'non-GBR', 90, 300, 1e-6, null, 'Video (buffered streaming), TCP-based (default bearer)'), // TS 23.501 Table 5.7.4-1
  69: q(69, 'non-GBR', 5, 60, 1e-6, null, 'Mission-critical delay-sensitive signalling'), // TS 23.501 Table 5.7.4-1
  70: q(70, 'non-GBR', 55, 200, 1e-6, null, 'Mission-critical data'), // TS 23.501 Table 5.7.4-1
  79: q(79, 'non-GBR', 65, 50, 1e-2, null, 'V2X messages'), // TS 23.501 Table 5.7.4-1
  80: q(80, 'non-GBR', 68, 10, 1e-6, null, 'Low-latency eMBB, augmented reality'), // TS 23.501 Table 5.7.4-1
  // Delay-critical GBR
  82: q(82, 'delay-critical-GBR', 19, 10, 1e-4, 255, 'Discrete automation'), // TS 23.501 Table 5.7.4-1
  83: q(
    83,
    'delay-critical-GBR',
    22,
    10,
    1e-4,
    1354,
    'Discrete automation; V2X platooning, cooperative lane change',
  ), // TS 23.501 Table 5.7.4-1
  84: q(84, 'delay-critical-GBR', 24, 30, 1e-5, 1354, 'Intelligent transport systems'), // TS 23.501 Table 5.7.4-1
  85: q(85, 'delay-critical-GBR', 21, 5, 1e-5, 255, 'Electricity distribution HV; V2X remote driving'), // TS 23.501 Table 5.7.4-1
  86: q(86, 'delay-critical-GBR', 18, 5, 1e-4, 1354, 'V2X collision avoidance, platooning (high LoA)'), // TS 23.501 Table 5.7.4-1 (recalled; not cross-checked here)
});

/** Characteristics of a standardized 5QI; throws for values not in the table above. */
export function fiveQi(value: number): FiveQiCharacteristics {
  const c = STANDARDIZED_5QI[value];
  if (!c) throw new RangeError(`5QI ${value} is not a standardized value in this table`);
  return c;
}

export type TrafficClass = 'motionControl' | 'machineTelemetry' | 'video' | 'controlOrders';

export interface ServiceTarget {
  readonly trafficClass: TrafficClass;
  readonly description: string;
  /** Transfer interval (cycle time) range of the application, ms. */
  readonly transferIntervalMs: { readonly min: number; readonly max: number };
  /** Value of the interval the simulator uses by default, ms. */
  readonly designTransferIntervalMs: number;
  /** Maximum end-to-end latency, ms (TS 22.104 periodic rows: "< transfer interval"). */
  readonly maxEndToEndLatencyMs: number;
  /** Survival time, ms (null if not defined). */
  readonly survivalTimeMs: number | null;
  /** Communication service availability target, percent. */
  readonly availabilityPct: number;
  readonly messageSizeBytes: { readonly min: number; readonly max: number };
  /** Suggested standardized 5QI for the flow (mapping is ours, see `fiveQiRationale`). */
  readonly fiveQi: number;
  readonly fiveQiRationale: string;
  /** Where the numbers come from; "assumption" marks values not taken from a spec. */
  readonly source: string;
}

/**
 * Service performance targets per traffic class.
 * The TS 22.104 figures are from Table 5.2-1 (periodic deterministic communication), mobile-robot
 * rows described in Annex A.2.2.3; they were recalled from the spec, NOT re-verified against the
 * spec text in this work (no public copy of the table rows was reachable) — treat as "to verify".
 */
export const SERVICE_TARGETS: Readonly<Record<TrafficClass, ServiceTarget>> = Object.freeze({
  motionControl: Object.freeze({
    trafficClass: 'motionControl',
    description: 'AGV / mobile-robot machine control (periodic set-points and feedback)',
    transferIntervalMs: { min: 1, max: 10 }, // TS 22.104 Table 5.2-1, mobile robots – machine control (recalled)
    designTransferIntervalMs: 10, // assumption: AGV control loop at the upper end of the range
    maxEndToEndLatencyMs: 10, // TS 22.104 Table 5.2-1: E2E latency < transfer interval
    survivalTimeMs: 10, // TS 22.104 Table 5.2-1: survival time = transfer interval (recalled)
    availabilityPct: 99.9999, // TS 22.104 Table 5.2-1, mobile robots (recalled)
    messageSizeBytes: { min: 40, max: 250 }, // TS 22.104 Table 5.2-1, mobile robots (recalled)
    fiveQi: 82,
    fiveQiRationale:
      'Delay-critical GBR "discrete automation": PDB 10 ms <= cycle, MDBV 255 B >= 250 B message',
    source: 'TS 22.104 Table 5.2-1 (mobile robots, recalled); 5QI from TS 23.501 Table 5.7.4-1',
  }),
  machineTelemetry: Object.freeze({
    trafficClass: 'machineTelemetry',
    description: 'Process / machine-state monitoring (periodic sensor reports to the MES)',
    transferIntervalMs: { min: 100, max: 60000 }, // assumption: 100 ms – 60 s monitoring cycles
    designTransferIntervalMs: 1000, // assumption
    maxEndToEndLatencyMs: 50, // TS 23.501 Table 5.7.4-1: 5QI 3 PDB (example service "process automation – monitoring")
    survivalTimeMs: null,
    availabilityPct: 99.9, // assumption: PER 1e-3 of 5QI 3 ≈ 99.9 % per-packet success
    messageSizeBytes: { min: 20, max: 255 }, // assumption
    fiveQi: 3,
    fiveQiRationale: 'TS 23.501 lists "process automation – monitoring" as an example service of 5QI 3',
    source: 'TS 23.501 Table 5.7.4-1 (5QI 3); interval, size and availability: assumption',
  }),
  video: Object.freeze({
    trafficClass: 'video',
    description: 'Video from a mobile robot for remote operation / surveillance',
    transferIntervalMs: { min: 10, max: 100 }, // TS 22.104 Table 5.2-1, mobile robots – video-operated remote control (recalled)
    designTransferIntervalMs: 33, // assumption: 30 frames/s
    maxEndToEndLatencyMs: 100, // TS 22.104 Table 5.2-1: < transfer interval (upper bound of the range)
    survivalTimeMs: null,
    availabilityPct: 99.9999, // TS 22.104 Table 5.2-1, mobile robots (recalled)
    messageSizeBytes: { min: 15000, max: 150000 }, // TS 22.104 Table 5.2-1, video-operated remote control (recalled)
    fiveQi: 7,
    fiveQiRationale: 'Non-GBR "video (live streaming)" with PDB 100 ms = latency bound',
    source: 'TS 22.104 Table 5.2-1 (mobile robots, recalled); 5QI from TS 23.501 Table 5.7.4-1',
  }),
  controlOrders: Object.freeze({
    trafficClass: 'controlOrders',
    description: 'Production / transport orders and fleet traffic management (MES → machines, AGVs)',
    transferIntervalMs: { min: 40, max: 500 }, // TS 22.104 Table 5.2-1, standard mobile robot operation and traffic management (recalled)
    designTransferIntervalMs: 500, // assumption
    maxEndToEndLatencyMs: 500, // TS 22.104 Table 5.2-1: < transfer interval
    survivalTimeMs: null,
    availabilityPct: 99.9999, // TS 22.104 Table 5.2-1, mobile robots (recalled)
    messageSizeBytes: { min: 40, max: 250 }, // TS 22.104 Table 5.2-1, mobile robots (recalled)
    fiveQi: 6,
    fiveQiRationale: 'Non-GBR, PDB 300 ms < 500 ms bound, PER 1e-6, higher priority than 8/9',
    source: 'TS 22.104 Table 5.2-1 (mobile robots, recalled); 5QI from TS 23.501 Table 5.7.4-1',
  }),
});
