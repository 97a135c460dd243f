// The optimiser with gNB antennas: screening scores a layout with the pattern as sim-core's coverage map does,
// the azimuth as a decision variable (`gnbs.antenna.azimuthsDeg`), and the antenna in the variant files.
import { replicationSeed } from '@factory-twin/sim-core';
import { describe, expect, it } from 'vitest';
import { toModelConfig } from '../model/to-model-config';
import { buildModels } from '../run/run-model';
import { ScenarioError } from '../scenario/errors';
import type { Scenario } from '../scenario/schema';
import { searchLayouts } from './search';
import { loadOptimiseSpec } from './spec';
import { corridorPlantDir, loadScreening, writeSpec } from './test-plant';
import { candidatePatch } from './variant-files';

/** Mounts at the corridor's west end (x 2, y 2 / 6 / 10): a sector there covers the corridor only facing east. */
const specFile = (dir: string, extra: Record<string, unknown> = {}) =>
  writeSpec(dir, {
    base: 'scenario.json',
    seed: 3,
    mounts: { points: [2, 6, 10].map((y) => ({ id: `W-${y}`, xM: 2, yM: y })) },
    gnbs: { min: 1, max: 1, antenna: { pattern: 'sector', azimuthsDeg: [90, 180, 270, 0] } },
    coverage: { sinrDb: 10, direction: 'DL', floorShare: 0.9 },
    search: { populationSize: 8, generations: 6 },
    front: { max: 4 },
    confirm: { members: 0 },
    ...extra,
  });

const setUp = (extra: Record<string, unknown> = {}) => loadScreening(specFile(corridorPlantDir().dir, extra));

/** Share of the floor the run's coverage map (sim-core coverage.ts) puts at or above `sinrDb`, DL. */
function mappedFloorShare(
  base: Scenario,
  gnbs: Scenario['network']['gnbs'],
  cellSizeM: number,
  sinrDb: number,
) {
  const scenario = { ...base, network: { ...base.network, gnbs } };
  const twin = buildModels(toModelConfig(scenario), replicationSeed(base.run.seed, 0));
  const g = twin.network!.coverageGrid({
    direction: 'DL',
    cellSizeM,
    bounds: { minXM: 0, minYM: 0, maxXM: base.floor.widthM, maxYM: base.floor.depthM },
  });
  return g.sinrDb.filter((v) => v >= sinrDb).length / g.sinrDb.length;
}

describe('optimiser screening with gNB antennas', { timeout: 60_000 }, () => {
  it('scores each azimuth as the coverage map of its variant does', () => {
    const { spec, base, space, screening } = setUp();
    expect(space.options.map((o) => o.azimuthDeg)).toEqual([90, 180, 270, 0]);
    const shares = space.options.map((_, k) => {
      const c = space.decode([0, k + 1, 0, 0]); // the gNB at W-6 with option k
      expect(c.gnbs[0].antenna).toEqual({ pattern: 'sector', azimuthDeg: space.options[k].azimuthDeg });
      const screened = screening.evaluate(c).floorShare;
      const mapped = mappedFloorShare(base, c.gnbs, spec.coverage.cellSizeM, spec.coverage.sinrDb);
      expect(Math.abs(screened - mapped)).toBeLessThanOrEqual(1 / 360); // a cell on the threshold (Float32)
      return screened;
    });
    // Facing east (0°) covers the whole corridor; facing west (180°, into the wall) only its first ~40 %; north
    // and south (across it) in between.
    expect(shares[3]).toBe(1);
    expect(shares[1]).toBeLessThan(0.5);
    expect(shares[0]).toBeLessThan(0.7);
    expect(shares[2]).toBeLessThan(0.7);
  });

  it('without an antenna in the spec the placed gNBs are omni (or take the base gNB’s antenna)', () => {
    const omni = setUp({ gnbs: { min: 1, max: 1 } });
    expect(omni.space.options).toEqual([{ carrier: 0, azimuthDeg: null }]);
    expect(omni.space.decode([0, 1, 0, 0]).gnbs[0].antenna).toBeUndefined();
    const fixed = setUp({ gnbs: { min: 1, max: 1, antenna: { pattern: 'sector', azimuthDeg: 0 } } });
    expect(fixed.space.decode([1, 0, 0, 0]).gnbs[0].antenna).toEqual({ pattern: 'sector', azimuthDeg: 0 });
    expect(fixed.screening.evaluate(fixed.space.decode([1, 0, 0, 0])).floorShare).toBeGreaterThan(0.9);
  });

  it('the search points the gNB east, the only azimuth meeting the target; the variant file carries it', () => {
    const { spec, base, space, screening } = setUp();
    const feasible = (g: number[]) =>
      screening.evaluate(space.decode(g)).floorShare >= spec.coverage.floorShare;
    // Ground truth over the 12 layouts: feasible exactly when facing east.
    for (let m = 0; m < 3; m++)
      for (let k = 0; k < 4; k++) {
        const g = [0, 0, 0, 0];
        g[m] = k + 1;
        expect(feasible(g), `mount ${m}, azimuth ${space.options[k].azimuthDeg}`).toBe(k === 3);
      }
    const outcome = searchLayouts(spec, base);
    const best = outcome.members.filter((m) => m.feasible);
    expect(best.length).toBeGreaterThan(0);
    for (const m of best) {
      expect(m.candidate.azimuthDeg).toEqual([0]);
      const patch = candidatePatch(m.candidate) as {
        network: { gnbs: { $replace: Scenario['network']['gnbs'] } };
      };
      expect(patch.network.gnbs.$replace[0].antenna).toEqual({ pattern: 'sector', azimuthDeg: 0 });
    }
  });

  it('reports antenna mistakes at their JSON paths in the spec', () => {
    const problems = (gnbs: Record<string, unknown>) => {
      const { dir } = corridorPlantDir();
      try {
        loadOptimiseSpec(specFile(dir, { gnbs: { min: 1, max: 1, ...gnbs } }));
      } catch (error) {
        if (error instanceof ScenarioError) return error.issues.map((i) => `${i.path}: ${i.message}`);
        throw error;
      }
      return [];
    };
    expect(problems({ antenna: { pattern: 'sector', azimuthDeg: 0, azimuthsDeg: [0, 90] } })).toEqual([
      'gnbs.antenna.azimuthDeg: give either azimuthDeg (every gNB points there) or azimuthsDeg (the search chooses), not both',
    ]);
    expect(problems({ antenna: { pattern: 'sector', azimuthsDeg: [0, 900] } })[0]).toMatch(
      /^gnbs\.antenna\.azimuthsDeg\[1\]: /,
    );
    expect(problems({ antenna: { pattern: 'dish' } })[0]).toMatch(
      /^gnbs\.antenna\.pattern: expected a registered/,
    );
  });
});
