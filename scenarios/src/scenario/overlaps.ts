/** An axis-aligned rectangle (metres): x0 < x1, y0 < y1. */
export interface Rect {
  x0: number;
  x1: number;
  y0: number;
  y1: number;
}

/** A rectangle spanning more grid cells than this along an axis is checked against every rectangle. */
const MAX_CELLS_PER_AXIS = 16;

/**
 * For each rectangle that overlaps an earlier one (a lower position in `rects`), the pair [its position,
 * the position of the first earlier rectangle it overlaps]; undefined entries are skipped. Touching edges
 * do not overlap.
 *
 * A uniform grid (cells the median width by the median depth) holds the rectangles seen so far, each
 * cell's list in position order, and a rectangle stops at its first overlap: machines stacked on one spot
 * cost one comparison each, an ordinary layout a few. Only rectangles much larger than the median (more
 * than MAX_CELLS_PER_AXIS cells) are compared with all earlier ones.
 */
export function firstOverlaps(rects: readonly (Rect | undefined)[]): [number, number][] {
  const defined = rects.flatMap((r, i) => (r === undefined ? [] : [i]));
  if (defined.length < 2) return [];
  const cw = median(defined.map((i) => rects[i]!.x1 - rects[i]!.x0));
  const ch = median(defined.map((i) => rects[i]!.y1 - rects[i]!.y0));
  const cells = new Map<string, number[]>();
  const big: number[] = [];
  const out: [number, number][] = [];
  const overlaps = (a: Rect, b: Rect) => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;

  for (let k = 0; k < defined.length; k++) {
    const j = defined[k];
    const r = rects[j]!;
    const cx0 = Math.floor(r.x0 / cw);
    const cx1 = Math.floor(r.x1 / cw);
    const cy0 = Math.floor(r.y0 / ch);
    const cy1 = Math.floor(r.y1 / ch);
    // Far out (beyond 2^53 cells) `cx + 1 === cx`: such a rectangle is treated as a big one.
    const isBig = !(
      [cx0, cx1, cy0, cy1].every(Number.isSafeInteger) &&
      cx1 - cx0 < MAX_CELLS_PER_AXIS &&
      cy1 - cy0 < MAX_CELLS_PER_AXIS
    );
    let first = Number.POSITIVE_INFINITY;
    /** Lowers `first` to the first entry of `list` (ascending positions) that overlaps r. */
    const scan = (list: readonly number[]) => {
      for (const i of list) {
        if (i >= first) return;
        if (overlaps(rects[i]!, r)) {
          first = i;
          return;
        }
      }
    };
    if (isBig) {
      scan(defined.slice(0, k));
      big.push(j);
    } else {
      for (let cx = cx0; cx <= cx1; cx++) {
        for (let cy = cy0; cy <= cy1; cy++) {
          const key = `${cx},${cy}`;
          const list = cells.get(key);
          if (list === undefined) cells.set(key, [j]);
          else {
            scan(list);
            list.push(j);
          }
        }
      }
      scan(big);
    }
    if (first !== Number.POSITIVE_INFINITY) out.push([j, first]);
  }
  return out;
}

function median(values: number[]): number {
  values.sort((a, b) => a - b);
  const m = values[values.length >> 1];
  return m > 0 && Number.isFinite(m) ? m : 1;
}
