// Screening results → what the search minimises: cost (TCO), coverage, the worst class's on-time proxy and
// the highest cell load (the capacity proxy: on-time saturates where deadlines are loose, headroom does not),
// with the spec's targets as constraints (their summed shortfall is the violation).
import type { TrafficClass } from '@factory-twin/sim-core';
import type { Scored } from './dominance';
import type { ScreeningResult } from './screening';
import type { OptimiseSpec } from './spec';

export const OBJECTIVES = [
  { key: 'tcoEur', title: 'cost (TCO)', better: 'lower' },
  { key: 'coverage', title: 'coverage', better: 'higher' },
  { key: 'onTime', title: 'worst class on time (proxy)', better: 'higher' },
  { key: 'maxLoad', title: 'highest cell load (capacity headroom)', better: 'lower' },
] as const;

/** Coverage objective: the mean of the floor's and the AGV paths' covered shares (the floor's alone without paths). */
export function coverageOf(r: ScreeningResult, hasPaths: boolean): number {
  return hasPaths ? (r.floorShare + r.pathShare) / 2 : r.floorShare;
}

/** The worst on-time proxy over the plant's traffic classes (1 without traffic). */
export function worstOnTime(r: ScreeningResult): number {
  const values = Object.values(r.onTime);
  return values.length === 0 ? 1 : Math.min(...values);
}

/** Objectives to minimise (cost, −coverage, −on-time, load) and the shortfall against the spec's targets. */
export function score(r: ScreeningResult, spec: OptimiseSpec, hasPaths: boolean): Scored {
  let violation = Math.max(0, spec.coverage.floorShare - r.floorShare);
  if (hasPaths) violation += Math.max(0, spec.coverage.pathShare - r.pathShare);
  for (const [cls, target] of Object.entries(spec.onTime))
    violation += Math.max(0, (target ?? 0) - (r.onTime[cls as TrafficClass] ?? 0));
  return { objectives: [r.tcoEur, -coverageOf(r, hasPaths), -worstOnTime(r), r.maxLoad], violation };
}
