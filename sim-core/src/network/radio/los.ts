// LOS probability for the Indoor Factory scenario, 3GPP TR 38.901 V17.0.0 Table 7.4.2-1,
// with the clutter parameters of Table 7.2-4. Pure functions, no allocation.
import type { InfSubScenario } from './pathloss';

/** Clutter description of a factory hall (TR 38.901 Table 7.2-4). */
export interface InfClutter {
  /** Clutter density r: fraction of the surface area occupied by clutter, 0 <= r < 1. */
  readonly density: number;
  /** Effective clutter height h_c in metres (Table 7.2-4: 0–10 m, below the ceiling). */
  readonly heightM: number;
  /** Typical clutter size d_clutter in metres (Table 7.2-4: 10 m sparse, 2 m dense examples). */
  readonly sizeM: number;
}

/** Sparse vs dense clutter boundary: sparse r < 40 %, dense r >= 40 % (TR 38.901 Table 7.2-4). */
export const INF_DENSE_CLUTTER_MIN_DENSITY = 0.4;

/**
 * Example clutter sets for scenario authors. d_clutter (10 m / 2 m) follows the Table 7.2-4
 * examples; the density and height values are ASSUMPTIONS chosen inside the Table 7.2-4 ranges
 * (sparse r < 40 %, dense r >= 40 %, h_c 0–10 m) — not verified against the spec text here.
 */
export const INF_CLUTTER_EXAMPLES = {
  sparse: { density: 0.2, heightM: 2, sizeM: 10 }, // d_clutter 10 m: TR 38.901 Table 7.2-4; r, h_c: assumption
  dense: { density: 0.6, heightM: 6, sizeM: 2 }, // d_clutter 2 m: TR 38.901 Table 7.2-4; r, h_c: assumption
} as const satisfies Record<string, InfClutter>;

/**
 * Sub-scenario of a link (TR 38.901 Table 7.2-4 definitions):
 *  - InF-HH: both BS and UT above the clutter height;
 *  - Low BS (SL/DL): BS at or below the clutter height; High BS (SH/DH): BS above it;
 *  - Sparse (S*) if r < 0.4, dense (D*) otherwise.
 */
export function infSubScenario(clutter: InfClutter, bsHeightM: number, utHeightM: number): InfSubScenario {
  const high = bsHeightM > clutter.heightM;
  if (high && utHeightM > clutter.heightM) return 'InF-HH';
  const dense = clutter.density >= INF_DENSE_CLUTTER_MIN_DENSITY;
  if (high) return dense ? 'InF-DH' : 'InF-SH';
  return dense ? 'InF-DL' : 'InF-SL';
}

/**
 * k_subsce of TR 38.901 Table 7.4.2-1:
 *  - InF-SL, InF-DL: k = -d_clutter / ln(1 - r)
 *  - InF-SH, InF-DH: k = -d_clutter / ln(1 - r) · (h_BS - h_UT) / (h_c - h_UT)
 * Returns +Infinity for InF-HH (always LOS) and for r = 0 (no clutter).
 */
export function infKSubsceM(
  subScenario: InfSubScenario,
  clutter: InfClutter,
  bsHeightM: number,
  utHeightM: number,
): number {
  if (subScenario === 'InF-HH' || clutter.density <= 0) return Number.POSITIVE_INFINITY;
  const kLow = -clutter.sizeM / Math.log(1 - clutter.density); // TR 38.901 Table 7.4.2-1 (SL/DL)
  if (subScenario === 'InF-SL' || subScenario === 'InF-DL') return kLow;
  return (kLow * (bsHeightM - utHeightM)) / (clutter.heightM - utHeightM); // TR 38.901 Table 7.4.2-1 (SH/DH)
}

/** P_LOS = exp(-d2D / k_subsce) (TR 38.901 Table 7.4.2-1); InF-HH: P_LOS = 1. */
export function infLosProbability(
  subScenario: InfSubScenario,
  clutter: InfClutter,
  bsHeightM: number,
  utHeightM: number,
  distance2dM: number,
): number {
  const k = infKSubsceM(subScenario, clutter, bsHeightM, utHeightM);
  if (k === Number.POSITIVE_INFINITY) return 1;
  return Math.exp(-Math.max(0, distance2dM) / k);
}

/** Result of a link-state evaluation. */
export interface InfLinkState {
  /** Sub-scenario from the geometry; gives the NLOS path-loss law and σ_SF to use when NLOS. */
  readonly subScenario: InfSubScenario;
  /** LOS probability for this geometry. */
  readonly pLos: number;
}

/** Sub-scenario and LOS probability for a link (one small object; call per link change, not per slot). */
export function infLinkState(
  clutter: InfClutter,
  bsHeightM: number,
  utHeightM: number,
  distance2dM: number,
): InfLinkState {
  const subScenario = infSubScenario(clutter, bsHeightM, utHeightM);
  return { subScenario, pLos: infLosProbability(subScenario, clutter, bsHeightM, utHeightM, distance2dM) };
}

/**
 * Deterministic LOS/NLOS decision from a caller-supplied uniform draw u ∈ [0, 1): LOS iff u < P_LOS.
 * For spatial consistency (TR 38.901 §7.6.3.3) the caller supplies a spatially correlated uniform,
 * e.g. normalCdf() of a unit-σ shadow field sampled at the UT position.
 */
export function isLos(pLos: number, uniformDraw: number): boolean {
  return uniformDraw < pLos;
}
