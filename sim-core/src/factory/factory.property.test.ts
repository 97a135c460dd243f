import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RandomStreams } from '../engine/random';
import type { FactoryConfig, MachineConfig } from './config';
import { exponential, MIN, machine, runFactory, SEC, SINK, TestNetwork } from './factory.test-helpers';

/**
 * Random plants: 2–5 machines, 1–3 products with random routings (machines may repeat, several may be
 * eligible) and unlimited inputs, or flow lines with finite inputs and a finite raw-material station
 * (source backlog); finite outputs everywhere (machines block, but these plants cannot deadlock),
 * random failures, setups, scrap and legacy machines behind gateways, on a network with random
 * delays (messages overtake each other) and losses. Whatever the plant, every released part ends
 * completed or scrapped, and the run then schedules nothing more.
 */
const plant = fc
  .record({
    machines: fc.array(
      fc.record({
        outputCapacity: fc.integer({ min: 1, max: 3 }),
        failures: fc.constantFrom('none', 'time', 'count'),
        setup: fc.boolean(),
        scrap: fc.constantFrom(0, 0.1),
        legacy: fc.boolean(),
      }),
      { minLength: 2, maxLength: 5 },
    ),
    products: fc.array(
      fc.array(fc.array(fc.nat(), { minLength: 1, maxLength: 2 }), { minLength: 1, maxLength: 4 }),
      { minLength: 1, maxLength: 3 },
    ),
    parts: fc.integer({ min: 1, max: 40 }),
    /** Finite inputs and a finite raw-material station, with routings that only move forward. */
    finite: fc.boolean(),
    transportDelayS: fc.constantFrom(0, 15),
    maxDelayS: fc.constantFrom(0, 1, 30),
    loss: fc.constantFrom(0, 0.2),
    seed: fc.integer(),
  })
  .map((p) => {
    const n = p.machines.length;
    const machines: MachineConfig[] = p.machines.map((m, i) =>
      machine(`M${i}`, {
        outputCapacity: m.outputCapacity,
        inputCapacity: p.finite ? m.outputCapacity : null,
        scrapProbability: m.scrap,
        legacy: m.legacy,
        gatewayId: m.legacy ? 'GW' : undefined,
        setupTimes: m.setup ? { default: exponential(MIN) } : undefined,
        failures:
          m.failures === 'time'
            ? { kind: 'time', mtbfMs: 5 * MIN, mttrMs: MIN }
            : m.failures === 'count'
              ? { kind: 'count', meanCyclesBetweenFailures: 3, repairTime: exponential(MIN) }
              : undefined,
      }),
    );
    const config: FactoryConfig = {
      products: p.products.map((routing, k) => ({
        id: `P${k}`,
        // Finite plants are flow lines: operation j on machine Mj only. (A machine visited twice with
        // finite buffers can deadlock for real: blocked with a full output whose part waits for the
        // machine's own full input.)
        routing: (p.finite ? routing.slice(0, n) : routing).map((eligible, j) => ({
          operation: `op${j}`,
          machines: p.finite ? [`M${j}`] : [...new Set(eligible.map((e) => `M${e % n}`))],
          cycleTime: exponential(MIN),
        })),
      })),
      machines,
      buffers: [{ id: 'RAW', capacity: p.finite ? 2 : null, position: { xM: 0, yM: 0 } }],
      sinks: [SINK],
      gateways: [{ id: 'GW', conversionDelayMs: 200, aggregationIntervalMs: 1000 }],
      sources: [
        {
          id: 'S',
          stationId: 'RAW',
          schedule: p.products.map((_, k) => ({ atMs: k * MIN, productId: `P${k}`, count: p.parts })),
        },
      ],
      transport: { fixedDelayMs: p.transportDelayS * SEC },
    };
    return { config, p };
  });

describe('random plants', () => {
  it('always finish all work on any network, and go quiet', () => {
    fc.assert(
      fc.property(plant, ({ config, p }) => {
        const random = new RandomStreams(p.seed).stream('network', 'test');
        const { sim, factory } = runFactory(config, {
          seed: p.seed,
          network: (s) => new TestNetwork(s, () => p.maxDelayS * SEC * random.next(), p.loss, random),
        });
        const c = factory.partCounts();
        expect(c.created).toBe(p.parts * config.products.length);
        expect(c.inProcess).toBe(0);
        expect(c.completed + c.scrapped).toBe(c.created);
        expect(sim.pendingCount).toBe(0);
        const snap = factory.snapshot();
        expect(snap.buffers.every((b) => b.level === 0 && b.reserved === 0)).toBe(true);
        expect(snap.machines.every((m) => m.state === 'starved')).toBe(true);
      }),
      { numRuns: 60, seed: 20261124 },
    );
  });
});
