// Model-level channel checks: the assembled network (buildNetwork → devices → serving cell → RSRP / SINR /
// throughput) applies TR 38.901 InF LOS probability, path loss and shadow fading, picks the InF
// sub-scenario as configured, weighs inter-cell interference by load by default, and reaches the TS 38.306
// peak rate in more TDD / bandwidth / numerology configurations. The radio/ unit tests check the formulas
// themselves; here every expected value is recomputed from the spec equations in this file.
import { describe, expect, it } from 'vitest';
import { RandomStreams } from '../engine/random';
import { Simulation } from '../engine/simulation';
import type { GnbConfig, NetworkConfig } from './config';
import { exampleDevice, exampleGnb, exampleNetwork } from './fixtures';
import { buildNetwork } from './network-model';

// ---------------------------------------------------------------------------------------------------------
// Spec equations, typed in from the documents (not imported from the code under test)

type Sub = 'InF-SL' | 'InF-DL' | 'InF-SH' | 'InF-DH' | 'InF-HH';
interface Clutter {
  density: number;
  heightM: number;
  sizeM: number;
}

/** TR 38.901 Table 7.2-4 clutter of the four InF sub-scenarios (h_c, r, d_clutter); h_UT = 1.5 m. */
const SPARSE: Clutter = { density: 0.2, heightM: 2, sizeM: 10 };
const DENSE: Clutter = { density: 0.6, heightM: 6, sizeM: 2 };
const UT_HEIGHT_M = 1.5;
const LOW_BS_HEIGHT_M = 1.5; // Table 7.2-4, InF-SL / InF-DL
const HIGH_BS_HEIGHT_M = 8; // Table 7.2-4, InF-SH / InF-DH
const FC_GHZ = 3.5;
/** N_RB of 100 MHz at 30 kHz, TS 38.101-1 Table 5.3.2-1. */
const N_PRB_100MHZ_30KHZ = 273;
const GNB_TX_DBM = 30;
const GNB_GAIN_DBI = 5;
const GNB_NF_DB = 5;
const UE_NF_DB = 9; // the model's default UE noise figure (device.ts), stated here as an input
const THERMAL_DBM_PER_HZ = -174;

const lg = Math.log10;
/** TR 38.901 Table 7.4.1-1, InF-LOS. */
const plLosDb = (d3: number, f: number) => 31.84 + 21.5 * lg(d3) + 19 * lg(f);
/** TR 38.901 Table 7.4.1-1, InF NLOS laws (before the max()). */
const plSlRawDb = (d3: number, f: number) => 33 + 25.5 * lg(d3) + 20 * lg(f);
const plDlRawDb = (d3: number, f: number) => 18.6 + 35.7 * lg(d3) + 20 * lg(f);
const plShRawDb = (d3: number, f: number) => 32.4 + 23 * lg(d3) + 20 * lg(f);
const plDhRawDb = (d3: number, f: number) => 33.63 + 21.9 * lg(d3) + 20 * lg(f);
function plNlosDb(sub: Sub, d3: number, f: number): number {
  const los = plLosDb(d3, f);
  switch (sub) {
    case 'InF-SL':
      return Math.max(los, plSlRawDb(d3, f));
    case 'InF-DL':
      return Math.max(los, plSlRawDb(d3, f), plDlRawDb(d3, f));
    case 'InF-SH':
      return Math.max(los, plShRawDb(d3, f));
    case 'InF-DH':
      return Math.max(los, plDhRawDb(d3, f));
    case 'InF-HH':
      return los;
  }
}
/** σ_SF, TR 38.901 Table 7.4.1-1. */
const SIGMA_LOS_DB = 4.3;
const SIGMA_NLOS_DB: Record<Exclude<Sub, 'InF-HH'>, number> = {
  'InF-SL': 5.7,
  'InF-DL': 7.2,
  'InF-SH': 5.9,
  'InF-DH': 4.0,
};
/** P_LOS = exp(−d2D / k_subsce), TR 38.901 Table 7.4.2-1. */
function pLos(sub: Sub, c: Clutter, hBs: number, hUt: number, d2: number): number {
  if (sub === 'InF-HH') return 1;
  const kLow = -c.sizeM / Math.log(1 - c.density);
  const k = sub === 'InF-SL' || sub === 'InF-DL' ? kLow : (kLow * (hBs - hUt)) / (c.heightM - hUt);
  return Math.exp(-d2 / k);
}

// ---------------------------------------------------------------------------------------------------------
// Probing the assembled model

interface Point {
  xM: number;
  yM: number;
}

function gnb(id: string, xM: number, yM: number, overrides: Partial<GnbConfig> = {}): GnbConfig {
  return exampleGnb(id, xM, yM, {
    carrierGHz: FC_GHZ,
    bandwidthMHz: 100,
    scsKHz: 30,
    txPowerDbm: GNB_TX_DBM,
    antennaGainDbi: GNB_GAIN_DBI,
    noiseFigureDb: GNB_NF_DB,
    ...overrides,
  });
}

interface Probed {
  servingCellId: string;
  /** Path loss to the serving gNB, recovered from the device's RSRP per PRB. */
  plDb: number;
}

/**
 * One fixed device per point (every gNB here is 100 MHz at 30 kHz), each sending one message (which attaches it: geometry, best server, RSRP).
 * PL = P_tx − 10·log10(N_PRB) + G_gNB + G_UE − RSRP per PRB (G_UE = 0 dBi).
 */
function probePathLoss(
  config: NetworkConfig,
  points: readonly Point[],
  seed: number,
  utHeightM = UT_HEIGHT_M,
) {
  const sim = new Simulation();
  const devices = points.map((_, i) =>
    exampleDevice(`ue${i}`, `P${i}`, { mobile: false, heightM: utHeightM, antennaGainDbi: 0 }),
  );
  const net = buildNetwork(
    sim,
    { ...config, devices },
    { streams: new RandomStreams(seed), locate: (id) => points[Number(id.slice(1))] },
  );
  for (let i = 0; i < points.length; i++)
    net.send(
      { from: `P${i}`, to: 'control', sizeBytes: 20, trafficClass: 'telemetry', payload: null },
      () => {},
    );
  const byId = new Map(config.gnbs.map((g) => [g.id, g]));
  return net.snapshot().devices.map((d): Probed => {
    const g = byId.get(d.servingCellId!)!;
    return {
      servingCellId: g.id,
      plDb: g.txPowerDbm - 10 * lg(N_PRB_100MHZ_30KHZ) + g.antennaGainDbi - d.rsrpDbm,
    };
  });
}

/** Which table law a median path loss is: 'LOS', 'NLOS' (of `sub`) or 'other' (neither: a bug). */
function state(plDb: number, sub: Sub, d3: number): 'LOS' | 'NLOS' | 'other' {
  if (Math.abs(plDb - plLosDb(d3, FC_GHZ)) < 1e-6) return 'LOS';
  if (Math.abs(plDb - plNlosDb(sub, d3, FC_GHZ)) < 1e-6) return 'NLOS';
  return 'other';
}

const d3dM = (d2: number, hBs: number, hUt: number) => Math.hypot(d2, hBs - hUt);

// ---------------------------------------------------------------------------------------------------------

/** LOS points among `states`, against P_LOS per point: count, Σp and the binomial SD √Σp(1−p). */
function losTally(states: readonly ('LOS' | 'NLOS' | 'other')[], p: readonly number[]) {
  let count = 0;
  let expected = 0;
  let variance = 0;
  states.forEach((s, i) => {
    if (s === 'LOS') count++;
    expected += p[i];
    variance += p[i] * (1 - p[i]);
  });
  return { count, expected, sd: Math.sqrt(variance), n: states.length };
}

describe('LOS state: the share of LOS points follows P_LOS of TR 38.901 Table 7.4.2-1', () => {
  it('InF-SH (sparse clutter, BS above it): one gNB, circles of 100–400 m, three seeds', () => {
    // Points on circles around one gNB, >= 15 m apart along a circle and 50 m between circles: three times
    // the LOS-state correlation distance d_clutter / 2 = 5 m, so neighbouring LOS fields correlate by
    // exp(−3) ≈ 0.05 and the states are close to independent Bernoulli(P_LOS(d2D)) draws. Three seeds
    // (independent fields) triple the sample.
    const config = exampleNetwork({
      gnbs: [gnb('g', 0, 0, { heightM: HIGH_BS_HEIGHT_M })],
      clutter: { ...SPARSE },
      shadowing: false,
    });
    const radii = [100, 150, 200, 250, 300, 350, 400];
    const points: Point[] = [];
    const radiusOf: number[] = [];
    for (const r of radii) {
      const n = Math.floor((2 * Math.PI * r) / 15);
      for (let i = 0; i < n; i++) {
        const a = (2 * Math.PI * i) / n;
        points.push({ xM: r * Math.cos(a), yM: r * Math.sin(a) });
        radiusOf.push(r);
      }
    }
    const states: ('LOS' | 'NLOS' | 'other')[] = [];
    const p: number[] = [];
    const pIfLowBs: number[] = [];
    const radiusOfState: number[] = [];
    for (const seed of [11, 12, 13]) {
      const probed = probePathLoss(config, points, seed);
      probed.forEach((x, i) => {
        const r = radiusOf[i];
        states.push(state(x.plDb, 'InF-SH', d3dM(r, HIGH_BS_HEIGHT_M, UT_HEIGHT_M)));
        p.push(pLos('InF-SH', SPARSE, HIGH_BS_HEIGHT_M, UT_HEIGHT_M, r));
        pIfLowBs.push(pLos('InF-SL', SPARSE, HIGH_BS_HEIGHT_M, UT_HEIGHT_M, r));
        radiusOfState.push(r);
      });
    }
    expect(states.filter((s) => s === 'other')).toEqual([]); // every point is on the LOS or the SH NLOS law
    // Per radius (n = 123–501): within 4 binomial SE. Measured (seeds 11–13): 0.846 / 0.817 / 0.711 / 0.660 /
    // 0.571 / 0.553 / 0.491 against P_LOS 0.842 / 0.773 / 0.709 / 0.651 / 0.598 / 0.548 / 0.503.
    for (const r of radii) {
      const idx = radiusOfState.flatMap((x, i) => (x === r ? [i] : []));
      const t = losTally(
        idx.map((i) => states[i]),
        idx.map((i) => p[i]),
      );
      expect(Math.abs(t.count - t.expected)).toBeLessThan(4 * t.sd);
    }
    // Pooled: 1341 LOS of 2184 against Σ P_LOS = 1343.6 ± 22.3.
    const all = losTally(states, p);
    expect(Math.abs(all.count - all.expected)).toBeLessThan(3.5 * all.sd);
    // The check has power: the low-BS k (no (h_BS − h_UT)/(h_c − h_UT) factor) would predict ~3 % LOS.
    const wrong = losTally(states, pIfLowBs);
    expect(Math.abs(wrong.count - wrong.expected)).toBeGreaterThan(20 * wrong.sd);
  });

  it('InF-DL (dense clutter, BS below it): 150 gNBs, 3 points each at d2D = d3D = 2 m, two seeds', () => {
    // d_clutter = 2 m: LOS correlation distance 1 m. Each gNB has its own LOS field (seeded per gNB id); its
    // three points are 3.5 m apart (field correlation exp(−3.5) ≈ 0.03), so 900 ~independent draws.
    // gNBs 60 m apart: a point 2 m from its gNB is always best served by it (asserted).
    const config = exampleNetwork({
      gnbs: Array.from({ length: 150 }, (_, i) =>
        gnb(`g${i}`, (i % 15) * 60, Math.floor(i / 15) * 60, { heightM: LOW_BS_HEIGHT_M }),
      ),
      clutter: { ...DENSE },
      shadowing: false,
    });
    const d = 2;
    const points: Point[] = [];
    for (const g of config.gnbs)
      for (let j = 0; j < 3; j++) {
        const a = (2 * Math.PI * j) / 3;
        points.push({ xM: g.xM + d * Math.cos(a), yM: g.yM + d * Math.sin(a) });
      }
    const p = pLos('InF-DL', DENSE, LOW_BS_HEIGHT_M, UT_HEIGHT_M, d); // exp(−2 / 2.18) = 0.400
    const states: ('LOS' | 'NLOS' | 'other')[] = [];
    for (const seed of [12, 13])
      probePathLoss(config, points, seed).forEach((x, i) => {
        expect(x.servingCellId).toBe(`g${Math.floor(i / 3)}`);
        states.push(state(x.plDb, 'InF-DL', d3dM(d, LOW_BS_HEIGHT_M, UT_HEIGHT_M)));
      });
    expect(states.filter((s) => s === 'other')).toEqual([]);
    const t = losTally(
      states,
      states.map(() => p),
    );
    // Measured 359 / 900 = 0.399 (seeds 12, 13) against P_LOS 0.400, SE 0.016.
    expect(Math.abs(t.count - t.expected)).toBeLessThan(3.5 * t.sd);
  });
});

// ---------------------------------------------------------------------------------------------------------

const mean = (a: readonly number[]) => a.reduce((x, y) => x + y, 0) / a.length;
const sd = (a: readonly number[]) => {
  const m = mean(a);
  return Math.sqrt(a.reduce((x, y) => x + (y - m) ** 2, 0) / (a.length - 1));
};
function correlation(a: readonly number[], b: readonly number[]): number {
  const ma = mean(a);
  const mb = mean(b);
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  for (let i = 0; i < a.length; i++) {
    sab += (a[i] - ma) * (b[i] - mb);
    saa += (a[i] - ma) ** 2;
    sbb += (b[i] - mb) ** 2;
  }
  return sab / Math.sqrt(saa * sbb);
}

/** 24 × 24 points 25 m apart over ±300 m around the gNB (none closer than 17 m; d3D <= 410 m). */
const SF_GRID: Point[] = Array.from({ length: 576 }, (_, i) => ({
  xM: -287.5 + 25 * (i % 24),
  yM: -287.5 + 25 * Math.floor(i / 24),
}));

/**
 * Shadow-fading residuals at `points`: the same network with shadowing on and off (same seed; the LOS
 * field does not depend on the shadowing switch), the state read from the off run by matching the table
 * laws, the residual = PL(on) − median PL of that state from the table equations.
 */
function residuals(
  sub: Exclude<Sub, 'InF-HH'>,
  clutter: Clutter,
  hBs: number,
  points: Point[],
  seed: number,
) {
  const base = exampleNetwork({ gnbs: [gnb('g', 0, 0, { heightM: hBs })], clutter: { ...clutter } });
  const on = probePathLoss({ ...base, shadowing: true }, points, seed);
  const off = probePathLoss({ ...base, shadowing: false }, points, seed);
  return points.map((pt, i) => {
    const d3 = d3dM(Math.hypot(pt.xM, pt.yM), hBs, UT_HEIGHT_M);
    const s = state(off[i].plDb, sub, d3);
    if (s === 'other') throw new Error(`${sub}: path loss ${off[i].plDb} dB at ${d3} m is on no table law`);
    const residualDb = on[i].plDb - (s === 'LOS' ? plLosDb(d3, FC_GHZ) : plNlosDb(sub, d3, FC_GHZ));
    return { los: s === 'LOS', residualDb, sigmaDb: s === 'LOS' ? SIGMA_LOS_DB : SIGMA_NLOS_DB[sub] };
  });
}

describe('shadow fading: residual around the median law has the σ_SF of TR 38.901 Table 7.4.1-1', () => {
  const cases: { sub: Exclude<Sub, 'InF-HH'>; clutter: Clutter; hBs: number }[] = [
    { sub: 'InF-SL', clutter: SPARSE, hBs: LOW_BS_HEIGHT_M },
    { sub: 'InF-DL', clutter: DENSE, hBs: LOW_BS_HEIGHT_M },
    { sub: 'InF-SH', clutter: SPARSE, hBs: HIGH_BS_HEIGHT_M },
    { sub: 'InF-DH', clutter: DENSE, hBs: HIGH_BS_HEIGHT_M },
  ];
  for (const c of cases)
    it(`${c.sub}: NLOS σ ${SIGMA_NLOS_DB[c.sub]} dB, mean 0 (points 25 m apart, beyond the 10 m decorrelation)`, () => {
      // Points 25 m apart: the SF field correlates by exp(−2.5) ≈ 0.08, so n points are ~n independent
      // samples; the tolerances are 4 standard errors: σ̂/σ within 4/√(2n), mean within 4σ/√n. Measured
      // (seeds 21–24), NLOS σ̂ / mean: SL 5.67 / −0.12 dB (n 2221), DL 7.14 / −0.13 (2304), SH 5.97 / −0.18
      // (718), DH 3.97 / −0.07 (2304).
      const nlos: number[] = [];
      for (const seed of [21, 22, 23, 24])
        for (const r of residuals(c.sub, c.clutter, c.hBs, SF_GRID, seed))
          if (!r.los) nlos.push(r.residualDb);
      const sigma = SIGMA_NLOS_DB[c.sub];
      expect(nlos.length).toBeGreaterThan(500);
      expect(Math.abs(sd(nlos) / sigma - 1)).toBeLessThan(4 / Math.sqrt(2 * nlos.length));
      expect(Math.abs(mean(nlos))).toBeLessThan((4 * sigma) / Math.sqrt(nlos.length));
    });

  it('LOS points (InF-SH and InF-SL halls): σ 4.3 dB, mean 0', () => {
    // Same grid and seeds as above; InF-SH gives most LOS points (P_LOS 0.5–0.98 over the grid).
    // Measured: σ̂ 4.21 dB, mean −0.04 dB over 1669 points.
    const losResiduals: number[] = [];
    for (const c of [cases[0], cases[2]])
      for (const seed of [21, 22, 23, 24])
        for (const r of residuals(c.sub, c.clutter, c.hBs, SF_GRID, seed))
          if (r.los) losResiduals.push(r.residualDb);
    expect(losResiduals.length).toBeGreaterThan(1000);
    expect(Math.abs(sd(losResiduals) / SIGMA_LOS_DB - 1)).toBeLessThan(
      4 / Math.sqrt(2 * losResiduals.length),
    );
    expect(Math.abs(mean(losResiduals))).toBeLessThan((4 * SIGMA_LOS_DB) / Math.sqrt(losResiduals.length));
  });

  it('is spatially consistent: 0.5 m apart nearly equal, 10 m apart correlated by ~1/e, 100 m apart not', () => {
    // Pairs from each grid point in a direction turning by the golden angle, four seeds (2304 pairs per
    // lag). The residual divided by its state's σ is the unit SF field, whose correlation at lag Δ is
    // exp(−Δ / 10 m) (TR 38.901 Table 7.5-6: 10 m for InF): 0.951 at 0.5 m, 0.368 at 10 m, 5e-5 at 100 m.
    const lags = [0, 0.5, 10, 100];
    const points: Point[] = [];
    SF_GRID.forEach((p, i) => {
      const a = 2.399963 * i;
      for (const l of lags) points.push({ xM: p.xM + l * Math.cos(a), yM: p.yM + l * Math.sin(a) });
    });
    const unit: number[][] = lags.map(() => []);
    for (const seed of [31, 32, 33, 34])
      residuals('InF-SH', SPARSE, HIGH_BS_HEIGHT_M, points, seed).forEach((r, i) => {
        unit[i % lags.length].push(r.residualDb / r.sigmaDb);
      });
    const n = unit[0].length;
    const rho = lags.map((_, k) => correlation(unit[0], unit[k]));
    // Measured (seeds 31–34): ρ̂ 0.951 / 0.362 / 0.019, rms unit difference at 0.5 m 0.31. SE of ρ̂ ≈ (1 − ρ²)/√n.
    expect(Math.abs(rho[1] - Math.exp(-0.5 / 10))).toBeLessThan(0.02);
    expect(Math.abs(rho[2] - Math.exp(-1))).toBeLessThan(4 / Math.sqrt(n));
    expect(Math.abs(rho[3])).toBeLessThan(4 / Math.sqrt(n));
    // 0.5 m apart: the residuals differ by a small fraction of σ (rms of the unit difference √(2(1 − ρ)) ≈ 0.31).
    const diff = unit[0].map((z, i) => z - unit[1][i]);
    expect(Math.sqrt(mean(diff.map((x) => x * x)))).toBeLessThan(0.4);
  });
});

// ---------------------------------------------------------------------------------------------------------

describe('sub-scenario: the path-loss law and k_subsce follow heights and clutter (or the forced value)', () => {
  // Points on circles of 30–240 m, 24 directions (>= 7.8 m apart, beyond d_clutter / 2), shadowing off:
  // every path loss must be exactly the LOS law or the NLOS law of the expected sub-scenario, NLOS points
  // must exist (except InF-HH: all LOS), the other sub-scenarios' NLOS laws must differ there (so the check
  // can tell them apart), and the LOS count must match Σ P_LOS with that sub-scenario's k_subsce.
  const radii = [30, 60, 120, 240];
  const points: Point[] = radii.flatMap((r) =>
    Array.from({ length: 24 }, (_, i) => ({
      xM: r * Math.cos((2 * Math.PI * i) / 24),
      yM: r * Math.sin((2 * Math.PI * i) / 24),
    })),
  );
  const nlosSubs: Sub[] = ['InF-SL', 'InF-DL', 'InF-SH', 'InF-DH'];
  const cases: {
    name: string;
    clutter: Clutter;
    hBs: number;
    hUt?: number;
    forced?: Sub;
    expected: Sub;
  }[] = [
    { name: 'sparse, BS below the clutter → InF-SL', clutter: SPARSE, hBs: 1.5, expected: 'InF-SL' },
    { name: 'dense, BS below the clutter → InF-DL', clutter: DENSE, hBs: 1.5, expected: 'InF-DL' },
    { name: 'sparse, BS above the clutter → InF-SH', clutter: SPARSE, hBs: 8, expected: 'InF-SH' },
    { name: 'dense, BS above the clutter → InF-DH', clutter: DENSE, hBs: 8, expected: 'InF-DH' },
    {
      name: 'BS exactly at the clutter height counts as low → InF-SL',
      clutter: SPARSE,
      hBs: 2,
      expected: 'InF-SL',
    },
    {
      name: 'r = 40 % is dense → InF-DH',
      clutter: { density: 0.4, heightM: 6, sizeM: 2 },
      hBs: 8,
      expected: 'InF-DH',
    },
    {
      name: 'r = 39 % is sparse → InF-SH',
      clutter: { density: 0.39, heightM: 6, sizeM: 2 },
      hBs: 8,
      expected: 'InF-SH',
    },
    {
      name: 'BS and UT above the clutter → InF-HH (always LOS)',
      clutter: SPARSE,
      hBs: 8,
      hUt: 3,
      expected: 'InF-HH',
    },
    {
      name: "forced 'InF-DL' on a high-BS sparse hall → DL law, k without the height factor",
      clutter: SPARSE,
      hBs: 8,
      forced: 'InF-DL',
      expected: 'InF-DL',
    },
    {
      name: "forced 'InF-HH' on a low-BS dense hall → always LOS",
      clutter: DENSE,
      hBs: 1.5,
      forced: 'InF-HH',
      expected: 'InF-HH',
    },
  ];
  for (const c of cases)
    it(c.name, () => {
      const hUt = c.hUt ?? UT_HEIGHT_M;
      const config = exampleNetwork({
        gnbs: [gnb('g', 0, 0, { heightM: c.hBs })],
        clutter: { ...c.clutter },
        shadowing: false,
        ...(c.forced ? { subScenario: c.forced } : {}),
      });
      const probed = probePathLoss(config, points, 41, hUt);
      const states: ('LOS' | 'NLOS' | 'other')[] = [];
      const p: number[] = [];
      probed.forEach((x, i) => {
        const d2 = Math.hypot(points[i].xM, points[i].yM);
        const d3 = d3dM(d2, c.hBs, hUt);
        const s = state(x.plDb, c.expected, d3);
        states.push(s);
        p.push(pLos(c.expected, c.clutter, c.hBs, hUt, d2));
        if (s === 'NLOS')
          for (const other of nlosSubs)
            if (other !== c.expected)
              expect(Math.abs(plNlosDb(other, d3, FC_GHZ) - x.plDb)).toBeGreaterThan(0.1);
      });
      expect(states.filter((s) => s === 'other')).toEqual([]);
      const t = losTally(states, p);
      if (c.expected === 'InF-HH') expect(t.count).toBe(points.length);
      else expect(t.count).toBeLessThan(points.length);
      expect(Math.abs(t.count - t.expected)).toBeLessThan(Math.max(1, 4 * t.sd));
    });
});

// ---------------------------------------------------------------------------------------------------------

describe("inter-cell interference, default mode ('load')", () => {
  // All-LOS hall (r = 0: P_LOS = 1), no shadowing: every received power follows from the LOS law.
  // gNB A at (0, 0), gNB B at (100, 0), both 8 m high, 100 MHz at 30 kHz, 30 dBm, 5 dBi, NF 5 dB.
  const LOS_ONLY: Clutter = { density: 0, heightM: 2, sizeM: 10 };
  // −88 dBm with the 2^μ term (+3.01 dB at 30 kHz) gives the UE powers of −85 dBm before it (the figures below).
  const P0_DBM = -88;
  const ALPHA = 0.8;
  const PCMAX_DBM = 23;
  const HBS = 8;
  const txPerPrbDbm = GNB_TX_DBM - 10 * lg(N_PRB_100MHZ_30KHZ);
  const prbBandwidthHz = 12 * 30e3;
  const ueNoiseMw = 10 ** ((THERMAL_DBM_PER_HZ + 10 * lg(prbBandwidthHz) + UE_NF_DB) / 10);
  const gnbNoiseMw = 10 ** ((THERMAL_DBM_PER_HZ + 10 * lg(prbBandwidthHz) + GNB_NF_DB) / 10);
  const mw = (dbm: number) => 10 ** (dbm / 10);
  const plAt = (d2: number) => plLosDb(d3dM(d2, HBS, UT_HEIGHT_M), FC_GHZ);

  function run(
    dir: 'DL' | 'UL',
    positions: Record<string, Point>,
    neighbourBusy: boolean,
    neighbourCarrierGHz: number,
    mode?: 'fullLoad' | 'none',
    maxHarqRetransmissions?: number,
  ) {
    const sim = new Simulation();
    const config = exampleNetwork({
      gnbs: [
        gnb('gA', 0, 0, { heightM: HBS }),
        gnb('gB', 100, 0, { heightM: HBS, carrierGHz: neighbourCarrierGHz }),
      ],
      clutter: { ...LOS_ONLY },
      shadowing: false,
      scheduler: 'roundRobin',
      uplinkPowerControl: { p0Dbm: P0_DBM, alpha: ALPHA },
      devices: ['A', 'B'].map((e) =>
        exampleDevice(`ue${e}`, e, {
          mobile: false,
          heightM: UT_HEIGHT_M,
          antennaGainDbi: 0,
          powerClassDbm: PCMAX_DBM,
        }),
      ),
      ...(mode ? { interCellInterference: mode } : {}),
      ...(maxHarqRetransmissions === undefined ? {} : { linkAdaptation: { maxHarqRetransmissions } }),
    });
    const net = buildNetwork(sim, config, { streams: new RandomStreams(51), locate: (id) => positions[id] });
    // Saturating: 1 MB every ms in `dir`.
    const saturate = (e: string) =>
      net.openStream({
        id: `sat-${e}`,
        from: dir === 'DL' ? 'control' : e,
        to: dir === 'DL' ? e : 'control',
        trafficClass: 'video',
        intervalMs: 1,
        sizeBytes: 1_000_000,
      });
    saturate('A');
    if (neighbourBusy) saturate('B');
    // 300 ms warm-up: three load time constants (EWMA ~100 ms), so the neighbour's load is >= 0.95.
    sim.run({ untilMs: 300 });
    net.resetStats(300);
    sim.run({ untilMs: 600 });
    const k = net.kpis(600);
    return { a: k.devices[0], b: k.devices[1], cellB: k.cells[1] };
  }

  it('DL: a busy co-channel neighbour lowers the SINR at the cell edge; idle or on another carrier it does not', () => {
    // UE A 45 m from gNB A (55 m from B); UE B 30 m from gNB B, on the far side.
    const pos = { A: { xM: 45, yM: 0 }, B: { xM: 130, yM: 0 } };
    const rxA = mw(txPerPrbDbm + GNB_GAIN_DBI - plAt(45));
    const rxB = mw(txPerPrbDbm + GNB_GAIN_DBI - plAt(55));
    const sinrAtLoad = (load: number) => 10 * lg(rxA / (ueNoiseMw + load * rxB));
    const idle = run('DL', pos, false, 3.5);
    const busy = run('DL', pos, true, 3.5);
    const otherCarrier = run('DL', pos, true, 3.7); // |3.7 − 3.5| GHz >= (100 + 100) / 2 MHz: no overlap
    expect(busy.a.servingCellId).toBe('gA');
    expect(busy.b.servingCellId).toBe('gB');
    expect(busy.cellB.dl.prbUtilization).toBeGreaterThan(0.95);
    // Idle neighbour: noise only (42.3 dB); busy: rxA / (N + L·rxB) with L the EWMA load in [0.95, 1] (1.85 dB).
    expect(idle.a.dlSinrDb).toBeCloseTo(sinrAtLoad(0), 9);
    expect(busy.a.dlSinrDb).toBeGreaterThanOrEqual(sinrAtLoad(1) - 1e-9);
    expect(busy.a.dlSinrDb).toBeLessThanOrEqual(sinrAtLoad(0.95) + 1e-9);
    expect(busy.a.dlMbps).toBeLessThan(0.2 * idle.a.dlMbps);
    expect(otherCarrier.a.dlSinrDb).toBeCloseTo(sinrAtLoad(0), 9);
    expect(otherCarrier.a.dlMbps).toBeCloseTo(idle.a.dlMbps, 6);
    // The default is 'load', not 'fullLoad' (an idle neighbour would interfere) nor 'none'.
    expect(run('DL', pos, false, 3.5, 'fullLoad').a.dlSinrDb).toBeCloseTo(sinrAtLoad(1), 9);
    expect(run('DL', pos, true, 3.5, 'none').a.dlSinrDb).toBeCloseTo(sinrAtLoad(0), 9);
  });

  // UE A 40 m from gNB A; UE B 40 m from gNB B and 60 m from gNB A (served by B).
  const ulPos = { A: { xM: 40, yM: 0 }, B: { xM: 60, yM: 0 } };
  // TS 38.213 §7.1.1 open loop per PRB: min(P0 + 10·log10(2^μ) + α·PL, P_CMAX), μ = 1 at 30 kHz (far below
  // P_CMAX even over 273 PRBs here).
  const txUlDbm = Math.min(P0_DBM + 10 * lg(2) + ALPHA * plAt(40), PCMAX_DBM);
  const ulSignalMw = mw(txUlDbm + GNB_GAIN_DBI - plAt(40));
  const ulInterfererMw = mw(txUlDbm + GNB_GAIN_DBI - plAt(60));
  /** UL SINR at gNB A with UE B on a share u of the PRBs: S / (N + u·I). */
  const ulSinrAtLoad = (u: number) => 10 * lg(ulSignalMw / (gnbNoiseMw + u * ulInterfererMw));

  it('UL: neighbour-cell UEs transmitting raise the interference at the gNB; no UL traffic, none', () => {
    const idle = run('UL', ulPos, false, 3.5);
    const busy = run('UL', ulPos, true, 3.5);
    const otherCarrier = run('UL', ulPos, true, 3.7);
    expect(busy.b.servingCellId).toBe('gB');
    expect(busy.cellB.ul.prbUtilization).toBeGreaterThan(0.95);
    expect(busy.b.ulFullPowerPrbs).toBeGreaterThan(N_PRB_100MHZ_30KHZ); // no P_CMAX split of UE B's power
    // Idle neighbour: noise only, 18.1 dB. Busy: ~14 dB of interference over the gNB noise (3.9 dB measured).
    expect(idle.a.ulSinrDb).toBeCloseTo(ulSinrAtLoad(0), 9);
    expect(busy.a.ulSinrDb).toBeGreaterThanOrEqual(ulSinrAtLoad(1) - 1e-9);
    expect(busy.a.ulSinrDb).toBeLessThan(ulSinrAtLoad(0.8));
    expect(busy.a.ulMbps).toBeLessThan(0.5 * idle.a.ulMbps);
    expect(otherCarrier.a.ulSinrDb).toBeCloseTo(ulSinrAtLoad(0), 9);
    expect(otherCarrier.a.ulMbps).toBeCloseTo(idle.a.ulMbps, 6);
    // Without HARQ retransmissions the interference is the neighbour's PRB share (EWMA >= 0.95) × its power.
    const noHarq = run('UL', ulPos, true, 3.5, undefined, 0);
    expect(noHarq.a.ulSinrDb).toBeGreaterThanOrEqual(ulSinrAtLoad(1) - 1e-9);
    expect(noHarq.a.ulSinrDb).toBeLessThanOrEqual(ulSinrAtLoad(0.95) + 1e-9);
  });

  // PRBs that carry HARQ retransmissions interfere like first transmissions (they once did not: with a
  // saturated neighbour at BLER target 10 % the effective interfering share was 0.92, the SINR next door
  // 3.91 dB instead of <= 3.78 dB).
  it('UL: HARQ-retransmitted PRBs of the neighbour also interfere', () => {
    const busy = run('UL', ulPos, true, 3.5);
    expect(busy.a.ulSinrDb).toBeLessThanOrEqual(ulSinrAtLoad(0.95) + 1e-9);
  });
});

// ---------------------------------------------------------------------------------------------------------

describe('peak rate: a single saturated UE at high SINR reaches TS 38.306 §4.1.2 in more configurations', () => {
  // rate = 1e-6 · v · Q_m · f · R_max · N_PRB · 12 / T_s^μ · (1 − OH) · (share of the direction's symbols),
  // T_s^μ = 1e-3 / (14 · 2^μ) s, R_max = 948/1024, f = 1, Q_m = 8 (256QAM), OH FR1: DL 0.14, UL 0.08;
  // DL 4 layers, UL 1 layer; special slot 10:2:2 (DL:gap:UL symbols).
  const special = { dl: 10, gap: 2, ul: 2 };
  const peakMbps = (nPrb: number, scsKHz: number, pattern: string, dir: 'DL' | 'UL') => {
    const mu = Math.log2(scsKHz / 15);
    const tsS = 1e-3 / (14 * 2 ** mu);
    const count = (ch: string) => [...pattern].filter((x) => x === ch).length;
    const symbols =
      dir === 'DL' ? 14 * count('D') + special.dl * count('S') : 14 * count('U') + special.ul * count('S');
    const share = symbols / (14 * pattern.length);
    const layers = dir === 'DL' ? 4 : 1;
    const oh = dir === 'DL' ? 0.14 : 0.08;
    return 1e-6 * layers * 8 * 1 * (948 / 1024) * ((nPrb * 12) / tsS) * (1 - oh) * share;
  };
  const configs: { pattern: string; bandwidthMHz: number; scsKHz: 15 | 30; nPrb: number }[] = [
    { pattern: 'DDDSUDDSUU', bandwidthMHz: 100, scsKHz: 30, nPrb: 273 }, // N_RB: TS 38.101-1 Table 5.3.2-1
    { pattern: 'DDSUU', bandwidthMHz: 100, scsKHz: 30, nPrb: 273 },
    { pattern: 'DDDSU', bandwidthMHz: 40, scsKHz: 30, nPrb: 106 },
    { pattern: 'DDDSU', bandwidthMHz: 20, scsKHz: 15, nPrb: 106 },
  ];
  for (const c of configs)
    it(`${c.pattern}, ${c.bandwidthMHz} MHz at ${c.scsKHz} kHz (${c.nPrb} PRB)`, () => {
      const sim = new Simulation();
      const config = exampleNetwork({
        gnbs: [
          gnb('g', 0, 0, {
            tddPattern: c.pattern,
            specialSlot: special,
            bandwidthMHz: c.bandwidthMHz,
            scsKHz: c.scsKHz,
            mimoLayers: 4,
          }),
        ],
        devices: [exampleDevice('ue', 'CAM', { mimoLayers: 4, ulLayers: 1, mobile: false })],
        shadowing: false,
        uplinkPowerControl: { p0Dbm: -60, alpha: 1 },
      });
      const net = buildNetwork(sim, config, {
        streams: new RandomStreams(61),
        locate: () => ({ xM: 5, yM: 0 }),
      });
      for (const [from, to] of [
        ['control', 'CAM'],
        ['CAM', 'control'],
      ])
        net.openStream({
          id: `${from}-${to}`,
          from,
          to,
          trafficClass: 'video',
          intervalMs: 1,
          sizeBytes: 1_000_000,
        });
      sim.run({ untilMs: 20 });
      net.resetStats(20);
      sim.run({ untilMs: 220 });
      const cell = net.kpis(220).cells[0];
      expect(Math.abs(cell.dl.throughputMbps / peakMbps(c.nPrb, c.scsKHz, c.pattern, 'DL') - 1)).toBeLessThan(
        0.02,
      );
      expect(Math.abs(cell.ul.throughputMbps / peakMbps(c.nPrb, c.scsKHz, c.pattern, 'UL') - 1)).toBeLessThan(
        0.02,
      );
      expect(cell.dl.prbUtilization).toBeGreaterThan(0.98);
      expect(cell.ul.prbUtilization).toBeGreaterThan(0.98);
    });
});
