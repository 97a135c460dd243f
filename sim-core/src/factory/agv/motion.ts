import { distanceAtS, type SpeedProfile, speedAtS } from './kinematics';

/**
 * One piece of AGV motion along the edge fromNode → toNode, emitted when it starts. A viewer places the
 * AGV at any time from the latest segment of that AGV whose startMs <= t (positionAt); after endMs
 * the AGV stands where the segment ended. A `safetyStop` segment replaces, from the same startMs, the
 * segment it cuts short (or brakes on the next edge when the stop does not fit before the node).
 */
export interface MotionSegment {
  agvId: string;
  kind: 'move' | 'safetyStop';
  fromNodeId: string;
  toNodeId: string;
  /** The edge's end points and length: the segment is self-contained. */
  fromXM: number;
  fromYM: number;
  toXM: number;
  toYM: number;
  edgeLengthM: number;
  /** Where along the edge the segment starts (non-zero when resuming after a stop). */
  startOffsetM: number;
  startMs: number;
  endMs: number;
  profile: SpeedProfile;
  loaded: boolean;
}

export interface AgvPosition {
  xM: number;
  yM: number;
  speedMps: number;
  /** Distance from fromNode along the edge. */
  offsetM: number;
  /** Direction of travel, radians counter-clockwise from +x. */
  headingRad: number;
}

/** Where the AGV of `segment` is at `timeMs` (clamped to the segment's start and end). Pure. */
export function positionAt(segment: MotionSegment, timeMs: number): AgvPosition {
  const tS = (Math.min(Math.max(timeMs, segment.startMs), segment.endMs) - segment.startMs) / 1000;
  const offsetM = segment.startOffsetM + distanceAtS(segment.profile, tS);
  const f = offsetM / segment.edgeLengthM;
  const dx = segment.toXM - segment.fromXM;
  const dy = segment.toYM - segment.fromYM;
  return {
    xM: segment.fromXM + dx * f,
    yM: segment.fromYM + dy * f,
    speedMps: timeMs >= segment.endMs ? segment.profile.vEndMps : speedAtS(segment.profile, tS),
    offsetM,
    headingRad: Math.atan2(dy, dx),
  };
}
