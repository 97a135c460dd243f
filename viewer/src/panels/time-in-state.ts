import type { StateSpan } from '../data/run-model';

/** Milliseconds spent in each state from the first span up to `tMs` (spans ascending, non-overlapping). */
export function timeInState(spans: StateSpan[], tMs: number): Map<string, number> {
  const out = new Map<string, number>();
  for (const s of spans) {
    if (s.fromMs >= tMs) break;
    const d = Math.min(s.toMs, tMs) - s.fromMs;
    if (d > 0) out.set(s.state, (out.get(s.state) ?? 0) + d);
  }
  return out;
}

/** The span holding `tMs`, or undefined. */
export function stateAt(spans: StateSpan[], tMs: number): StateSpan | undefined {
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (spans[mid].fromMs <= tMs) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 ? spans[lo - 1] : undefined;
}
