// Factory traffic classes → 5QI (TS 23.501 Table 5.7.4-1) and service targets (TS 22.104, radio/qos.ts).
import type { TrafficClass } from '../control/seam';
import type { ClassOptions, NetworkConfig } from './config';
import { CQI_TABLE_3_TARGET_BLER, CQI_TARGET_BLER } from './radio/cqi';
import { type FiveQiCharacteristics, fiveQi, SERVICE_TARGETS, type ServiceTarget } from './radio/qos';

export const TRAFFIC_CLASSES: readonly TrafficClass[] = [
  'motionControl',
  'telemetry',
  'machineStatus',
  'controlOrder',
  'video',
];

/**
 * The seam's classes use the service targets of radio/qos.ts. machineStatus (a machine reporting a state
 * change to the control system) is the other half of the control-order loop, so it takes the
 * controlOrders target and 5QI (our mapping, not a spec's).
 */
const TARGET_OF: Record<TrafficClass, ServiceTarget> = {
  motionControl: SERVICE_TARGETS.motionControl,
  telemetry: SERVICE_TARGETS.machineTelemetry,
  machineStatus: SERVICE_TARGETS.controlOrders,
  controlOrder: SERVICE_TARGETS.controlOrders,
  video: SERVICE_TARGETS.video,
};

const DEFAULT_DISCARD_TIMER_MS = 5000; // assumption: a PDCP discard timer well above every deadline
const VIDEO_DISCARD_TIMER_MS = 1000; // assumption: live video frames older than 1 s are worthless

/** Averaging window of a GBR flow whose 5QI has none (a non-GBR 5QI): the standard's default (Table 5.7.4-1). */
const GBR_DEFAULT_AVERAGING_WINDOW_MS = 2000;

/** Everything the MAC and the statistics need about one class, resolved once per network. */
export interface ClassProfile {
  readonly index: number;
  readonly trafficClass: TrafficClass;
  readonly qos: FiveQiCharacteristics;
  readonly target: ServiceTarget;
  readonly deadlineMs: number;
  readonly discardTimerMs: number;
  /** Required share of messages within the deadline (TS 22.104 availability / 100). */
  readonly targetReliability: number;
  /** Guaranteed bit rate per flow, bits per ms (0: not a GBR flow). */
  readonly gbrBitsPerMs: number;
  /** Most credit a GBR flow can save up: its rate over the averaging window, bits. */
  readonly gbrBucketBits: number;
  /** BLER target of transport blocks carrying this class (ClassOptions.blerTarget). */
  readonly blerTarget: number;
}

export function classIndex(trafficClass: TrafficClass): number {
  const i = TRAFFIC_CLASSES.indexOf(trafficClass);
  if (i < 0) throw new RangeError(`Unknown traffic class '${trafficClass}'`);
  return i;
}

export function resolveClassProfiles(config: NetworkConfig): ClassProfile[] {
  return TRAFFIC_CLASSES.map((trafficClass, index) => {
    const target = TARGET_OF[trafficClass];
    const options: ClassOptions = config.classOptions?.[trafficClass] ?? {};
    const qos = fiveQi(config.trafficClassMap?.[trafficClass] ?? target.fiveQi);
    const gbrMbps = options.gbrMbps ?? 0;
    if (!(gbrMbps >= 0 && Number.isFinite(gbrMbps)))
      throw new RangeError(
        `classOptions.${trafficClass}.gbrMbps must be a finite number >= 0, got ${gbrMbps}`,
      );
    const gbrBitsPerMs = gbrMbps * 1000;
    return {
      index,
      trafficClass,
      qos,
      target,
      deadlineMs: options.deadlineMs ?? target.maxEndToEndLatencyMs,
      discardTimerMs:
        options.discardTimerMs ??
        (trafficClass === 'video' ? VIDEO_DISCARD_TIMER_MS : DEFAULT_DISCARD_TIMER_MS),
      targetReliability: availabilityPct(options, trafficClass, target) / 100,
      gbrBitsPerMs,
      gbrBucketBits: gbrBitsPerMs * (qos.averagingWindowMs ?? GBR_DEFAULT_AVERAGING_WINDOW_MS),
      blerTarget: classBlerTarget(config, options, trafficClass, qos),
    };
  });
}

/**
 * A class's BLER target: its own, else 1e-5 for a delay-critical GBR 5QI (82–86: URLLC; the target CQI table 3 is
 * defined for, TS 38.214 §5.2.2.1), else the network's. One network-wide target with `perClassBlerTarget: false`.
 */
function classBlerTarget(
  config: NetworkConfig,
  options: ClassOptions,
  trafficClass: string,
  qos: FiveQiCharacteristics,
): number {
  const network = config.linkAdaptation?.blerTarget ?? CQI_TARGET_BLER;
  if (config.linkAdaptation?.perClassBlerTarget === false) return network;
  const t =
    options.blerTarget ?? (qos.resourceType === 'delay-critical-GBR' ? CQI_TABLE_3_TARGET_BLER : network);
  if (!(t > 0 && t < 1))
    throw new RangeError(`classOptions.${trafficClass}.blerTarget must be in (0, 1), got ${t}`);
  return t;
}

function availabilityPct(options: ClassOptions, trafficClass: string, target: ServiceTarget): number {
  const pct = options.availabilityPct ?? target.availabilityPct;
  if (!(pct > 0 && pct <= 100))
    throw new RangeError(`classOptions.${trafficClass}.availabilityPct must be in (0, 100], got ${pct}`);
  return pct;
}

/** Class indices in logical-channel priority order (TS 38.321 §5.4.3.1: lower 5QI priority level first). */
export function priorityOrder(profiles: readonly ClassProfile[]): number[] {
  return profiles
    .map((p) => p.index)
    .sort((a, b) => profiles[a]!.qos.priorityLevel - profiles[b]!.qos.priorityLevel || a - b);
}
