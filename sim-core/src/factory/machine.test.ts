import { describe, expect, it } from 'vitest';
import { replicationSeed } from '../engine/random';
import { flattenKpis } from '../kpi/flat-kpis';
import { replicate } from '../kpi/replicate';
import type { FactoryConfig } from './config';
import { constant, exponential, MIN, machine, runFactory, SINK, singleMachine } from './factory.test-helpers';
import type { MachineStateEvent, PartEvent } from './probes';

/** `count` parts of product P released at time 0 into M1's input. */
const batch = (count: number, productId = 'P') => ({ schedule: [{ atMs: 0, productId, count }] });

describe('machine behaviour', () => {
  it('a full buffer blocks the machine upstream', () => {
    // M1 (1 min) → MID (capacity 2) → M2 (2 min) → SINK; 20 parts at time 0.
    const config: FactoryConfig = {
      products: [
        {
          id: 'P',
          routing: [
            { operation: 'a', machines: ['M1'], cycleTime: constant(MIN) },
            { operation: 'b', machines: ['M2'], cycleTime: constant(2 * MIN) },
          ],
        },
      ],
      buffers: [{ id: 'MID', capacity: 2, position: { xM: 5, yM: 0 } }],
      machines: [
        machine('M1', { outputBufferId: 'MID' }),
        machine('M2', { inputBufferId: 'MID', outputBufferId: 'SINK' }),
      ],
      sinks: [SINK],
      sources: [{ id: 'S', stationId: 'M1.in', ...batch(20) }],
    };
    const levels: number[] = [];
    const { sim, factory } = runFactory(config, {
      before: (f) =>
        f.probes.bufferLevel.stream$.subscribe((e) => e.bufferId === 'MID' && levels.push(e.level)),
    });
    const k = factory.kpis();
    // M2 works without a break from minute 1: the line's pace is the bottleneck's.
    expect(sim.now()).toBe(41 * MIN);
    expect(k.parts.completed).toBe(20);
    expect(Math.max(...levels)).toBe(2);
    const m1 = k.machines.M1;
    // M1 puts its last part into MID when M2 takes part 18, at minute 1 + 17 × 2 = 35.
    expect(m1.timeInStateMs.busy).toBe(20 * MIN);
    expect(m1.timeInStateMs.blocked).toBe(15 * MIN);
    expect(m1.timeInStateMs.starved).toBe(6 * MIN);
    expect(k.machines.M2.timeInStateMs.busy).toBe(40 * MIN);
    expect(k.machines.M2.starvedFraction).toBeCloseTo(1 / 41, 10);
    // Time in states adds up to the window.
    const total = Object.values(m1.timeInStateMs).reduce((a, b) => a + b, 0);
    expect(total).toBe(41 * MIN);
  });

  it('availability ≈ MTBF / (MTBF + MTTR), failure clock on operating time (time- and count-based)', () => {
    const saturated = (failures: NonNullable<FactoryConfig['machines'][number]['failures']>): FactoryConfig =>
      singleMachine(constant(MIN), batch(10_000), { failures });
    const seeds = Array.from({ length: 10 }, (_, i) => replicationSeed('availability', i));
    const availability = (config: FactoryConfig) =>
      replicate(
        (seed) => flattenKpis(runFactory(config, { seed, untilMs: 4_000 * MIN }).factory.kpis()),
        seeds,
        0.99,
      )['machine.M1.availability'];

    const byTime = availability(saturated({ kind: 'time', mtbfMs: 60 * MIN, mttrMs: 15 * MIN }));
    expect(byTime.lower).toBeLessThanOrEqual(60 / 75);
    expect(byTime.upper).toBeGreaterThanOrEqual(60 / 75);
    expect(byTime.halfWidth).toBeLessThan(0.04);

    // 50 one-minute cycles between failures on average, 10-minute repairs.
    const byCount = availability(
      saturated({ kind: 'count', meanCyclesBetweenFailures: 50, repairTime: exponential(10 * MIN) }),
    );
    expect(byCount.lower).toBeLessThanOrEqual(50 / 60);
    expect(byCount.upper).toBeGreaterThanOrEqual(50 / 60);
    expect(byCount.halfWidth).toBeLessThan(0.04);
  });

  it('a failure pauses the cycle, which resumes after repair; an idle machine never fails', () => {
    // Cycle 10 min, constant repair 5 min, 2 min mean operating time between failures.
    const config = singleMachine(constant(10 * MIN), batch(1), {
      failures: { kind: 'time', mtbfMs: 2 * MIN, repairTime: constant(5 * MIN) },
    });
    const { sim, factory } = runFactory(config);
    const k = factory.kpis();
    expect(k.parts.completed).toBe(1);
    const m = k.machines.M1;
    expect(m.failures).toBeGreaterThan(1);
    expect(m.timeInStateMs.busy).toBeCloseTo(10 * MIN, 3);
    expect(m.timeInStateMs.down).toBe(m.failures * 5 * MIN);
    expect(sim.now()).toBeCloseTo(10 * MIN + m.failures * 5 * MIN, 3);
    expect(sim.pendingCount).toBe(0); // idle now: no failure pending
  });

  it('setups happen on product changes only, with matrix, by-product and default times', () => {
    const config: FactoryConfig = {
      products: ['A', 'B'].map((id) => ({
        id,
        routing: [{ operation: 'op', machines: ['M1'], cycleTime: constant(MIN) }],
      })),
      machines: [
        machine('M1', {
          outputBufferId: 'SINK',
          setupTimes: {
            default: constant(2 * MIN),
            byProduct: { B: constant(3 * MIN) },
            matrix: { B: { A: constant(4 * MIN) } },
          },
        }),
      ],
      sinks: [SINK],
      sources: [
        {
          id: 'S',
          stationId: 'M1.in',
          schedule: [
            { atMs: 0, productId: 'A', count: 2 }, // setup (none → A: default 2), 1, 1
            { atMs: 0, productId: 'B', count: 1 }, // setup A → B: byProduct 3, 1
            { atMs: 0, productId: 'A', count: 1 }, // setup B → A: matrix 4, 1
          ],
        },
      ],
    };
    const states: MachineStateEvent[] = [];
    const { sim, factory } = runFactory(config, {
      before: (f) => f.probes.machineState.stream$.subscribe((e) => states.push(e)),
    });
    const m = factory.kpis().machines.M1;
    expect(m.setups).toBe(3);
    expect(m.timeInStateMs.setup).toBe(9 * MIN);
    expect(sim.now()).toBe(13 * MIN);
    expect(states.filter((e) => e.state === 'setup').map((e) => [e.timeMs / MIN, e.productId])).toEqual([
      [0, 'A'],
      [4, 'B'],
      [8, 'A'],
    ]);
    // Changeovers are an availability loss in OEE; performance is 1 at constant cycles.
    expect(m.availability).toBeCloseTo(4 / 13, 10);
    expect(m.performance).toBeCloseTo(1, 10);
    expect(m.oee).toBeCloseTo(4 / 13, 10);
  });

  it('scraps parts at the configured rate', () => {
    const p = 0.1;
    const n = 5000;
    const { factory } = runFactory(singleMachine(constant(MIN), batch(n), { scrapProbability: p }));
    const k = factory.kpis();
    expect(k.parts.completed + k.parts.scrapped).toBe(n);
    const sd = Math.sqrt(n * p * (1 - p));
    expect(Math.abs(k.parts.scrapped - n * p)).toBeLessThan(4 * sd);
    expect(k.machines.M1.quality).toBeCloseTo(k.parts.completed / n, 12);
    expect(k.machines.M1.oee).toBeCloseTo(k.machines.M1.quality, 12); // A = P = 1
  });

  it('off shift the current cycle pauses and resumes at the next shift', () => {
    // On shift [0, 60) of every 100 minutes; 7-minute cycles.
    const config: FactoryConfig = {
      ...singleMachine(constant(7 * MIN), batch(30)),
      calendar: { cycleMs: 100 * MIN, periods: [{ startMs: 0, endMs: 60 * MIN }] },
    };
    const done: number[] = [];
    const states: MachineStateEvent[] = [];
    const { factory } = runFactory(config, {
      untilMs: 300 * MIN,
      before: (f) => {
        f.probes.part.stream$.subscribe(
          (e: PartEvent) => e.kind === 'completed' && done.push(e.timeMs / MIN),
        );
        f.probes.machineState.stream$.subscribe((e) => states.push(e));
      },
    });
    // 8 cycles end by minute 56; the 9th runs 4 minutes, pauses for 40, and ends at 103.
    expect(done.slice(0, 10)).toEqual([7, 14, 21, 28, 35, 42, 49, 56, 103, 110]);
    for (const t of done) expect(t % 100).toBeLessThanOrEqual(60);
    expect(states.filter((e) => e.state === 'off-shift').map((e) => e.timeMs / MIN)).toEqual([60, 160, 260]);
    const m = factory.kpis().machines.M1;
    expect(m.timeInStateMs['off-shift']).toBe(120 * MIN);
    expect(m.timeInStateMs.busy).toBe(180 * MIN);
    expect(m.availability).toBe(1); // off-shift time is not planned time
  });
});
