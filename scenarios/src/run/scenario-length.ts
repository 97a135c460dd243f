import type { Scenario } from '../scenario/schema';

/** The scenario with another run length, hours (the warm-up capped at a quarter of it); as is when undefined. */
export function withLength(scenario: Scenario, lengthH: number | undefined): Scenario {
  if (lengthH === undefined) return scenario;
  return {
    ...scenario,
    run: { ...scenario.run, lengthH, warmupH: Math.min(scenario.run.warmupH, lengthH / 4) },
  };
}
