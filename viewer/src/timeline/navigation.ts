/** Pure timeline logic: event stepping, key bindings, histogram bins, time formatting. */

/** Index of the first element > t (upper bound) in a sorted array. */
export function upperBound(sorted: ArrayLike<number>, t: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Index of the first element >= t (lower bound) in a sorted array. */
export function lowerBound(sorted: ArrayLike<number>, t: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The earliest event strictly after t across all lists, or undefined. */
export function nextEventTime(lists: ArrayLike<number>[], t: number): number | undefined {
  let best: number | undefined;
  for (const l of lists) {
    const i = upperBound(l, t);
    if (i < l.length && (best === undefined || l[i] < best)) best = l[i];
  }
  return best;
}

/** The latest event strictly before t across all lists, or undefined. */
export function prevEventTime(lists: ArrayLike<number>[], t: number): number | undefined {
  let best: number | undefined;
  for (const l of lists) {
    const i = lowerBound(l, t) - 1;
    if (i >= 0 && (best === undefined || l[i] > best)) best = l[i];
  }
  return best;
}

/** Event counts in `bins` equal slices of [startMs, endMs]. */
export function histogram(
  sorted: ArrayLike<number>,
  startMs: number,
  endMs: number,
  bins: number,
): Uint32Array {
  const out = new Uint32Array(Math.max(1, bins));
  const span = endMs - startMs;
  if (span <= 0) {
    out[0] = sorted.length;
    return out;
  }
  let prev = lowerBound(sorted, startMs);
  for (let b = 0; b < out.length; b++) {
    const edge = b === out.length - 1 ? Number.POSITIVE_INFINITY : startMs + ((b + 1) * span) / out.length;
    const next = b === out.length - 1 ? upperBound(sorted, endMs) : lowerBound(sorted, edge);
    out[b] = next - prev;
    prev = next;
  }
  return out;
}

export type TimelineAction =
  | { type: 'toggle' }
  | { type: 'step'; ms: number }
  | { type: 'event'; direction: 1 | -1 }
  | { type: 'speed'; direction: 1 | -1 }
  | { type: 'loop' }
  | { type: 'home' }
  | { type: 'end' };

export const STEP_MS = 1_000;
export const SHIFT_STEP_MS = 10_000;
export const ALT_STEP_MS = 60_000;

/** Maps a key press to a timeline action (undefined: not ours). */
export function keyAction(e: {
  key: string;
  shiftKey: boolean;
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
}): TimelineAction | undefined {
  const dir = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
  if (dir !== 0) {
    if (e.ctrlKey || e.metaKey) return { type: 'event', direction: dir };
    const ms = e.altKey ? ALT_STEP_MS : e.shiftKey ? SHIFT_STEP_MS : STEP_MS;
    return { type: 'step', ms: dir * ms };
  }
  switch (e.key) {
    case ' ':
      return { type: 'toggle' };
    case 'ArrowUp':
      return { type: 'speed', direction: 1 };
    case 'ArrowDown':
      return { type: 'speed', direction: -1 };
    case '.':
      return { type: 'event', direction: 1 };
    case ',':
      return { type: 'event', direction: -1 };
    case 'l':
    case 'L':
      return { type: 'loop' };
    case 'Home':
      return { type: 'home' };
    case 'End':
      return { type: 'end' };
    default:
      return undefined;
  }
}

/** "1:02:03.450" (hours only when needed). */
export function formatTime(ms: number): string {
  const neg = ms < 0;
  let t = Math.round(Math.abs(ms));
  const milli = t % 1000;
  t = Math.floor(t / 1000);
  const s = t % 60;
  t = Math.floor(t / 60);
  const m = t % 60;
  const h = Math.floor(t / 60);
  const pad = (v: number, n = 2) => String(v).padStart(n, '0');
  const body = `${h > 0 ? `${h}:${pad(m)}` : pad(m)}:${pad(s)}.${pad(milli, 3)}`;
  return neg ? `-${body}` : body;
}

/** A clock time without milliseconds: "1:59:45", "0:30:00" (hours always shown: times read like a clock). */
export function formatClock(ms: number): string {
  const neg = ms < 0;
  let t = Math.round(Math.abs(ms) / 1000);
  const s = t % 60;
  t = Math.floor(t / 60);
  const m = t % 60;
  const h = Math.floor(t / 60);
  const pad = (v: number) => String(v).padStart(2, '0');
  return `${neg ? '-' : ''}${h}:${pad(m)}:${pad(s)}`;
}

/** Tick steps of a time axis: round clock values (seconds to hours). */
const TICK_STEPS_MS = [
  1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10800, 21600, 43200, 86400,
].map((s) => s * 1000);

/** Round clock ticks (multiples of 1, 2, 5, 10, 15, 30 s or min, 1, 2, 3, 6, 12 h) in [fromMs, toMs], about `count` of them. */
export function clockTicks(fromMs: number, toMs: number, count: number): number[] {
  const span = toMs - fromMs;
  if (!(span > 0) || count < 1) return [];
  const step = TICK_STEPS_MS.find((s) => span / s <= count) ?? TICK_STEPS_MS[TICK_STEPS_MS.length - 1];
  const out: number[] = [];
  for (let t = Math.ceil(fromMs / step) * step; t <= toMs; t += step) out.push(t);
  return out;
}

/** A tick label: "1:30" (h:mm) on minute ticks, "1:30:15" when the ticks are finer. */
export function tickLabel(ms: number, stepMs: number): string {
  const full = formatClock(ms);
  return stepMs >= 60_000 ? full.slice(0, -3) : full;
}
