import { describe, expect, it } from 'vitest';
import { RandomStreams } from '../../engine/random';
import {
  coherenceTimeMs,
  eesmLinear,
  FadingProcess,
  INF_K_FACTOR_DB,
  infDelaySpreadNs,
  maxDopplerHz,
  SOS_PATHS,
} from './fading';

/** J0(x) = (1/π)∫₀^π cos(x sin θ) dθ (Abramowitz & Stegun 9.1.18), Simpson's rule with 2000 panels. */
function besselJ0(x: number): number {
  const n = 2000;
  const h = Math.PI / n;
  let s = 1 + Math.cos(x * Math.sin(Math.PI));
  for (let i = 1; i < n; i++) s += (i % 2 === 1 ? 4 : 2) * Math.cos(x * Math.sin(i * h));
  return (s * h) / 3 / Math.PI;
}

const streams = new RandomStreams('fading-test');
const LINKS = 1500;
const SAMPLES = 120;

/** Power gains of `LINKS` independent processes at `SAMPLES` times 3.7 Doppler cycles apart (nearly independent). */
function ensemble(k: number): number[] {
  const out: number[] = [];
  for (let l = 0; l < LINKS; l++) {
    const p = new FadingProcess(streams.fresh(`link${l}`, `k${k}`), k);
    for (let s = 0; s < SAMPLES; s++) out.push(p.powerGain(3.7 * s));
  }
  return out;
}

const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const variance = (xs: number[]) => {
  const m = mean(xs);
  return xs.reduce((a, b) => a + (b - m) ** 2, 0) / xs.length;
};

describe('small-scale fading (sum of sinusoids)', () => {
  const rayleigh = ensemble(0);
  const kLin = 10 ** (INF_K_FACTOR_DB.mu / 10); // 7 dB, the InF-LOS median (TR 38.901 Table 7.5-6)
  const rician = ensemble(kLin);

  it('has unit mean power, Rayleigh and Rician alike', () => {
    expect(mean(rayleigh)).toBeCloseTo(1, 1);
    expect(Math.abs(mean(rayleigh) - 1)).toBeLessThan(0.02);
    expect(Math.abs(mean(rician) - 1)).toBeLessThan(0.02);
  });

  it('Rayleigh outage P(|h|² < x) matches 1 − exp(−x) (exponential power)', () => {
    for (const x of [0.01, 0.1, 0.5, 1, 2]) {
      const share = rayleigh.filter((g) => g < x).length / rayleigh.length;
      const closed = 1 - Math.exp(-x);
      expect(Math.abs(share - closed) / closed).toBeLessThan(0.08);
    }
  });

  it('the moment estimate of the Rician K-factor recovers K (Greenstein, Michelson, Erceg 1999)', () => {
    // For unit mean power, Var(|h|²) = (1 + 2K)/(K + 1)²; γ = Var/mean², K = √(1−γ)/(1 − √(1−γ)).
    const g = variance(rician) / mean(rician) ** 2;
    const kEst = Math.sqrt(1 - g) / (1 - Math.sqrt(1 - g));
    expect(Math.abs(kEst - kLin) / kLin).toBeLessThan(0.1);
    // Rayleigh: Var(|h|²) = 1 for a Gaussian gain; a sum of M unit phasors with random phases has exactly
    // E|S|⁴ = 2M² − M, so Var = 1 − 1/M (the known finite-M deficit of sum-of-sinusoids models).
    expect(Math.abs(variance(rayleigh) - (1 - 1 / SOS_PATHS))).toBeLessThan(0.03);
  });

  it('the gain autocorrelation follows Clarke: Re E[h(t) h*(t+τ)] = J0(2π f_d τ) for Rayleigh', () => {
    const a = { re: 0, im: 0 };
    const b = { re: 0, im: 0 };
    for (const lag of [0.05, 0.1, 0.2, 0.3, 0.383, 0.5, 0.7, 1.2]) {
      let cross = 0;
      let n = 0;
      for (let l = 0; l < 3000; l++) {
        const p = new FadingProcess(streams.fresh(`acf${l}`, 'rayleigh'), 0);
        for (let s = 0; s < 20; s++) {
          const t = 5.3 * s;
          p.gain(t, a);
          p.gain(t + lag, b);
          cross += a.re * b.re + a.im * b.im;
          n++;
        }
      }
      expect(Math.abs(cross / n - besselJ0(2 * Math.PI * lag))).toBeLessThan(0.03);
    }
  });

  it('Doppler, coherence time and the InF delay spread follow their formulas', () => {
    // 2 m/s at 3.5 GHz: f_d = v f_c / c = 23.35 Hz; T_c = 0.423 / f_d = 18.1 ms.
    expect(maxDopplerHz(2, 3.5)).toBeCloseTo((2 * 3.5e9) / 299792458, 9);
    expect(coherenceTimeMs(maxDopplerHz(2, 3.5))).toBeCloseTo(423 / 23.3497, 2);
    // TR 38.901 Table 7.5-6 Part-3 with V/S = 5 m: LOS 10^(log10(144) − 9.35) s = 64.3 ns.
    expect(infDelaySpreadNs(5, true)).toBeCloseTo(144 * 10 ** -9.35 * 1e9, 6);
    expect(infDelaySpreadNs(5, false)).toBeCloseTo(182 * 10 ** -9.44 * 1e9, 6);
  });
});

describe('EESM effective SINR', () => {
  it('equals the common SINR when all are equal', () => {
    expect(eesmLinear([7, 7, 7], 3, 5)).toBeCloseTo(7, 12);
  });

  it('matches −β ln(mean e^{−γ/β}) and lies between the minimum and the mean', () => {
    const g = [0.5, 4, 20];
    const beta = 3;
    const direct = -beta * Math.log((Math.exp(-0.5 / 3) + Math.exp(-4 / 3) + Math.exp(-20 / 3)) / 3);
    expect(eesmLinear(g, 3, beta)).toBeCloseTo(direct, 12);
    expect(eesmLinear(g, 3, beta)).toBeGreaterThan(0.5);
    expect(eesmLinear(g, 3, beta)).toBeLessThan((0.5 + 4 + 20) / 3);
  });

  it('tends to the mean for large β and to the minimum for small β; no underflow at high SINR', () => {
    expect(eesmLinear([1, 3], 2, 1e6)).toBeCloseTo(2, 4);
    expect(eesmLinear([1, 3], 2, 1e-3)).toBeCloseTo(1 + 1e-3 * Math.log(2), 6);
    expect(eesmLinear([3000, 3000], 2, 1.6)).toBeCloseTo(3000, 9);
  });
});
