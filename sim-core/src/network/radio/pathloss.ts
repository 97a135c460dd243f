// Indoor Factory (InF) path loss, 3GPP TR 38.901 V17.0.0 Table 7.4.1-1.
// All formulas: d3D in metres, fc in GHz, result in dB. Pure functions, no allocation.

/** InF sub-scenarios, TR 38.901 Table 7.2-4 (Sparse/Dense clutter × Low/High BS, plus High-High). */
export type InfSubScenario = 'InF-SL' | 'InF-DL' | 'InF-SH' | 'InF-DH' | 'InF-HH';

/** Lower bound of validity of the InF path-loss models: 1 m <= d3D (TR 38.901 Table 7.4.1-1). */
export const INF_MIN_DISTANCE_3D_M = 1;
/** Upper bound of validity of the InF path-loss models: d3D <= 600 m (TR 38.901 Table 7.4.1-1). */
export const INF_MAX_DISTANCE_3D_M = 600;
/** Frequency validity 0.5 <= fc <= 100 GHz (TR 38.901 Table 7.4.1-1, Note 2). */
export const INF_MIN_FREQ_GHZ = 0.5;
/** Frequency validity 0.5 <= fc <= 100 GHz (TR 38.901 Table 7.4.1-1, Note 2). */
export const INF_MAX_FREQ_GHZ = 100;

/**
 * Shadow-fading standard deviations σ_SF in dB, TR 38.901 Table 7.4.1-1 (InF rows).
 * InF-HH has no NLOS row (it is always LOS, Table 7.4.2-1), so it uses the LOS σ.
 */
export const INF_SHADOW_FADING_SIGMA_DB = {
  LOS: 4.3, // TR 38.901 Table 7.4.1-1, InF-LOS σ_SF
  'InF-SL': 5.7, // TR 38.901 Table 7.4.1-1, InF-SL σ_SF
  'InF-DL': 7.2, // TR 38.901 Table 7.4.1-1, InF-DL σ_SF
  'InF-SH': 5.9, // TR 38.901 Table 7.4.1-1, InF-SH σ_SF
  'InF-DH': 4.0, // TR 38.901 Table 7.4.1-1, InF-DH σ_SF
} as const;

/**
 * The InF formulas are only defined for d3D >= 1 m: shorter distances are clamped to 1 m so the
 * loss stays finite and monotone (the model is not extrapolated below its validity range).
 * Distances above 600 m are NOT clamped (the log-distance law is extrapolated); callers that
 * care can check {@link isInfDistanceValid}.
 */
function clampDistance(distance3dM: number): number {
  return Math.max(distance3dM, INF_MIN_DISTANCE_3D_M);
}

export function isInfDistanceValid(distance3dM: number): boolean {
  return distance3dM >= INF_MIN_DISTANCE_3D_M && distance3dM <= INF_MAX_DISTANCE_3D_M;
}

/** 3D distance from the 2D (ground) distance and the two antenna heights (TR 38.901 Fig. 7.4.1-1). */
export function distance3dM(distance2dM: number, bsHeightM: number, utHeightM: number): number {
  const dh = bsHeightM - utHeightM;
  return Math.sqrt(distance2dM * distance2dM + dh * dh);
}

/** PL_LOS = 31.84 + 21.50 log10(d3D) + 19.00 log10(fc)  (TR 38.901 Table 7.4.1-1, InF-LOS). */
export function infLosPathLossDb(distance3dM: number, freqGHz: number): number {
  const d = clampDistance(distance3dM);
  return 31.84 + 21.5 * Math.log10(d) + 19.0 * Math.log10(freqGHz); // TR 38.901 Table 7.4.1-1 InF-LOS
}

/** PL'_SL = 33 + 25.5 log10(d3D) + 20 log10(fc)  (TR 38.901 Table 7.4.1-1, InF-SL, before max()). */
export function infSlRawPathLossDb(distance3dM: number, freqGHz: number): number {
  const d = clampDistance(distance3dM);
  return 33.0 + 25.5 * Math.log10(d) + 20 * Math.log10(freqGHz); // TR 38.901 Table 7.4.1-1 InF-SL
}

/** PL'_DL = 18.6 + 35.7 log10(d3D) + 20 log10(fc)  (TR 38.901 Table 7.4.1-1, InF-DL, before max()). */
export function infDlRawPathLossDb(distance3dM: number, freqGHz: number): number {
  const d = clampDistance(distance3dM);
  return 18.6 + 35.7 * Math.log10(d) + 20 * Math.log10(freqGHz); // TR 38.901 Table 7.4.1-1 InF-DL
}

/** PL'_SH = 32.4 + 23.0 log10(d3D) + 20 log10(fc)  (TR 38.901 Table 7.4.1-1, InF-SH, before max()). */
export function infShRawPathLossDb(distance3dM: number, freqGHz: number): number {
  const d = clampDistance(distance3dM);
  return 32.4 + 23.0 * Math.log10(d) + 20 * Math.log10(freqGHz); // TR 38.901 Table 7.4.1-1 InF-SH
}

/** PL'_DH = 33.63 + 21.9 log10(d3D) + 20 log10(fc)  (TR 38.901 Table 7.4.1-1, InF-DH, before max()). */
export function infDhRawPathLossDb(distance3dM: number, freqGHz: number): number {
  const d = clampDistance(distance3dM);
  return 33.63 + 21.9 * Math.log10(d) + 20 * Math.log10(freqGHz); // TR 38.901 Table 7.4.1-1 InF-DH
}

/**
 * NLOS path loss for an InF sub-scenario, with the max() terms of TR 38.901 Table 7.4.1-1:
 *  - InF-SL: max(PL_LOS, PL_SL)
 *  - InF-DL: max(PL_LOS, PL_SL, PL_DL)   (note: DL also maxes against the SL law)
 *  - InF-SH: max(PL_LOS, PL_SH)
 *  - InF-DH: max(PL_LOS, PL_DH)
 *  - InF-HH: no NLOS law exists (always LOS, Table 7.4.2-1) → PL_LOS.
 */
export function infNlosPathLossDb(subScenario: InfSubScenario, distance3dM: number, freqGHz: number): number {
  const los = infLosPathLossDb(distance3dM, freqGHz);
  switch (subScenario) {
    case 'InF-SL':
      return Math.max(los, infSlRawPathLossDb(distance3dM, freqGHz));
    case 'InF-DL':
      return Math.max(
        los,
        infSlRawPathLossDb(distance3dM, freqGHz),
        infDlRawPathLossDb(distance3dM, freqGHz),
      );
    case 'InF-SH':
      return Math.max(los, infShRawPathLossDb(distance3dM, freqGHz));
    case 'InF-DH':
      return Math.max(los, infDhRawPathLossDb(distance3dM, freqGHz));
    case 'InF-HH':
      return los;
  }
}

/** Median path loss (no shadowing) for a LOS or NLOS link in the given InF sub-scenario. */
export function infPathLossDb(
  subScenario: InfSubScenario,
  isLos: boolean,
  distance3dM: number,
  freqGHz: number,
): number {
  return isLos
    ? infLosPathLossDb(distance3dM, freqGHz)
    : infNlosPathLossDb(subScenario, distance3dM, freqGHz);
}

/** σ_SF (dB) to use for a LOS or NLOS link in the given sub-scenario (TR 38.901 Table 7.4.1-1). */
export function infShadowSigmaDb(subScenario: InfSubScenario, isLos: boolean): number {
  if (isLos || subScenario === 'InF-HH') return INF_SHADOW_FADING_SIGMA_DB.LOS;
  return INF_SHADOW_FADING_SIGMA_DB[subScenario];
}
