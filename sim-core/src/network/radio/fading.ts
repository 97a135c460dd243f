// Small-scale fading of one link: a Rician (LOS) or Rayleigh (NLOS) complex gain with the Clarke/Jakes
// time correlation J0(2π f_d τ), as a sum of sinusoids, and the EESM effective SINR over several gains.
import type { RandomStream } from '../../engine/random';

export const SPEED_OF_LIGHT_MPS = 299_792_458;

/** TR 38.901 Table 7.5-6 Part-3, InF-LOS: Ricean K-factor μ_K = 7 dB, σ_K = 8 dB (log-normal per link). */
export const INF_K_FACTOR_DB = Object.freeze({ mu: 7, sigma: 8 });

/**
 * Sinusoids per fading process. Zheng & Xiao (IEEE Trans. Commun. 51(6), 2003) show the envelope statistics
 * and J0 autocorrelation are close to Clarke's for M ≥ 8; 12 is an assumption that keeps the deep-fade tail
 * within a few per cent of Rayleigh's.
 */
export const SOS_PATHS = 12;

/** Maximum Doppler shift f_d = v·f_c / c, Hz. */
export function maxDopplerHz(speedMps: number, carrierGHz: number): number {
  return (speedMps * carrierGHz * 1e9) / SPEED_OF_LIGHT_MPS;
}

/**
 * Coherence time T_c ≈ 0.423 / f_d (Rappaport, Wireless Communications, 2nd ed., eq. 5.40.c: the geometric
 * mean of the 0.5-correlation and 1/f_d rules), ms; Infinity without Doppler.
 */
export function coherenceTimeMs(dopplerHz: number): number {
  return dopplerHz > 0 ? 423 / dopplerHz : Number.POSITIVE_INFINITY;
}

/**
 * Coherence bandwidth B_c ≈ 1 / (5 σ_τ) for a frequency correlation of 0.5 (Rappaport, eq. 5.39), Hz.
 */
export function coherenceBandwidthHz(delaySpreadNs: number): number {
  return 1 / (5 * delaySpreadNs * 1e-9);
}

/**
 * InF RMS delay spread median, TR 38.901 Table 7.5-6 Part-3: lgDS μ = log10(26·V/S + 14) − 9.35 (LOS),
 * log10(30·V/S + 32) − 9.44 (NLOS), with V/S the hall's volume over its surface (m). Returns ns.
 */
export function infDelaySpreadNs(volumeOverSurfaceM: number, los: boolean): number {
  const lg = los
    ? Math.log10(26 * volumeOverSurfaceM + 14) - 9.35
    : Math.log10(30 * volumeOverSurfaceM + 32) - 9.44;
  return 10 ** lg * 1e9;
}

/**
 * One fading process: h(u) = √(K/(K+1))·e^{j(2π u cos θ₀ + φ₀)} + √(1/(K+1))·(1/√M)·Σ e^{j(2π u cos α_n + φ_n)},
 * u = f_d·t in Doppler cycles, α_n = (2πn − π + θ)/M (Zheng & Xiao 2003 angles, one random θ), φ_n, θ, θ₀,
 * φ₀ uniform. E|h|² = 1 and E[h(u+Δ)h*(u)] = (K·e^{j2πΔcos θ₀} + J0(2πΔ)) / (K+1) (Clarke's model for the
 * diffuse part). K = 0 is Rayleigh.
 */
export class FadingProcess {
  private readonly cosAlpha: Float64Array;
  private readonly phase: Float64Array;
  private losAmp = 0;
  private diffuseAmp = 0;
  private readonly losCos: number;
  private readonly losPhase: number;
  private readonly scratch = { re: 0, im: 0 };

  constructor(rng: RandomStream, kFactorLinear: number, paths = SOS_PATHS) {
    this.cosAlpha = new Float64Array(paths);
    this.phase = new Float64Array(paths);
    const theta = 2 * Math.PI * rng.next() - Math.PI;
    for (let n = 0; n < paths; n++) {
      this.cosAlpha[n] = Math.cos((2 * Math.PI * (n + 1) - Math.PI + theta) / paths);
      this.phase[n] = 2 * Math.PI * rng.next();
    }
    this.losCos = Math.cos(2 * Math.PI * rng.next());
    this.losPhase = 2 * Math.PI * rng.next();
    this.setKFactor(kFactorLinear);
  }

  /** Changes the Rician K-factor (0: Rayleigh), keeping the paths: a link turning NLOS keeps its diffuse part. */
  setKFactor(kFactorLinear: number): void {
    this.losAmp = Math.sqrt(kFactorLinear / (kFactorLinear + 1));
    this.diffuseAmp = Math.sqrt(1 / ((kFactorLinear + 1) * this.phase.length));
  }

  /** Power gain |h|² (mean 1) at `cycles` = f_d·t Doppler cycles. */
  powerGain(cycles: number): number {
    const h = this.gain(cycles, this.scratch);
    return h.re * h.re + h.im * h.im;
  }

  /** Complex gain h at `cycles` = f_d·t Doppler cycles, written into `out`. */
  gain(cycles: number, out: { re: number; im: number }): { re: number; im: number } {
    const w = 2 * Math.PI * cycles;
    let re = 0;
    let im = 0;
    for (let n = 0; n < this.phase.length; n++) {
      const a = w * this.cosAlpha[n]! + this.phase[n]!;
      re += Math.cos(a);
      im += Math.sin(a);
    }
    re *= this.diffuseAmp;
    im *= this.diffuseAmp;
    if (this.losAmp > 0) {
      const a = w * this.losCos + this.losPhase;
      re += this.losAmp * Math.cos(a);
      im += this.losAmp * Math.sin(a);
    }
    out.re = re;
    out.im = im;
    return out;
  }
}

/**
 * EESM effective SINR (linear) of `n` linear SINRs: γ_eff = −β·ln((1/n)·Σ e^{−γ_i/β}) (Brueninger et al.,
 * "Exponential effective SINR mapping", IEEE VTC 2005; 3GPP TR 25.892 Annex). Computed around the smallest
 * γ_i so that large SINRs over β do not underflow.
 */
export function eesmLinear(sinrs: ArrayLike<number>, n: number, beta: number): number {
  let min = Number.POSITIVE_INFINITY;
  for (let i = 0; i < n; i++) if (sinrs[i]! < min) min = sinrs[i]!;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += Math.exp(-(sinrs[i]! - min) / beta);
  return min - beta * Math.log(sum / n);
}
