// The optimisation settings a planner picks in the Optimise panel, and the optimise spec they make (the
// CLI's own spec format, scenarios/src/optimise/spec.ts, without `base`: the API sets it). The server
// checks the spec with the CLI's rules; nothing here re-validates it.
import { deploymentModes, trafficClasses } from '@factory-twin/scenarios/browser';
import { type Data, getIn, listAt } from '../model/data';
import { num } from '../objects/types';

export type DeploymentMode = (typeof deploymentModes)[number];
export type TrafficClass = (typeof trafficClasses)[number];
export { deploymentModes, trafficClasses };

/** A carrier / TDD option per cell; empty fields are the base's network.carrier. */
export interface CarrierChoice {
  label: string;
  frequencyGHz?: number;
  bandwidthMHz?: number;
  tddPattern?: string;
}

export interface OptimiseSettings {
  mounts: 'grid' | 'points';
  spacingM: number;
  /** Spacing along y (null: spacingM). */
  spacingYM: number | null;
  /** Mounting points, one "x y" (metres) a line. */
  points: string;
  minGnbs: number;
  maxGnbs: number;
  /** Mast height and power of placed gNBs (null: the base's first gNB). */
  heightM: number | null;
  txPowerDbm: number | null;
  /** Empty: the base's carrier for every cell. */
  carriers: CarrierChoice[];
  deployments: DeploymentMode[];
  sinrDb: number;
  direction: 'DL' | 'UL' | 'both';
  floorShare: number;
  pathShare: number;
  onTime: Partial<Record<TrafficClass, number>>;
  populationSize: number;
  generations: number;
  frontMax: number;
  seed: number;
  confirm: boolean;
  confirmMembers: number;
  replications: number;
  /** Simulated hours per confirmation run (null: the scenario's run length). */
  hours: number | null;
  fidelity: 'packet' | 'flow';
}

/** Mounting points a default grid aims at (the engine-parts example has 40). */
const GRID_POINTS = 40;

/** Grid spacing for about GRID_POINTS points on the floor, rounded up to a whole metre. */
export function defaultSpacingM(floor: { widthM: number; depthM: number }): number {
  return Math.max(1, Math.ceil(Math.sqrt((floor.widthM * floor.depthM) / GRID_POINTS)));
}

/** Starting settings for a scenario: a grid of ~40 points, up to two gNBs more than it has, its own mode. */
export function defaultSettings(data: Data): OptimiseSettings {
  const floor = {
    widthM: num(getIn(data, ['floor', 'widthM']), 40),
    depthM: num(getIn(data, ['floor', 'depthM']), 20),
  };
  const gnbs = listAt(data, ['network', 'gnbs']);
  const mode = getIn(data, ['network', 'deployment']);
  return {
    mounts: 'grid',
    spacingM: defaultSpacingM(floor),
    spacingYM: null,
    points: pointsText(gnbs),
    minGnbs: 1,
    maxGnbs: Math.min(6, Math.max(1, gnbs.length + 2)),
    heightM: null,
    txPowerDbm: null,
    carriers: [],
    deployments: deploymentModes.includes(mode as DeploymentMode) ? [mode as DeploymentMode] : ['public'],
    sinrDb: 0,
    direction: 'DL',
    floorShare: 0.9,
    pathShare: 0.98,
    onTime: {},
    populationSize: 40,
    generations: 25,
    frontMax: 8,
    seed: 1,
    confirm: false,
    confirmMembers: 2,
    replications: 2,
    hours: null,
    fidelity: 'flow',
  };
}

/** The positions of `items` (the gNBs in view) as mounting-point lines. */
export const pointsText = (items: Data[]) => items.map((g) => `${num(g.xM, 0)} ${num(g.yM, 0)}`).join('\n');

/** "x y" lines (space, comma or semicolon between) → mounting points P1, P2, …; a bad number is sent as null. */
export function parsePoints(text: string): { id: string; xM: number | null; yM: number | null }[] {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '')
    .map((l, i) => {
      const [x, y] = l.split(/[\s,;]+/).map(Number);
      const fin = (v: number | undefined) => (v !== undefined && Number.isFinite(v) ? v : null);
      return { id: `P${i + 1}`, xM: fin(x), yM: fin(y) };
    });
}

/** The traffic classes the scenario's flows use (on-time targets for others would be refused). */
export function classesOf(data: Data): TrafficClass[] {
  const used = new Set(listAt(data, ['network', 'traffic']).map((t) => t.trafficClass));
  return trafficClasses.filter((c) => used.has(c));
}

const defined = <T extends object>(o: T): Partial<T> =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== null)) as Partial<T>;

/** The optimise spec (without `base`) of the settings: what POST /api/optimise takes. */
export function specOf(s: OptimiseSettings): Record<string, unknown> {
  const carriers = s.carriers.map((c) => defined(c));
  return {
    seed: s.seed,
    mounts:
      s.mounts === 'grid'
        ? { grid: defined({ spacingM: s.spacingM, spacingYM: s.spacingYM }) }
        : { points: parsePoints(s.points) },
    gnbs: defined({ min: s.minGnbs, max: s.maxGnbs, heightM: s.heightM, txPowerDbm: s.txPowerDbm }),
    ...(carriers.length > 0 ? { carriers } : {}),
    deployments: s.deployments,
    coverage: { sinrDb: s.sinrDb, direction: s.direction, floorShare: s.floorShare, pathShare: s.pathShare },
    ...(Object.keys(s.onTime).length > 0 ? { onTime: defined(s.onTime) } : {}),
    search: { populationSize: s.populationSize, generations: s.generations },
    front: { max: s.frontMax },
    confirm: s.confirm
      ? defined({
          members: s.confirmMembers,
          replications: s.replications,
          hours: s.hours,
          fidelity: s.fidelity,
        })
      : { members: 0 },
  };
}

/** Most layouts screened: the first population, then one population of offspring per generation. */
export const maxEvaluations = (s: Pick<OptimiseSettings, 'populationSize' | 'generations'>) =>
  s.populationSize * (s.generations + 1);
