import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  realpathSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Confinement } from '../../scenario/confine';
import { ScenarioError } from '../../scenario/errors';
import { loadOptimiseSpec } from '../spec';
import { corridorPlantDir } from '../test-plant';
import { JOB_ID, JobFolders } from './job-folders';

// The API's job folders: PROJECT/runs/optimise/<job>/, never elsewhere, whatever the id or the links say;
// and the loader's confinement of the job's files is the job folder itself.

const project = () => {
  const dir = mkdtempSync(join(tmpdir(), 'optimise-api-project-'));
  writeFileSync(join(dir, 'package.json'), '{}\n');
  return dir;
};
const PLANT = readFileSync(corridorPlantDir().file, 'utf8');
const request = () => ({
  scenario: JSON.parse(PLANT) as Record<string, unknown>,
  spec: { base: 'scenario.json', mounts: { grid: { spacingM: 20 } }, gnbs: { max: 2 } },
});

describe('JobFolders', () => {
  it('writes the scenario and the spec into runs/optimise/<job>/, which the spec loads from', () => {
    const root = project();
    const folders = new JobFolders(root);
    const job = folders.create(request(), new Date(Date.UTC(2025, 0, 14, 9, 30, 12)));
    expect(job.id).toMatch(/^20250114-093012-[0-9a-f]{4}$/);
    expect(job.dir).toBe(join(root, 'runs', 'optimise', job.id));
    expect(folders.shown(job.outDir)).toBe(`runs/optimise/${job.id}/front`);
    expect(JSON.parse(readFileSync(job.scenarioFile, 'utf8'))).toEqual(request().scenario);
    const spec = loadOptimiseSpec(job.specFile);
    expect(spec.baseFile).toBe(job.scenarioFile);
    // The job folder holds a scenario.json: it is the tree the loader confines the job's files to.
    expect(Confinement.forTopFile(job.specFile).tree).toBe(realpathSync(job.dir));
    expect(Confinement.forTopFile(job.scenarioFile).tree).toBe(realpathSync(job.dir));
  });

  it('a spec in a job folder cannot name a base outside it (the loader refuses it)', () => {
    const root = project();
    const folders = new JobFolders(root);
    const job = folders.create(request());
    mkdirSync(join(root, 'plants'));
    writeFileSync(join(root, 'plants', 'scenario.json'), JSON.stringify(request().scenario));
    writeFileSync(job.specFile, JSON.stringify({ ...request().spec, base: '../../../plants/scenario.json' }));
    expect(() => loadOptimiseSpec(job.specFile)).toThrow(ScenarioError);
    expect(() => loadOptimiseSpec(job.specFile)).toThrow(/base: .* is outside the spec's folder tree/);
  });

  it('turns only job ids into paths: no "..", no separators, no other names', () => {
    const folders = new JobFolders(project());
    for (const id of [
      '..',
      '../x',
      '20250114-093012-3fa9/..',
      '20250114-093012-3fa9/../../x',
      'a',
      '',
      '%2e%2e',
    ])
      expect(folders.paths(id), id).toBeUndefined();
    expect(JOB_ID.test('20250114-093012-3fa9')).toBe(true);
    expect(folders.paths('20250114-093012-3fa9')?.dir).toBe(join(folders.root, '20250114-093012-3fa9'));
  });

  it('refuses a job folder that is a link out of runs/optimise', () => {
    const root = project();
    const folders = new JobFolders(root);
    mkdirSync(folders.root, { recursive: true });
    const elsewhere = mkdtempSync(join(tmpdir(), 'optimise-api-elsewhere-'));
    symlinkSync(elsewhere, join(folders.root, '20250114-093012-beef'));
    expect(folders.paths('20250114-093012-beef')).toBeUndefined();
  });

  it('refuses to write jobs when runs/optimise leads out of the project', () => {
    const root = project();
    const elsewhere = mkdtempSync(join(tmpdir(), 'optimise-api-elsewhere-'));
    mkdirSync(join(root, 'runs'));
    symlinkSync(elsewhere, join(root, 'runs', 'optimise'));
    expect(() => new JobFolders(root).create(request())).toThrow(/outside the project folder/);
    expect(existsSync(join(elsewhere, 'scenario.json'))).toBe(false);
  });
});
