// gNB antenna patterns in the assembled model: the coverage grid (DL and UL), RSRP and SINR of devices in both
// fidelities, other cells' interference and interference zones at the gNB, all against closed forms built from
// free-space path loss and TR 38.901 Table 7.3-1 written out here.
import { describe, expect, it } from 'vitest';
import { RandomStreams } from '../engine/random';
import { Simulation } from '../engine/simulation';
import type { GnbAntennaConfig } from './antenna/registry';
import { registerChannelModel } from './channel/registry';
import type { NetworkConfig, NetworkFidelity } from './config';
import { exampleDevice, exampleGnb, exampleNetwork } from './fixtures';
import { buildNetwork } from './network-model';
import { RadioEnvironment } from './radio-environment';

/** Friis free-space loss, d in m and f in GHz. */
const fsplDb = (dM: number, fGHz: number) => 20 * Math.log10(dM) + 20 * Math.log10(fGHz) + 32.45;
// A channel without LOS draws or shadowing, so that only the antenna differs between two points.
registerChannelModel('test.freeSpace', ({ cells }) => ({
  pathLossDb: (i, x, y, h) => {
    const c = cells[i]!;
    return fsplDb(Math.hypot(x - c.xM, y - c.yM, h - c.heightM), c.carrierGHz);
  },
  meanPathLossDb: (ax, ay, ah, bx, by, bh, f) => fsplDb(Math.hypot(ax - bx, ay - by, ah - bh), f),
}));

const DEG = 180 / Math.PI;
/** TR 38.901 Table 7.3-1 attenuation (dB below 8 dBi) at LCS angles θ', φ' (degrees). */
const table731Db = (thetaDeg: number, phiDeg: number) =>
  Math.min(Math.min(12 * ((thetaDeg - 90) / 65) ** 2, 30) + Math.min(12 * (phiDeg / 65) ** 2, 30), 30);

const GNB = { xM: 50, yM: 50, heightM: 6 };
const UE_HEIGHT_M = 1.5;
const TX_PER_PRB_DBM = 30 - 10 * Math.log10(273); // exampleGnb: 30 dBm over 273 PRBs
const UE_NOISE_DBM = -174 + 10 * Math.log10(12 * 30e3) + 9; // per 30 kHz PRB, UE noise figure 9 dB
const GNB_NOISE_DBM = -174 + 10 * Math.log10(12 * 30e3) + 5; // exampleGnb noise figure 5 dB

const sector = (azimuthDeg: number): GnbAntennaConfig => ({ pattern: 'sector', azimuthDeg });
function network(antennas: (GnbAntennaConfig | undefined)[], extra: Partial<NetworkConfig> = {}) {
  const at = [GNB, { xM: 90, yM: 50, heightM: 6 }];
  return exampleNetwork({
    channelModel: 'test.freeSpace',
    gnbs: antennas.map((antenna, i) =>
      exampleGnb(`gNB${i + 1}`, at[i]!.xM, at[i]!.yM, {
        heightM: at[i]!.heightM,
        antennaGainDbi: 8,
        ...(antenna === undefined ? {} : { antenna }),
      }),
    ),
    ...extra,
  });
}

function coverageAt(config: NetworkConfig, direction: 'DL' | 'UL', xM: number, yM: number): number {
  const net = buildNetwork(new Simulation(), config, {
    streams: new RandomStreams(1),
    locate: () => undefined,
  });
  const g = net.coverageGrid({
    direction,
    cellSizeM: 1,
    bounds: { minXM: xM - 0.5, maxXM: xM + 0.5, minYM: yM - 0.5, maxYM: yM + 0.5 },
  });
  return g.sinrDb[0]!;
}

/** Attenuation of a sector at GNB with azimuth 0 toward a UE at (x, y), from the geometry by hand. */
function sectorAttDb(xM: number, yM: number, azimuthDeg = 0): number {
  const [dx, dy, dz] = [xM - GNB.xM, yM - GNB.yM, UE_HEIGHT_M - GNB.heightM];
  const theta = 90 + Math.atan2(-dz, Math.hypot(dx, dy)) * DEG; // below the horizon: θ' > 90°
  let phi = Math.atan2(dy, dx) * DEG - azimuthDeg;
  phi = ((((phi + 180) % 360) + 360) % 360) - 180;
  return table731Db(theta, phi);
}
const fsplAt = (xM: number, yM: number) =>
  fsplDb(Math.hypot(xM - GNB.xM, yM - GNB.yM, UE_HEIGHT_M - GNB.heightM), 3.5);

describe('sector antenna on the coverage grid', () => {
  it('DL: 20 m in front is 30 − A_V dB above 20 m behind; in front, the omni of the same peak gain minus A_V', () => {
    const front = coverageAt(network([sector(0)]), 'DL', 70, 50);
    const behind = coverageAt(network([sector(0)]), 'DL', 30, 50);
    const aV = 12 * ((Math.atan2(4.5, 20) * DEG) / 65) ** 2; // 12.7° below the horizon: 0.457 dB
    expect(aV).toBeCloseTo(0.4567, 4);
    expect(sectorAttDb(70, 50)).toBeCloseTo(aV, 12);
    expect(sectorAttDb(30, 50)).toBe(30);
    // Closed form: tx per PRB + 8 dBi − attenuation + 0 dBi − FSPL − noise (one cell, no interference).
    const closed = (x: number, y: number) =>
      TX_PER_PRB_DBM + 8 - sectorAttDb(x, y) - fsplAt(x, y) - UE_NOISE_DBM;
    expect(front).toBeCloseTo(closed(70, 50), 4); // Float32 grid
    expect(behind).toBeCloseTo(closed(30, 50), 4);
    expect(front - behind).toBeCloseTo(30 - aV, 4);
    expect(coverageAt(network([undefined]), 'DL', 70, 50) - front).toBeCloseTo(aV, 4);
    expect(coverageAt(network([undefined]), 'DL', 30, 50)).toBeCloseTo(front + aV, 4);
  });

  it('the azimuth turns the lobe: at 90° the front is +y, and 45° off it the cut adds 12·(45/65)² dB', () => {
    const cfg = network([sector(90)]);
    const closed = (x: number, y: number) =>
      TX_PER_PRB_DBM + 8 - sectorAttDb(x, y, 90) - fsplAt(x, y) - UE_NOISE_DBM;
    expect(coverageAt(cfg, 'DL', 50, 70)).toBeCloseTo(closed(50, 70), 4);
    expect(coverageAt(cfg, 'DL', 50, 30)).toBeCloseTo(closed(50, 30), 4);
    expect(coverageAt(cfg, 'DL', 70, 70)).toBeCloseTo(closed(70, 70), 4);
    expect(coverageAt(cfg, 'DL', 50, 70) - coverageAt(cfg, 'DL', 50, 30)).toBeGreaterThan(29);
    expect(sectorAttDb(70, 70, 90)).toBeGreaterThan(12 * (45 / 65) ** 2);
  });

  it('UL: open-loop power control makes up the pattern in front (α = 1) until P_CMAX binds behind', () => {
    // Per PRB: min(P0 + 10·log10(2^μ) + α·(PL + A), P_CMAX − 10·log10 M), M = 273, TS 38.213 §7.1.1.
    const ul = (x: number, y: number) => {
      const loss = fsplAt(x, y) + sectorAttDb(x, y);
      const tx = Math.min(-95 + 10 * Math.log10(2) + loss, 23 - 10 * Math.log10(273));
      return tx + 0 + 8 - loss - GNB_NOISE_DBM;
    };
    const front = coverageAt(network([sector(0)]), 'UL', 70, 50);
    const behind = coverageAt(network([sector(0)]), 'UL', 30, 50);
    expect(front).toBeCloseTo(ul(70, 50), 4);
    expect(behind).toBeCloseTo(ul(30, 50), 4);
    expect(front).toBeCloseTo(-95 + 10 * Math.log10(2) + 8 - GNB_NOISE_DBM, 4); // not power-limited
    // Behind, the 30 dB of the back lobe push the target past P_CMAX: the shortfall is what the SINR loses.
    const cap = 23 - 10 * Math.log10(273);
    const shortfall = -95 + 10 * Math.log10(2) + fsplAt(30, 50) + 30 - cap;
    expect(shortfall).toBeGreaterThan(5);
    expect(front - behind).toBeCloseTo(shortfall, 4);
  });
});

/** One fixed UE at (x, y) sending and receiving one message; its KPI row after 200 ms. */
function deviceRow(config: NetworkConfig, xM: number, yM: number, fidelity: NetworkFidelity = 'packet') {
  const sim = new Simulation();
  const net = buildNetwork(
    sim,
    { ...config, fidelity, devices: [exampleDevice('ue1', 'M1', { mobile: false })] },
    { streams: new RandomStreams(1), locate: () => ({ xM, yM }) },
  );
  net.send({ from: 'M1', to: 'control', trafficClass: 'telemetry', sizeBytes: 100, payload: null }, () => {});
  net.send(
    { from: 'control', to: 'M1', trafficClass: 'controlOrder', sizeBytes: 100, payload: null },
    () => {},
  );
  sim.run({ untilMs: 200 });
  return net.kpis(200).devices[0]!;
}

describe('sector antenna in the network model', () => {
  for (const fidelity of ['packet', 'flow'] as const)
    it(`RSRP in front and behind against the closed form (${fidelity} fidelity)`, () => {
      const rsrp = (x: number, y: number) => TX_PER_PRB_DBM + 8 - sectorAttDb(x, y) - fsplAt(x, y);
      const front = deviceRow(network([sector(0)]), 70, 50, fidelity);
      const behind = deviceRow(network([sector(0)]), 30, 50, fidelity);
      expect(front.rsrpDbm).toBeCloseTo(rsrp(70, 50), 9);
      expect(behind.rsrpDbm).toBeCloseTo(rsrp(30, 50), 9);
      expect(front.dlSinrDb).toBeCloseTo(rsrp(70, 50) - UE_NOISE_DBM, 9);
    });

  it("a neighbour's sector interferes with its pattern's gain: pointed at the UE, or away from it", () => {
    // UE at (68, 50), served by gNB1 (sector east, 18 m); gNB2 at (90, 50), 22 m east of the UE, at full load.
    const [x, y] = [68, 50];
    const rx1 = TX_PER_PRB_DBM + 8 - sectorAttDb(x, y) - fsplAt(x, y);
    const d2 = Math.hypot(90 - x, 0, 4.5);
    const theta2 = 90 + Math.atan2(4.5, 22) * DEG;
    for (const [az2, phi2] of [
      [180, 0],
      [0, 180],
      [90, -90],
    ] as const) {
      const rx2 = TX_PER_PRB_DBM + 8 - table731Db(theta2, phi2) - fsplDb(d2, 3.5);
      const sinr = rx1 - 10 * Math.log10(10 ** (UE_NOISE_DBM / 10) + 10 ** (rx2 / 10));
      const row = deviceRow(network([sector(0), sector(az2)], { interCellInterference: 'fullLoad' }), x, y);
      expect(row.servingCellId).toBe('gNB1');
      expect(row.dlSinrDb).toBeCloseTo(sinr, 9);
    }
  });

  it('an interference zone reaches the gNB through its pattern (UL)', () => {
    const zone = (id: string, xM: number) => ({ id, xM, yM: 50, powerDbm: 10, heightM: UE_HEIGHT_M });
    const env = new RadioEnvironment(
      network([sector(0)], { interferenceZones: [zone('front', 70), zone('back', 30)] }),
      new RandomStreams(1),
    );
    const [front, back] = env.zones.map((z) => 10 * Math.log10(z.atGnbPerPrbMw[0]!));
    expect(front! - back!).toBeCloseTo(30 - sectorAttDb(70, 50), 9);
    expect(front).toBeCloseTo(10 - 10 * Math.log10(273) - fsplAt(70, 50) + 8 - sectorAttDb(70, 50), 9);
  });
});
