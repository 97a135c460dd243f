import { describe, expect, it } from 'vitest';
import { IdealNetwork } from '../control/seam';
import { RandomStreams } from '../engine/random';
import { Simulation } from '../engine/simulation';
import { buildFactory } from './build-factory';
import type { FactoryConfig } from './config';
import { constant, MIN, machine, runFactory, SINK, singleMachine } from './factory.test-helpers';
import { validateFactoryConfig } from './validate';

describe('buildFactory', () => {
  it('lists every problem of an inconsistent config', () => {
    const config: FactoryConfig = {
      products: [
        { id: 'P', routing: [{ operation: 'op', machines: ['M1', 'MX'], cycleTime: { M1: constant(1) } }] },
        { id: 'P', routing: [], sinkId: 'NOPE' },
      ],
      machines: [
        machine('M1', { inputBufferId: 'B?', scrapProbability: 2, legacy: true }),
        machine('M2', { failures: { kind: 'time' } }),
      ],
      buffers: [{ id: 'B', capacity: 0, position: { xM: 0, yM: 0 } }],
      sinks: [SINK],
      sources: [{ id: 'S', productMix: { Q: 1 } }],
      transport: 'agv',
    };
    const problems = validateFactoryConfig(config, false);
    expect(problems).toEqual(
      expect.arrayContaining([
        'duplicate product id "P"',
        'buffer B: capacity must be null (unlimited) or an integer >= 1, got 0',
        'machine M1: input buffer "B?" is not a buffer',
        'machine M1: scrapProbability must be in [0, 1], got 2',
        'machine M1: a legacy machine needs an existing gatewayId, got undefined',
        'machine M2: time-based failures need mtbfMs > 0',
        'machine M2: failures need repairTime or mttrMs > 0',
        'product P: routing is empty',
        'product P: sink "NOPE" does not exist',
        'product P operation 0 (op): machine "MX" does not exist',
        'product P operation 0 (op): no cycleTime for machine MX',
        'source S: needs interarrival or schedule',
        'source S: productMix names unknown product "Q"',
        "transport 'agv' needs a TransportService in buildFactory's options",
      ]),
    );
    const sim = new Simulation();
    expect(() =>
      buildFactory(sim, config, { streams: new RandomStreams(1), network: new IdealNetwork(sim) }),
    ).toThrow(/invalid factory config/);
  });

  it('snapshots machine states and buffer levels at any time', () => {
    const config: FactoryConfig = {
      products: [
        {
          id: 'P',
          routing: [
            { operation: 'a', machines: ['M1'], cycleTime: constant(MIN) },
            { operation: 'b', machines: ['M2'], cycleTime: constant(3 * MIN) },
          ],
        },
      ],
      machines: [machine('M1', { outputBufferId: 'M2.in' }), machine('M2', { outputBufferId: 'SINK' })],
      sinks: [SINK],
      sources: [{ id: 'S', stationId: 'M1.in', schedule: [{ atMs: 0, productId: 'P', count: 5 }] }],
    };
    const { factory } = runFactory(config, { untilMs: 4.5 * MIN });
    const snap = factory.snapshot();
    expect(snap.timeMs).toBe(4.5 * MIN);
    // M1 finished parts 1-4 at minutes 1-4 and works on part 5; M2 did part 1 (1-4) and works on 2.
    expect(snap.machines).toEqual([
      { id: 'M1', state: 'busy', productId: 'P', partId: 5 },
      { id: 'M2', state: 'busy', productId: 'P', partId: 2 },
    ]);
    expect(snap.buffers).toEqual([
      { id: 'M1.in', level: 0, reserved: 0 },
      { id: 'M2.in', level: 2, reserved: 0 },
    ]);
    expect(snap.partsInProcess).toBe(4);
    expect(factory.stations().map((s) => s.id)).toEqual(['SINK', 'M1.in', 'M2.in']);
  });

  it('a scenario that ends with nothing to do has empty machines and no pending events', () => {
    const { sim, factory } = runFactory(
      singleMachine(constant(MIN), { schedule: [{ atMs: 0, productId: 'P', count: 3 }] }),
    );
    expect(sim.pendingCount).toBe(0);
    expect(factory.snapshot().machines).toEqual([{ id: 'M1', state: 'starved' }]);
  });
});
