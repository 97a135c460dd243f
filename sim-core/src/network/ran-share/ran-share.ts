// The RAN share of the factory on an operator's cells: per cell and direction, the public users' load at a
// time (read lazily from the clock hour, nothing scheduled) and the factory's PRB cap under the slice's RRM
// policy or best effort. Used by the packet MAC (cell-link.ts) and the flow model (flow/cell-load.ts).
import type { SimAction } from '../../engine/sim-action';
import type { Simulation } from '../../engine/simulation';
import type { NetworkConfig } from '../config';
import type { CellRadio } from '../radio-environment';
import { type Dir, DL, UL } from '../tdd-grid';
import { TRAFFIC_CLASSES } from '../traffic-classes';
import { HOUR_MS, HOURS_PER_DAY, hourOfDay, type PublicLoadConfig, type PublicLoadHour } from './public-load';
import { factoryPrbCap, publicPrbUse, type RrmPolicyRatio } from './rrm-policy';

/** The factory on an operator's shared cells (`public`, `slice`); absent: cells of its own (hybrid, private). */
export interface RanShareConfig {
  /** The public users' load per cell and hour. */
  readonly publicLoad: PublicLoadConfig;
  /** The factory slice's RRM policy (TS 28.541); absent: best effort, the default 5QI (`public`). */
  readonly policy?: RrmPolicyRatio;
}

/**
 * 5QI of every factory flow on a public network without a slice: the default bearer's non-GBR 5QI 9 (TS
 * 23.501 Table 5.7.4-1; an operator gives an ordinary subscription no other QoS flow), and no GBR.
 */
export const PUBLIC_DEFAULT_FIVE_QI = 9;

/**
 * The QoS the factory's flows get: on a shared RAN without a slice (best effort), every class on the default
 * non-GBR 5QI and no guaranteed bit rate; otherwise the config's own 5QIs. Deadlines stay the factory's.
 */
export function effectiveQosConfig(config: NetworkConfig): NetworkConfig {
  const share = config.ranShare;
  if (share === undefined || share.policy !== undefined) return config;
  const classOptions = Object.fromEntries(
    Object.entries(config.classOptions ?? {}).map(([tc, o]) => {
      const { gbrMbps: _dropped, ...rest } = o ?? {};
      return [tc, rest];
    }),
  );
  return {
    ...config,
    trafficClassMap: Object.fromEntries(TRAFFIC_CLASSES.map((tc) => [tc, PUBLIC_DEFAULT_FIVE_QI])),
    classOptions,
  };
}

/** One cell and direction of the shared RAN. */
export class CellShare {
  constructor(
    readonly nPrb: number,
    readonly dir: Dir,
    private readonly profile: readonly PublicLoadHour[],
    private readonly startHour: number,
    private readonly policy: RrmPolicyRatio | undefined,
  ) {}

  /** The public users of this cell at `tMs`. */
  hourAt(tMs: number): PublicLoadHour {
    return this.profile[hourOfDay(tMs, this.startHour)]!;
  }

  /** PRBs the public users want at `tMs`. */
  publicPrbs(tMs: number): number {
    const h = this.hourAt(tMs);
    return (this.dir === UL ? h.ulPrbShare : h.dlPrbShare) * this.nPrb;
  }

  /** Most PRBs the factory can use at `tMs` with `factoryUes` of its UEs backlogged (rrm-policy.ts). */
  factoryCapPrb(tMs: number, factoryUes: number): number {
    return factoryPrbCap(this.nPrb, this.publicPrbs(tMs), factoryUes, this.hourAt(tMs).ues, this.policy);
  }

  /**
   * Share of the cell's PRBs in use at `tMs`: the load factor its interference is weighted by in other cells
   * (load coupling: Siomina & Yuan, IEEE Trans. Wireless Commun. 11(6), 2012),
   * when the factory uses `factoryShare` of them: the factory's and the public users' (rrm-policy.ts).
   */
  totalLoad(tMs: number, factoryShare: number): number {
    const pub = publicPrbUse(this.nPrb, this.publicPrbs(tMs), factoryShare * this.nPrb, this.policy);
    return Math.min(1, factoryShare + pub / this.nPrb);
  }

  /** Share of the cell's PRBs the public users use at `tMs` when the factory uses `factoryShare` of them. */
  publicShare(tMs: number, factoryShare: number): number {
    return publicPrbUse(this.nPrb, this.publicPrbs(tMs), factoryShare * this.nPrb, this.policy) / this.nPrb;
  }
}

/** The shared RAN of a network: a CellShare per cell and direction, and the hours at which loads change. */
export class RanShare {
  private readonly shares: [CellShare, CellShare][];
  private readonly profiles: (readonly PublicLoadHour[])[];
  private readonly startHour: number;

  constructor(config: RanShareConfig, cells: readonly CellRadio[]) {
    const load = config.publicLoad;
    this.startHour = load.startHour ?? 0;
    this.profiles = cells.map((c) => load.cells?.[c.id] ?? load.hourly);
    this.shares = cells.map((c, i) => [
      new CellShare(c.nPrb, UL, this.profiles[i]!, this.startHour, config.policy),
      new CellShare(c.nPrb, DL, this.profiles[i]!, this.startHour, config.policy),
    ]);
  }

  cell(index: number, dir: Dir): CellShare {
    return this.shares[index]![dir];
  }

  /** The first hour boundary after `tMs` at which some cell's public load changes; Infinity when none. */
  nextChangeMs(tMs: number): number {
    const first = (Math.floor(tMs / HOUR_MS) + 1) * HOUR_MS;
    for (let k = 0; k < HOURS_PER_DAY; k++) {
      const at = first + k * HOUR_MS;
      const before = hourOfDay(at - HOUR_MS, this.startHour);
      const after = hourOfDay(at, this.startHour);
      if (this.profiles.some((p) => !sameHour(p[before]!, p[after]!))) return at;
    }
    return Number.POSITIVE_INFINITY;
  }

  /**
   * Calls `onChange` at every hour boundary where some cell's public load changes: one event per such
   * boundary (for models that hold state derived from the load; the packet MAC reads it lazily instead).
   */
  watch(sim: Simulation, onChange: () => void): void {
    const next = this.nextChangeMs(sim.now());
    if (!Number.isFinite(next)) return;
    const action: SimAction<undefined> = sim.action(
      () => {
        onChange();
        const after = this.nextChangeMs(sim.now());
        if (Number.isFinite(after)) action.schedule(undefined, after - sim.now());
      },
      { label: 'public load hour' },
    );
    action.schedule(undefined, next - sim.now());
  }
}

function sameHour(a: PublicLoadHour, b: PublicLoadHour): boolean {
  return a.ulPrbShare === b.ulPrbShare && a.dlPrbShare === b.dlPrbShare && a.ues === b.ues;
}
