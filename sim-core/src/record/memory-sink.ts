/** A RecordingWriter sink that keeps the pieces in memory; `bytes()` joins them into one file image. */
export function memorySink(): { sink: (bytes: Uint8Array) => void; bytes: () => Uint8Array } {
  const parts: Uint8Array[] = [];
  let length = 0;
  return {
    sink: (bytes) => {
      parts.push(bytes);
      length += bytes.length;
    },
    bytes: () => {
      const out = new Uint8Array(length);
      let at = 0;
      for (const part of parts) {
        out.set(part, at);
        at += part.length;
      }
      return out;
    },
  };
}
