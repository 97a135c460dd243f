// Pareto dominance with constraints, fast non-dominated sorting and crowding distance: NSGA-II's building
// blocks (Deb, Pratap, Agarwal & Meyarivan, "A fast and elitist multiobjective genetic algorithm: NSGA-II",
// IEEE Trans. Evol. Comput. 6(2), 2002, §III-A, §III-B and §IV for constraint handling).

/** A scored candidate: objectives to minimise, and its total constraint violation (0: feasible). */
export interface Scored {
  readonly objectives: readonly number[];
  readonly violation: number;
}

/**
 * Constrained domination (Deb et al. 2002, §IV): a feasible solution beats an infeasible one; of two
 * infeasible ones the smaller violation wins; of two feasible ones Pareto dominance decides.
 */
export function dominates(a: Scored, b: Scored): boolean {
  if (a.violation !== b.violation && (a.violation > 0 || b.violation > 0)) return a.violation < b.violation;
  let strictly = false;
  for (let i = 0; i < a.objectives.length; i++) {
    if (a.objectives[i] > b.objectives[i]) return false;
    if (a.objectives[i] < b.objectives[i]) strictly = true;
  }
  return strictly;
}

/** Fronts of indices into `items`: front 0 is non-dominated, front 1 is dominated only by front 0, … (§III-A). */
export function nonDominatedSort(items: readonly Scored[]): number[][] {
  const n = items.length;
  const dominatedBy = new Array<number>(n).fill(0);
  const dominatesList: number[][] = Array.from({ length: n }, () => []);
  const fronts: number[][] = [[]];
  for (let p = 0; p < n; p++)
    for (let q = p + 1; q < n; q++) {
      if (dominates(items[p], items[q])) {
        dominatesList[p].push(q);
        dominatedBy[q]++;
      } else if (dominates(items[q], items[p])) {
        dominatesList[q].push(p);
        dominatedBy[p]++;
      }
    }
  for (let p = 0; p < n; p++) if (dominatedBy[p] === 0) fronts[0].push(p);
  for (let f = 0; fronts[f].length > 0; f++) {
    const next: number[] = [];
    for (const p of fronts[f]) for (const q of dominatesList[p]) if (--dominatedBy[q] === 0) next.push(q);
    next.sort((a, b) => a - b);
    fronts.push(next);
  }
  fronts.pop();
  return fronts;
}

/**
 * Crowding distance of each member of one front (§III-B): per objective, the members sorted by it, the two
 * ends infinite, the others the normalised gap between their neighbours, summed over the objectives.
 */
export function crowdingDistance(items: readonly Scored[], front: readonly number[]): Map<number, number> {
  const d = new Map<number, number>(front.map((i) => [i, 0]));
  if (front.length === 0) return d;
  const m = items[front[0]].objectives.length;
  for (let k = 0; k < m; k++) {
    const sorted = [...front].sort((a, b) => items[a].objectives[k] - items[b].objectives[k] || a - b);
    const lo = items[sorted[0]].objectives[k];
    const hi = items[sorted[sorted.length - 1]].objectives[k];
    d.set(sorted[0], Number.POSITIVE_INFINITY);
    d.set(sorted[sorted.length - 1], Number.POSITIVE_INFINITY);
    if (hi === lo) continue;
    for (let j = 1; j < sorted.length - 1; j++) {
      const gap = (items[sorted[j + 1]].objectives[k] - items[sorted[j - 1]].objectives[k]) / (hi - lo);
      d.set(sorted[j], (d.get(sorted[j]) ?? 0) + gap);
    }
  }
  return d;
}

/**
 * At most `max` members of a front, keeping its spread: repeatedly drops the most crowded member (the
 * smallest crowding distance, recomputed after each drop; ties to the later index).
 */
export function thinFront(items: readonly Scored[], front: readonly number[], max: number): number[] {
  const kept = [...front];
  while (kept.length > max) {
    const d = crowdingDistance(items, kept);
    let worst = 0;
    for (let j = 1; j < kept.length; j++) if ((d.get(kept[j]) ?? 0) <= (d.get(kept[worst]) ?? 0)) worst = j;
    kept.splice(worst, 1);
  }
  return kept;
}
