import { fileURLToPath } from 'node:url';
import { loadScenario, runLoadedScenario } from '@factory-twin/scenarios';
import { fixedPositions } from '@factory-twin/sim-core';
import { describe, expect, it } from 'vitest';
import { simulateTwin } from './run-twin';

const PLANT = fileURLToPath(new URL('../../../scenarios/plants/engine-parts/scenario.json', import.meta.url));

describe('the bench path and the scenario pipeline build the same twin (sim-core buildTwin)', () => {
  // A short run with a warm-up (capped at a quarter of the length), AGVs and the 5G network.
  const scenario = runLoadedScenario(loadScenario(PLANT), { lengthH: 0.1 });
  const m = scenario.model;
  const bench = (seed: number | string) =>
    simulateTwin({
      factory: m.factory,
      ...(m.agv === undefined ? {} : { agv: m.agv }),
      positions: fixedPositions(m.layout),
      network: { config: m.network, streams: m.streams },
      ...(m.outages === undefined ? {} : { outages: m.outages }),
      durationMs: m.run.durationMs,
      seed,
    }).result;

  it('gives identical KPIs, event counts and event totals for the same config and seed', () => {
    const r = scenario.result;
    expect(r.warmUpMs).toBeGreaterThan(0);
    expect(m.agv).toBeDefined();
    expect(Object.keys(r.kpis).some((k) => k.startsWith('net.'))).toBe(true);
    expect(r.kpis['agv.delivered']).toBeGreaterThan(0);
    const b = bench(r.seed);
    expect(b.kpis).toEqual(r.kpis);
    expect(b.eventCounts).toEqual(r.eventCounts);
    expect(b.events).toBe(r.events);
  });

  it('differs with another seed (the comparison can fail)', () => {
    const b = bench(`${scenario.result.seed}-other`);
    expect(b.kpis).not.toEqual(scenario.result.kpis);
  });
});
