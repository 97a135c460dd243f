// NR peak data rate (3GPP TS 38.306 V17 §4.1.2), PRB counts (TS 38.101-1 Table 5.3.2-1),
// TDD direction shares and per-PRB capacity for the MAC scheduler.

/** R_max = 948/1024 (TS 38.306 §4.1.2). */
export const R_MAX = 948 / 1024;
/** Subcarriers per resource block, N_sc^RB = 12 (TS 38.211 §4.4.4.1). */
export const SUBCARRIERS_PER_PRB = 12;
/** OFDM symbols per slot with normal cyclic prefix (TS 38.211 Table 4.3.2-1). */
export const SYMBOLS_PER_SLOT = 14;

export type FrequencyRange = 'FR1' | 'FR2';
export type LinkDirection = 'DL' | 'UL';

/** Overhead OH^(j) of TS 38.306 §4.1.2: FR1 DL 0.14, FR1 UL 0.08, FR2 DL 0.18, FR2 UL 0.10. */
export const PEAK_RATE_OVERHEAD = {
  FR1: { DL: 0.14, UL: 0.08 }, // TS 38.306 §4.1.2
  FR2: { DL: 0.18, UL: 0.1 }, // TS 38.306 §4.1.2
} as const;

export type ScsKHz = 15 | 30 | 60;

/**
 * Maximum transmission bandwidth configuration N_RB, FR1, TS 38.101-1 Table 5.3.2-1
 * (channel bandwidth in MHz → N_RB). 35/45 MHz (Rel-17 additions) are omitted.
 */
export const FR1_NRB: Readonly<Record<ScsKHz, Readonly<Record<number, number>>>> = {
  15: { 5: 25, 10: 52, 15: 79, 20: 106, 25: 133, 30: 160, 40: 216, 50: 270 }, // TS 38.101-1 Table 5.3.2-1
  30: {
    5: 11,
    10: 24,
    15: 38,
    20: 51,
    25: 65,
    30: 78,
    40: 106,
    50: 133,
    60: 162,
    70: 189,
    80: 217,
    90: 245,
    100: 273,
  }, // TS 38.101-1 Table 5.3.2-1
  60: { 10: 11, 15: 18, 20: 24, 25: 31, 30: 38, 40: 51, 50: 65, 60: 79, 70: 93, 80: 107, 90: 121, 100: 135 }, // TS 38.101-1 Table 5.3.2-1
};

/** N_RB for an FR1 channel; throws if the combination is not in Table 5.3.2-1. */
export function nPrbFr1(scsKHz: ScsKHz, bandwidthMHz: number): number {
  const n = FR1_NRB[scsKHz]?.[bandwidthMHz];
  if (n === undefined)
    throw new RangeError(`No N_RB for ${bandwidthMHz} MHz at ${scsKHz} kHz (TS 38.101-1 Table 5.3.2-1)`);
  return n;
}

/** Numerology μ from SCS = 15·2^μ kHz (TS 38.211 Table 4.2-1). */
export function numerology(scsKHz: number): number {
  const mu = Math.log2(scsKHz / 15);
  if (!Number.isInteger(mu) || mu < 0) throw new RangeError(`Invalid SCS ${scsKHz} kHz`);
  return mu;
}

/** Average OFDM symbol duration T_s^μ = 1e-3 / (14·2^μ) s (TS 38.306 §4.1.2). */
export function symbolDurationS(mu: number): number {
  return 1e-3 / (SYMBOLS_PER_SLOT * 2 ** mu);
}

/** Slot duration 1 ms / 2^μ, in ms (TS 38.211 §4.3.2). */
export function slotDurationMs(mu: number): number {
  return 1 / 2 ** mu;
}

export interface PeakRateCarrier {
  /** v_Layers: number of MIMO layers. */
  readonly layers: number;
  /** Q_m: modulation order (2, 4, 6, 8). */
  readonly modulationOrder: number;
  /** f: scaling factor (1, 0.8, 0.75 or 0.4). Default 1. */
  readonly scalingFactor?: number;
  readonly nPrb: number;
  readonly mu: number;
  /** OH: overhead, see {@link PEAK_RATE_OVERHEAD}. */
  readonly overhead: number;
}

/**
 * TS 38.306 §4.1.2 for one component carrier:
 *   rate [Mbps] = 1e-6 · v · Q_m · f · R_max · (N_PRB · 12) / T_s^μ · (1 − OH)
 * Sum over carriers for carrier aggregation.
 */
export function peakDataRateMbps(c: PeakRateCarrier): number {
  const f = c.scalingFactor ?? 1;
  return (
    1e-6 *
    c.layers *
    c.modulationOrder *
    f *
    R_MAX *
    ((c.nPrb * SUBCARRIERS_PER_PRB) / symbolDurationS(c.mu)) *
    (1 - c.overhead)
  );
}

/** Special-slot split in OFDM symbols (DL + guard + UL = 14), e.g. {dl: 10, gap: 2, ul: 2}. */
export interface SpecialSlot {
  readonly dl: number;
  readonly gap: number;
  readonly ul: number;
}

/** A common special-slot format (10:2:2). ASSUMPTION: typical operator choice, not mandated. */
export const DEFAULT_SPECIAL_SLOT: SpecialSlot = { dl: 10, gap: 2, ul: 2 };

export interface TddShare {
  readonly dlFraction: number;
  readonly ulFraction: number;
}

/**
 * Fraction of OFDM symbols per direction for a TDD slot pattern made of 'D', 'U' and 'S'
 * (e.g. 'DDDSU', 'DDDSUDDSUU', 'DSUUU', 'DDSUU'); guard symbols count for neither direction.
 */
export function tddShare(pattern: string, special: SpecialSlot = DEFAULT_SPECIAL_SLOT): TddShare {
  if (
    special.dl + special.gap + special.ul !== SYMBOLS_PER_SLOT ||
    special.dl < 0 ||
    special.gap < 0 ||
    special.ul < 0
  ) {
    throw new RangeError(
      `Special slot must split ${SYMBOLS_PER_SLOT} symbols, got ${JSON.stringify(special)}`,
    );
  }
  if (pattern.length === 0) throw new RangeError('Empty TDD pattern');
  let dl = 0;
  let ul = 0;
  for (const ch of pattern) {
    if (ch === 'D') dl += SYMBOLS_PER_SLOT;
    else if (ch === 'U') ul += SYMBOLS_PER_SLOT;
    else if (ch === 'S') {
      dl += special.dl;
      ul += special.ul;
    } else throw new RangeError(`Invalid slot '${ch}' in TDD pattern '${pattern}'`);
  }
  const total = pattern.length * SYMBOLS_PER_SLOT;
  return { dlFraction: dl / total, ulFraction: ul / total };
}

export interface TddPeakRates {
  readonly dlMbps: number;
  readonly ulMbps: number;
}

export interface TddCarrierConfig {
  readonly pattern: string;
  readonly special?: SpecialSlot;
  readonly frequencyRange?: FrequencyRange;
  readonly nPrb: number;
  readonly mu: number;
  readonly dl: { readonly layers: number; readonly modulationOrder: number; readonly scalingFactor?: number };
  readonly ul: { readonly layers: number; readonly modulationOrder: number; readonly scalingFactor?: number };
}

/** Peak rate per direction on a TDD carrier = TS 38.306 formula (per direction OH) × TDD symbol share. */
export function tddPeakRatesMbps(cfg: TddCarrierConfig): TddPeakRates {
  const share = tddShare(cfg.pattern, cfg.special);
  const oh = PEAK_RATE_OVERHEAD[cfg.frequencyRange ?? 'FR1'];
  return {
    dlMbps: peakDataRateMbps({ ...cfg.dl, nPrb: cfg.nPrb, mu: cfg.mu, overhead: oh.DL }) * share.dlFraction,
    ulMbps: peakDataRateMbps({ ...cfg.ul, nPrb: cfg.nPrb, mu: cfg.mu, overhead: oh.UL }) * share.ulFraction,
  };
}

/**
 * Information bits one PRB carries in one slot for a given spectral efficiency (bit/s/Hz ≡ bit per
 * resource element) and overhead fraction (DMRS, PDCCH, CSI-RS, …):
 *   bits = SE · 12 · symbolsPerSlot · (1 − overhead)
 * Pure and allocation-free (called per slot by the MAC scheduler).
 */
export function bitsPerPrbPerSlot(
  spectralEfficiency: number,
  overhead: number,
  symbolsPerSlot: number = SYMBOLS_PER_SLOT,
): number {
  return spectralEfficiency * SUBCARRIERS_PER_PRB * symbolsPerSlot * (1 - overhead);
}
