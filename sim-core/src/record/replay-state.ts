import type { RecordedMotion } from './types';

/** Float32 fields per motion profile, in this order. */
export const PROFILE_FIELDS = 6;

/**
 * The latest-known components of every entity at `timeMs` (struct of arrays, indexed by entity; nothing
 * is allocated while replaying). Unknown values: stateCode -1, level NaN, motionFrom -1, link NaN.
 *
 * The motion is the entity's latest segment: while `timeMs < motionEndMs` it is under way, after that the
 * entity rests at the segment's end (the viewer evaluates the position with the AGV model's positionAt).
 */
export class ReplayState {
  timeMs = Number.NaN;
  readonly stateCode: Int32Array;
  readonly level: Float64Array;
  readonly motionFrom: Int32Array;
  readonly motionTo: Int32Array;
  readonly motionStartMs: Float64Array;
  readonly motionEndMs: Float64Array;
  /** PROFILE_FIELDS per entity: v0Mps, vMaxMps, v1Mps, accelMps2, decelMps2, lengthM. */
  readonly motionProfile: Float32Array;
  readonly motionStartOffsetM: Float32Array;
  readonly linkLatencyMs: Float32Array;
  readonly linkReliability: Float32Array;

  constructor(readonly entityCount: number) {
    this.stateCode = new Int32Array(entityCount);
    this.level = new Float64Array(entityCount);
    this.motionFrom = new Int32Array(entityCount);
    this.motionTo = new Int32Array(entityCount);
    this.motionStartMs = new Float64Array(entityCount);
    this.motionEndMs = new Float64Array(entityCount);
    this.motionProfile = new Float32Array(entityCount * PROFILE_FIELDS);
    this.motionStartOffsetM = new Float32Array(entityCount);
    this.linkLatencyMs = new Float32Array(entityCount);
    this.linkReliability = new Float32Array(entityCount);
    this.clear();
  }

  /** Everything unknown. */
  clear(): void {
    this.stateCode.fill(-1);
    this.level.fill(Number.NaN);
    this.motionFrom.fill(-1);
    this.motionTo.fill(-1);
    this.motionStartMs.fill(0);
    this.motionEndMs.fill(0);
    this.motionProfile.fill(0);
    this.motionStartOffsetM.fill(0);
    this.linkLatencyMs.fill(Number.NaN);
    this.linkReliability.fill(Number.NaN);
  }

  copyFrom(other: ReplayState): void {
    if (other.entityCount !== this.entityCount) {
      throw new RangeError(
        `cannot copy a state of ${other.entityCount} entities into one of ${this.entityCount}`,
      );
    }
    this.timeMs = other.timeMs;
    this.stateCode.set(other.stateCode);
    this.level.set(other.level);
    this.motionFrom.set(other.motionFrom);
    this.motionTo.set(other.motionTo);
    this.motionStartMs.set(other.motionStartMs);
    this.motionEndMs.set(other.motionEndMs);
    this.motionProfile.set(other.motionProfile);
    this.motionStartOffsetM.set(other.motionStartOffsetM);
    this.linkLatencyMs.set(other.linkLatencyMs);
    this.linkReliability.set(other.linkReliability);
  }

  clone(): ReplayState {
    const copy = new ReplayState(this.entityCount);
    copy.copyFrom(this);
    return copy;
  }

  hasMotion(entity: number): boolean {
    return this.motionFrom[entity]! >= 0;
  }

  /** The entity's latest motion segment as an object (allocates: for inspection, not the frame loop). */
  motion(entity: number): RecordedMotion | undefined {
    if (!this.hasMotion(entity)) return undefined;
    const p = this.motionProfile;
    const k = entity * PROFILE_FIELDS;
    return {
      fromNode: this.motionFrom[entity]!,
      toNode: this.motionTo[entity]!,
      startMs: this.motionStartMs[entity]!,
      endMs: this.motionEndMs[entity]!,
      profile: {
        v0Mps: p[k]!,
        vMaxMps: p[k + 1]!,
        v1Mps: p[k + 2]!,
        accelMps2: p[k + 3]!,
        decelMps2: p[k + 4]!,
        lengthM: p[k + 5]!,
      },
      startOffsetM: this.motionStartOffsetM[entity]!,
    };
  }
}
