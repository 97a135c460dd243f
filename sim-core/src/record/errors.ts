/** The bytes are not a readable recording (bad magic, unsupported version, damaged or truncated header). */
export class RecordingFormatError extends Error {
  override readonly name = 'RecordingFormatError';
}
