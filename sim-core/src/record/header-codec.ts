import { ByteBuffer } from './byte-buffer';
import { ByteReader, DecodeError } from './byte-reader';
import { canonicalJson } from './canonical-json';
import { crc32 } from './crc32';
import { RecordingFormatError } from './errors';
import { FILE_MAGIC, FORMAT_VERSION, HEADER_PREFIX_BYTES, msToUs, usToMs } from './format';
import type { EntityInfo, RecordingHeader, RecordingHeaderInit, RecordingMetadata } from './types';

/** Validates and completes a writer's header (createdBy, empty tables, start time quantized to 1 µs). */
export function normalizeHeader(init: RecordingHeaderInit): RecordingHeader {
  const m = init.metadata;
  if (typeof m?.softwareVersion !== 'string')
    throw new TypeError('header.metadata.softwareVersion must be a string');
  if (typeof m.scenarioName !== 'string')
    throw new TypeError('header.metadata.scenarioName must be a string');
  if (!(typeof m.seed === 'string' || Number.isFinite(m.seed))) {
    throw new TypeError('header.metadata.seed must be a finite number or a string');
  }
  const startTimeMs = init.startTimeMs ?? 0;
  if (!(startTimeMs >= 0) || !Number.isFinite(startTimeMs)) {
    throw new RangeError(`header.startTimeMs must be a finite number >= 0, got ${startTimeMs}`);
  }
  const paths = new Set<string>();
  for (const [i, e] of init.entities.entries()) {
    if (typeof e.path !== 'string' || e.path === '' || typeof e.kind !== 'string') {
      throw new TypeError(`header.entities[${i}] needs a non-empty string path and a string kind`);
    }
    if (paths.has(e.path)) throw new TypeError(`header.entities[${i}]: duplicate path ${e.path}`);
    paths.add(e.path);
  }
  const strings = (list: readonly string[] | undefined, what: string): string[] => {
    for (const s of list ?? [])
      if (typeof s !== 'string') throw new TypeError(`header.${what} must be strings`);
    return [...(list ?? [])];
  };
  const stateNames: Record<string, string[]> = {};
  for (const kind of Object.keys(init.stateNames ?? {}).sort()) {
    stateNames[kind] = strings(init.stateNames?.[kind], `stateNames.${kind}`);
  }
  return {
    metadata: { ...m, createdBy: 'factory-twin' },
    layout: init.layout,
    startTimeMs: usToMs(msToUs(startTimeMs)),
    entities: init.entities.map((e) => ({ path: e.path, kind: e.kind })),
    series: strings(init.series, 'series'),
    eventKinds: strings(init.eventKinds, 'eventKinds'),
    stateNames,
  };
}

/** The header block: fixed prefix (magic, version, flags, body length, body CRC), then the body. */
export function encodeHeader(header: RecordingHeader): Uint8Array {
  const body = new ByteBuffer(4096);
  body.putString(canonicalJson(header.metadata, '$.metadata'));
  body.putString(canonicalJson(header.layout ?? null, '$.layout'));
  body.ensure(8);
  body.putVarint(msToUs(header.startTimeMs));
  const putStrings = (list: readonly string[]) => {
    body.ensure(8);
    body.putVarint(list.length);
    for (const s of list) body.putString(s);
  };
  body.ensure(8);
  body.putVarint(header.entities.length);
  for (const e of header.entities) {
    body.putString(e.path);
    body.putString(e.kind);
  }
  putStrings(header.series);
  putStrings(header.eventKinds);
  const kinds = Object.keys(header.stateNames).sort();
  putStrings(kinds);
  for (const kind of kinds) putStrings(header.stateNames[kind]!);

  const out = new ByteBuffer(HEADER_PREFIX_BYTES + body.length);
  out.putBytes(FILE_MAGIC);
  out.ensure(12);
  out.putU8(FORMAT_VERSION & 0xff);
  out.putU8(FORMAT_VERSION >> 8);
  out.putU8(0);
  out.putU8(0);
  out.putU32(body.length);
  out.putU32(crc32(body.bytes, 0, body.length));
  out.putBytes(body.toBytes());
  return out.toBytes();
}

export interface DecodedHeader {
  header: RecordingHeader;
  formatVersion: number;
  /** Offset of the first byte after the header (where the first block starts). */
  end: number;
}

/** Reads the header; throws RecordingFormatError (with the reason) when it is unreadable. */
export function decodeHeader(bytes: Uint8Array): DecodedHeader {
  const fail = (why: string): never => {
    throw new RecordingFormatError(`not a readable factory-twin recording: ${why}`);
  };
  if (bytes.length < FILE_MAGIC.length || FILE_MAGIC.some((b, i) => bytes[i] !== b)) {
    fail(
      bytes.length < FILE_MAGIC.length ? `only ${bytes.length} bytes` : 'wrong magic (expected "FTWINREC")',
    );
  }
  if (bytes.length < HEADER_PREFIX_BYTES)
    fail(`header truncated (${bytes.length} of ${HEADER_PREFIX_BYTES} bytes)`);
  const prefix = new ByteReader(bytes, FILE_MAGIC.length);
  const formatVersion = prefix.u8() | (prefix.u8() << 8);
  if (formatVersion === 0 || formatVersion > FORMAT_VERSION) {
    fail(`format version ${formatVersion} is not supported (this reader knows version ${FORMAT_VERSION})`);
  }
  const flags = prefix.u8() | (prefix.u8() << 8);
  if (flags !== 0)
    fail(`unknown header flags 0x${flags.toString(16)} (damaged, or written by a newer writer)`);
  const bodyLength = prefix.u32();
  const bodyCrc = prefix.u32();
  const end = HEADER_PREFIX_BYTES + bodyLength;
  if (end > bytes.length) fail(`header truncated (${bytes.length} of ${end} bytes)`);
  if (crc32(bytes, HEADER_PREFIX_BYTES, end) !== bodyCrc) fail('header checksum mismatch (damaged header)');
  try {
    return { header: readBody(new ByteReader(bytes, HEADER_PREFIX_BYTES, end)), formatVersion, end };
  } catch (e) {
    if (e instanceof DecodeError || e instanceof SyntaxError)
      return fail(`header body malformed: ${e.message}`);
    throw e;
  }
}

function readBody(r: ByteReader): RecordingHeader {
  const metadata = JSON.parse(r.string()) as RecordingMetadata;
  const layout: unknown = JSON.parse(r.string());
  const startTimeMs = usToMs(r.varint());
  const entities: EntityInfo[] = [];
  for (let i = r.varint(); i > 0; i--) entities.push({ path: r.string(), kind: r.string() });
  const readStrings = (): string[] => {
    const list: string[] = [];
    for (let i = r.varint(); i > 0; i--) list.push(r.string());
    return list;
  };
  const series = readStrings();
  const eventKinds = readStrings();
  const stateNames: Record<string, string[]> = {};
  for (const kind of readStrings()) stateNames[kind] = readStrings();
  return { metadata, layout, startTimeMs, entities, series, eventKinds, stateNames };
}
