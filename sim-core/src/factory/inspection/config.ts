import type { DistributionSpec } from '../../engine/distributions';

/**
 * Latent defects, video inspection and late detection (FactoryConfig.quality).
 *
 * Machines leave latent defects on parts (MachineConfig.defectProbability). An inspection point watches
 * the parts leaving some machines through a camera whose video goes over the network: it inspects each
 * part at the end of the machine's cycle. While the camera's frames arrive on time it finds a defect
 * with `detectProbability` and costs no time (automated, beside the cycle). When a delivery window's
 * on-time share of frames falls below `minOnTimeShare`, the point falls back to people until a window is
 * good again: manual inspections that hold the part at the machine and find defects with their own
 * probability (`fallback`). Defects that pass are found at the late check (final test) and reworked or
 * scrapped there, or reach the customer.
 * Assumption: the video verdict needs the frames of the part in time, so the share of frames on time
 * over the last window stands for "the video can inspect now"; one bad window means fallback for the
 * next one (no partial credit for a part seen in some frames).
 */
export interface QualityConfig {
  inspections?: InspectionPointConfig[];
  /** Where escaped defects are found. Omitted: they all reach the customer. */
  lateCheck?: LateCheckConfig;
}

export interface InspectionPointConfig {
  /** Names the point (its random streams, events and KPIs). */
  id: string;
  /** Machines whose finished parts the point inspects, at the end of each cycle. */
  machineIds: string[];
  /** The camera endpoint whose `video` stream(s) the inspection depends on (one point per camera). */
  cameraId: string;
  /** Probability that video inspection finds a part's defect (e.g. 0.95). */
  detectProbability: number;
  /** Length of the delivery windows over which the on-time share of frames is measured, ms. */
  windowMs: number;
  /** A window with a smaller on-time share of frames switches to the fallback (e.g. 0.9). */
  minOnTimeShare: number;
  fallback: FallbackConfig;
  /** What happens to a part whose defect the point finds. */
  caught: DispositionConfig;
}

/** Manual inspection while the video cannot inspect. */
export interface FallbackConfig {
  /** A name from `inspectionFallbacks`: 'sampling' (every `everyN`-th part) or 'manual' (every part). */
  kind: string;
  /** 'sampling': inspect every N-th part passing the point in fallback (N >= 1); the others pass unseen. */
  everyN?: number;
  /** Time a manual inspection holds the part at the machine, ms. */
  manualTime: DistributionSpec;
  /** Probability that a manual inspection finds a part's defect. */
  detectProbability: number;
}

/** What is done with a part whose defect was found: reworked where it was found (held there), or scrapped. */
export interface DispositionConfig {
  kind: 'rework' | 'scrap';
  /** 'rework': how long the part is held at the machine that found the defect, ms. Default 0. */
  reworkTime?: DistributionSpec;
}

/** The later point where escaped defects show (final test, end-of-line check). */
export interface LateCheckConfig {
  /** Machines at whose cycle end a defective part is checked. */
  machineIds: string[];
  /** Probability to find the defect there. Default 1; the others reach the customer. */
  detectProbability?: number;
  found: DispositionConfig;
}

/** The random streams' entity id of the late check. */
export const LATE_CHECK_ID = 'lateCheck';
