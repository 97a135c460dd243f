// AWGN BLER curves per modulation and code rate, fitted to the 5G-LENA NR link-level tables, and the EESM
// β of each MCS. Source: 5G-LENA (CTTC) error model, nr-eesm-t2 (MCS Table 2, TS 38.214 Table 5.1.3.1-2),
// LDPC base graph 1, the largest code-block size simulated per MCS; S. Lagén et al., "New Radio Physical
// Layer Abstraction for System-Level Simulations of 5G Networks", IEEE ICC 2020.
import { type CqiEntry, type CqiTableId, cqiTable } from './cqi';

/** A BLER curve: BLER(γ) = 1 / (1 + exp(slope·(γ_dB − mid))), logistic in dB. */
export interface BlerCurve {
  /** SINR (dB) of 50 % BLER. */
  readonly midDb: number;
  /** Steepness, per dB (log-odds fall by this much per dB). */
  readonly slopePerDb: number;
  /** EESM β of the MCS (linear). */
  readonly eesmBeta: number;
}

interface McsPoint {
  readonly qm: number;
  readonly codeRateX1024: number;
  /** 5G-LENA EESM β for MCS Table 2 (BetaTable2 of nr-eesm-t2). */
  readonly beta: number;
  /** Least-squares logistic fit (log-odds vs dB) to the 5G-LENA points with 0 < BLER < 1; absent: not fitted. */
  readonly fit?: { readonly midDb: number; readonly slopePerDb: number };
}

const m = (qm: number, codeRateX1024: number, beta: number, midDb?: number, slopePerDb?: number): McsPoint =>
  midDb === undefined || slopePerDb === undefined
    ? { qm, codeRateX1024, beta }
    : { qm, codeRateX1024, beta, fit: { midDb, slopePerDb } };

/**
 * MCS Table 2 (TS 38.214 Table 5.1.3.1-2), index 0..27: β from 5G-LENA; fits from its BG1 curves at code-block
 * size 8192 (8064 for index 2, 7808 for 13, 5248 for 27). Indexes 0, 1 (LDPC BG2) and 16, 18, 22–25 were not
 * fitted: their curves come from the neighbours (see `blerCurve`). Largest residual of a fit over the source
 * points with 1e-3 ≤ BLER ≤ 0.999: 0.074 dB (radio/bler-curves.test.ts checks them).
 */
export const LENA_MCS_TABLE_2: readonly McsPoint[] = Object.freeze([
  m(2, 120, 1.6),
  m(2, 193, 1.63),
  m(2, 308, 1.67, 1.771, 13.52),
  m(2, 449, 1.73, 3.27, 11.61),
  m(2, 602, 1.79, 4.641, 14.93),
  m(4, 378, 4.27, 6.842, 18.03),
  m(4, 434, 4.71, 7.58, 16.75),
  m(4, 490, 5.16, 8.333, 16.14),
  m(4, 553, 5.66, 9.179, 14.62),
  m(4, 616, 6.16, 10.085, 15.31),
  m(4, 658, 6.5, 10.638, 15.01),
  m(6, 466, 10.97, 12.034, 12.91),
  m(6, 517, 12.92, 12.97, 12.15),
  m(6, 567, 14.96, 13.811, 13.43),
  m(6, 616, 17.06, 14.674, 12.94),
  m(6, 666, 19.33, 15.59, 16.2),
  m(6, 719, 21.85),
  m(6, 772, 24.51, 17.521, 14.68),
  m(6, 822, 27.14),
  m(6, 873, 29.94, 19.446, 11.48),
  m(8, 682.5, 56.48, 20.603, 12.21),
  m(8, 711, 65.0, 21.222, 11.76),
  m(8, 754, 78.58),
  m(8, 797, 92.48),
  m(8, 841, 106.27),
  m(8, 885, 118.74),
  m(8, 916.5, 126.36, 26.18, 9.78),
  m(8, 948, 132.54, 26.768, 8.25),
]);

const spectralEfficiency = (qm: number, codeRateX1024: number) => (qm * codeRateX1024) / 1024;
/** Shannon bound of a spectral efficiency, dB: 10·log10(2^SE − 1). */
const shannonDb = (se: number) => 10 * Math.log10(2 ** se - 1);

/**
 * The curve of modulation order `qm` at code rate `codeRateX1024` / 1024. A fitted MCS gives its fit; any other
 * rate (MCS not fitted, CQI table 3's QPSK 30–78, table 1's 64QAM 948) takes, ASSUMPTION, the gap to the
 * Shannon bound at 50 % BLER interpolated linearly in spectral efficiency between the fitted neighbours of
 * the same modulation (held constant beyond them) and the slope of the nearest fitted one; β of the nearest
 * MCS of the same modulation.
 */
export function blerCurve(qm: number, codeRateX1024: number): BlerCurve {
  const same = LENA_MCS_TABLE_2.filter((p) => p.qm === qm);
  if (same.length === 0) throw new RangeError(`no BLER curve for modulation order ${qm}`);
  const se = spectralEfficiency(qm, codeRateX1024);
  let nearest = same[0]!;
  for (const p of same)
    if (Math.abs(p.codeRateX1024 - codeRateX1024) < Math.abs(nearest.codeRateX1024 - codeRateX1024))
      nearest = p;
  const exact = same.find((p) => p.codeRateX1024 === codeRateX1024);
  if (exact?.fit) return { ...exact.fit, eesmBeta: exact.beta };
  const fitted = same.filter((p) => p.fit !== undefined);
  const gap = (p: McsPoint) => p.fit!.midDb - shannonDb(spectralEfficiency(p.qm, p.codeRateX1024));
  let below: McsPoint | undefined;
  let above: McsPoint | undefined;
  for (const p of fitted) {
    if (p.codeRateX1024 < codeRateX1024) below = p;
    else if (above === undefined) above = p;
  }
  let gapDb: number;
  if (below && above) {
    const s0 = spectralEfficiency(below.qm, below.codeRateX1024);
    const s1 = spectralEfficiency(above.qm, above.codeRateX1024);
    gapDb = gap(below) + ((gap(above) - gap(below)) * (se - s0)) / (s1 - s0);
  } else gapDb = gap((below ?? above)!);
  const first = fitted[0];
  if (first === undefined) throw new RangeError(`no fitted BLER curve for modulation order ${qm}`);
  let slopeFrom = first;
  for (const p of fitted)
    if (Math.abs(p.codeRateX1024 - codeRateX1024) < Math.abs(slopeFrom.codeRateX1024 - codeRateX1024))
      slopeFrom = p;
  return { midDb: shannonDb(se) + gapDb, slopePerDb: slopeFrom.fit!.slopePerDb, eesmBeta: nearest.beta };
}

/** The curve of a CQI table row. */
export function blerCurveForCqi(row: CqiEntry): BlerCurve {
  return blerCurve(row.qm, row.codeRateX1024);
}

const CURVES_BY_TABLE = new Map<CqiTableId, readonly (BlerCurve | null)[]>();

/** The curve of each CQI of `table` (null where the table has no row), built once per table (pure constants). */
export function cqiBlerCurves(table: CqiTableId): readonly (BlerCurve | null)[] {
  let c = CURVES_BY_TABLE.get(table);
  if (c === undefined) {
    c = Object.freeze(cqiTable(table).map((row) => (row === null ? null : blerCurveForCqi(row))));
    CURVES_BY_TABLE.set(table, c);
  }
  return c;
}

/** BLER of a curve at `sinrDb`. */
export function curveBler(curve: BlerCurve, sinrDb: number): number {
  return 1 / (1 + Math.exp(curve.slopePerDb * (sinrDb - curve.midDb)));
}

/**
 * `count` equal-probability nodes of the curve as a law: BLER(x) = P(X > x) for X logistic (mid, 1/slope), whose
 * quantiles at u_j = (j + ½) / count are mid + ln(u_j / (1 − u_j)) / slope (dB). The mean of h over the nodes is
 * E[h(X)], e.g. a block's error probability averaged over a fading SINR (flow/flow-fading.ts).
 */
export function curveNodesDb(curve: BlerCurve, count: number): Float64Array {
  const x = new Float64Array(count);
  for (let j = 0; j < count; j++) {
    const u = (j + 0.5) / count;
    x[j] = curve.midDb + Math.log(u / (1 - u)) / curve.slopePerDb;
  }
  return x;
}

/** SINR (dB) at which the curve gives `bler`. */
export function curveSinrForBler(curve: BlerCurve, bler: number): number {
  return curve.midDb + Math.log((1 - bler) / bler) / curve.slopePerDb;
}
