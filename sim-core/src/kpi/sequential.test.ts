import { describe, expect, it } from 'vitest';
import { replicationSeed } from '../engine/random';
import { exponential, MIN, runFactory, singleMachine } from '../factory/factory.test-helpers';
import { mm1 } from './queueing';
import { precisionStatus, replicateToPrecision } from './sequential';
import { confidenceInterval } from './stats';

describe('sequential procedure (Law & Kelton §9.4.1)', () => {
  it('replicates an M/M/1 model until the 95 % half-width of mean WIP is within 10 % of the mean', () => {
    const lambda = 0.8;
    const config = {
      ...singleMachine(exponential(MIN), { interarrival: exponential(MIN / lambda) }),
      warmUpMs: 200 * MIN,
    };
    const gamma = 0.1;
    const { values, status } = replicateToPrecision(
      (i) =>
        runFactory(config, { seed: replicationSeed('seq-mm1', i), untilMs: 2_000 * MIN }).factory.kpis().wip
          .mean,
      { relativeHalfWidth: gamma, maxReplications: 60 },
    );
    const ci = confidenceInterval(values);
    expect(status.reached).toBe(true);
    expect(values.length).toBeLessThan(60);
    expect(values.length).toBeGreaterThan(3); // M/M/1 WIP at ρ = 0.8 is too noisy for 3 short runs
    // Stopped with the half-width within the adjusted target γ/(1+γ), and not a replication later than needed.
    expect(ci.halfWidth / ci.mean).toBeLessThanOrEqual(gamma / (1 + gamma));
    const before = confidenceInterval(values.slice(0, -1));
    expect(before.halfWidth / before.mean).toBeGreaterThan(gamma / (1 + gamma));
    // And the estimate agrees with the theory (L = ρ/(1−ρ) = 4) within the interval, widened a little.
    expect(Math.abs(ci.mean - mm1(lambda, 1).L)).toBeLessThan(2 * ci.halfWidth);
  });

  it('stops at the cap when the target is out of reach, and suggests n·(rel/γ′)² replications', () => {
    const { values, status } = replicateToPrecision((i) => (i % 2 === 0 ? 1 : 100), {
      relativeHalfWidth: 0.001,
      maxReplications: 7,
    });
    expect(values).toHaveLength(7);
    expect(status.reached).toBe(false);
    const s = precisionStatus([9, 11, 10, 10], { relativeHalfWidth: 0.01, maxReplications: 10_000 });
    const ci = confidenceInterval([9, 11, 10, 10]);
    expect(s.suggested).toBe(Math.ceil(4 * (ci.halfWidth / 10 / (0.01 / 1.01)) ** 2));
  });
});
