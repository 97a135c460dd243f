import type { DataGap } from './run-model';
import type { ChunkInfo } from './sim-core';

/**
 * Where a recording has no data: between readable chunks whose sequence numbers jump (damaged chunks
 * skipped), and after the last readable record when the run went on longer (a cut-off file).
 */
export function dataGaps(chunks: readonly ChunkInfo[], plannedEndMs: number | undefined): DataGap[] {
  const gaps: DataGap[] = [];
  for (let i = 1; i < chunks.length; i++) {
    const a = chunks[i - 1];
    const b = chunks[i];
    if (b.sequence !== a.sequence + 1 && b.startMs > a.endMs)
      gaps.push({ fromMs: a.endMs, toMs: b.startMs, cause: 'damaged' });
  }
  const last = chunks.at(-1);
  if (last !== undefined && plannedEndMs !== undefined && plannedEndMs > last.endMs)
    gaps.push({ fromMs: last.endMs, toMs: plannedEndMs, cause: 'cut' });
  return gaps;
}

/** The gap holding tMs (from < t < to), or null. */
export function gapAt(gaps: readonly DataGap[], tMs: number): DataGap | null {
  for (const g of gaps) if (tMs > g.fromMs && tMs < g.toMs) return g;
  return null;
}
