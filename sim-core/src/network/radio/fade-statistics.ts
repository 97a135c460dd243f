// Closed forms of Rician / Rayleigh fading that a flow-level model averages over: the distribution of the power
// gain |h|² (mean 1), its level-crossing rate and average fade duration under Clarke's isotropic scattering, and
// the Bessel functions they need (J0: Clarke's time correlation).

/** J0(x): Abramowitz & Stegun 9.4.1 (|x| ≤ 3, |ε| < 5e-8) and 9.4.3 (x ≥ 3, |ε| < 1.6e-8 in f0, 7e-8 in θ0). */
export function besselJ0(x: number): number {
  const ax = Math.abs(x);
  if (ax <= 3) {
    const t = (ax / 3) ** 2;
    return (
      1 +
      t * (-2.2499997 + t * (1.2656208 + t * (-0.3163866 + t * (0.0444479 + t * (-0.0039444 + t * 0.00021)))))
    );
  }
  const t = 3 / ax;
  const f0 =
    0.79788456 +
    t *
      (-0.00000077 +
        t * (-0.0055274 + t * (-0.00009512 + t * (0.00137237 + t * (-0.00072805 + t * 0.00014476)))));
  const th =
    ax -
    0.78539816 +
    t *
      (-0.04166397 +
        t * (-0.00003954 + t * (0.00262573 + t * (-0.00054125 + t * (-0.00029333 + t * 0.00013558)))));
  return (f0 * Math.cos(th)) / Math.sqrt(ax);
}

/**
 * e^{−x}·I0(x), x ≥ 0: Abramowitz & Stegun 9.8.1 (x ≤ 3.75, |ε| < 1.6e-7 relative) and 9.8.2 (x ≥ 3.75,
 * |ε| < 1.9e-7 relative).
 */
export function besselI0Scaled(x: number): number {
  if (x < 3.75) {
    const t = (x / 3.75) ** 2;
    const i0 =
      1 +
      t * (3.5156229 + t * (3.0899424 + t * (1.2067492 + t * (0.2659732 + t * (0.0360768 + t * 0.0045813)))));
    return i0 * Math.exp(-x);
  }
  const t = 3.75 / x;
  const p =
    0.39894228 +
    t *
      (0.01328592 +
        t *
          (0.00225319 +
            t *
              (-0.00157565 +
                t *
                  (0.00916281 + t * (-0.02057706 + t * (0.02635537 + t * (-0.01647633 + t * 0.00392377)))))));
  return p / Math.sqrt(x);
}

/**
 * Density of the power gain g = |h|² (mean 1) of Rician fading with factor K (0: Rayleigh, e^{−g}):
 * (K+1)·e^{−K−(K+1)g}·I0(2√(K(K+1)g)) (the Rice envelope density, e.g. Stüber, Principles of Mobile Communication,
 * changed to power), written with the scaled I0 so that a large K does not overflow.
 */
export function ricianPowerPdf(kLinear: number, g: number): number {
  if (g < 0) return 0;
  if (kLinear === 0) return Math.exp(-g);
  const a = Math.sqrt((kLinear + 1) * g) - Math.sqrt(kLinear);
  return (kLinear + 1) * Math.exp(-a * a) * besselI0Scaled(2 * Math.sqrt(kLinear * (kLinear + 1) * g));
}

/** Grid of the CDF table: ln g from ln 1e-12 in steps of 0.005 (0.5 % of g; linear interpolation within 1e-5). */
const LN_G_MIN = Math.log(1e-12);
const LN_G_STEP = 0.005;

/**
 * The CDF of the power gain of Rician fading, P(|h|² ≤ g), and its inverse. Rayleigh (K = 0) in closed form
 * 1 − e^{−g}; Rician by the trapezoid rule on ln g over the density above (the Marcum-Q form 1 − Q1(√(2K),
 * √(2(K+1)g)) has no elementary closed form), below 1e-12 as (K+1)·e^{−K}·g (the density at 0).
 */
export class FadingPowerCdf {
  private readonly table: Float64Array | null;

  constructor(readonly kLinear: number) {
    if (!(kLinear >= 0)) throw new RangeError(`K-factor must be >= 0, got ${kLinear}`);
    if (kLinear === 0) {
      this.table = null;
      return;
    }
    // Up to the envelope √K + 9 standard deviations of the diffuse part over the mean.
    const lnMax = 2 * Math.log((Math.sqrt(kLinear) + 9) / Math.sqrt(kLinear + 1));
    const n = Math.ceil((lnMax - LN_G_MIN) / LN_G_STEP) + 1;
    const table = new Float64Array(n);
    let prev = Math.exp(LN_G_MIN) * ricianPowerPdf(kLinear, Math.exp(LN_G_MIN)); // g·f(g): dF / d ln g
    table[0] = prev; // ∫_0^g f ≈ g·f(0) for g ≪ 1
    for (let i = 1; i < n; i++) {
      const g = Math.exp(LN_G_MIN + i * LN_G_STEP);
      const next = g * ricianPowerPdf(kLinear, g);
      table[i] = table[i - 1]! + 0.5 * LN_G_STEP * (prev + next);
      prev = next;
    }
    const total = table[n - 1]!;
    for (let i = 0; i < n; i++) table[i] = table[i]! / total;
    this.table = table;
  }

  /** P(|h|² ≤ g). */
  cdf(g: number): number {
    if (!(g > 0)) return 0;
    const t = this.table;
    if (t === null) return -Math.expm1(-g);
    const x = (Math.log(g) - LN_G_MIN) / LN_G_STEP;
    if (x <= 0) return t[0]! * (g / Math.exp(LN_G_MIN));
    const i = Math.floor(x);
    if (i >= t.length - 1) return 1;
    const f = x - i;
    return t[i]! + f * (t[i + 1]! - t[i]!);
  }

  /** The g with P(|h|² ≤ g) = u, 0 < u < 1. */
  quantile(u: number): number {
    const t = this.table;
    if (t === null) return -Math.log1p(-u);
    if (u <= t[0]!) return Math.exp(LN_G_MIN) * (u / t[0]!);
    let lo = 0;
    let hi = t.length - 1;
    if (u >= t[hi]!) return Math.exp(LN_G_MIN + hi * LN_G_STEP);
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      if (t[mid]! < u) lo = mid;
      else hi = mid;
    }
    const f = (u - t[lo]!) / (t[hi]! - t[lo]! || 1);
    return Math.exp(LN_G_MIN + (lo + f) * LN_G_STEP);
  }
}

/**
 * Level-crossing rate (per second) of the envelope at ρ = R / R_rms for Rician fading with factor K and maximum
 * Doppler `dopplerHz`: √(2π(K+1))·f_d·ρ·e^{−K−(K+1)ρ²}·I0(2ρ√(K(K+1))) (Stüber, Principles of Mobile
 * Communication, Ricean level crossings; K = 0 gives Rappaport's eq. 5.80, √(2π)·f_d·ρ·e^{−ρ²}). ASSUMPTION: isotropic scattering
 * and a specular component arriving broadside (no Doppler of its own).
 */
export function levelCrossingRateHz(kLinear: number, rho: number, dopplerHz: number): number {
  const a = Math.sqrt(kLinear + 1) * rho - Math.sqrt(kLinear);
  return (
    Math.sqrt(2 * Math.PI * (kLinear + 1)) *
    dopplerHz *
    rho *
    Math.exp(-a * a) *
    besselI0Scaled(2 * rho * Math.sqrt(kLinear * (kLinear + 1)))
  );
}

/**
 * Average fade duration below the power gain `gThreshold` (= ρ²), ms: P(|h|² < ρ²) / N_R(ρ) (Rappaport, Wireless
 * Communications, 2nd ed., eq. 5.81 for Rayleigh: (e^{ρ²} − 1) / (ρ·f_d·√(2π))). Infinity without Doppler.
 */
export function averageFadeDurationMs(cdf: FadingPowerCdf, gThreshold: number, dopplerHz: number): number {
  if (!(dopplerHz > 0)) return Number.POSITIVE_INFINITY;
  const rate = levelCrossingRateHz(cdf.kLinear, Math.sqrt(gThreshold), dopplerHz);
  return rate > 0 ? (1000 * cdf.cdf(gThreshold)) / rate : Number.POSITIVE_INFINITY;
}
