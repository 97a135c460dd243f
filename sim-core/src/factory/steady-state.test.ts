import { describe, expect, it } from 'vitest';
import { IdealNetwork } from '../control/seam';
import { RandomStreams } from '../engine/random';
import { Simulation } from '../engine/simulation';
import { buildFactory } from './build-factory';
import type { FactoryConfig } from './config';
import { exponential, MIN, machine, SINK } from './factory.test-helpers';
import { analyzeSteadyState, bottleneckClause, SteadyStateSeries, stabilityWarning } from './steady-state';

/** Two machines in series: M1 (mean 1 min) feeds M2 (mean `m2Min`) through buffer Q; Poisson arrivals. */
function line(lambdaPerMin: number, m2Min: number): FactoryConfig {
  return {
    products: [
      {
        id: 'P',
        routing: [
          { operation: 'a', machines: ['M1'], cycleTime: exponential(0.5 * MIN) },
          { operation: 'b', machines: ['M2'], cycleTime: exponential(m2Min * MIN) },
        ],
      },
    ],
    buffers: [{ id: 'Q', capacity: null, position: { xM: 0, yM: 0 } }],
    machines: [
      machine('M1', { outputBufferId: 'Q' }),
      machine('M2', { inputBufferId: 'Q', outputBufferId: 'SINK' }),
    ],
    sinks: [SINK],
    sources: [{ id: 'S', stationId: 'M1.in', interarrival: exponential(MIN / lambdaPerMin) }],
  };
}

function run(config: FactoryConfig, seed: string, untilMs: number, intervals = 500) {
  const sim = new Simulation();
  const factory = buildFactory(sim, config, {
    streams: new RandomStreams(seed),
    network: new IdealNetwork(sim),
  });
  const series = new SteadyStateSeries(factory);
  for (let i = 1; i <= intervals; i++) {
    sim.run({ untilMs: (untilMs * i) / intervals });
    series.sample(sim.now());
  }
  const k = factory.kpis();
  const utilization = Object.fromEntries(Object.entries(k.machines).map(([id, m]) => [id, m.utilization]));
  return { series, report: analyzeSteadyState(series, untilMs / intervals, utilization), sim };
}

describe('steady-state check', () => {
  it('series: completions per interval add up, WIP per interval is the time average', () => {
    const { series, sim } = run(line(0.5, 1), 'sum', 600 * MIN, 100);
    expect(series.length).toBe(100);
    expect(series.completions.reduce((a, b) => a + b, 0)).toBeGreaterThan(200);
    expect(series.queues.has('Q')).toBe(true);
    expect(series.queues.get('source backlog')).toHaveLength(100);
    expect(sim.now()).toBe(600 * MIN);
  });

  it('an overloaded line (λ = 1/min into a 1.25 min machine) is flagged and its bottleneck named', () => {
    for (const seed of ['o1', 'o2', 'o3']) {
      const { report } = run(line(1, 1.25), seed, 1_000 * MIN);
      expect(report.stable).toBe(false);
      expect(report.growing.map((g) => g.id)).toContain('WIP');
      expect(report.growing.map((g) => g.id)).toContain('Q');
      expect(report.bottleneck?.machineId).toBe('M2');
      // WIP grows at λ − μ₂ = 0.2 parts/min: about 100 parts over the second half of the run.
      const wip = report.growing.find((g) => g.id === 'WIP')!;
      expect(wip.rise).toBeGreaterThan(50);
      expect(wip.rise).toBeLessThan(150);
      expect(stabilityWarning(report)).toMatch(/overloaded.*Q .*bottleneck: M2/);
    }
  });

  it('a stable line (ρ₂ = 0.8) passes, with a warm-up found well before half the run', () => {
    for (const seed of ['s1', 's2', 's3']) {
      const { report } = run(line(0.8, 1), seed, 3_000 * MIN);
      expect(report.stable).toBe(true);
      expect(report.growing).toEqual([]);
      expect(report.warmupFound).toBe(true);
      expect(stabilityWarning(report)).toBeNull();
    }
  });
});

describe('the bottleneck clause', () => {
  it('names a busy machine, and points elsewhere when even the busiest machine idles half its time', () => {
    expect(bottleneckClause('M2', 0.97, '97.0')).toBe('bottleneck: M2 (utilisation 97.0 %)');
    expect(bottleneckClause('WELD-1', 0, '0.0')).toMatch(
      /^no machine is the bottleneck \(the busiest, WELD-1, is 0\.0 % busy\): parts wait for transport or the network/,
    );
    expect(bottleneckClause('M1', 0.5, '50.0')).toMatch(/^bottleneck: M1/);
  });
});
