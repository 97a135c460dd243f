// `optimise`: load and check the spec and its base (the shared validation), screen layouts with NSGA-II,
// write the front's variant files, confirm the first members by simulation, write the table and report.
import { mkdirSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { comparisonMarkdown } from '../compare/compare';
import { definedOnly } from '../model/defined-only';
import type { RunBackend } from '../run/backend';
import { writeFileAtomic } from '../run/files';
import { toJson } from '../run/summary';
import { Confinement, realPaths } from '../scenario/confine';
import { ScenarioError } from '../scenario/errors';
import { tableCsv } from '../table/csv';
import type { CostLimits } from '../validate/cost-guard';
import { loadRunnableScenario } from '../validate/runnable';
import { SOFTWARE_VERSION } from '../version';
import type { FrontJson } from './api/wire';
import { type Confirmation, confirmMembers } from './confirm';
import { type FrontRow, frontMarkdown, frontRows, frontTable } from './front-table';
import { OBJECTIVES } from './objectives';
import { optimiseReport } from './report';
import { type SearchOutcome, searchLayouts } from './search';
import { loadOptimiseSpec, type OptimiseSpec } from './spec';
import { extendsPath, writeVariantFile } from './variant-files';

export interface OptimiseOptions {
  out: string;
  /** Overrides of the spec (command-line options). */
  seed?: number | string;
  generations?: number;
  populationSize?: number;
  confirm?: Partial<OptimiseSpec['confirm']>;
  /** Gives the backend of the confirmation (called only when there is one); without it, nothing is simulated. */
  backend?: () => Promise<RunBackend>;
  costGuard?: CostLimits | false;
  onScreening?: (generation: number, generations: number, evaluations: number) => void;
  onConfirm?: (done: number, total: number) => void;
}

export interface OptimiseResult {
  spec: OptimiseSpec;
  search: SearchOutcome;
  rows: FrontRow[];
  confirmation: Confirmation | null;
  /** Wall time of the screening stage, ms (not written to any file: outputs are deterministic). */
  screeningMs: number;
  files: string[];
}

export async function optimise(specFile: string, o: OptimiseOptions): Promise<OptimiseResult> {
  const loadedSpec = loadOptimiseSpec(specFile);
  const spec: OptimiseSpec = {
    ...loadedSpec,
    ...(o.seed === undefined ? {} : { seed: o.seed }),
    search: {
      populationSize: o.populationSize ?? loadedSpec.search.populationSize,
      generations: o.generations ?? loadedSpec.search.generations,
    },
    confirm: { ...loadedSpec.confirm, ...definedOnly(o.confirm ?? {}) },
  };
  const costGuard = o.costGuard === undefined ? {} : { costGuard: o.costGuard };
  const base = loadRunnableScenario(spec.baseFile, costGuard).scenario;
  const out = resolve(o.out);
  checkOutputFolder(out, spec.baseFile);

  const started = performance.now();
  const search = searchLayouts(spec, base, o.onScreening);
  const screeningMs = performance.now() - started;

  const files: string[] = [];
  const variantFiles = new Map<string, string>();
  for (const m of search.members) {
    const file = writeVariantFile(out, m.id, spec.baseFile, m.candidate);
    // Each variant file must pass the validation `validate` and `run` apply, as it is.
    loadRunnableScenario(file, costGuard);
    variantFiles.set(m.id, file);
    files.push(file);
  }
  const confirmation =
    o.backend !== undefined && spec.confirm.members > 0
      ? await confirmMembers(out, spec.baseFile, search.members, variantFiles, await o.backend(), {
          ...spec.confirm,
          ...costGuard,
          ...(o.onConfirm === undefined ? {} : { onResult: o.onConfirm }),
        })
      : null;
  const carrierLabels = search.space.carriers.map((c) => c.label);
  const hasPaths = search.screening.geometry.path.length > 0;
  const rows = frontRows(search.members, carrierLabels, hasPaths, confirmation);
  const classes = search.screening.classes;

  const write = (name: string, text: string) => {
    const file = join(out, name);
    writeFileAtomic(file, text);
    files.push(file);
  };
  if (confirmation !== null) {
    // Target files relative to the output folder: outputs hold no absolute path (byte-identical anywhere).
    const comparison = confirmation.comparison;
    const targets = comparison.targets.map((t) => ({
      ...t,
      target: { ...t.target, file: extendsPath(out, t.target.file) },
    }));
    write('confirm/compare.json', toJson({ ...comparison, targets }));
    write('confirm/compare.md', `# Confirmation\n\n${comparisonMarkdown(confirmation.comparison)}`);
  }
  write('front.csv', tableCsv(frontTable(rows, classes)));
  write(
    'front.md',
    `# ${base.name}: Pareto front\n\n${search.evaluations} layouts screened, ${search.frontSize} on the front, ${rows.length} kept.\n\n${frontMarkdown(rows, classes)}`,
  );
  const front = {
    kind: 'factory-twin-optimisation' as const,
    softwareVersion: SOFTWARE_VERSION,
    scenarioName: base.name,
    spec: basename(spec.file),
    base: extendsPath(out, spec.baseFile),
    seed: spec.seed,
    objectives: OBJECTIVES,
    targets: { coverage: spec.coverage, onTime: spec.onTime },
    space: {
      mounts: search.space.mounts,
      carriers: search.space.carriers,
      ...(search.space.antenna === undefined ? {} : { antenna: spec.gnbs.antenna ?? search.space.antenna }),
      deployments: search.space.deployments,
      gnbs: { min: search.space.minGnbs, max: search.space.maxGnbs },
    },
    search: {
      ...spec.search,
      evaluations: search.evaluations,
      frontSize: search.frontSize,
      feasibleSeen: search.feasibleSeen,
    },
    confirmation:
      confirmation === null
        ? null
        : {
            replications: confirmation.replications,
            hours: confirmation.hours,
            fidelity: confirmation.fidelity,
          },
    members: rows.map((r, i) => ({
      ...r,
      variantFile: `variants/${r.id}.json`,
      gnbs: search.members[i].candidate.gnbs,
    })),
    baseConfirmed: confirmation?.targets.find((t) => t.label === 'base') ?? null,
  };
  // What the layout editor reads of it (api/wire.ts): checked here, where it is written.
  const read: FrontJson = front;
  write('front.json', toJson(read));
  write(
    'report.html',
    optimiseReport({
      scenarioName: base.name,
      rows,
      classes,
      evaluations: search.evaluations,
      frontSize: search.frontSize,
      seed: spec.seed,
      confirmation,
    }),
  );
  return { spec, search, rows, confirmation, screeningMs, files };
}

/**
 * The variant files go to OUT/variants and extend the base: OUT must be inside the base's folder tree (the
 * loader confines `extends` to it), else `validate` would refuse every file written there.
 */
function checkOutputFolder(out: string, baseFile: string): void {
  const variants = join(out, 'variants');
  mkdirSync(variants, { recursive: true });
  const confinement = Confinement.forTopFile(join(variants, 'x.json'));
  if (!confinement.allows(realPaths.realpath(baseFile)))
    throw new ScenarioError([
      {
        file: out,
        path: '',
        message: `the output folder must be inside the base scenario's folder tree (the variant files extend ${baseFile}, and the loader confines extends to ${confinement.tree})`,
      },
    ]);
}
