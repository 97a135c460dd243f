// Spatially consistent log-normal shadow fading: a seeded, stationary 2D Gaussian field in dB
// with zero mean, standard deviation σ and exponential autocorrelation exp(-Δ/d_corr)
// (the correlation model of TR 38.901 §7.5 step 4 / §7.6.3.1).
//
// Method: sum of sinusoids (cf. X. Cai, G. B. Giannakis, "A two-dimensional channel simulation model
// for shadowing processes", IEEE Trans. Veh. Technol. 52(6), 2003):
//   S(x, y) = σ · sqrt(2/N) · Σ_n cos(kx_n·x + ky_n·y + φ_n)
// with phases φ_n ~ U(0, 2π), directions θ_n ~ U(0, 2π) and radial wavenumbers |k_n| drawn from the
// 2D spectrum of exp(-r/d):  p(k) = d²·k / (1 + k²d²)^{3/2}  (Hankel transform of exp(-r/d)),
// whose CDF F(k) = 1 - 1/sqrt(1 + k²d²) inverts in closed form: k·d = sqrt(1/(1-u)² - 1).
// Then E[S(p)·S(p+Δ)] = σ²·E[J0(|k||Δ|)] = σ²·exp(-|Δ|/d). The radial quantiles u_n are stratified
// (u_n = (n + v_n)/N) to make each single realisation close to the target spectrum.
// Every value is a pure function of (seed, n): deterministic, independent across seeds.
// sampleDb() loops over preallocated Float64Arrays: no allocation per query.
import { uniform01 } from './random';

/**
 * SF decorrelation distance for InF, LOS and NLOS: 10 m (TR 38.901 Table 7.5-6 Part-3,
 * "Correlation distance ... SF" for InF-LOS and InF-NLOS).
 */
export const INF_SF_DECORRELATION_M = 10;

/** Default number of sinusoids (assumption: trade-off cost vs Gaussianity/accuracy, ~1 µs per sample). */
export const DEFAULT_SHADOW_COMPONENTS = 64;

/**
 * Cap on k·d_corr (assumption). The exponential spectrum has a heavy tail (the field is rough at
 * every scale); capping the top ~2 % of the spectrum at wavelength 2π·d/50 (1.26 m for d = 10 m)
 * keeps the field smooth at AGV step sizes while preserving σ exactly and the correlation at
 * distances >= ~d/10 to within ~0.02.
 */
const MAX_K_TIMES_D = 50;

export interface ShadowFieldParams {
  readonly seed: number;
  readonly sigmaDb: number;
  readonly decorrelationM: number;
  /** Number of sinusoids; default {@link DEFAULT_SHADOW_COMPONENTS}. */
  readonly components?: number;
}

export interface ShadowField {
  readonly sigmaDb: number;
  readonly decorrelationM: number;
  /** Shadow-fading value in dB at (x, y) in metres. Pure, allocation-free. */
  sampleDb(xM: number, yM: number): number;
}

export function createShadowField(params: ShadowFieldParams): ShadowField {
  const n = params.components ?? DEFAULT_SHADOW_COMPONENTS;
  if (!(n >= 1) || !Number.isInteger(n))
    throw new RangeError(`components must be a positive integer, got ${n}`);
  if (!(params.decorrelationM > 0)) throw new RangeError('decorrelationM must be > 0');
  if (!(params.sigmaDb >= 0)) throw new RangeError('sigmaDb must be >= 0');
  const seed = params.seed >>> 0;
  const kx = new Float64Array(n);
  const ky = new Float64Array(n);
  const phase = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const u = (i + uniform01(seed, i, 0)) / n; // stratified radial quantile
    const oneMinusU = 1 - u;
    const kd = Math.min(Math.sqrt(1 / (oneMinusU * oneMinusU) - 1), MAX_K_TIMES_D);
    const k = kd / params.decorrelationM;
    const theta = 2 * Math.PI * uniform01(seed, i, 1);
    kx[i] = k * Math.cos(theta);
    ky[i] = k * Math.sin(theta);
    phase[i] = 2 * Math.PI * uniform01(seed, i, 2);
  }
  const amplitude = params.sigmaDb * Math.sqrt(2 / n);
  return {
    sigmaDb: params.sigmaDb,
    decorrelationM: params.decorrelationM,
    sampleDb(xM: number, yM: number): number {
      let s = 0;
      for (let i = 0; i < n; i++) s += Math.cos(kx[i]! * xM + ky[i]! * yM + phase[i]!);
      return amplitude * s;
    },
  };
}
