// Link adaptation: SINR → CQI (MCS) → spectral efficiency, rank, and the BLER of the chosen MCS.

import { type BlerCurve, curveBler, curveSinrForBler } from './radio/bler-curves';
import {
  CQI_TARGET_BLER,
  type CqiTableId,
  cqiSinrThresholdsDb,
  cqiSpectralEfficiency,
  sinrToCqiWithThresholds,
} from './radio/cqi';

/**
 * Slope of the BLER waterfall around a CQI threshold, per dB. ASSUMPTION (no spec value): BLER falls about
 * one decade per 1.2 dB above the 10 % point, in line with short-block LDPC AWGN curves.
 */
export const BLER_SLOPE_PER_DB = 2;

/** Odds of failure at a CQI threshold: the CQI definition's 10 % BLER (TS 38.214 §5.2.2.1). */
const THRESHOLD_ODDS = (1 - CQI_TARGET_BLER) / CQI_TARGET_BLER;

/**
 * BLER of an MCS used `marginDb` above its CQI threshold: a logistic curve through 10 % at the threshold,
 * falling with the margin and rising towards 1 below it.
 */
export function blerAtMargin(marginDb: number): number {
  return 1 / (1 + THRESHOLD_ODDS * Math.exp(BLER_SLOPE_PER_DB * marginDb));
}

/** SINR margin giving `blerTarget` (0 for the 10 % of the CQI definition). */
export function marginForBler(blerTarget: number): number {
  return Math.log((1 / blerTarget - 1) / THRESHOLD_ODDS) / BLER_SLOPE_PER_DB;
}

/** Result of one link-adaptation decision (reused object). */
export interface McsChoice {
  cqi: number;
  /** Spectral efficiency per layer, bit/s/Hz. */
  spectralEfficiency: number;
  layers: number;
  bler: number;
}

export class LinkAdapter {
  readonly thresholdsDb: Float64Array;
  /** SINR backoff so the MCS meets the BLER target. */
  readonly backoffDb: number;
  /** With BLER curves: the SINR at which each CQI meets the target (index 0: -Infinity). */
  private readonly targetDb: Float64Array | null;

  /**
   * `curves` (one per CQI of the table, from a link model): the MCS is the highest CQI whose curve meets the
   * BLER target at the SINR, and its BLER is read off its curve. Without: Shannon-gap thresholds and the
   * logistic of `blerAtMargin`.
   */
  constructor(
    readonly table: CqiTableId,
    blerTarget: number,
    private readonly curves?: readonly (BlerCurve | null)[],
  ) {
    if (!(blerTarget > 0 && blerTarget < 1))
      throw new RangeError(`blerTarget must be in (0, 1), got ${blerTarget}`);
    this.thresholdsDb = cqiSinrThresholdsDb(table);
    this.backoffDb = Math.max(0, marginForBler(blerTarget));
    this.targetDb = curves
      ? Float64Array.from(curves, (c) =>
          c === null ? Number.NEGATIVE_INFINITY : curveSinrForBler(c, blerTarget),
        )
      : null;
  }

  /** Lowest SINR at which the lowest MCS meets the BLER target. */
  get minSinrDb(): number {
    return this.targetDb ? this.targetDb[1]! : this.thresholdsDb[1]! + this.backoffDb;
  }

  /**
   * Picks the MCS for `sinrDb` on one layer. Below CQI 1 the lowest MCS is still used, with the BLER of the
   * waterfall (a link in a deep fade mostly fails and HARQ gives up).
   */
  choose(sinrDb: number, out: McsChoice): McsChoice {
    if (this.targetDb !== null) return this.chooseOnCurves(sinrDb, this.targetDb, out);
    let cqi = sinrToCqiWithThresholds(sinrDb - this.backoffDb, this.thresholdsDb);
    if (cqi === 0) cqi = 1;
    out.cqi = cqi;
    out.spectralEfficiency = cqiSpectralEfficiency(cqi, this.table);
    out.layers = 1;
    out.bler = blerAtMargin(sinrDb - this.thresholdsDb[cqi]!);
    return out;
  }

  private chooseOnCurves(sinrDb: number, targetDb: Float64Array, out: McsChoice): McsChoice {
    let cqi = sinrToCqiWithThresholds(sinrDb, targetDb);
    if (cqi === 0) cqi = 1;
    out.cqi = cqi;
    out.spectralEfficiency = cqiSpectralEfficiency(cqi, this.table);
    out.layers = 1;
    out.bler = curveBler(this.curves![cqi]!, sinrDb);
    return out;
  }

  /**
   * Rank adaptation: the number of layers L <= maxLayers maximising L · SE(SINR − 10·log10 L) (power split
   * evenly over the layers; no spatial-channel model), among ranks whose per-layer SINR meets the BLER
   * target. Ties keep fewer layers.
   */
  chooseWithRank(sinrDb: number, maxLayers: number, out: McsChoice): McsChoice {
    this.choose(sinrDb, out);
    let bestRate = out.spectralEfficiency * (1 - out.bler);
    let cqi = out.cqi;
    let se = out.spectralEfficiency;
    let bler = out.bler;
    let layers = 1;
    for (let l = 2; l <= maxLayers; l++) {
      const perLayerDb = sinrDb - 10 * Math.log10(l);
      if (perLayerDb < this.minSinrDb) break; // each layer must meet the BLER target
      this.choose(perLayerDb, out);
      const rate = l * out.spectralEfficiency * (1 - out.bler);
      if (rate > bestRate * (1 + 1e-9)) {
        bestRate = rate;
        cqi = out.cqi;
        se = out.spectralEfficiency;
        bler = out.bler;
        layers = l;
      }
    }
    out.cqi = cqi;
    out.spectralEfficiency = se;
    out.bler = bler;
    out.layers = layers;
    return out;
  }
}

/** The CQI / MCS table of classes with a tighter BLER target: TS 38.214 Table 5.2.2.1-4 (for a 1e-5 target). */
export const RELIABLE_CQI_TABLE = 3;

/**
 * The MCS choice of classes whose BLER target is tighter than the network's (URLLC: 1e-5): CQI table 3 at the
 * tightest of them (TS 38.214 §5.2.2.1), and per class 1 for those classes (their blocks take it), else 0.
 * `adapter` is null when no class is tighter (one target for all). Shared by the packet and the flow model.
 */
export function reliableLinkAdaptation(
  classTargets: readonly { blerTarget: number }[],
  networkTarget: number,
  curves?: (table: CqiTableId) => readonly (BlerCurve | null)[] | undefined,
): { adapter: LinkAdapter | null; classTier: Uint8Array } {
  const strictest = Math.min(...classTargets.map((p) => p.blerTarget));
  const adapter =
    strictest < networkTarget
      ? new LinkAdapter(RELIABLE_CQI_TABLE, strictest, curves?.(RELIABLE_CQI_TABLE))
      : null;
  const classTier = Uint8Array.from(classTargets, (p) =>
    adapter !== null && p.blerTarget < networkTarget ? 1 : 0,
  );
  return { adapter, classTier };
}
