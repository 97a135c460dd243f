import { describe, expect, it } from 'vitest';
import { constant, MIN, runFactory, singleMachine } from '../factory.test-helpers';
import { validateFactoryConfig } from '../validate';
import { failureModels, registerFailureModel } from './registry';

describe('failure model registry', () => {
  it('lists the built-ins', () => {
    expect(failureModels.names()).toEqual(['time', 'count']);
  });

  it('an unknown model is a problem naming the registered ones', () => {
    const config = singleMachine(constant(MIN), {}, { failures: { kind: 'weibull', mttrMs: MIN } });
    expect(validateFactoryConfig(config, false)).toContain(
      'machine M1: unknown failure model "weibull"; registered: time, count',
    );
  });

  it('a model registered from code is used when the config names it', () => {
    // Deterministic: a failure after every `parameters.everyMs` of operating time, repairs of exactly mttrMs.
    registerFailureModel('test.clockwork', {
      create: ({ config }) => ({
        clock: 'operatingTime',
        nextToFailure: () => config.parameters!.everyMs,
        nextRepairMs: () => config.mttrMs!,
      }),
      problems: (config) => ((config.parameters?.everyMs ?? 0) > 0 ? [] : ['parameters.everyMs must be > 0']),
    });
    expect(
      validateFactoryConfig(
        singleMachine(constant(MIN), {}, { failures: { kind: 'test.clockwork', mttrMs: MIN } }),
        false,
      ),
    ).toContain('machine M1: parameters.everyMs must be > 0');
    // 10 parts of 1 min each, all there at 0; a failure after every 2.5 min of work, 1 min to repair: the
    // work (10 min) is interrupted at 2.5, 5, 7.5 (the one due at 10 min never comes: the last part is out).
    const config = singleMachine(
      constant(MIN),
      { schedule: [{ atMs: 0, productId: 'P', count: 10 }] },
      { failures: { kind: 'test.clockwork', mttrMs: MIN, parameters: { everyMs: 2.5 * MIN } } },
    );
    const { sim, factory } = runFactory(config);
    const m = factory.kpis().machines.M1;
    expect(m.failures).toBe(3);
    expect(m.timeInStateMs.down).toBe(3 * MIN);
    expect(m.timeInStateMs.busy).toBe(10 * MIN);
    expect(sim.now()).toBe(13 * MIN);
  });
});
