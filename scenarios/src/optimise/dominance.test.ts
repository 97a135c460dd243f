import { RandomStreams } from '@factory-twin/sim-core';
import { describe, expect, it } from 'vitest';
import { crowdingDistance, dominates, nonDominatedSort, type Scored, thinFront } from './dominance';
import { nsga2 } from './nsga2';
import { meanWaitMs } from './screening';

const s = (objectives: number[], violation = 0): Scored => ({ objectives, violation });

describe('constrained domination (Deb et al. 2002, §IV)', () => {
  it('ranks feasible over infeasible, smaller violation over larger, then Pareto dominance', () => {
    expect(dominates(s([9, 9]), s([0, 0], 0.1))).toBe(true);
    expect(dominates(s([9, 9], 0.1), s([0, 0], 0.2))).toBe(true);
    expect(dominates(s([1, 2]), s([1, 3]))).toBe(true);
    expect(dominates(s([1, 3]), s([2, 2]))).toBe(false);
    expect(dominates(s([1, 2]), s([1, 2]))).toBe(false);
  });
});

describe('non-dominated sort', () => {
  it('puts in front k exactly the points dominated only by earlier fronts (property, 200 random sets)', () => {
    const rng = new RandomStreams(7).stream('test', 'points');
    for (let trial = 0; trial < 200; trial++) {
      const n = 2 + Math.floor(rng.next() * 30);
      const items = Array.from({ length: n }, () =>
        s(
          [Math.floor(rng.next() * 6), Math.floor(rng.next() * 6), Math.floor(rng.next() * 6)],
          rng.next() < 0.2 ? Math.floor(rng.next() * 3) : 0,
        ),
      );
      const fronts = nonDominatedSort(items);
      expect(fronts.flat().sort((a, b) => a - b)).toEqual(items.map((_, i) => i));
      const rankOf = new Map(fronts.flatMap((f, r) => f.map((i) => [i, r] as const)));
      for (let a = 0; a < n; a++)
        for (let b = 0; b < n; b++) {
          // Nobody is dominated by a point of its own or a later front …
          if (dominates(items[a], items[b])) expect(rankOf.get(a)!).toBeLessThan(rankOf.get(b)!);
        }
      // … and everyone past front 0 is dominated by someone of the front just before.
      for (let r = 1; r < fronts.length; r++)
        for (const b of fronts[r])
          expect(fronts[r - 1].some((a) => dominates(items[a], items[b]))).toBe(true);
    }
  });
});

describe('crowding distance (§III-B)', () => {
  it('is infinite at the ends and the sum of normalised neighbour gaps inside', () => {
    // Points on the line x + y = 4: (0,4) (1,3) (3,1) (4,0); ranges 4 in both objectives.
    const items = [s([0, 4]), s([1, 3]), s([3, 1]), s([4, 0])];
    const d = crowdingDistance(items, [0, 1, 2, 3]);
    expect(d.get(0)).toBe(Number.POSITIVE_INFINITY);
    expect(d.get(3)).toBe(Number.POSITIVE_INFINITY);
    expect(d.get(1)).toBeCloseTo((3 - 0) / 4 + (4 - 1) / 4, 12);
    expect(d.get(2)).toBeCloseTo((4 - 1) / 4 + (3 - 0) / 4, 12);
  });

  it('thinning keeps the ends of a front', () => {
    const items = Array.from({ length: 11 }, (_, i) => s([i, 10 - i]));
    const kept = thinFront(items, [...items.keys()], 4);
    expect(kept).toHaveLength(4);
    expect(kept).toContain(0);
    expect(kept).toContain(10);
  });
});

describe('NSGA-II', () => {
  // Bi-objective on bit strings of length 12: minimise ones, minimise zeros weighted by position. Every
  // string with k ones placed at the highest positions is Pareto optimal (one per k): a known front of 13.
  const L = 12;
  const weight = (g: number[]) => g.reduce((sum, v, i) => sum + (v === 0 ? i + 1 : 0), 0);
  const problem = {
    random: (r: { next(): number }) => Array.from({ length: L }, () => (r.next() < 0.5 ? 1 : 0)),
    crossover: (a: number[], b: number[], r: { next(): number }): [number[], number[]] => {
      const cut = Math.floor(r.next() * L);
      return [
        [...a.slice(0, cut), ...b.slice(cut)],
        [...b.slice(0, cut), ...a.slice(cut)],
      ];
    },
    mutate: (g: number[], r: { next(): number }) => g.map((v) => (r.next() < 1 / L ? 1 - v : v)),
    key: (g: number[]) => g.join(''),
    evaluate: (g: number[]) => s([g.reduce((a, b) => a + b, 0), weight(g)]),
  };

  it('finds the known Pareto front, and the same archive for the same seed', () => {
    const run = (seed: number) =>
      nsga2(problem, {
        populationSize: 20,
        generations: 60,
        rng: new RandomStreams(seed).stream('t', 'nsga2'),
      });
    const a = run(3);
    const optimal = new Set(Array.from({ length: L + 1 }, (_, k) => '0'.repeat(L - k) + '1'.repeat(k)));
    const front = nonDominatedSort(a.archive.map((e) => e.score))[0].map((i) => a.archive[i].key);
    expect(front.filter((k) => optimal.has(k)).length).toBeGreaterThanOrEqual(11);
    expect(front.every((k) => optimal.has(k))).toBe(true);
    expect(run(3).archive.map((e) => e.key)).toEqual(a.archive.map((e) => e.key));
  });
});

describe('TDD alignment wait', () => {
  it('is the mean of (slots to the next usable one + ½) over a uniform arrival', () => {
    // DDDSU, UL usable in S and U: waits 2.5, 1.5, 0.5, 0.5, 3.5 slots → 8.5 / 5 slots of 0.5 ms.
    expect(meanWaitMs([false, false, false, true, true], 0.5)).toBeCloseTo((8.5 / 5) * 0.5, 12);
    expect(meanWaitMs([true], 1)).toBeCloseTo(0.5, 12);
  });
});
