import { describe, expect, it } from 'vitest';
import { RandomStreams } from '../../engine/random';
import {
  blerCurve,
  blerCurveForCqi,
  cqiBlerCurves,
  curveBler,
  curveNodesDb,
  curveSinrForBler,
  LENA_MCS_TABLE_2,
} from './bler-curves';
import { CQI_TABLE_1, CQI_TABLE_2, CQI_TABLE_3 } from './cqi';
import { chaseAttempts, chaseResidualBler } from './harq-combining';

/**
 * Source points: 5G-LENA nr-eesm-t2 BG1 tables (SINR dB, BLER) at the code-block size the fit uses; only
 * points with 1e-3 ≤ BLER ≤ 0.999 (the ends are 0 / 1 by simulation resolution).
 */
const SOURCE: [qm: number, r: number, points: [number, number][]][] = [
  [
    2,
    308,
    [
      [1.76, 0.507],
      [1.95, 0.1073718],
      [2.14, 0.0057],
    ],
  ],
  [
    2,
    602,
    [
      [4.4068, 0.946558],
      [4.67, 0.4442509],
      [4.8082, 0.127665],
      [4.94, 0.0191],
    ],
  ],
  [
    4,
    490,
    [
      [8.12, 0.9527778],
      [8.34, 0.4825472],
      [8.4498, 0.1947674],
      [8.56, 0.0433],
    ],
  ],
  [
    6,
    567,
    [
      [13.5, 0.9807692],
      [13.87, 0.3695652],
      [14.061, 0.0532],
      [14.25, 0.0017],
    ],
  ],
  [
    6,
    772,
    [
      [17.12, 0.9980769],
      [17.34, 0.8827586],
      [17.56, 0.4135552],
    ],
  ],
  [
    8,
    711,
    [
      [20.8333, 0.9875],
      [21.1667, 0.653699],
      [21.5, 0.066],
    ],
  ],
  [
    8,
    948,
    [
      [26.5, 0.8733108],
      [26.75, 0.5658186],
      [27, 0.1903495],
      [27.25, 0.0281],
      [27.5, 0.0013],
    ],
  ],
];

describe('BLER curves fitted to 5G-LENA', () => {
  it('reproduce their source points within 0.08 dB', () => {
    for (const [qm, r, points] of SOURCE) {
      const curve = blerCurve(qm, r);
      for (const [sinr, bler] of points)
        expect(Math.abs(curveSinrForBler(curve, bler) - sinr)).toBeLessThan(0.08);
    }
  });

  it('give every CQI of tables 1–3 a curve whose 10 % point rises with spectral efficiency', () => {
    for (const table of [CQI_TABLE_1, CQI_TABLE_2, CQI_TABLE_3]) {
      let last = Number.NEGATIVE_INFINITY;
      for (const row of table) {
        if (row === null) continue;
        const at10 = curveSinrForBler(blerCurveForCqi(row), 0.1);
        expect(at10).toBeGreaterThan(last);
        last = at10;
      }
    }
  });

  it('interpolate the gap to Shannon between fitted neighbours (256QAM 797 between 711 and 916.5)', () => {
    const shannon = (se: number) => 10 * Math.log10(2 ** se - 1);
    const gap = (r: number) => blerCurve(8, r).midDb - shannon((8 * r) / 1024);
    const w = (8 * 797 - 8 * 711) / (8 * 916.5 - 8 * 711);
    expect(gap(797)).toBeCloseTo(gap(711) + w * (gap(916.5) - gap(711)), 9);
    expect(blerCurve(8, 797).eesmBeta).toBe(92.48); // 5G-LENA β of MCS 23
    // CQI table 3's QPSK 30 keeps QPSK 308's gap (the lowest fitted QPSK rate)
    expect(gap0(2, 30)).toBeCloseTo(gap0(2, 308), 9);
    function gap0(qm: number, r: number) {
      return blerCurve(qm, r).midDb - shannon((qm * r) / 1024);
    }
    expect(LENA_MCS_TABLE_2).toHaveLength(28);
  });

  it('CQI 15 of table 2 sits 4.7 dB above the Shannon bound at 10 % (the built-in gap is 4 dB)', () => {
    const row = CQI_TABLE_2[15]!;
    const at10 = curveSinrForBler(blerCurveForCqi(row), 0.1);
    expect(at10 - 10 * Math.log10(2 ** ((8 * 948) / 1024) - 1)).toBeCloseTo(4.73, 1);
  });
});

describe('a curve as the law of the decoding threshold', () => {
  it('its equal-probability nodes x_j have BLER(x_j) = 1 − (j + ½)/n, rising', () => {
    const curve = blerCurveForCqi(CQI_TABLE_2[9]!);
    const n = 16;
    const x = curveNodesDb(curve, n);
    expect(x).toHaveLength(n);
    for (let j = 0; j < n; j++) {
      expect(curveBler(curve, x[j]!)).toBeCloseTo(1 - (j + 0.5) / n, 12);
      if (j > 0) expect(x[j]!).toBeGreaterThan(x[j - 1]!);
    }
  });

  it('cqiBlerCurves: the curve of each CQI row (null where the table has none), one table object per table', () => {
    const curves = cqiBlerCurves(2);
    expect(curves).toHaveLength(CQI_TABLE_2.length);
    for (const [cqi, row] of CQI_TABLE_2.entries())
      expect(curves[cqi]).toEqual(row === null ? null : blerCurveForCqi(row));
    expect(cqiBlerCurves(2)).toBe(curves);
  });
});

describe('HARQ with Chase combining', () => {
  const curve = blerCurve(2, 449);
  const gammaDb = curve.midDb - 1.5; // first attempt fails ~ 99.99 %: combining must carry it

  it('residual error after n attempts is BLER(10·log10(n·γ)) at a constant SINR (simulated vs closed form)', () => {
    const rng = new RandomStreams('chase').fresh('tb', 'harq');
    const trials = 40000;
    const stillBad = [0, 0, 0, 0, 0];
    for (let i = 0; i < trials; i++) {
      const { attempts, lost } = chaseAttempts(rng.next(), curve, () => gammaDb, 4);
      for (let n = 1; n <= 4; n++) if (lost || attempts > n) stillBad[n]++;
    }
    for (let n = 1; n <= 4; n++) {
      const closed = curveBler(curve, gammaDb + 10 * Math.log10(n));
      expect(chaseResidualBler(curve, Array(n).fill(gammaDb))).toBeCloseTo(closed, 12);
      const sim = stillBad[n] / trials;
      expect(Math.abs(sim - closed)).toBeLessThan(4 * Math.sqrt((closed * (1 - closed)) / trials) + 1e-4);
    }
    // Without combining the residual after 4 attempts would be BLER(γ)^4 ≈ 0.98: Chase makes it small.
    expect(curveBler(curve, gammaDb) ** 4).toBeGreaterThan(0.5);
    expect(curveBler(curve, gammaDb + 10 * Math.log10(4))).toBeLessThan(0.01);
  });

  it('adds SINRs linearly: two attempts at 3 dB and 0 dB combine to 10·log10(10^0.3 + 1) dB', () => {
    expect(chaseResidualBler(curve, [3, 0])).toBeCloseTo(
      curveBler(curve, 10 * Math.log10(10 ** 0.3 + 1)),
      12,
    );
  });
});
