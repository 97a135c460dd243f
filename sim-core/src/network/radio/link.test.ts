import { describe, expect, it } from 'vitest';
import {
  dbmToMw,
  dbToLinear,
  linearToDb,
  mwToDbm,
  noisePowerDbm,
  receivedPowerDbm,
  sinrDb,
  snrDb,
  THERMAL_NOISE_DBM_PER_HZ,
} from './link';

// Expected values computed with python3:
//   N = -174 + 10*log10(B) + NF
//   SINR = S - 10*log10(10**(N/10) + sum(10**(I/10) for I in interferers))
describe('link budget', () => {
  it('kT0 rounds to -174 dBm/Hz (exact 10*log10(1.380649e-23*290*1e3) = -173.9752)', () => {
    expect(THERMAL_NOISE_DBM_PER_HZ).toBe(-174);
    expect(10 * Math.log10(1.380649e-23 * 290 * 1e3)).toBeCloseTo(-173.97518719422808, 9);
  });

  it.each([
    [100e6, 7, -87.0],
    [20e6, 9, -91.98970004336019],
    [180e3, 5, -116.44727494896694],
    [38.16e6, 7, -91.18391633967943],
  ])('noise power for B=%s Hz, NF=%s dB', (b, nf, expected) => {
    expect(noisePowerDbm(b, nf)).toBeCloseTo(expected, 9);
  });

  it('dB / linear / dBm / mW conversions', () => {
    expect(dbmToMw(0)).toBe(1);
    expect(dbmToMw(30)).toBeCloseTo(1000, 9);
    expect(dbmToMw(-30)).toBeCloseTo(0.001, 12);
    expect(mwToDbm(200)).toBeCloseTo(23.010299956639813, 9); // 10*log10(200)
    expect(dbToLinear(3)).toBeCloseTo(1.9952623149688795, 12);
    expect(linearToDb(0.5)).toBeCloseTo(-3.010299956639812, 12);
    expect(mwToDbm(dbmToMw(-93.7))).toBeCloseTo(-93.7, 12);
  });

  it('received power = Ptx + G - PL - SF', () => {
    expect(receivedPowerDbm(23, 90.13459)).toBeCloseTo(-67.13459, 9);
    expect(receivedPowerDbm(23, 90, 3.5, 5)).toBeCloseTo(-65.5, 12);
    expect(receivedPowerDbm(23, 90, -2)).toBeCloseTo(-65, 12);
  });

  it('SINR sums noise and interferers linearly (N = -87 dBm, S = -70 dBm)', () => {
    const n = noisePowerDbm(100e6, 7);
    expect(sinrDb(-70, [], n)).toBeCloseTo(17.0, 9);
    expect(snrDb(-70, n)).toBeCloseTo(17.0, 9);
    expect(sinrDb(-70, [-80], n)).toBeCloseTo(9.209902503474325, 9);
    expect(sinrDb(-70, [-80, -85, -90], n)).toBeCloseTo(7.916247609222296, 9);
    expect(sinrDb(-70, [-60], n)).toBeCloseTo(-10.00865668082794, 9);
  });

  it('SINR accepts a reused typed buffer with a count', () => {
    const buf = new Float64Array([-80, -85, -90, 0, 0]);
    expect(sinrDb(-70, buf, -87, 3)).toBeCloseTo(7.916247609222296, 9);
    expect(sinrDb(-70, buf, -87, 0)).toBeCloseTo(17.0, 9);
  });
});
