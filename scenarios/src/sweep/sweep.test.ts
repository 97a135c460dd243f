import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { InProcessBackend, type RunJob, type RunJobResult } from '../run/backend';
import { tinyScenarioDir } from '../run/test-helpers';
import { ScenarioError } from '../scenario/errors';
import { loadScenario } from '../scenario/load';
import { runSweep } from './run-sweep';
import { loadSweepSpec, sweepJsonSchemaText, sweepPoints } from './spec';

describe('sweep grid', () => {
  it('is the cartesian product of path values, variants and patches', () => {
    const points = sweepPoints({
      variant: 'slice',
      dimensions: [
        { name: 'gnbs', variants: ['public', 'twoGnb'] },
        { name: 'tdd', path: 'network.carrier.tddPattern', values: ['DDDSU', 'DSUUU', 'DDSUU'] },
        {
          name: 'iz',
          patches: [{}, { network: { interferenceZones: { $replace: [] } } }],
          labels: ['on', 'off'],
        },
      ],
    });
    expect(points).toHaveLength(12);
    expect(points[0].labels).toEqual({ gnbs: 'public', tdd: 'DDDSU', iz: 'on' });
    expect(points[0].variant).toBe('slice+public');
    expect(points[1].patch).toEqual({
      network: { carrier: { tddPattern: { $replace: 'DDDSU' } }, interferenceZones: { $replace: [] } },
    });
  });
});

describe('runSweep', { timeout: 60_000 }, () => {
  it('writes CSV and JSON, and a rerun skips the points already done', async () => {
    const { dir } = tinyScenarioDir(0.2);
    const specFile = join(dir, 'sweep.json');
    writeFileSync(
      specFile,
      JSON.stringify({
        base: './tiny.json',
        replications: 2,
        dimensions: [{ name: 'tdd', path: 'network.carrier.tddPattern', values: ['DDDSU', 'DSUUU'] }],
        kpis: ['throughputPerHour', 'net.video.reliability'],
      }),
    );
    const spec = loadSweepSpec(specFile);
    const out = join(dir, 'out');
    const counting = new (class extends InProcessBackend {
      jobs = 0;
      override async run(jobs: readonly RunJob[], onResult: (r: RunJobResult) => void) {
        this.jobs += jobs.length;
        return super.run(jobs, onResult);
      }
    })();
    const first = await runSweep(spec, out, counting);
    expect(first).toMatchObject({ total: 4, ran: 4, skipped: 0, failed: [] });
    const csv = readFileSync(first.files.csv, 'utf8').trim().split('\n');
    expect(csv[0]).toBe('tdd,variant,replication,seed,scenarioHash,throughputPerHour,net.video.reliability');
    expect(csv).toHaveLength(5);
    const summary = JSON.parse(readFileSync(first.files.json, 'utf8'));
    expect(summary.points.map((p: { labels: unknown; runs: number }) => [p.labels, p.runs])).toEqual([
      [{ tdd: 'DDDSU' }, 2],
      [{ tdd: 'DSUUU' }, 2],
    ]);
    const second = await runSweep(spec, out, counting);
    expect(second).toMatchObject({ total: 4, ran: 0, skipped: 4 });
    expect(counting.jobs).toBe(4);
    expect(readFileSync(second.files.csv, 'utf8')).toBe(readFileSync(first.files.csv, 'utf8'));
  });

  it('reports a bad spec as a ScenarioError with paths', () => {
    const { dir } = tinyScenarioDir();
    const specFile = join(dir, 'bad.yaml');
    writeFileSync(specFile, 'base: ./tiny.json\ndimensions:\n  - name: x\n    values: 3\n');
    expect(() => loadSweepSpec(specFile)).toThrow(/dimensions\[0\]/);
  });

  it("confines the base to the spec's folder tree (no /etc/passwd), unless allowed", () => {
    const { dir } = tinyScenarioDir();
    const specFile = join(dir, 'outside.yaml');
    for (const base of ['/etc/passwd', '../../../../../../../etc/passwd']) {
      writeFileSync(
        specFile,
        `base: ${base}\ndimensions:\n  - name: x\n    path: run.seed\n    values: [1]\n`,
      );
      try {
        loadSweepSpec(specFile);
        throw new Error('expected a ScenarioError');
      } catch (error) {
        expect(error).toBeInstanceOf(ScenarioError);
        const [issue, ...rest] = (error as ScenarioError).issues;
        expect(rest).toEqual([]);
        expect(issue).toMatchObject({ file: specFile, path: 'base', line: 1 });
        expect(issue.message).toMatch(/is outside the spec's folder tree/);
      }
      expect(loadSweepSpec(specFile, { allowPaths: ['/etc/passwd'] }).baseFile).toBe('/etc/passwd');
    }
  });
});

describe('committed sweep specs', () => {
  const dir = fileURLToPath(new URL('../../sweeps/', import.meta.url));
  it.each(readdirSync(dir))('%s loads and every point validates', (name) => {
    const spec = loadSweepSpec(join(dir, name));
    for (const p of sweepPoints(spec)) {
      expect(() =>
        loadScenario(spec.baseFile, {
          ...(p.variant === undefined ? {} : { variant: p.variant }),
          patch: p.patch,
        }),
      ).not.toThrow();
    }
  });

  it('sweep.schema.json is up to date', () => {
    expect(readFileSync(fileURLToPath(new URL('../../sweep.schema.json', import.meta.url)), 'utf8')).toBe(
      sweepJsonSchemaText(),
    );
  });
});
