/** Colour ramps shared by the heatmap, the links and their legends (pure: no three.js). */

export const SINR_MIN_DB = -10;
export const SINR_MAX_DB = 30;

// Stops of a perceptually ordered ramp (dark blue → cyan → green → yellow → red).
const STOPS: [number, number, number][] = [
  [48, 18, 59],
  [40, 120, 230],
  [30, 200, 200],
  [80, 220, 90],
  [240, 220, 50],
  [230, 80, 30],
];

/** Writes an RGB triple (0..255) for t in [0, 1] into out at offset. */
export function ramp(t: number, out: Uint8Array | number[], offset: number): void {
  const x = Math.max(0, Math.min(1, Number.isFinite(t) ? t : 0)) * (STOPS.length - 1);
  const i = Math.min(STOPS.length - 2, Math.floor(x));
  const f = x - i;
  const a = STOPS[i];
  const b = STOPS[i + 1];
  out[offset] = Math.round(a[0] + (b[0] - a[0]) * f);
  out[offset + 1] = Math.round(a[1] + (b[1] - a[1]) * f);
  out[offset + 2] = Math.round(a[2] + (b[2] - a[2]) * f);
}

export const sinrToUnit = (db: number) => (db - SINR_MIN_DB) / (SINR_MAX_DB - SINR_MIN_DB);

/** Link quality in [0 good, 1 bad] from latency: log scale from 1 ms (good) to 1 s (bad). */
export const latencyBadness = (ms: number) =>
  Number.isFinite(ms) ? Math.log10(Math.max(1, ms)) / 3 : Number.NaN;

/** Link quality in [0 good, 1 bad] from reliability: 1 − 10⁻⁵ and better is good, 0.9 and worse bad. */
export function reliabilityBadness(r: number): number {
  if (!Number.isFinite(r)) return Number.NaN;
  const nines = -Math.log10(Math.max(1e-9, 1 - r));
  return Math.max(0, Math.min(1, (5 - nines) / 4));
}

/** Green → amber → red for badness in [0, 1], into floats 0..1. */
export function traffic(bad: number, out: Float32Array, offset: number): void {
  if (!Number.isFinite(bad)) {
    out[offset] = out[offset + 1] = out[offset + 2] = 0.55;
    return;
  }
  const t = Math.max(0, Math.min(1, bad));
  out[offset] = t < 0.5 ? 0.2 + 1.6 * t : 1;
  out[offset + 1] = t < 0.5 ? 0.85 : 0.85 - 1.5 * (t - 0.5);
  out[offset + 2] = 0.25;
}
