import { checkOptimiseRequest, trafficClasses } from '@factory-twin/scenarios/browser';
import { describe, expect, it } from 'vitest';
import plantText from '../../../../scenarios/plants/engine-parts/scenario.json?raw';
import type { Data } from '../model/data';
import { classesOf, defaultSettings, maxEvaluations, parsePoints, specOf } from './settings';

// The Optimise panel's settings → the CLI's optimise spec (without base), checked by the API's own rules.

const plant = (): Data => JSON.parse(plantText);
type Plant = {
  floor: { widthM: number; depthM: number };
  network: { gnbs: { xM: number; yM: number }[]; deployment: string; traffic: { trafficClass: string }[] };
};
const p = plant() as unknown as Plant;

describe('optimise settings', () => {
  it('start from the plant: a grid of about 40 points, two gNBs more than it has, its deployment mode', () => {
    const s = defaultSettings(plant());
    // 160 m × 80 m / 40 points = 320 m² a point: 17.9 m, rounded up.
    expect(s.spacingM).toBe(Math.ceil(Math.sqrt((p.floor.widthM * p.floor.depthM) / 40)));
    expect(s.spacingM).toBe(18);
    expect(s.maxGnbs).toBe(Math.min(6, p.network.gnbs.length + 2));
    expect(s.deployments).toEqual([p.network.deployment]);
    expect(s.points.split('\n')).toEqual(p.network.gnbs.map((g) => `${g.xM} ${g.yM}`));
  });

  it('make a spec the API accepts for the plant, screening only unless confirmation is on', () => {
    const s = defaultSettings(plant());
    const spec = specOf(s);
    expect(spec).toEqual({
      seed: 1,
      mounts: { grid: { spacingM: 18 } },
      gnbs: { min: 1, max: 4 },
      deployments: ['public'],
      coverage: { sinrDb: 0, direction: 'DL', floorShare: 0.9, pathShare: 0.98 },
      search: { populationSize: 40, generations: 25 },
      front: { max: 8 },
      confirm: { members: 0 },
    });
    expect(checkOptimiseRequest({ scenario: plant(), spec })).toMatchObject({ ok: true });
    const confirmed = specOf({ ...s, confirm: true, hours: 2 });
    expect(confirmed.confirm).toEqual({ members: 2, replications: 2, hours: 2, fidelity: 'flow' });
    expect(checkOptimiseRequest({ scenario: plant(), spec: confirmed }).ok).toBe(true);
  });

  it('carry points, carrier options and on-time targets in the spec format', () => {
    const s = {
      ...defaultSettings(plant()),
      mounts: 'points' as const,
      points: '10 20\n 30,40 \n\n50;60',
      carriers: [{ label: 'n78-DSUUU', frequencyGHz: 3.5, tddPattern: 'DSUUU' }, { label: 'base' }],
      onTime: { video: 0.9 },
      heightM: 6,
      maxGnbs: 3, // at most the number of points (the spec's rule)
    };
    const spec = specOf(s);
    expect(spec.mounts).toEqual({
      points: [
        { id: 'P1', xM: 10, yM: 20 },
        { id: 'P2', xM: 30, yM: 40 },
        { id: 'P3', xM: 50, yM: 60 },
      ],
    });
    expect(spec.gnbs).toEqual({ min: 1, max: 3, heightM: 6 });
    const tooMany = checkOptimiseRequest({ scenario: plant(), spec: specOf({ ...s, maxGnbs: 4 }) });
    expect(tooMany.ok ? [] : tooMany.problems.map((x) => x.path)).toEqual(['spec.gnbs.max']);
    expect(spec.carriers).toEqual(s.carriers);
    expect(spec.onTime).toEqual({ video: 0.9 });
    expect(checkOptimiseRequest({ scenario: plant(), spec }).ok).toBe(true);
  });

  it('send a point that is no number as null, which the API refuses at its JSON path', () => {
    expect(parsePoints('1 2\nx 4')).toEqual([
      { id: 'P1', xM: 1, yM: 2 },
      { id: 'P2', xM: null, yM: 4 },
    ]);
    const spec = specOf({ ...defaultSettings(plant()), mounts: 'points', points: '1 2\nx 4', maxGnbs: 2 });
    const r = checkOptimiseRequest({ scenario: plant(), spec });
    expect(r.ok ? [] : r.problems.map((x) => x.path)).toEqual(['spec.mounts.points[1].xM']);
  });

  it('offer on-time targets for the classes the plant sends, and count the screening budget', () => {
    const used = new Set(p.network.traffic.map((t) => t.trafficClass));
    expect(classesOf(plant())).toEqual(trafficClasses.filter((c) => used.has(c)));
    expect(classesOf({ name: 'no traffic' })).toEqual([]);
    // NSGA-II: the first population, then one population of offspring per generation.
    expect(maxEvaluations({ populationSize: 40, generations: 25 })).toBe(40 + 25 * 40);
  });
});
