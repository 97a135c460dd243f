/**
 * A speed profile along one straight piece of travel: accelerate at `accelMps2` from `v0Mps` to
 * `vCruiseMps`, cruise, then decelerate at `decelMps2` to `vEndMps`, covering `lengthM` in all. The
 * cruise length is whatever is left (zero for a triangular profile). SI units throughout.
 */
export interface SpeedProfile {
  v0Mps: number;
  vCruiseMps: number;
  vEndMps: number;
  accelMps2: number;
  decelMps2: number;
  lengthM: number;
}

/**
 * The fastest profile over `lengthM` from `v0Mps` that never exceeds `vMaxMps` and ends at
 * `vEndTargetMps`, or slower if that end speed cannot be reached by accelerating the whole way.
 */
export function planProfile(
  v0Mps: number,
  vEndTargetMps: number,
  vMaxMps: number,
  accelMps2: number,
  decelMps2: number,
  lengthM: number,
): SpeedProfile {
  let vEndMps = Math.min(vEndTargetMps, vMaxMps, Math.sqrt(v0Mps * v0Mps + 2 * accelMps2 * lengthM));
  // Cannot brake to vEnd in time (callers prevent this): end as slow as braking the whole way allows.
  const slowest = Math.sqrt(Math.max(0, v0Mps * v0Mps - 2 * decelMps2 * lengthM));
  if (vEndMps < slowest) vEndMps = slowest;
  // The peak of the accelerate-then-brake triangle through (0, v0) and (lengthM, vEnd).
  const vPeak = Math.sqrt(
    (2 * accelMps2 * decelMps2 * lengthM + decelMps2 * v0Mps * v0Mps + accelMps2 * vEndMps * vEndMps) /
      (accelMps2 + decelMps2),
  );
  const vCruiseMps = Math.max(Math.min(vMaxMps, vPeak), v0Mps, vEndMps);
  return { v0Mps, vCruiseMps, vEndMps, accelMps2, decelMps2, lengthM };
}

function accelTimeS(p: SpeedProfile): number {
  return (p.vCruiseMps - p.v0Mps) / p.accelMps2;
}

function decelTimeS(p: SpeedProfile): number {
  return (p.vCruiseMps - p.vEndMps) / p.decelMps2;
}

function accelLengthM(p: SpeedProfile): number {
  return (p.vCruiseMps * p.vCruiseMps - p.v0Mps * p.v0Mps) / (2 * p.accelMps2);
}

function decelLengthM(p: SpeedProfile): number {
  return (p.vCruiseMps * p.vCruiseMps - p.vEndMps * p.vEndMps) / (2 * p.decelMps2);
}

function cruiseLengthM(p: SpeedProfile): number {
  return Math.max(0, p.lengthM - accelLengthM(p) - decelLengthM(p));
}

function cruiseTimeS(p: SpeedProfile): number {
  return p.vCruiseMps > 0 ? cruiseLengthM(p) / p.vCruiseMps : 0;
}

export function profileDurationS(p: SpeedProfile): number {
  return accelTimeS(p) + cruiseTimeS(p) + decelTimeS(p);
}

/** Distance covered `tS` seconds into the profile (clamped to [0, lengthM]). */
export function distanceAtS(p: SpeedProfile, tS: number): number {
  if (tS <= 0) return 0;
  const ta = accelTimeS(p);
  if (tS < ta) return p.v0Mps * tS + 0.5 * p.accelMps2 * tS * tS;
  const da = accelLengthM(p);
  const tc = cruiseTimeS(p);
  if (tS < ta + tc) return da + p.vCruiseMps * (tS - ta);
  const td = decelTimeS(p);
  if (tS >= ta + tc + td) return p.lengthM;
  const tau = tS - ta - tc;
  return Math.min(p.lengthM, da + cruiseLengthM(p) + p.vCruiseMps * tau - 0.5 * p.decelMps2 * tau * tau);
}

/** Time into the profile at which it has covered `xM` (clamped to [0, lengthM]): distanceAtS inverted. */
export function timeAtDistanceS(p: SpeedProfile, xM: number): number {
  if (xM <= 0) return 0;
  if (xM >= p.lengthM) return profileDurationS(p);
  const ta = accelTimeS(p);
  const da = accelLengthM(p);
  // x = v0·t + a·t²/2 while accelerating.
  if (xM < da) return (Math.sqrt(p.v0Mps * p.v0Mps + 2 * p.accelMps2 * xM) - p.v0Mps) / p.accelMps2;
  const dc = cruiseLengthM(p);
  if (xM < da + dc) return ta + (xM - da) / p.vCruiseMps;
  // x − da − dc = vc·τ − d·τ²/2 while braking.
  const y = xM - da - dc;
  const root = Math.sqrt(Math.max(0, p.vCruiseMps * p.vCruiseMps - 2 * p.decelMps2 * y));
  return Math.min(profileDurationS(p), ta + cruiseTimeS(p) + (p.vCruiseMps - root) / p.decelMps2);
}

/** The least time to cover `distanceM` from speed `v0Mps`, accelerating at `accelMps2` up to `vMaxMps`. */
export function fastestTimeS(v0Mps: number, distanceM: number, accelMps2: number, vMaxMps: number): number {
  if (distanceM <= 0) return 0;
  const v0 = Math.min(v0Mps, vMaxMps);
  const rampM = (vMaxMps * vMaxMps - v0 * v0) / (2 * accelMps2);
  if (distanceM <= rampM) return (Math.sqrt(v0 * v0 + 2 * accelMps2 * distanceM) - v0) / accelMps2;
  return (vMaxMps - v0) / accelMps2 + (distanceM - rampM) / vMaxMps;
}

/** Speed `tS` seconds into the profile (vEnd after its end). */
export function speedAtS(p: SpeedProfile, tS: number): number {
  if (tS <= 0) return p.v0Mps;
  const ta = accelTimeS(p);
  if (tS < ta) return p.v0Mps + p.accelMps2 * tS;
  const tc = cruiseTimeS(p);
  if (tS < ta + tc) return p.vCruiseMps;
  const tau = tS - ta - tc;
  return Math.max(p.vEndMps, p.vCruiseMps - p.decelMps2 * tau);
}

/**
 * The same motion until `tS`, then braking at decelMps2: to a standstill if that fits in the profile's
 * length (`reachesEnd` false), else through the end at the speed left (`reachesEnd` true).
 */
export function brakeFrom(p: SpeedProfile, tS: number): { profile: SpeedProfile; reachesEnd: boolean } {
  const ta = accelTimeS(p);
  if (tS >= ta + cruiseTimeS(p)) {
    // Already braking: the plan is unchanged unless it ended above zero.
    return p.vEndMps > 0 ? { profile: p, reachesEnd: true } : { profile: p, reachesEnd: false };
  }
  const v = speedAtS(p, tS);
  const s = distanceAtS(p, tS);
  const stopLengthM = s + (v * v) / (2 * p.decelMps2);
  if (stopLengthM <= p.lengthM) {
    return { profile: { ...p, vCruiseMps: v, vEndMps: 0, lengthM: stopLengthM }, reachesEnd: false };
  }
  const rest = p.lengthM - s;
  const vEndMps = Math.sqrt(Math.max(0, v * v - 2 * p.decelMps2 * rest));
  return { profile: { ...p, vCruiseMps: v, vEndMps }, reachesEnd: true };
}
