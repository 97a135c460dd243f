import { describe, expect, it } from 'vitest';
import { CEILING_ANTENNA } from './ceiling';
import { OMNI_ANTENNA } from './omni';
import { SECTOR_ANTENNA } from './sector';

const RAD = Math.PI / 180;
/** Table 7.3-1 of TR 38.901 written out again (θ_3dB = φ_3dB = 65°, SLA_V = A_max = 30 dB), as gain in dBi. */
function table731GainDbi(thetaDeg: number, phiDeg: number): number {
  const aV = -Math.min(12 * ((thetaDeg - 90) / 65) ** 2, 30);
  const aH = -Math.min(12 * (phiDeg / 65) ** 2, 30);
  return 8 - Math.min(-(aV + aH), 30);
}
/** LCS angles of a GCS direction (θ, φ) for bearing α and downtilt β, γ = 0: TR 38.901 eqs. 7.1-7 and 7.1-8. */
function lcsAngles(thetaDeg: number, phiDeg: number, alphaDeg: number, betaDeg: number): [number, number] {
  const [t, p, a, b] = [thetaDeg * RAD, phiDeg * RAD, alphaDeg * RAD, betaDeg * RAD];
  const theta = Math.acos(Math.cos(b) * Math.cos(t) + Math.sin(b) * Math.cos(p - a) * Math.sin(t));
  const phi = Math.atan2(
    Math.sin(t) * Math.sin(p - a),
    Math.cos(b) * Math.sin(t) * Math.cos(p - a) - Math.sin(b) * Math.cos(t),
  );
  return [theta / RAD, phi / RAD];
}
/** The direction vector of GCS zenith θ and azimuth φ (floor axes, z up). */
const dir = (thetaDeg: number, phiDeg: number): [number, number, number] => [
  Math.sin(thetaDeg * RAD) * Math.cos(phiDeg * RAD),
  Math.sin(thetaDeg * RAD) * Math.sin(phiDeg * RAD),
  Math.cos(thetaDeg * RAD),
];

describe('sector antenna (TR 38.901 Table 7.3-1)', () => {
  const sector = (azimuthDeg = 0, downtiltDeg = 0) => SECTOR_ANTENNA.create({ azimuthDeg, downtiltDeg });
  const gain = (a: ReturnType<typeof sector>, v: [number, number, number]) =>
    SECTOR_ANTENNA.defaultGainDbi! - a.attenuationDb(...v);

  it('8 dBi at boresight, 5 dBi at the half-power point (32.5°), −4 dBi at 65°, −22 dBi behind', () => {
    expect(SECTOR_ANTENNA.defaultGainDbi).toBe(8);
    const a = sector();
    expect(gain(a, [1, 0, 0])).toBeCloseTo(8, 12);
    // 12·(32.5/65)² = 3 dB: the 65° beamwidth is between the half-power points.
    expect(gain(a, dir(90, 32.5))).toBeCloseTo(5, 9);
    expect(gain(a, dir(90, -32.5))).toBeCloseTo(5, 9);
    expect(gain(a, dir(90 + 32.5, 0))).toBeCloseTo(5, 9);
    // 12·(65/65)² = 12 dB.
    expect(gain(a, dir(90, 65))).toBeCloseTo(-4, 9);
    // Back lobe: capped at A_max = 30 dB.
    expect(gain(a, [-1, 0, 0])).toBeCloseTo(8 - 30, 9);
    expect(gain(a, dir(90, 120))).toBeCloseTo(8 - 30, 9);
    // Straight up and straight down: 12·(90/65)² = 23.0 dB (below SLA_V = 30 dB).
    expect(gain(a, [0, 0, 1])).toBeCloseTo(8 - 12 * (90 / 65) ** 2, 9);
    expect(gain(a, [0, 0, -1])).toBeCloseTo(8 - 12 * (90 / 65) ** 2, 9);
    // The 3D pattern adds the cuts: 32.5° off in both planes is 6 dB down.
    expect(gain(a, dir(90 + 32.5, 32.5))).toBeCloseTo(table731GainDbi(90 + 32.5, 32.5), 9);
  });

  it('azimuth turns the boresight from +x toward +y (90°: +y, 180°: −x)', () => {
    expect(sector(90).attenuationDb(0, 1, 0)).toBeCloseTo(0, 12);
    expect(sector(90).attenuationDb(0, -1, 0)).toBeCloseTo(30, 9);
    expect(sector(90).attenuationDb(1, 0, 0)).toBeCloseTo(Math.min(12 * (90 / 65) ** 2, 30), 9);
    expect(sector(180).attenuationDb(-1, 0, 0)).toBeCloseTo(0, 12);
    expect(sector(-90).attenuationDb(0, -1, 0)).toBeCloseTo(0, 12);
    expect(sector(270).attenuationDb(0, -1, 0)).toBeCloseTo(0, 12);
  });

  it('a downtilt β points the boresight β below the horizon; the horizon is then β above it', () => {
    const a = sector(0, 10);
    expect(a.attenuationDb(Math.cos(10 * RAD), 0, -Math.sin(10 * RAD))).toBeCloseTo(0, 12);
    expect(a.attenuationDb(1, 0, 0)).toBeCloseTo(12 * (10 / 65) ** 2, 9);
    // Scale does not matter: a point 40 m out and 6.5 m below.
    expect(a.attenuationDb(40, 0, -6.5)).toBeCloseTo(12 * ((10 - Math.atan2(6.5, 40) / RAD) / 65) ** 2, 9);
  });

  it('matches eqs. 7.1-7 / 7.1-8 + Table 7.3-1 over a sweep of directions, bearings and tilts', () => {
    let n = 0;
    for (const alpha of [0, 37, 90, 200, -75])
      for (const beta of [0, 6, 15, 45, 90])
        for (let theta = 5; theta < 180; theta += 17)
          for (let phi = -175; phi < 180; phi += 23) {
            const [tl, pl] = lcsAngles(theta, phi, alpha, beta);
            const a = SECTOR_ANTENNA.create({ azimuthDeg: alpha, downtiltDeg: beta });
            expect(8 - a.attenuationDb(...dir(theta, phi))).toBeCloseTo(table731GainDbi(tl, pl), 9);
            n++;
          }
    expect(n).toBe(5 * 5 * 11 * 16);
  });
});

describe('ceiling antenna (ITU-R M.2412 indoor element, pointing down)', () => {
  const a = CEILING_ANTENNA.create({ azimuthDeg: 0, downtiltDeg: CEILING_ANTENNA.defaultDowntiltDeg! });
  /** Table 7.3-1's form with the indoor parameters (90°, 25 dB). */
  const indoor = (t: number, p: number) =>
    Math.min(Math.min(12 * ((t - 90) / 90) ** 2, 25) + Math.min(12 * (p / 90) ** 2, 25), 25);
  it('5 dBi straight down, 3 dB down 45° off the vertical in its principal planes, 12 dB on the horizon', () => {
    expect(CEILING_ANTENNA.defaultGainDbi).toBe(5);
    expect(CEILING_ANTENNA.defaultDowntiltDeg).toBe(90);
    expect(a.attenuationDb(0, 0, -1)).toBeCloseTo(0, 9);
    // 12·(45/90)² = 3 dB in the principal planes (x–z and y–z); the cuts add in between.
    for (const phi of [0, 90, 180, -90]) expect(a.attenuationDb(...dir(180 - 45, phi))).toBeCloseTo(3, 9);
    for (const phi of [30, 60, 135, -100]) {
      const [tl, pl] = lcsAngles(180 - 45, phi, 0, 90);
      expect(a.attenuationDb(...dir(180 - 45, phi))).toBeCloseTo(indoor(tl, pl), 9);
    }
    expect(a.attenuationDb(1, 0, 0)).toBeCloseTo(12, 9);
    expect(a.attenuationDb(0, 0, 1)).toBeCloseTo(25, 9);
  });
});

describe('omni antenna', () => {
  it('no attenuation anywhere, and exactly 0 (the link loss is the path loss bit for bit)', () => {
    const a = OMNI_ANTENNA.create({ azimuthDeg: 0, downtiltDeg: 0 });
    for (const v of [dir(90, 0), dir(90, 180), dir(170, 33), dir(10, -90)])
      expect(a.attenuationDb(...v)).toBe(0);
    expect(OMNI_ANTENNA.defaultGainDbi).toBeUndefined();
  });
});
