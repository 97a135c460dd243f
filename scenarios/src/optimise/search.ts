// The screening stage of `optimise`: NSGA-II over the decision space, scored by the screening model; the
// Pareto front of every candidate seen, thinned to the spec's cap.
import { RandomStreams, type TrafficClass } from '@factory-twin/sim-core';
import { ScenarioError } from '../scenario/errors';
import type { Scenario } from '../scenario/schema';
import { type Candidate, DecisionSpace, type Genome } from './decision-space';
import { nonDominatedSort, type Scored, thinFront } from './dominance';
import { nsga2 } from './nsga2';
import { score } from './objectives';
import { Screening, type ScreeningResult } from './screening';
import type { OptimiseSpec } from './spec';

export interface FrontMember {
  /** `opt-01`, … by cost, then coverage. */
  id: string;
  candidate: Candidate;
  screening: ScreeningResult;
  score: Scored;
  feasible: boolean;
}

export interface SearchOutcome {
  space: DecisionSpace;
  screening: Screening;
  members: FrontMember[];
  /** Distinct candidates screened. */
  evaluations: number;
  /** Every candidate screened (genome key and score), in the order first seen. */
  archive: { key: string; score: Scored }[];
  /** Members of the whole front before thinning to `front.max`. */
  frontSize: number;
  feasibleSeen: number;
}

export function searchLayouts(
  spec: OptimiseSpec,
  base: Scenario,
  onGeneration?: (generation: number, total: number, evaluations: number) => void,
): SearchOutcome {
  const space = new DecisionSpace(spec, base);
  const screening = new Screening(spec, base, space);
  for (const cls of Object.keys(spec.onTime))
    if (!screening.classes.includes(cls as TrafficClass))
      throw new ScenarioError([
        spec.issueAt(
          ['onTime', cls],
          `the plant has no ${cls} traffic (its classes: ${screening.classes.join(', ') || 'none'})`,
        ),
      ]);
  const hasPaths = screening.geometry.path.length > 0;
  const results = new Map<string, ScreeningResult>();
  const rng = new RandomStreams(spec.seed).stream('optimise', 'nsga2');
  const { archive } = nsga2<Genome>(
    {
      random: (r) => space.random(r),
      crossover: (a, b, r) => space.crossover(a, b, r),
      mutate: (g, r) => space.mutate(g, r),
      key: (g) => space.key(g),
      evaluate: (g) => {
        const result = screening.evaluate(space.decode(g));
        results.set(space.key(g), result);
        return score(result, spec, hasPaths);
      },
    },
    {
      populationSize: spec.search.populationSize,
      generations: spec.search.generations,
      rng,
      onGeneration: (gen, n) => onGeneration?.(gen, spec.search.generations, n),
    },
  );
  const scores = archive.map((e) => e.score);
  // Layouts that score alike are one point of the front: the first seen stands for them.
  const same = new Set<string>();
  const front = (nonDominatedSort(scores)[0] ?? []).filter((i) => {
    const k = `${scores[i].violation}|${scores[i].objectives.join('|')}`;
    if (same.has(k)) return false;
    same.add(k);
    return true;
  });
  const kept = thinFront(scores, front, spec.front.max);
  const members = kept
    .map((i) => archive[i])
    .map((e) => ({
      candidate: space.decode(e.genome),
      screening: results.get(e.key)!,
      score: e.score,
      feasible: e.score.violation === 0,
    }))
    .sort(
      (a, b) =>
        a.score.objectives[0] - b.score.objectives[0] ||
        a.score.objectives[1] - b.score.objectives[1] ||
        a.candidate.key.localeCompare(b.candidate.key),
    )
    .map((m, i) => ({ id: `opt-${String(i + 1).padStart(2, '0')}`, ...m }));
  return {
    space,
    screening,
    members,
    evaluations: archive.length,
    archive: archive.map((e) => ({ key: e.key, score: e.score })),
    frontSize: front.length,
    feasibleSeen: scores.filter((s) => s.violation === 0).length,
  };
}
