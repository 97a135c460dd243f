// Received power between an AP and a point on the floor. Assumption: the 3GPP TR 38.901 Indoor Factory
// path loss (Table 7.4.1-1, radio/pathloss.ts) holds for Wi-Fi at 2.4 and 5 GHz too (its validity is
// 0.5–100 GHz); LOS and NLOS are mixed by the LOS probability (Table 7.4.2-1) as a median, without
// shadowing, so association is a deterministic function of position.
import { type InfClutter, infLosProbability, infSubScenario } from '../radio/los';
import { distance3dM, infLosPathLossDb, infNlosPathLossDb } from '../radio/pathloss';

export interface RadioPoint {
  xM: number;
  yM: number;
  heightM: number;
}

/** Median path loss, dB: −10·log10(P_LOS·10^(−PL_LOS/10) + (1 − P_LOS)·10^(−PL_NLOS/10)). */
export function medianInfPathLossDb(
  clutter: InfClutter,
  a: RadioPoint,
  b: RadioPoint,
  freqGHz: number,
): number {
  const hi = Math.max(a.heightM, b.heightM);
  const lo = Math.min(a.heightM, b.heightM);
  const d2 = Math.hypot(a.xM - b.xM, a.yM - b.yM);
  const d3 = distance3dM(d2, hi, lo);
  const sub = infSubScenario(clutter, hi, lo);
  const pLos = infLosProbability(sub, clutter, hi, lo, d2);
  const gainLos = 10 ** (-infLosPathLossDb(d3, freqGHz) / 10);
  const gainNlos = 10 ** (-infNlosPathLossDb(sub, d3, freqGHz) / 10);
  return -10 * Math.log10(pLos * gainLos + (1 - pLos) * gainNlos);
}
