import { dirname, resolve } from 'node:path';
import type { NetworkFidelity } from '@factory-twin/sim-core';
import { Confinement, realPaths } from '../scenario/confine';
import { DEFAULT_PARSE_TIME_LIMIT_MS, Deadline } from '../scenario/deadline';
import { quote, ScenarioError, type ScenarioIssue } from '../scenario/errors';
import { ReadRefused, readBoundedText } from '../scenario/read-file';
import type { trafficClasses } from '../scenario/schema';
import { issueAt, parseSourceFile } from '../scenario/source-file';
import { type CarrierOption, checkOptimiseSpecData, type RawSpec } from './spec-schema';

/** A spec with its defaults filled in. */
export interface OptimiseSpec {
  file: string;
  baseFile: string;
  seed: number | string;
  mounts: RawSpec['mounts'];
  gnbs: {
    min: number;
    max: number;
    heightM?: number;
    txPowerDbm?: number;
    antenna?: RawSpec['gnbs']['antenna'] & {};
  };
  /** Empty: the base's carrier for every cell. */
  carriers: CarrierOption[];
  /** Empty: the base's deployment mode. */
  deployments: RawSpec['deployments'] & {};
  coverage: {
    sinrDb: number;
    direction: 'DL' | 'UL' | 'both';
    floorShare: number;
    pathShare: number;
    cellSizeM: number;
    pathStepM: number;
  };
  onTime: Partial<Record<(typeof trafficClasses)[number], number>>;
  search: { populationSize: number; generations: number };
  front: { max: number };
  confirm: { members: number; replications: number; hours?: number; fidelity: NetworkFidelity };
  /** Places a problem at a JSON path of the spec file (for checks against the base scenario). */
  issueAt(path: readonly PropertyKey[], message: string): ScenarioIssue;
}

// Defaults (assumptions, each a planner's starting point): SINR ≥ 0 dB is where CQI 1–2 still decode
// (TS 38.214 tables with a 4 dB gap: CQI 1 at about −5.5 dB), with margin for fading.
const DEFAULTS = {
  seed: 1,
  sinrDb: 0,
  floorShare: 0,
  pathShare: 0,
  cellSizeM: 2,
  pathStepM: 1,
  populationSize: 40,
  generations: 25,
  frontMax: 8,
  confirmMembers: 4,
  replications: 2,
} as const;

/** Reads and checks an optimise spec; every problem is a ScenarioError at its JSON path in the spec. */
export function loadOptimiseSpec(file: string): OptimiseSpec {
  let text: string;
  try {
    text = readBoundedText(file);
  } catch (error) {
    if (!(error instanceof ReadRefused)) throw error;
    throw new ScenarioError([
      { file, path: '', message: `cannot read the optimise spec: ${error.message}`, ...error.at },
    ]);
  }
  const source = parseSourceFile(file, text, new Deadline(DEFAULT_PARSE_TIME_LIMIT_MS));
  const checked = checkOptimiseSpecData(source.data);
  if (!checked.ok) throw new ScenarioError(checked.problems.map((p) => issueAt(source, p.path, p.message)));
  const raw = checked.spec;
  const baseFile = resolve(dirname(file), raw.base);
  const confinement = Confinement.forTopFile(file);
  if (!confinement.allows(realPaths.realpath(baseFile)))
    throw new ScenarioError([
      issueAt(
        source,
        ['base'],
        `${quote(raw.base)} is outside the spec's folder tree (${confinement.tree}): the base scenario must be inside it`,
      ),
    ]);
  if (!realPaths.exists(baseFile))
    throw new ScenarioError([
      issueAt(source, ['base'], `the base scenario ${quote(raw.base)} (${baseFile}) does not exist`),
    ]);
  const c = raw.coverage ?? {};
  return {
    file,
    baseFile,
    seed: raw.seed ?? DEFAULTS.seed,
    mounts: raw.mounts,
    gnbs: { ...raw.gnbs, min: raw.gnbs.min ?? 1 },
    carriers: raw.carriers ?? [],
    deployments: raw.deployments ?? [],
    coverage: {
      sinrDb: c.sinrDb ?? DEFAULTS.sinrDb,
      direction: c.direction ?? 'DL',
      floorShare: c.floorShare ?? DEFAULTS.floorShare,
      pathShare: c.pathShare ?? DEFAULTS.pathShare,
      cellSizeM: c.cellSizeM ?? DEFAULTS.cellSizeM,
      pathStepM: c.pathStepM ?? DEFAULTS.pathStepM,
    },
    onTime: raw.onTime ?? {},
    search: {
      populationSize: raw.search?.populationSize ?? DEFAULTS.populationSize,
      generations: raw.search?.generations ?? DEFAULTS.generations,
    },
    front: { max: raw.front?.max ?? DEFAULTS.frontMax },
    confirm: {
      members: raw.confirm?.members ?? DEFAULTS.confirmMembers,
      replications: raw.confirm?.replications ?? DEFAULTS.replications,
      ...(raw.confirm?.hours === undefined ? {} : { hours: raw.confirm.hours }),
      fidelity: raw.confirm?.fidelity ?? 'packet',
    },
    issueAt: (path, message) => issueAt(source, path, message),
  };
}
