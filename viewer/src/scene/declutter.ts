/**
 * Screen-space label declutter (pure, allocation-free per call): candidates carry a score and a box
 * (centre-bottom anchor in px, width, height); the highest scores are placed first and a label whose
 * box overlaps one already placed is dropped. At most `max` labels are placed, and at most
 * `TRIES_PER_LABEL × max` candidates are tried (a dense crowd costs no more than a sparse one).
 */
export const TRIES_PER_LABEL = 8;
export interface LabelCandidates {
  /** Number of valid entries in the arrays below. */
  n: number;
  /** Anchor: the label's bottom centre, in CSS px from the view's top left. */
  x: Float32Array;
  y: Float32Array;
  w: Float32Array;
  h: Float32Array;
  score: Float32Array;
  /** Which source entry (label) each candidate stands for. */
  source: Int32Array;
}

export function labelCandidates(capacity: number): LabelCandidates {
  return {
    n: 0,
    x: new Float32Array(capacity),
    y: new Float32Array(capacity),
    w: new Float32Array(capacity),
    h: new Float32Array(capacity),
    score: new Float32Array(capacity),
    source: new Int32Array(capacity),
  };
}

let sortScore: Float32Array = new Float32Array(0);
const byScoreDesc = (a: number, b: number) => sortScore[b] - sortScore[a] || a - b;

/**
 * Writes the indices of the placed candidates into `placed` (highest score first) and returns how
 * many. `order` is scratch space of at least `c.n` entries. Boxes may touch but not overlap;
 * `gapPx` pads every box.
 */
export function declutter(
  c: LabelCandidates,
  max: number,
  order: Int32Array,
  placed: Int32Array,
  gapPx = 2,
): number {
  for (let i = 0; i < c.n; i++) order[i] = i;
  sortScore = c.score;
  const view = order.subarray(0, c.n);
  view.sort(byScoreDesc);
  let k = 0;
  const limit = Math.min(max, placed.length);
  const tries = Math.min(c.n, TRIES_PER_LABEL * limit);
  for (let o = 0; o < tries && k < limit; o++) {
    const i = view[o];
    const l = c.x[i] - c.w[i] / 2 - gapPx;
    const r = c.x[i] + c.w[i] / 2 + gapPx;
    const t = c.y[i] - c.h[i] - gapPx;
    const b = c.y[i] + gapPx;
    let free = true;
    for (let p = 0; p < k; p++) {
      const j = placed[p];
      if (
        l < c.x[j] + c.w[j] / 2 + gapPx &&
        r > c.x[j] - c.w[j] / 2 - gapPx &&
        t < c.y[j] + gapPx &&
        b > c.y[j] - c.h[j] - gapPx
      ) {
        free = false;
        break;
      }
    }
    if (free) placed[k++] = i;
  }
  return k;
}
