// What screening needs of the radio, computed once per optimisation: sim-core's RadioEnvironment (the
// scenario's channel model, clutter and zones) built with one cell per (mounting point, cell option: carrier
// option × antenna azimuth), and from it the link loss (path loss + the gNB antenna pattern's attenuation, as
// the run's link budget has it) and received power from every such cell at every point that is scored (the
// floor, the AGV paths, the fixed devices). A candidate is then scored with arithmetic on these tables only.
import {
  type CellRadio,
  fixedPositions,
  RadioEnvironment,
  RandomStreams,
  radio,
  replicationSeed,
} from '@factory-twin/sim-core';
import type { ModelConfig } from '../model/to-model-config';
import { toModelConfig } from '../model/to-model-config';
import { ScenarioError } from '../scenario/errors';
import type { Scenario } from '../scenario/schema';
import type { DecisionSpace } from './decision-space';
import type { OptimiseSpec } from './spec';

/** A point where a UE is assumed: height, antenna gain, power class and noise figure. */
export interface ScoredPoint {
  xM: number;
  yM: number;
  heightM: number;
  gainDbi: number;
  powerClassDbm: number;
}

// The UE of the coverage map (sim-core network/coverage.ts): TR 38.901 InF UT height, an omni antenna,
// PC3 (TS 38.101-1: 23 dBm) and a 9 dB noise figure (assumption, as there).
const MAP_UE = { heightM: 1.5, gainDbi: 0, powerClassDbm: 23, noiseFigureDb: 9 } as const;
/** Most table entries (cells × points) screening precomputes: about 240 MB of tables. */
const MAX_TABLE_ENTRIES = 2e7;

export interface ScreeningGeometry {
  env: RadioEnvironment;
  /** The run's model config of the base scenario (flows, AGVs, classes). */
  model: ModelConfig;
  floor: ScoredPoint[];
  path: ScoredPoint[];
  /** One per network device that is not on an AGV, in `model.network.devices` order; null for AGV devices. */
  devices: (ScoredPoint | null)[];
  /** Every scored point: floor, then path, then devices (the tables' column order). */
  points: ScoredPoint[];
  /**
   * Cell (mount × cell option) → link loss (dB: path loss + the antenna's attenuation toward the point,
   * sim-core `RadioEnvironment.linkLossDb`) and DL received power per PRB (mW) at every point.
   */
  pathLossDb: Float32Array[];
  rxDlMw: Float64Array[];
  /** Per carrier option: DL noise per PRB at a map UE, mW; interference zones' DL power per PRB per point, mW. */
  noiseDlMw: number[];
  zoneDlMw: Float64Array[];
  /** Per cell: zones' UL interference per PRB at the gNB, mW (zones always on: the conservative case). */
  zoneUlMw: number[];
  /** Cell options per mount (carrier options × azimuths). */
  optionCount: number;
  /** Per carrier option: the index of a cell with it (mount 0), for what depends on the carrier only. */
  carrierCell: number[];
}

/** Index of the cell of mount `m` with cell option `k`. */
export const cellIndex = (m: number, k: number, optionCount: number) => m * optionCount + k;

/**
 * Builds the tables. Path loss follows the run's channel model with the shadowing and LOS fields of
 * replication 0 (`replicationSeed(run.seed, 0)`): gNBs are named after their mounting point, so a variant's
 * gNB sees exactly these fields in that replication's run.
 */
export function screeningGeometry(
  spec: OptimiseSpec,
  base: Scenario,
  space: DecisionSpace,
): ScreeningGeometry {
  const model = toModelConfig(base);
  const floor = floorPoints(base, spec.coverage.cellSizeM);
  const path = pathPoints(base, spec.coverage.pathStepM);
  const agvIds = new Set((model.agv?.fleet ?? []).map((v) => v.id));
  const positions = fixedPositions(model.layout);
  const devices = model.network.devices.map((d): ScoredPoint | null => {
    if (agvIds.has(d.endpointId) || d.mobile) return null;
    const at =
      d.xM !== undefined && d.yM !== undefined ? { xM: d.xM, yM: d.yM } : positions.get(d.endpointId);
    if (at === undefined) return null;
    return { ...at, heightM: d.heightM, gainDbi: d.antennaGainDbi, powerClassDbm: d.powerClassDbm };
  });
  const points = [...floor, ...path, ...devices.filter((d): d is ScoredPoint => d !== null)];
  const O = space.options.length;
  const cells = space.mounts.length * O;
  if (cells * points.length > MAX_TABLE_ENTRIES)
    throw new ScenarioError([
      spec.issueAt(
        ['mounts'],
        `${space.mounts.length} mounting points × ${O} cell options (carriers × azimuths) × ${points.length} scored points is more than screening holds (${MAX_TABLE_ENTRIES.toExponential()}): use fewer mounting points, azimuths or a coarser coverage.cellSizeM`,
      ),
    ]);
  // One gNB per (mount, cell option), named after the mount, as the candidate puts it in its variant file:
  // toModelConfig fills in the carrier and defaults.
  const gnbs = space.mounts.flatMap((m) => space.options.map((_, k) => space.placedGnb(m, k)));
  const network = toModelConfig({ ...base, network: { ...base.network, gnbs } }).network;
  const env = new RadioEnvironment(network, new RandomStreams(replicationSeed(base.run.seed, 0)));
  const pathLossDb: Float32Array[] = [];
  const rxDlMw: Float64Array[] = [];
  const plCache = new Map<string, Float32Array>();
  for (const cell of env.cells) {
    const key = `${cell.id}@${cell.carrierGHz}@${space.options[cell.index % O].azimuthDeg}`;
    let pl = plCache.get(key);
    if (pl === undefined) {
      pl = Float32Array.from(points, (p) => env.linkLossDb(cell.index, p.xM, p.yM, p.heightM));
      plCache.set(key, pl);
    }
    pathLossDb.push(pl);
    rxDlMw.push(
      Float64Array.from(points, (p, i) =>
        radio.dbmToMw(cell.txPerPrbDbm + cell.antennaGainDbi + p.gainDbi - pl[i]),
      ),
    );
  }
  const carrierCell = space.carriers.map((_, k) =>
    cellIndex(
      0,
      space.options.findIndex((o) => o.carrier === k),
      O,
    ),
  );
  const first = (k: number): CellRadio => env.cells[carrierCell[k]];
  const noiseDlMw = space.carriers.map((_, k) =>
    radio.dbmToMw(
      radio.THERMAL_NOISE_DBM_PER_HZ + 10 * Math.log10(first(k).prbBandwidthHz) + MAP_UE.noiseFigureDb,
    ),
  );
  const zoneDlMw = space.carriers.map((_, k) => {
    const c = first(k);
    const out = new Float64Array(points.length);
    for (const z of env.zones) {
      if (!z.hitsCell[c.index]) continue;
      points.forEach((p, i) => {
        out[i] += radio.dbmToMw(
          z.config.powerDbm -
            10 * Math.log10(c.nPrb) -
            env.meanPathLossDb(z.config.xM, z.config.yM, z.heightM, p.xM, p.yM, p.heightM, c.carrierGHz) +
            p.gainDbi,
        );
      });
    }
    return out;
  });
  const zoneUlMw = env.cells.map((c) => env.zones.reduce((s, z) => s + z.atGnbPerPrbMw[c.index], 0));
  return {
    env,
    model,
    floor,
    path,
    devices,
    points,
    pathLossDb,
    rxDlMw,
    noiseDlMw,
    zoneDlMw,
    zoneUlMw,
    optionCount: O,
    carrierCell,
  };
}

/** Centres of a grid of `cellSizeM` squares over the floor (as the coverage map's cells). */
function floorPoints(s: Scenario, cellSizeM: number): ScoredPoint[] {
  const cols = Math.max(1, Math.ceil(s.floor.widthM / cellSizeM));
  const rows = Math.max(1, Math.ceil(s.floor.depthM / cellSizeM));
  const out: ScoredPoint[] = [];
  for (let r = 0; r < rows; r++)
    for (let c = 0; c < cols; c++)
      out.push({ xM: (c + 0.5) * cellSizeM, yM: (r + 0.5) * cellSizeM, ...mapUe() });
  return out;
}

/** Points every `stepM` along each edge of the AGV path network (each edge once), with its end nodes. */
function pathPoints(s: Scenario, stepM: number): ScoredPoint[] {
  if (s.paths === undefined || s.transport.kind !== 'agv') return [];
  const agvDevice = s.network.devices.find((d) => d.kind === 'agv');
  const ue = { ...mapUe(), ...(agvDevice?.heightM === undefined ? {} : { heightM: agvDevice.heightM }) };
  const nodes = new Map(s.paths.nodes.map((n) => [n.id, n]));
  const out: ScoredPoint[] = [];
  const seen = new Set<string>();
  for (const n of s.paths.nodes) out.push({ xM: n.xM, yM: n.yM, ...ue });
  for (const e of s.paths.edges) {
    const key = [e.from, e.to].sort().join('\u0000');
    if (seen.has(key)) continue;
    seen.add(key);
    const a = nodes.get(e.from);
    const b = nodes.get(e.to);
    if (a === undefined || b === undefined) continue;
    const len = Math.hypot(b.xM - a.xM, b.yM - a.yM);
    const steps = Math.ceil(len / stepM);
    for (let i = 1; i < steps; i++)
      out.push({ xM: a.xM + ((b.xM - a.xM) * i) / steps, yM: a.yM + ((b.yM - a.yM) * i) / steps, ...ue });
  }
  return out;
}

const mapUe = () => ({
  heightM: MAP_UE.heightM,
  gainDbi: MAP_UE.gainDbi,
  powerClassDbm: MAP_UE.powerClassDbm,
});
