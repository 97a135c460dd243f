// Where the local optimise API keeps its jobs: PROJECT/runs/optimise/<job>/ with the scenario and the spec
// the request gave, and the CLI's output in `front/`. A job's folder holds a `scenario.json`, so the loader's
// confinement (scenario/confine.ts) takes that folder as the scenario's tree: files named by the scenario or
// the spec must lie inside it. Job ids are checked before they become paths, and every path is compared
// after resolving symbolic links, so no id or link leads out of runs/optimise.
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { writeFileAtomic } from '../../run/files';
import { toJson } from '../../run/summary';
import { isInside, realPaths } from '../../scenario/confine';
import { JOB_SCENARIO_FILE, JOB_SPEC_FILE, type OptimiseRequest } from './request';

/** A job id: `20250114-093012-3fa9` (UTC date and time, then 4 random hex digits). */
export const JOB_ID = /^\d{8}-\d{6}-[0-9a-f]{4}$/;

/** The CLI's output folder inside a job folder. */
const JOB_OUT_DIR = 'front';

export interface JobPaths {
  id: string;
  dir: string;
  scenarioFile: string;
  specFile: string;
  outDir: string;
}

export class JobFolders {
  /** PROJECT/runs/optimise. */
  readonly root: string;

  constructor(readonly projectRoot: string) {
    this.root = join(projectRoot, 'runs', 'optimise');
  }

  /** A path as the planner sees it: relative to the project, with forward slashes. */
  shown(path: string): string {
    return relative(this.projectRoot, path).split(sep).join('/');
  }

  /** The paths of job `id`, or undefined when `id` is no job id or its folder resolves outside runs/optimise. */
  paths(id: string): JobPaths | undefined {
    if (!JOB_ID.test(id)) return undefined;
    const dir = join(this.root, id);
    if (!isInside(realPaths.realpath(dir), realPaths.realpath(this.root))) return undefined;
    return {
      id,
      dir,
      scenarioFile: join(dir, JOB_SCENARIO_FILE),
      specFile: join(dir, JOB_SPEC_FILE),
      outDir: join(dir, JOB_OUT_DIR),
    };
  }

  /** Makes a new job folder and writes the request's scenario and spec into it. */
  create(request: OptimiseRequest, now = new Date()): JobPaths {
    mkdirSync(this.root, { recursive: true });
    const root = realPaths.realpath(this.root);
    if (!isInside(root, realPaths.realpath(this.projectRoot)))
      throw new Error(
        `${this.shown(this.root)} resolves to ${root}, outside the project folder ${this.projectRoot}: the optimiser's jobs stay inside the project`,
      );
    const stamp = now.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
    for (let attempt = 0; attempt < 16; attempt++) {
      const paths = this.paths(`${stamp}-${randomBytes(2).toString('hex')}`);
      if (!paths) continue;
      try {
        mkdirSync(paths.dir);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'EEXIST') continue;
        throw error;
      }
      writeFileAtomic(paths.scenarioFile, toJson(request.scenario));
      writeFileAtomic(paths.specFile, toJson(request.spec));
      return paths;
    }
    throw new Error(`could not make a new job folder in ${this.shown(this.root)}`);
  }
}
