import {
  buildTwin,
  type DistributionSpec,
  type FactoryConfig,
  kpiMeta,
  mm1,
  replicate,
  replicationSeed,
  Simulation,
} from '@factory-twin/sim-core';
import { describe, expect, it } from 'vitest';
import { LEAD_TIME_WITHIN_TARGET, runWithLeadTimeTarget } from './lead-time-target';

const MIN = 60_000;

/** One machine fed straight by a source; finished parts go to the sink. */
function singleMachine(
  cycleTime: DistributionSpec,
  interarrival: DistributionSpec,
  warmUpMs: number,
): FactoryConfig {
  return {
    products: [{ id: 'P', routing: [{ operation: 'op', machines: ['M1'], cycleTime }] }],
    machines: [
      { id: 'M1', type: 'cnc', position: { xM: 0, yM: 0 }, sizeM: { w: 2, d: 2 }, outputBufferId: 'SINK' },
    ],
    sinks: [{ id: 'SINK', position: { xM: 20, yM: 0 } }],
    sources: [{ id: 'S', stationId: 'M1.in', interarrival }],
    warmUpMs,
  };
}

function run(factory: FactoryConfig, durationMs: number, targetMs: number, seed: string | number = 1) {
  const twin = buildTwin(new Simulation(), {
    name: 'example',
    factory,
    positions: new Map(),
    seed,
    durationMs,
  });
  return runWithLeadTimeTarget(twin, targetMs);
}

describe('custom KPI: share of parts within a lead-time target', () => {
  it('is registered with its metadata: summaries and reports show it as a share in %', () => {
    run(
      singleMachine({ kind: 'constant', value: MIN }, { kind: 'constant', value: 2 * MIN }, 0),
      10 * MIN,
      MIN,
    );
    const meta = kpiMeta(LEAD_TIME_WITHIN_TARGET);
    expect(meta?.title).toBe('parts within the lead-time target (%)');
    expect(meta?.better).toBe('higher');
    expect(meta?.toDisplay(0.25)).toBe(25);
  });

  it('without queueing every lead time is the cycle time: all parts meet a target of it, none a target 1 ms shorter', () => {
    const factory = singleMachine(
      { kind: 'constant', value: 2 * MIN },
      { kind: 'constant', value: 3 * MIN },
      10 * MIN,
    );
    const at = run(factory, 120 * MIN, 2 * MIN);
    expect(at.kpis['leadTime.meanMs']).toBe(2 * MIN); // the built-in agrees: no wait anywhere
    expect(at.kpis[LEAD_TIME_WITHIN_TARGET]).toBe(1);
    expect(run(factory, 120 * MIN, 2 * MIN - 1).kpis[LEAD_TIME_WITHIN_TARGET]).toBe(0);
  });

  it('M/M/1 matches the sojourn-time distribution P(W <= t) = 1 - exp(-(mu - lambda) t)', () => {
    // FCFS M/M/1: the time in system is exponential with rate mu - lambda (a standard result, e.g.
    // Kleinrock 1975, Queueing Systems I). lambda = 0.8, mu = 1 per min; t = 5 min gives 1 - e^-1 = 0.632.
    const lambda = 0.8;
    const mu = 1;
    const targetMs = 5 * MIN;
    const theory = 1 - Math.exp(-(mu - lambda) * (targetMs / MIN));
    expect(mm1(lambda, mu).W).toBeCloseTo(5, 12); // the same queue: mean sojourn 1 / (mu - lambda)
    const factory = singleMachine(
      { kind: 'exponential', mean: MIN / mu },
      { kind: 'exponential', mean: MIN / lambda },
      500 * MIN,
    );
    const seeds = Array.from({ length: 12 }, (_, i) => replicationSeed('lead-time-target', i));
    const r = replicate((seed) => run(factory, 30_000 * MIN, targetMs, seed).kpis, seeds, 0.99);
    const ci = r[LEAD_TIME_WITHIN_TARGET];
    expect(ci.halfWidth).toBeLessThan(0.03); // informative, so a wrong model cannot pass by vagueness
    expect(theory).toBeGreaterThanOrEqual(ci.lower);
    expect(theory).toBeLessThanOrEqual(ci.upper);
  });
});
