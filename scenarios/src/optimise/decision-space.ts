// The decision space of the optimiser: mounting points, a carrier / TDD option (and, with `gnbs.antenna.
// azimuthsDeg`, an antenna azimuth) per placed gNB, one deployment mode. A candidate is a genome of small
// integers: gene i (one per mounting point) is 0 when no gNB is there, else 1 + the index of its cell option
// (carrier-major: option = carrier · azimuths + azimuth; without azimuths, the carrier option); the last gene is
// the index of the deployment mode.
import type { RandomStream } from '@factory-twin/sim-core';
import { ScenarioError, type ScenarioIssue } from '../scenario/errors';
import type { DeploymentMode, GnbAntenna, Scenario } from '../scenario/schema';
import type { OptimiseSpec } from './spec';
import type { CarrierOption } from './spec-schema';

export interface Mount {
  id: string;
  xM: number;
  yM: number;
  heightM: number;
}

export type Genome = readonly number[];

/** One gNB of a candidate, as it goes into the scenario (`network.gnbs[]`). */
export interface PlacedGnb {
  id: string;
  xM: number;
  yM: number;
  heightM: number;
  txPowerDbm: number;
  carrier?: Omit<CarrierOption, 'label'>;
  antenna?: GnbAntenna;
}

/** What a gene value > 0 places: a carrier option and, when the search chooses azimuths, an azimuth. */
export interface CellOption {
  carrier: number;
  /** null: the azimuth is not a decision variable (the spec's or base's antenna as it is). */
  azimuthDeg: number | null;
}

export interface Candidate {
  /** Genome key (stable text): equal candidates have equal keys. */
  key: string;
  gnbs: PlacedGnb[];
  /** The carrier option of each gNB (index into `carriers`). */
  carrierIndex: number[];
  /** The cell option of each gNB (index into `options`: its screening cell at its mount). */
  optionIndex: number[];
  /** The azimuth the search chose for each gNB; null where it chooses none. */
  azimuthDeg: (number | null)[];
  /** Mount index of each gNB. */
  mountIndex: number[];
  deployment: DeploymentMode;
}

export class DecisionSpace {
  readonly mounts: Mount[];
  /** Carrier options; one entry `{ label: 'base' }` when the spec gives none. */
  readonly carriers: CarrierOption[];
  readonly deployments: DeploymentMode[];
  readonly minGnbs: number;
  readonly maxGnbs: number;
  /** Transmit power of every placed gNB (spec, else the base's first gNB). */
  readonly txPowerDbm: number;
  /** Antenna of every placed gNB (spec, else the base's first gNB's; absent: omni), without azimuthsDeg. */
  readonly antenna: GnbAntenna | undefined;
  /** Cell options a gene chooses from: carriers × azimuths (`gnbs.antenna.azimuthsDeg`), carrier-major. */
  readonly options: CellOption[];
  /** The carrier every gNB of an operator-run mode (all but private) takes: index into `carriers`. */
  readonly operatorCarrier: number;
  private readonly azimuthCount: number;

  constructor(spec: OptimiseSpec, base: Scenario) {
    const first = base.network.gnbs[0];
    const heightM = spec.gnbs.heightM ?? first?.heightM ?? Math.min(8, base.floor.ceilingHeightM ?? 8);
    this.txPowerDbm = spec.gnbs.txPowerDbm ?? first?.txPowerDbm ?? 24;
    this.mounts = mountsOf(spec, base, heightM);
    this.deployments = spec.deployments.length > 0 ? spec.deployments : [base.network.deployment];
    const carriers = spec.carriers.length > 0 ? spec.carriers : [{ label: 'base' }];
    // An operator's RAN (public, slice) and an operator-built site RAN (hybrid) run on the operator's licensed
    // carrier with its network-wide TDD pattern (synchronised with the macro cells: TDD networks in one band
    // must be, or they jam each other's UL); only a private network on spectrum of its own picks its carrier.
    // ASSUMPTION: the operator's carrier is the base scenario's network.carrier (option label 'operator').
    const operatorRun = this.deployments.some((d) => d !== 'private');
    const baseIndex = carriers.findIndex((c) => Object.keys(c).length === 1);
    this.carriers =
      operatorRun && baseIndex < 0 && spec.carriers.length > 0
        ? [...carriers, { label: 'operator' }]
        : carriers;
    this.operatorCarrier = baseIndex >= 0 ? baseIndex : this.carriers.length - 1;
    const { azimuthsDeg, ...own } = spec.gnbs.antenna ?? {};
    this.antenna = spec.gnbs.antenna === undefined ? first?.antenna : (own as GnbAntenna);
    const azimuths: (number | null)[] = azimuthsDeg ?? [null];
    this.options = this.carriers.flatMap((_, carrier) =>
      azimuths.map((azimuthDeg) => ({ carrier, azimuthDeg })),
    );
    this.azimuthCount = azimuths.length;
    this.minGnbs = spec.gnbs.min;
    this.maxGnbs = spec.gnbs.max;
    if (this.maxGnbs > this.mounts.length)
      throw new ScenarioError([
        spec.issueAt(
          ['gnbs', 'max'],
          `expected at most the number of mounting points (${this.mounts.length} on this floor), got ${this.maxGnbs}`,
        ),
      ]);
  }

  get length(): number {
    return this.mounts.length + 1;
  }

  /** A random genome with between min and max gNBs. */
  random(rng: RandomStream): number[] {
    const g = new Array<number>(this.length).fill(0);
    const n = this.minGnbs + Math.floor(rng.next() * (this.maxGnbs - this.minGnbs + 1));
    for (const m of pick(this.mounts.length, n, rng)) g[m] = 1 + Math.floor(rng.next() * this.options.length);
    g[this.mounts.length] = Math.floor(rng.next() * this.deployments.length);
    return g;
  }

  /** Brings the number of gNBs into [min, max]: removes or adds gNBs at random mounting points. */
  repair(g: number[], rng: RandomStream): number[] {
    const m = this.mounts.length;
    const on = (): number[] => g.slice(0, m).flatMap((v, i) => (v > 0 ? [i] : []));
    let active = on();
    while (active.length > this.maxGnbs) {
      g[active[Math.floor(rng.next() * active.length)]] = 0;
      active = on();
    }
    while (active.length < this.minGnbs) {
      const free = g.slice(0, m).flatMap((v, i) => (v === 0 ? [i] : []));
      g[free[Math.floor(rng.next() * free.length)]] = 1 + Math.floor(rng.next() * this.options.length);
      active = on();
    }
    return g;
  }

  /** Uniform crossover of the genes, then repair. */
  crossover(a: Genome, b: Genome, rng: RandomStream): [number[], number[]] {
    const x = [...a];
    const y = [...b];
    for (let i = 0; i < x.length; i++)
      if (rng.next() < 0.5) {
        x[i] = b[i];
        y[i] = a[i];
      }
    return [this.repair(x, rng), this.repair(y, rng)];
  }

  /**
   * Mutation: each placed gNB changes carrier option, and the deployment mode changes, with probability
   * 1/length each; then one structural change (add / delete / move mutation of variable-size layouts): a gNB
   * is removed (¼), added at a random free mounting point (¼), or moved to the nearest free mounting point
   * in a random direction (½: small moves are what a planner tries by hand).
   */
  mutate(g0: Genome, rng: RandomStream): number[] {
    const g = [...g0];
    const m = this.mounts.length;
    const p = 1 / this.length;
    for (let i = 0; i < m; i++)
      if (g[i] > 0 && rng.next() < p) g[i] = 1 + Math.floor(rng.next() * this.options.length);
    if (rng.next() < p) g[m] = Math.floor(rng.next() * this.deployments.length);
    const u = rng.next();
    const active = g.slice(0, m).flatMap((v, i) => (v > 0 ? [i] : []));
    const free = g.slice(0, m).flatMap((v, i) => (v === 0 ? [i] : []));
    if (u < 0.25 && active.length > this.minGnbs) g[active[Math.floor(rng.next() * active.length)]] = 0;
    else if (u < 0.5 && active.length < this.maxGnbs && free.length > 0)
      g[free[Math.floor(rng.next() * free.length)]] = 1 + Math.floor(rng.next() * this.options.length);
    else this.move(g, rng);
    return this.repair(g, rng);
  }

  private move(g: number[], rng: RandomStream): void {
    const m = this.mounts.length;
    const active = g.slice(0, m).flatMap((v, i) => (v > 0 ? [i] : []));
    if (active.length === 0) return;
    const from = active[Math.floor(rng.next() * active.length)];
    const angle = rng.next() * 2 * Math.PI;
    const [dx, dy] = [Math.cos(angle), Math.sin(angle)];
    let best = -1;
    let bestD = Number.POSITIVE_INFINITY;
    const a = this.mounts[from];
    for (let i = 0; i < m; i++) {
      if (g[i] > 0) continue;
      const ex = this.mounts[i].xM - a.xM;
      const ey = this.mounts[i].yM - a.yM;
      const d = Math.hypot(ex, ey);
      if (ex * dx + ey * dy > 0.5 * d && d < bestD) {
        bestD = d;
        best = i;
      }
    }
    if (best < 0) return;
    g[best] = g[from];
    g[from] = 0;
  }

  key(g: Genome): string {
    return this.effective(g).join('.');
  }

  /** The genome as it is built: in an operator-run mode every gNB on the operator's carrier (same azimuth). */
  private effective(g: Genome): Genome {
    const m = this.mounts.length;
    if (this.deployments[g[m]] === 'private') return g;
    return g.map((v, i) =>
      i === m || v === 0 ? v : 1 + this.operatorCarrier * this.azimuthCount + ((v - 1) % this.azimuthCount),
    );
  }

  decode(genome: Genome): Candidate {
    const g = this.effective(genome);
    const m = this.mounts.length;
    const gnbs: PlacedGnb[] = [];
    const carrierIndex: number[] = [];
    const optionIndex: number[] = [];
    const azimuthDeg: (number | null)[] = [];
    const mountIndex: number[] = [];
    for (let i = 0; i < m; i++) {
      if (g[i] === 0) continue;
      const mount = this.mounts[i];
      gnbs.push(this.placedGnb(mount, g[i] - 1));
      const option = this.options[g[i] - 1];
      carrierIndex.push(option.carrier);
      optionIndex.push(g[i] - 1);
      azimuthDeg.push(option.azimuthDeg);
      mountIndex.push(i);
    }
    return {
      key: g.join('.'),
      gnbs,
      carrierIndex,
      optionIndex,
      azimuthDeg,
      mountIndex,
      deployment: this.deployments[g[m]],
    };
  }

  /** The gNB cell option `option` puts on `mount`, as it goes into the scenario (and into screening). */
  placedGnb(mount: Mount, option: number): PlacedGnb {
    const { carrier: k, azimuthDeg } = this.options[option];
    const { label: _l, ...carrier } = this.carriers[k];
    const antenna =
      this.antenna === undefined
        ? undefined
        : azimuthDeg === null
          ? this.antenna
          : { ...this.antenna, azimuthDeg };
    return {
      id: mount.id,
      xM: mount.xM,
      yM: mount.yM,
      heightM: mount.heightM,
      txPowerDbm: this.txPowerDbm,
      ...(Object.keys(carrier).length === 0 ? {} : { carrier }),
      ...(antenna === undefined ? {} : { antenna }),
    };
  }
}

/** `n` distinct indices of [0, size), in a seeded random order (partial Fisher–Yates). */
function pick(size: number, n: number, rng: RandomStream): number[] {
  const idx = Array.from({ length: size }, (_, i) => i);
  for (let i = 0; i < n; i++) {
    const j = i + Math.floor(rng.next() * (size - i));
    [idx[i], idx[j]] = [idx[j], idx[i]];
  }
  return idx.slice(0, n);
}

/** The mounting points of the spec: listed (checked against the floor) or a grid over the floor. */
function mountsOf(spec: OptimiseSpec, base: Scenario, heightM: number): Mount[] {
  const { widthM, depthM } = base.floor;
  const ceiling = base.floor.ceilingHeightM;
  if ('points' in spec.mounts) {
    const issues: ScenarioIssue[] = [];
    const mounts = spec.mounts.points.map((p, i) => {
      if (p.xM < 0 || p.xM > widthM || p.yM < 0 || p.yM > depthM)
        issues.push(
          spec.issueAt(
            ['mounts', 'points', i],
            `expected a point on the floor (0–${widthM} m × 0–${depthM} m), got (${p.xM}, ${p.yM})`,
          ),
        );
      const h = p.heightM ?? heightM;
      if (ceiling !== undefined && h > ceiling)
        issues.push(
          spec.issueAt(
            ['mounts', 'points', i, ...(p.heightM === undefined ? [] : ['heightM'])],
            `expected a height at most the ceiling (${ceiling} m), got ${h}`,
          ),
        );
      return { id: p.id, xM: p.xM, yM: p.yM, heightM: h };
    });
    if (issues.length > 0) throw new ScenarioError(issues);
    return mounts;
  }
  const { spacingM, spacingYM = spacingM, marginM } = spec.mounts.grid;
  const xs = axis(widthM, spacingM, marginM ?? spacingM / 2);
  const ys = axis(depthM, spacingYM, marginM ?? spacingYM / 2);
  if (xs.length * ys.length > 500 || xs.length === 0 || ys.length === 0)
    throw new ScenarioError([
      spec.issueAt(
        ['mounts', 'grid'],
        `expected a grid of 1–500 mounting points on the ${widthM} m × ${depthM} m floor, got ${xs.length} × ${ys.length}`,
      ),
    ]);
  return ys.flatMap((y) => xs.map((x) => ({ id: `MP-${fmt(x)}-${fmt(y)}`, xM: x, yM: y, heightM })));
}

function axis(lengthM: number, spacingM: number, marginM: number): number[] {
  const out: number[] = [];
  for (let v = marginM; v <= lengthM - marginM + 1e-9; v += spacingM) out.push(Math.round(v * 100) / 100);
  return out;
}

const fmt = (v: number) => String(v).replace('.', '_');
