// NSGA-II (Deb et al., IEEE Trans. Evol. Comput. 6(2), 2002), compactly: binary tournaments on (rank,
// crowding), variation, then elitist survival of the best fronts of parents ∪ offspring (§III-C). Generic
// over the genome; deterministic for a seeded RandomStream (no Math.random, no clock).
import type { RandomStream } from '@factory-twin/sim-core';
import { crowdingDistance, nonDominatedSort, type Scored } from './dominance';

export interface SearchProblem<G> {
  random(rng: RandomStream): G;
  crossover(a: G, b: G, rng: RandomStream): [G, G];
  mutate(g: G, rng: RandomStream): G;
  /** Equal genomes have equal keys: each key is evaluated once. */
  key(g: G): string;
  evaluate(g: G): Scored;
}

export interface SearchOptions {
  populationSize: number;
  generations: number;
  rng: RandomStream;
  /** Probability that two parents are recombined (else copied before mutation); Deb et al. use 0.9. */
  crossoverProbability?: number;
  onGeneration?: (generation: number, evaluations: number) => void;
}

export interface Evaluated<G> {
  genome: G;
  key: string;
  score: Scored;
}

export interface SearchResult<G> {
  /** Every distinct candidate evaluated, in the order first seen. */
  archive: Evaluated<G>[];
  /** The final population. */
  population: Evaluated<G>[];
}

export function nsga2<G>(problem: SearchProblem<G>, o: SearchOptions): SearchResult<G> {
  const { rng, populationSize: N } = o;
  const pc = o.crossoverProbability ?? 0.9;
  const seen = new Map<string, Evaluated<G>>();
  const evaluate = (genome: G): Evaluated<G> => {
    const key = problem.key(genome);
    let e = seen.get(key);
    if (e === undefined) {
      e = { genome, key, score: problem.evaluate(genome) };
      seen.set(key, e);
    }
    return e;
  };
  // A first population of distinct candidates where the space allows (a bounded number of tries).
  let population: Evaluated<G>[] = [];
  const keys = new Set<string>();
  for (let tries = 0; population.length < N && tries < N * 20; tries++) {
    const e = evaluate(problem.random(rng));
    if (keys.has(e.key) && tries < N * 10) continue;
    keys.add(e.key);
    population.push(e);
  }
  let rank = ranks(population);
  o.onGeneration?.(0, seen.size);
  for (let gen = 1; gen <= o.generations; gen++) {
    const pick = (): Evaluated<G> => {
      const a = Math.floor(rng.next() * population.length);
      const b = Math.floor(rng.next() * population.length);
      return better(a, b, rank) ? population[a] : population[b];
    };
    const offspring: Evaluated<G>[] = [];
    while (offspring.length < N) {
      const p1 = pick();
      const p2 = pick();
      const [c1, c2] =
        rng.next() < pc ? problem.crossover(p1.genome, p2.genome, rng) : [p1.genome, p2.genome];
      offspring.push(evaluate(problem.mutate(c1, rng)));
      if (offspring.length < N) offspring.push(evaluate(problem.mutate(c2, rng)));
    }
    population = survivors(dedupe([...population, ...offspring]), N);
    rank = ranks(population);
    o.onGeneration?.(gen, seen.size);
  }
  return { archive: [...seen.values()], population };
}

/** One copy of each candidate (the first), so duplicates do not crowd out diversity. */
function dedupe<G>(items: Evaluated<G>[]): Evaluated<G>[] {
  const keys = new Set<string>();
  return items.filter((e) => {
    if (keys.has(e.key)) return false;
    keys.add(e.key);
    return true;
  });
}

/** Rank and crowding of each member (index) of a population. */
function ranks<G>(population: Evaluated<G>[]): { rank: number[]; crowding: number[] } {
  const scores = population.map((e) => e.score);
  const rank = new Array<number>(population.length).fill(0);
  const crowding = new Array<number>(population.length).fill(0);
  nonDominatedSort(scores).forEach((front, r) => {
    const d = crowdingDistance(scores, front);
    for (const i of front) {
      rank[i] = r;
      crowding[i] = d.get(i) ?? 0;
    }
  });
  return { rank, crowding };
}

/** The crowded-comparison operator ≺n (§III-B): lower rank, then larger crowding distance. */
function better(a: number, b: number, r: { rank: number[]; crowding: number[] }): boolean {
  if (r.rank[a] !== r.rank[b]) return r.rank[a] < r.rank[b];
  return r.crowding[a] >= r.crowding[b];
}

/** The next population: whole fronts while they fit, then the least crowded of the next front. */
function survivors<G>(all: Evaluated<G>[], N: number): Evaluated<G>[] {
  const scores = all.map((e) => e.score);
  const next: Evaluated<G>[] = [];
  for (const front of nonDominatedSort(scores)) {
    if (next.length + front.length <= N) {
      for (const i of front) next.push(all[i]);
      continue;
    }
    const d = crowdingDistance(scores, front);
    const byCrowding = [...front].sort((a, b) => (d.get(b) ?? 0) - (d.get(a) ?? 0) || a - b);
    for (const i of byCrowding.slice(0, N - next.length)) next.push(all[i]);
    break;
  }
  return next;
}
