// Constants of the recording format (see FORMAT.md, which is the normative description).

export const FORMAT_VERSION = 1;

/** "FTWINREC": the first 8 bytes of every recording. */
export const FILE_MAGIC = Uint8Array.of(0x46, 0x54, 0x57, 0x49, 0x4e, 0x52, 0x45, 0x43);
/** "FTWINEND": the last 8 bytes of a finished recording. */
export const FOOTER_MAGIC = Uint8Array.of(0x46, 0x54, 0x57, 0x49, 0x4e, 0x45, 0x4e, 0x44);

/** magic, u16 version, u16 flags, u32 body length, u32 body CRC. */
export const HEADER_PREFIX_BYTES = 20;
/** u8 block type, u32 payload length, u32 payload CRC. */
export const BLOCK_HEADER_BYTES = 9;
/** u32 index offset low, u32 index offset high, magic. */
export const FOOTER_BYTES = 16;

export const BLOCK_CHUNK = 0x43; // 'C'
export const BLOCK_INDEX = 0x49; // 'I'

export const REC_STATE = 0;
export const REC_LEVEL = 1;
export const REC_MOTION = 2;
export const REC_EVENT = 3;
export const REC_SAMPLE = 4;
export const REC_LINK = 5;

/** Tag byte: bits 0-2 record type, bit 3 "same time as the previous record" (no time delta follows). */
export const TAG_TYPE_MASK = 0x07;
export const TAG_SAME_TIME = 0x08;
/** Bits 4-7 hold a small value inline when it is below 15; 15 means "value - 15 follows as a varint". */
export const TAG_INLINE_ESCAPE = 15;

/** MOTION flags in the tag's upper nibble: the segment starts at the record's time; fromNode equals the
 * previous segment's toNode. */
export const MOTION_STARTS_NOW = 1;
export const MOTION_FROM_PREVIOUS = 2;

/** MOTION mask bit: a float32 startOffsetM follows the profile fields (else it is 0). */
export const MOTION_MASK_START_OFFSET = 1 << 6;

/** LINK tag bits 4-5: reliability 1 (nothing follows), 0 (nothing follows), or a float32 follows. */
export const LINK_RELIABILITY_ONE = 0;
export const LINK_RELIABILITY_ZERO = 1;
export const LINK_RELIABILITY_F32 = 2;

/** The largest bytes one record can take (MOTION with every field present). */
export const MAX_RECORD_BYTES = 96;

/** Largest |integer| a LEVEL value or EVENT argument may have (deltas and zigzag stay safe integers). */
export const MAX_RECORD_INT = 2 ** 50;

/** Times are stored as integer microseconds: rounded to the nearest 1 µs. */
export function msToUs(timeMs: number): number {
  return Math.round(timeMs * 1000);
}

export function usToMs(timeUs: number): number {
  return timeUs / 1000;
}
