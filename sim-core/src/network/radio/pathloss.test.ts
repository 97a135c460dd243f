import { describe, expect, it } from 'vitest';
import {
  distance3dM,
  INF_SHADOW_FADING_SIGMA_DB,
  infDlRawPathLossDb,
  infLosPathLossDb,
  infNlosPathLossDb,
  infPathLossDb,
  infShadowSigmaDb,
  isInfDistanceValid,
} from './pathloss';

// Expected values computed independently at development time with python3, e.g.
//   python3 -c "from math import log10; print(31.84+21.5*log10(d)+19*log10(f))"
// with the TR 38.901 Table 7.4.1-1 InF formulas:
//   LOS = 31.84 + 21.50 log10(d) + 19.00 log10(f)
//   SL  = 33    + 25.5  log10(d) + 20    log10(f)      NLOS_SL = max(LOS, SL)
//   DL  = 18.6  + 35.7  log10(d) + 20    log10(f)      NLOS_DL = max(LOS, SL, DL)
//   SH  = 32.4  + 23.0  log10(d) + 20    log10(f)      NLOS_SH = max(LOS, SH)
//   DH  = 33.63 + 21.9  log10(d) + 20    log10(f)      NLOS_DH = max(LOS, DH)
type Row = [freqGHz: number, dM: number, los: number, sl: number, dl: number, sh: number, dh: number];
const TABLE: Row[] = [
  [3.5, 1, 42.177293, 43.881361, 43.881361, 43.281361, 44.511361],
  [3.5, 5, 57.205148, 61.705096, 61.705096, 59.357671, 59.818804],
  [3.5, 10, 63.677293, 69.381361, 69.381361, 66.281361, 66.411361],
  [3.5, 20, 70.149438, 77.057626, 77.057626, 73.205051, 73.003918],
  [3.5, 50, 78.705148, 87.205096, 90.13459, 82.357671, 81.718804],
  [3.5, 100, 85.177293, 94.881361, 100.881361, 89.281361, 88.311361],
  [3.5, 300, 95.4354, 107.047953, 117.91459, 100.25515, 98.760316],
  [3.5, 600, 101.907545, 114.724218, 128.661361, 107.17884, 105.352873],
  [4.9, 1, 44.953726, 46.803922, 46.803922, 46.203922, 47.433922],
  [4.9, 5, 59.981581, 64.627657, 64.627657, 62.280232, 62.741365],
  [4.9, 10, 66.453726, 72.303922, 72.303922, 69.203922, 69.333922],
  [4.9, 20, 72.92587, 79.980186, 79.980186, 76.127612, 75.926479],
  [4.9, 50, 81.481581, 90.127657, 93.057151, 85.280232, 84.641365],
  [4.9, 100, 87.953726, 97.803922, 103.803922, 92.203922, 91.233922],
  [4.9, 300, 98.211832, 109.970514, 120.83715, 103.17771, 101.682877],
  [4.9, 600, 104.683977, 117.646778, 131.583921, 110.1014, 108.275434],
];

describe('InF path loss (TR 38.901 Table 7.4.1-1)', () => {
  it.each(TABLE)('f=%s GHz d=%s m matches the spec formulas', (f, d, los, sl, dl, sh, dh) => {
    expect(infLosPathLossDb(d, f)).toBeCloseTo(los, 5);
    expect(infNlosPathLossDb('InF-SL', d, f)).toBeCloseTo(sl, 5);
    expect(infNlosPathLossDb('InF-DL', d, f)).toBeCloseTo(dl, 5);
    expect(infNlosPathLossDb('InF-SH', d, f)).toBeCloseTo(sh, 5);
    expect(infNlosPathLossDb('InF-DH', d, f)).toBeCloseTo(dh, 5);
    expect(infNlosPathLossDb('InF-HH', d, f)).toBeCloseTo(los, 5);
    expect(infPathLossDb('InF-DH', true, d, f)).toBeCloseTo(los, 5);
    expect(infPathLossDb('InF-DH', false, d, f)).toBeCloseTo(dh, 5);
  });

  it('InF-DL uses the SL law below the crossover d = 10^(14.4/10.2) ≈ 25.81 m, its own law above', () => {
    // At 20 m and 3.5 GHz: raw DL = 75.928132 < SL = 77.057626 → max picks SL.
    expect(infDlRawPathLossDb(20, 3.5)).toBeCloseTo(75.928132, 5);
    expect(infNlosPathLossDb('InF-DL', 20, 3.5)).toBeCloseTo(77.057626, 5);
    // At 50 m: raw DL = 90.134590 > SL = 87.205096 → DL.
    expect(infNlosPathLossDb('InF-DL', 50, 3.5)).toBeCloseTo(90.13459, 5);
    // Continuity at the crossover.
    const dx = 25.808615404180753;
    expect(infNlosPathLossDb('InF-DL', dx - 1e-6, 3.5)).toBeCloseTo(
      infNlosPathLossDb('InF-DL', dx + 1e-6, 3.5),
      4,
    );
  });

  it('the max(PL_LOS, ·) term binds where the NLOS law falls below LOS (exercised at fc = 0.1 GHz)', () => {
    // Within 0.5–100 GHz the SH/DH laws are always above LOS; at 0.1 GHz, d = 1 m:
    //   LOS = 31.84 - 19 = 12.84, SH = 32.4 - 20 = 12.40 → max = 12.84; DH = 33.63 - 20 = 13.63.
    expect(infNlosPathLossDb('InF-SH', 1, 0.1)).toBeCloseTo(12.84, 9);
    expect(infNlosPathLossDb('InF-DH', 1, 0.1)).toBeCloseTo(13.63, 9);
  });

  it('clamps d3D below 1 m to 1 m (validity range 1–600 m) and does not clamp above 600 m', () => {
    expect(infLosPathLossDb(0.2, 3.5)).toBe(infLosPathLossDb(1, 3.5));
    expect(infNlosPathLossDb('InF-DL', 0, 4.9)).toBe(infNlosPathLossDb('InF-DL', 1, 4.9));
    expect(infLosPathLossDb(1000, 3.5)).toBeGreaterThan(infLosPathLossDb(600, 3.5));
    expect(isInfDistanceValid(0.5)).toBe(false);
    expect(isInfDistanceValid(1)).toBe(true);
    expect(isInfDistanceValid(600)).toBe(true);
    expect(isInfDistanceValid(601)).toBe(false);
  });

  it('3D distance from 2D distance and heights', () => {
    // sqrt(40^2 + (8 - 1.5)^2) = 40.524683835849...
    expect(distance3dM(40, 8, 1.5)).toBeCloseTo(40.52468383584, 9);
  });

  it('shadow-fading sigmas per Table 7.4.1-1', () => {
    expect(INF_SHADOW_FADING_SIGMA_DB).toEqual({
      LOS: 4.3,
      'InF-SL': 5.7,
      'InF-DL': 7.2,
      'InF-SH': 5.9,
      'InF-DH': 4.0,
    });
    expect(infShadowSigmaDb('InF-DL', true)).toBe(4.3);
    expect(infShadowSigmaDb('InF-DL', false)).toBe(7.2);
    expect(infShadowSigmaDb('InF-SH', false)).toBe(5.9);
    expect(infShadowSigmaDb('InF-HH', false)).toBe(4.3);
  });
});
