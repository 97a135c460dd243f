import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../cli/program';
import { coverageMaps } from '../run/coverage-maps';
import { buildModels } from '../run/run-model';
import { loadData, loadIssues, tinyScenario } from '../scenario/test-fixtures';
import { toModelConfig } from './to-model-config';

/** The tiny plant with its gNB G1 (at x 20 on a 40 m floor) given `fields`. */
const withGnb = (fields: Record<string, unknown>) => {
  const data = tinyScenario();
  Object.assign(data.network.gnbs[0], fields);
  return data;
};

describe('scenario gnbs[].antenna', () => {
  it("passes the antenna to sim-core; the peak gain defaults to the pattern's (sector 8 dBi, omni 5 dBi)", () => {
    const gnb = (fields: Record<string, unknown>) =>
      toModelConfig(loadData(withGnb(fields))).network.gnbs[0]!;
    const omni = gnb({});
    expect(omni.antenna).toBeUndefined();
    expect(omni.antennaGainDbi).toBe(5);
    const sector = gnb({ antenna: { pattern: 'sector', azimuthDeg: 90, downtiltDeg: 6 } });
    expect(sector.antenna).toEqual({ pattern: 'sector', azimuthDeg: 90, downtiltDeg: 6 });
    expect(sector.antennaGainDbi).toBe(8);
    expect(gnb({ antenna: { pattern: 'sector' }, antennaGainDbi: 15 }).antennaGainDbi).toBe(15);
    expect(gnb({ antenna: { pattern: 'ceiling' } }).antennaGainDbi).toBe(5);
    expect(gnb({ antenna: { pattern: 'omni' } }).antennaGainDbi).toBe(5);
  });

  it('reports bad values at their JSON paths', () => {
    const found = loadIssues(
      withGnb({ antenna: { pattern: 'yagi', azimuthDeg: 400, downtiltDeg: 95, tiltDeg: 3 } }),
    );
    expect([...found.keys()].sort()).toEqual(
      [
        'network.gnbs[0].antenna.tiltDeg',
        'network.gnbs[0].antenna.pattern',
        'network.gnbs[0].antenna.azimuthDeg',
        'network.gnbs[0].antenna.downtiltDeg',
      ].sort(),
    );
    expect(found.get('network.gnbs[0].antenna.pattern')).toMatch(
      /expected a registered antenna pattern \(omni, sector, ceiling\)/,
    );
    expect(found.get('network.gnbs[0].antenna.azimuthDeg')).toMatch(/360/);
    expect(found.get('network.gnbs[0].antenna.downtiltDeg')).toMatch(/90/);
    expect(found.get('network.gnbs[0].antenna.tiltDeg')).toBeDefined();
    const missing = loadIssues(withGnb({ antenna: { azimuthDeg: 0 } }));
    expect([...missing.keys()]).toEqual(['network.gnbs[0].antenna.pattern']);
  });

  it('the coverage map follows the boresight: east of the gNB above west when it points east, and back', () => {
    const eastMinusWestDb = (azimuthDeg: number) => {
      const scenario = loadData(withGnb({ antenna: { pattern: 'sector', azimuthDeg } }));
      const twin = buildModels(toModelConfig(scenario), scenario.run.seed);
      const g = coverageMaps(twin.network!, scenario.floor, 2, ['dl']).dl!;
      let [east, west, ne, nw] = [0, 0, 0, 0];
      for (let r = 0; r < g.rows; r++)
        for (let c = 0; c < g.cols; c++) {
          const x = g.x0M + (c + 0.5) * g.cellSizeM;
          const v = g.sinrDb[r * g.cols + c]!;
          if (x > 25) [east, ne] = [east + v, ne + 1];
          else if (x < 15) [west, nw] = [west + v, nw + 1];
        }
      return east / ne - west / nw;
    };
    expect(eastMinusWestDb(0)).toBeGreaterThan(15);
    expect(eastMinusWestDb(180)).toBeLessThan(-15);
  });

  it('a scenario with a sector antenna validates and runs from the CLI', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ft-antenna-'));
    const file = join(dir, 'scenario.json');
    writeFileSync(
      file,
      JSON.stringify(withGnb({ antenna: { pattern: 'sector', azimuthDeg: 180, downtiltDeg: 10 } })),
    );
    const io = { out: () => {}, err: (s: string) => process.stderr.write(s) };
    expect(await runCli(['validate', file], io)).toBe(0);
    expect(await runCli(['run', file, '--hours', '0.05', '--out', join(dir, 'out')], io)).toBe(0);
    const summary = JSON.parse(readFileSync(join(dir, 'out', 'run.summary.json'), 'utf8'));
    expect(summary).toBeTypeOf('object');
  });
});
