import type { ByteBuffer } from './byte-buffer';
import { type ByteReader, DecodeError } from './byte-reader';
import { msToUs, usToMs } from './format';
import { PROFILE_FIELDS, type ReplayState } from './replay-state';

// A chunk's snapshot: the latest state, level, motion and link of every entity that has one, just before
// the chunk's first record. Four sections, each a count then entries in ascending entity order; an
// entity is written as the gap to the previous entry of its section (entity - previous - 1).

export function encodeSnapshot(state: ReplayState, chunkStartUs: number, out: ByteBuffer): void {
  const n = state.entityCount;
  const section = (has: (e: number) => boolean, write: (e: number) => void) => {
    let count = 0;
    for (let e = 0; e < n; e++) if (has(e)) count++;
    out.ensure(8);
    out.putVarint(count);
    let previous = -1;
    for (let e = 0; e < n; e++) {
      if (!has(e)) continue;
      out.ensure(64);
      out.putVarint(e - previous - 1);
      write(e);
      previous = e;
    }
  };
  section(
    (e) => state.stateCode[e]! >= 0,
    (e) => out.putVarint(state.stateCode[e]!),
  );
  section(
    (e) => !Number.isNaN(state.level[e]),
    (e) => out.putZigzag(state.level[e]!),
  );
  section(
    (e) => state.motionFrom[e]! >= 0,
    (e) => {
      const startUs = msToUs(state.motionStartMs[e]!);
      out.putVarint(state.motionFrom[e]!);
      out.putVarint(state.motionTo[e]!);
      out.putZigzag(startUs - chunkStartUs);
      out.putVarint(msToUs(state.motionEndMs[e]!) - startUs);
      for (let k = 0; k < PROFILE_FIELDS; k++) out.putF32(state.motionProfile[e * PROFILE_FIELDS + k]!);
      out.putF32(state.motionStartOffsetM[e]!);
    },
  );
  section(
    (e) => !Number.isNaN(state.linkReliability[e]),
    (e) => {
      out.putF32(state.linkLatencyMs[e]!);
      out.putF32(state.linkReliability[e]!);
    },
  );
}

/** Clears `into` and fills it from the snapshot; throws DecodeError when malformed. */
export function decodeSnapshot(r: ByteReader, chunkStartUs: number, into: ReplayState): void {
  into.clear();
  const n = into.entityCount;
  const section = (read: (e: number) => void) => {
    let previous = -1;
    for (let count = r.varint(); count > 0; count--) {
      const e = previous + 1 + r.varint();
      if (e >= n) throw new DecodeError(`snapshot names entity ${e} but there are ${n}`);
      read(e);
      previous = e;
    }
  };
  section((e) => {
    into.stateCode[e] = r.varint();
  });
  section((e) => {
    into.level[e] = r.zigzag();
  });
  section((e) => {
    into.motionFrom[e] = r.varint();
    into.motionTo[e] = r.varint();
    const startUs = chunkStartUs + r.zigzag();
    into.motionStartMs[e] = usToMs(startUs);
    into.motionEndMs[e] = usToMs(startUs + r.varint());
    for (let k = 0; k < PROFILE_FIELDS; k++) into.motionProfile[e * PROFILE_FIELDS + k] = r.f32();
    into.motionStartOffsetM[e] = r.f32();
  });
  section((e) => {
    into.linkLatencyMs[e] = r.f32();
    into.linkReliability[e] = r.f32();
  });
}
