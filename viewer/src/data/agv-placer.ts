import type { Layout } from '@factory-twin/sim-core';
import { distanceAtS, PROFILE_FIELDS, type SpeedProfile } from './sim-core';

/** The part of the reader's ReplayState that motion needs. */
export interface MotionState {
  motionFrom: Int32Array;
  motionTo: Int32Array;
  motionStartMs: Float64Array;
  motionEndMs: Float64Array;
  motionProfile: Float32Array;
  motionStartOffsetM: Float32Array;
}

const profile: SpeedProfile = { v0Mps: 0, vCruiseMps: 0, vEndMps: 0, accelMps2: 1, decelMps2: 1, lengthM: 0 };

/**
 * Places AGVs at a time from their latest motion segment with the AGV model's kinematics
 * (distanceAtS). Writes into the given arrays; allocates nothing.
 * A segment starts `startOffsetM` along its edge (non-zero when resuming after a stop).
 */
export function placeAgvs(
  layout: Layout,
  agvEntity: Int32Array,
  s: MotionState,
  tMs: number,
  startNode: Int32Array,
  outX: Float32Array,
  outY: Float32Array,
  outHeading: Float32Array,
): void {
  const nodes = layout.paths.nodes;
  for (let i = 0; i < agvEntity.length; i++) {
    const e = agvEntity[i];
    const from = e >= 0 ? s.motionFrom[e] : -1;
    if (from < 0 || from >= nodes.length) {
      const n = nodes[startNode[i]];
      if (n) {
        outX[i] = n.xM;
        outY[i] = n.yM;
      }
      continue;
    }
    const to = Math.min(nodes.length - 1, Math.max(0, s.motionTo[e]));
    const a = nodes[from];
    const b = nodes[to];
    const dx = b.xM - a.xM;
    const dy = b.yM - a.yM;
    const edgeM = Math.hypot(dx, dy);
    const k = e * PROFILE_FIELDS;
    const p = s.motionProfile;
    profile.v0Mps = p[k];
    profile.vEndMps = p[k + 2];
    profile.accelMps2 = p[k + 3];
    profile.decelMps2 = p[k + 4];
    profile.lengthM = p[k + 5];
    profile.vCruiseMps = cruiseSpeed(p[k + 1], profile);
    const start = s.motionStartMs[e];
    const end = s.motionEndMs[e];
    const tS = (Math.min(Math.max(tMs, start), end) - start) / 1000;
    const offsetM = s.motionStartOffsetM[e];
    const f = edgeM > 0 ? Math.min(1, (offsetM + distanceAtS(profile, tS)) / edgeM) : 1;
    outX[i] = a.xM + dx * f;
    outY[i] = a.yM + dy * f;
    if (edgeM > 0) outHeading[i] = Math.atan2(dy, dx);
  }
}

/** The recorded vMax may not be reached on a short segment: the peak of the triangle (as planProfile). */
function cruiseSpeed(vMaxMps: number, q: SpeedProfile): number {
  const a = q.accelMps2;
  const d = q.decelMps2;
  const peak = Math.sqrt(
    (2 * a * d * q.lengthM + d * q.v0Mps * q.v0Mps + a * q.vEndMps * q.vEndMps) / (a + d),
  );
  return Math.max(Math.min(vMaxMps, peak), q.v0Mps, q.vEndMps);
}
