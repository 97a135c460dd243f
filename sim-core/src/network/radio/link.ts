// Link budget helpers: dB/linear conversions, thermal noise, received power and SINR.
// Pure, allocation-free (SINR accepts any ArrayLike, e.g. a reused Float64Array).

/**
 * Thermal noise power spectral density kT0 at T0 = 290 K: 10·log10(1.380649e-23 · 290 · 1e3)
 * = -173.98 dBm/Hz, conventionally rounded to -174 dBm/Hz (ITU-R P.372; the value used in
 * 3GPP link budgets, e.g. TR 38.901 / TR 36.942).
 */
export const THERMAL_NOISE_DBM_PER_HZ = -174;

export function dbToLinear(db: number): number {
  return 10 ** (db / 10);
}

export function linearToDb(linear: number): number {
  return 10 * Math.log10(linear);
}

export function dbmToMw(powerDbm: number): number {
  return 10 ** (powerDbm / 10);
}

export function mwToDbm(powerMw: number): number {
  return 10 * Math.log10(powerMw);
}

/** Noise power N = -174 dBm/Hz + 10·log10(B) + NF, in dBm. */
export function noisePowerDbm(bandwidthHz: number, noiseFigureDb: number): number {
  return THERMAL_NOISE_DBM_PER_HZ + 10 * Math.log10(bandwidthHz) + noiseFigureDb;
}

/**
 * Received power P_rx = P_tx + G_tx + G_rx - PL - SF (dBm). `shadowFadingDb` is the shadowing
 * sample as an extra loss (positive = weaker signal), matching the PL + SF convention of TR 38.901.
 */
export function receivedPowerDbm(
  txPowerDbm: number,
  pathLossDb: number,
  shadowFadingDb = 0,
  antennaGainsDb = 0,
): number {
  return txPowerDbm + antennaGainsDb - pathLossDb - shadowFadingDb;
}

/**
 * SINR in dB: S / (N + Σ I_k), powers summed in linear (mW) domain.
 * `count` lets callers pass a reused buffer with only the first `count` entries valid.
 */
export function sinrDb(
  signalDbm: number,
  interferersDbm: ArrayLike<number>,
  noiseDbm: number,
  count: number = interferersDbm.length,
): number {
  let denomMw = dbmToMw(noiseDbm);
  for (let i = 0; i < count; i++) denomMw += dbmToMw(interferersDbm[i]!);
  return signalDbm - mwToDbm(denomMw);
}

/** SNR in dB (no interference). */
export function snrDb(signalDbm: number, noiseDbm: number): number {
  return signalDbm - noiseDbm;
}
