// CQI tables (3GPP TS 38.214 V17 §5.2.2.1), SINR → CQI mapping and HARQ statistics.
// Lookups are allocation-free (thresholds precomputed at module load).

export type Modulation = 'QPSK' | '16QAM' | '64QAM' | '256QAM';

export interface CqiEntry {
  readonly cqi: number;
  readonly modulation: Modulation;
  /** Modulation order Q_m (bits per symbol). */
  readonly qm: number;
  /** Code rate × 1024. */
  readonly codeRateX1024: number;
  /** Spectral efficiency in bit/s/Hz (as printed in the spec table). */
  readonly efficiency: number;
}

export type CqiTableId = 1 | 2 | 3;

/** Target transport-block error probability for CQI tables 1 and 2: 0.1 (TS 38.214 §5.2.2.1). */
export const CQI_TARGET_BLER = 0.1;
/** Target transport-block error probability for CQI table 3: 0.00001 (TS 38.214 §5.2.2.1). */
export const CQI_TABLE_3_TARGET_BLER = 1e-5;

const e = (
  cqi: number,
  modulation: Modulation,
  qm: number,
  codeRateX1024: number,
  efficiency: number,
): CqiEntry => Object.freeze({ cqi, modulation, qm, codeRateX1024, efficiency });

/** TS 38.214 Table 5.2.2.1-2: 4-bit CQI Table 1 (up to 64QAM). Index 0 = "out of range" (null). */
export const CQI_TABLE_1: readonly (CqiEntry | null)[] = Object.freeze([
  null, // CQI 0: out of range (TS 38.214 Table 5.2.2.1-2)
  e(1, 'QPSK', 2, 78, 0.1523), // TS 38.214 Table 5.2.2.1-2
  e(2, 'QPSK', 2, 120, 0.2344),
  e(3, 'QPSK', 2, 193, 0.377),
  e(4, 'QPSK', 2, 308, 0.6016),
  e(5, 'QPSK', 2, 449, 0.877),
  e(6, 'QPSK', 2, 602, 1.1758),
  e(7, '16QAM', 4, 378, 1.4766),
  e(8, '16QAM', 4, 490, 1.9141),
  e(9, '16QAM', 4, 616, 2.4063),
  e(10, '64QAM', 6, 466, 2.7305),
  e(11, '64QAM', 6, 567, 3.3223),
  e(12, '64QAM', 6, 666, 3.9023),
  e(13, '64QAM', 6, 772, 4.5234),
  e(14, '64QAM', 6, 873, 5.1152),
  e(15, '64QAM', 6, 948, 5.5547),
]);

/** TS 38.214 Table 5.2.2.1-3: 4-bit CQI Table 2 (up to 256QAM). Index 0 = "out of range" (null). */
export const CQI_TABLE_2: readonly (CqiEntry | null)[] = Object.freeze([
  null, // CQI 0: out of range (TS 38.214 Table 5.2.2.1-3)
  e(1, 'QPSK', 2, 78, 0.1523), // TS 38.214 Table 5.2.2.1-3
  e(2, 'QPSK', 2, 193, 0.377),
  e(3, 'QPSK', 2, 449, 0.877),
  e(4, '16QAM', 4, 378, 1.4766),
  e(5, '16QAM', 4, 490, 1.9141),
  e(6, '16QAM', 4, 616, 2.4063),
  e(7, '64QAM', 6, 466, 2.7305),
  e(8, '64QAM', 6, 567, 3.3223),
  e(9, '64QAM', 6, 666, 3.9023),
  e(10, '64QAM', 6, 772, 4.5234),
  e(11, '64QAM', 6, 873, 5.1152),
  e(12, '256QAM', 8, 711, 5.5547),
  e(13, '256QAM', 8, 797, 6.2266),
  e(14, '256QAM', 8, 885, 6.9141),
  e(15, '256QAM', 8, 948, 7.4063),
]);

/** TS 38.214 Table 5.2.2.1-4: 4-bit CQI Table 3 (low spectral efficiency, for a 1e-5 BLER target). */
export const CQI_TABLE_3: readonly (CqiEntry | null)[] = Object.freeze([
  null, // CQI 0: out of range (TS 38.214 Table 5.2.2.1-4)
  e(1, 'QPSK', 2, 30, 0.0586), // TS 38.214 Table 5.2.2.1-4
  e(2, 'QPSK', 2, 50, 0.0977),
  e(3, 'QPSK', 2, 78, 0.1523),
  e(4, 'QPSK', 2, 120, 0.2344),
  e(5, 'QPSK', 2, 193, 0.377),
  e(6, 'QPSK', 2, 308, 0.6016),
  e(7, 'QPSK', 2, 449, 0.877),
  e(8, 'QPSK', 2, 602, 1.1758),
  e(9, '16QAM', 4, 378, 1.4766),
  e(10, '16QAM', 4, 490, 1.9141),
  e(11, '16QAM', 4, 616, 2.4063),
  e(12, '64QAM', 6, 466, 2.7305),
  e(13, '64QAM', 6, 567, 3.3223),
  e(14, '64QAM', 6, 666, 3.9023),
  e(15, '64QAM', 6, 772, 4.5234),
]);

export function cqiTable(table: CqiTableId): readonly (CqiEntry | null)[] {
  return table === 1 ? CQI_TABLE_1 : table === 2 ? CQI_TABLE_2 : CQI_TABLE_3;
}

/**
 * SNR gap Γ of the Shannon-gap link abstraction SE = log2(1 + SINR/Γ), in dB.
 * ASSUMPTION (not in any 3GPP spec): 4 dB puts CQI 1 at -5.5 dB and CQI 15 of table 1 at 20.6 dB
 * (table 2: 26.3 dB for 256QAM), in line with typical 10 %-BLER link-level curves.
 */
export const DEFAULT_SNR_GAP_DB = 4;

/**
 * Minimum SINR (dB) for each CQI of a table: SINR_th = Γ·(2^SE − 1). Index 0 is -Infinity.
 * Allocates one Float64Array(16): call once per configuration, not per slot.
 */
export function cqiSinrThresholdsDb(table: CqiTableId, snrGapDb: number = DEFAULT_SNR_GAP_DB): Float64Array {
  const rows = cqiTable(table);
  const out = new Float64Array(rows.length);
  out[0] = Number.NEGATIVE_INFINITY;
  for (let i = 1; i < rows.length; i++) out[i] = snrGapDb + 10 * Math.log10(2 ** rows[i]!.efficiency - 1);
  return out;
}

const DEFAULT_THRESHOLDS = [
  cqiSinrThresholdsDb(1),
  cqiSinrThresholdsDb(1),
  cqiSinrThresholdsDb(2),
  cqiSinrThresholdsDb(3),
];

/** Highest CQI whose threshold is <= sinrDb (0 = out of range), using given thresholds. No allocation. */
export function sinrToCqiWithThresholds(sinrDb: number, thresholdsDb: ArrayLike<number>): number {
  let cqi = 0;
  for (let i = 1; i < thresholdsDb.length; i++) {
    if (sinrDb >= thresholdsDb[i]!) cqi = i;
    else break;
  }
  return cqi;
}

/** CQI for a SINR under the default Shannon-gap thresholds (10 % BLER target). No allocation. */
export function sinrToCqi(sinrDb: number, table: CqiTableId = 1): number {
  return sinrToCqiWithThresholds(sinrDb, DEFAULT_THRESHOLDS[table]!);
}

/** Spectral efficiency (bit/s/Hz) of a CQI, 0 for CQI 0. */
export function cqiSpectralEfficiency(cqi: number, table: CqiTableId = 1): number {
  const row = cqiTable(table)[cqi];
  return row ? row.efficiency : 0;
}

/** Spectral efficiency achievable at a SINR (via the CQI chosen for 10 % BLER). No allocation. */
export function spectralEfficiencyForSinr(sinrDb: number, table: CqiTableId = 1): number {
  return cqiSpectralEfficiency(sinrToCqi(sinrDb, table), table);
}

/**
 * Default maximum number of HARQ retransmissions: 3 (4 transmissions in total).
 * ASSUMPTION: common gNB configuration (not mandated by the spec; NR allows up to 16 HARQ processes
 * and leaves the retransmission limit to the implementation).
 */
export const DEFAULT_MAX_HARQ_RETRANSMISSIONS = 3;

/*
 * HARQ model: each transmission of a transport block fails independently with probability `bler`
 * (no soft-combining gain — a conservative assumption). With M = 1 + maxRetransmissions attempts:
 *   P(success at attempt k)      = bler^(k-1)·(1 - bler)
 *   residual error               = bler^M
 *   E[#transmissions]            = Σ_{k=0}^{M-1} bler^k = (1 - bler^M) / (1 - bler)
 */

/** Probability that a transport block is still in error after all HARQ attempts. */
export function harqResidualErrorProbability(bler: number, maxRetransmissions: number): number {
  return bler ** (1 + maxRetransmissions);
}

/** Expected number of transmissions (including the first) until success or the attempt limit. */
export function harqExpectedTransmissions(bler: number, maxRetransmissions: number): number {
  const m = 1 + maxRetransmissions;
  if (bler >= 1) return m;
  return (1 - bler ** m) / (1 - bler);
}

/** Probability that the block is delivered exactly at transmission `attempt` (1-based). */
export function harqSuccessAtAttemptProbability(bler: number, attempt: number): number {
  return bler ** (attempt - 1) * (1 - bler);
}
