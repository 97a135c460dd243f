import type { Recording, ReplayState } from './sim-core';

/** Start decoding the next chunk once playback is this far into the current one. */
const AHEAD_FRACTION = 0.6;

const idle: (fn: () => void) => void =
  typeof requestIdleCallback === 'function'
    ? (fn) => requestIdleCallback(fn, { timeout: 200 })
    : (fn) => setTimeout(fn, 0);

/**
 * Decodes the chunk after the one being played between frames, so that crossing into it during
 * playback does not cost a whole chunk decode inside one frame (the reader caches decoded chunks).
 */
export function chunkPrefetcher(rec: Recording, scratch: () => ReplayState) {
  const starts = Float64Array.from(rec.chunks, (c) => c.startMs);
  let requested = -1;
  return (tMs: number) => {
    let lo = 0;
    let hi = starts.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (starts[mid] <= tMs) lo = mid + 1;
      else hi = mid;
    }
    const next = lo; // index of the first chunk starting after tMs
    if (next <= 0 || next >= starts.length || next === requested) return;
    const current = rec.chunks[next - 1];
    const span = Math.max(1, starts[next] - current.startMs);
    if ((tMs - current.startMs) / span < AHEAD_FRACTION) return;
    requested = next;
    idle(() => rec.stateAt(starts[next], scratch()));
  };
}
