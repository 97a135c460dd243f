import type { RandomStream } from './random';

/**
 * A unit-less probability distribution, JSON-friendly (it appears in scenario files).
 * Validate untrusted input with validateDistribution(); sampler(), mean() and variance() throw on an invalid spec.
 */
export type DistributionSpec =
  | { kind: 'constant'; value: number }
  /** Continuous uniform on [min, max). */
  | { kind: 'uniform'; min: number; max: number }
  | { kind: 'exponential'; mean: number }
  /**
   * Normal(mean, sd). With `min`, the normal is TRUNCATED (resampled, never clamped) to [min, ∞): `mean` and
   * `sd` are then those of the parent untruncated normal, and mean()/variance() return the truncated
   * distribution's actual moments (higher mean, smaller variance).
   */
  | { kind: 'normal'; mean: number; sd: number; min?: number }
  /** Lognormal parameterised by the mean and sd of the variable itself (not of its log). */
  | { kind: 'lognormal'; mean: number; sd: number }
  | { kind: 'triangular'; min: number; mode: number; max: number }
  | { kind: 'weibull'; shape: number; scale: number }
  /** Returns 1 with probability p, else 0. */
  | { kind: 'bernoulli'; p: number }
  /** Discrete table: returns values[i] with probability weights[i] / sum(weights) (equal weights if omitted). */
  | { kind: 'empirical'; values: readonly number[]; weights?: readonly number[] }
  /**
   * Continuous empirical distribution: a piecewise-linear CDF through points [x, cumulativeP], with x and
   * cumulativeP non-decreasing, the first cumulativeP 0 and the last 1 (a repeated x makes an atom).
   */
  | { kind: 'empiricalCdf'; points: readonly (readonly [number, number])[] };

export type DistributionKind = DistributionSpec['kind'];

// ---------------------------------------------------------------------------------------------------------
// Special functions

// Lanczos approximation, g = 7, n = 9 (coefficients from Numerical Recipes / Godfrey); ~15 significant digits.
const LANCZOS_G = 7;
const LANCZOS_P = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];
const LN_SQRT_2PI = 0.5 * Math.log(2 * Math.PI);

function lanczosSum(x: number): number {
  let a = LANCZOS_P[0]!;
  for (let i = 1; i < LANCZOS_P.length; i++) a += LANCZOS_P[i]! / (x + i);
  return a;
}

/** The gamma function Γ(x) (Lanczos approximation, reflection formula for x < 0.5). */
export function gamma(x: number): number {
  if (x < 0.5) return Math.PI / (Math.sin(Math.PI * x) * gamma(1 - x));
  x -= 1;
  const t = x + LANCZOS_G + 0.5;
  return Math.sqrt(2 * Math.PI) * t ** (x + 0.5) * Math.exp(-t) * lanczosSum(x);
}

/** ln |Γ(x)| (Lanczos approximation); finite for large x where gamma() overflows. */
export function lnGamma(x: number): number {
  if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - lnGamma(1 - x);
  x -= 1;
  const t = x + LANCZOS_G + 0.5;
  return LN_SQRT_2PI + (x + 0.5) * Math.log(t) - t + Math.log(lanczosSum(x));
}

const EPS = 1e-16;
const TINY = 1e-300;

/** Regularized upper incomplete gamma Q(a, x) = Γ(a, x) / Γ(a) (Numerical Recipes §6.2: series / Lentz CF). */
export function regularizedGammaQ(a: number, x: number): number {
  if (x <= 0) return 1;
  const logPrefix = -x + a * Math.log(x) - lnGamma(a);
  if (x < a + 1) {
    let ap = a;
    let del = 1 / a;
    let sum = del;
    for (let i = 0; i < 10_000 && Math.abs(del) > Math.abs(sum) * EPS; i++) {
      ap += 1;
      del *= x / ap;
      sum += del;
    }
    return 1 - sum * Math.exp(logPrefix);
  }
  let b = x + 1 - a;
  let c = 1 / TINY;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 10_000; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < TINY) d = TINY;
    c = b + an / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < EPS) break;
  }
  return Math.exp(logPrefix) * h;
}

/** Complementary error function, erfc(x) = Q(1/2, x²) for x >= 0; accurate in the far tail. */
export function erfc(x: number): number {
  const q = regularizedGammaQ(0.5, x * x);
  return x >= 0 ? q : 2 - q;
}

/** Standard normal CDF Φ(z). */
export function normalCdf(z: number): number {
  return 0.5 * erfc(-z / Math.SQRT2);
}

/** Standard normal density φ(z). */
export function normalPdf(z: number): number {
  return Math.exp(-0.5 * z * z) / Math.sqrt(2 * Math.PI);
}

// ---------------------------------------------------------------------------------------------------------
// Validation

/** Largest allowed (min - mean) / sd of a truncated normal: beyond it the moments lose precision. */
const MAX_TRUNCATION_SD = 30;

const KINDS: readonly DistributionKind[] = [
  'constant',
  'uniform',
  'exponential',
  'normal',
  'lognormal',
  'triangular',
  'weibull',
  'bernoulli',
  'empirical',
  'empiricalCdf',
];

function fmt(v: unknown): string {
  return typeof v === 'number' ? String(v) : (JSON.stringify(v) ?? String(v));
}

/**
 * Human-readable problems with a distribution spec (e.g. "normal: sd must be >= 0, got -1"); empty if valid.
 * Accepts any value (e.g. parsed JSON) and never throws.
 */
export function validateDistribution(spec: unknown): string[] {
  const problems: string[] = [];
  if (typeof spec !== 'object' || spec === null || Array.isArray(spec)) {
    return [`distribution must be an object with a "kind", got ${fmt(spec)}`];
  }
  const s = spec as Record<string, unknown>;
  const kind = s.kind;
  if (typeof kind !== 'string' || !KINDS.includes(kind as DistributionKind)) {
    return [`unknown distribution kind ${fmt(kind)} (expected one of ${KINDS.join(', ')})`];
  }
  const say = (msg: string) => problems.push(`${kind}: ${msg}`);
  /** Checks s[field] is a finite number (optional fields may be undefined); returns it or undefined. */
  const num = (field: string, optional = false): number | undefined => {
    const v = s[field];
    if (v === undefined && optional) return undefined;
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      say(`${field} must be a finite number, got ${fmt(v)}`);
      return undefined;
    }
    return v;
  };
  const atLeast = (field: string, v: number | undefined, lo: number, strict: boolean) => {
    if (v !== undefined && (strict ? !(v > lo) : !(v >= lo))) {
      say(`${field} must be ${strict ? '>' : '>='} ${lo}, got ${v}`);
    }
  };

  switch (kind as DistributionKind) {
    case 'constant':
      num('value');
      break;
    case 'uniform': {
      const min = num('min');
      const max = num('max');
      if (min !== undefined && max !== undefined && min > max) say(`min must be <= max, got ${min} > ${max}`);
      break;
    }
    case 'exponential':
      atLeast('mean', num('mean'), 0, true);
      break;
    case 'normal': {
      const mean = num('mean');
      const sd = num('sd');
      atLeast('sd', sd, 0, false);
      const min = num('min', true);
      if (mean !== undefined && sd !== undefined && sd >= 0 && min !== undefined) {
        if (sd === 0 ? min > mean : (min - mean) / sd > MAX_TRUNCATION_SD) {
          say(`min (${min}) must be <= mean + ${MAX_TRUNCATION_SD} sd, got mean ${mean} and sd ${sd}`);
        }
      }
      break;
    }
    case 'lognormal':
      atLeast('mean', num('mean'), 0, true);
      atLeast('sd', num('sd'), 0, false);
      break;
    case 'triangular': {
      const min = num('min');
      const mode = num('mode');
      const max = num('max');
      if (min !== undefined && mode !== undefined && max !== undefined && !(min <= mode && mode <= max)) {
        say(`must have min <= mode <= max, got ${min}, ${mode}, ${max}`);
      }
      break;
    }
    case 'weibull':
      atLeast('shape', num('shape'), 0, true);
      atLeast('scale', num('scale'), 0, true);
      break;
    case 'bernoulli': {
      const p = num('p');
      if (p !== undefined && !(p >= 0 && p <= 1)) say(`p must be in [0, 1], got ${p}`);
      break;
    }
    case 'empirical': {
      const values = s.values;
      if (!Array.isArray(values) || values.length === 0) {
        say(`values must be a non-empty array of numbers, got ${fmt(values)}`);
        break;
      }
      values.forEach((v, i) => {
        if (typeof v !== 'number' || !Number.isFinite(v))
          say(`values[${i}] must be a finite number, got ${fmt(v)}`);
      });
      const weights = s.weights;
      if (weights === undefined) break;
      if (!Array.isArray(weights) || weights.length !== values.length) {
        say(`weights must be an array of the same length as values (${values.length}), got ${fmt(weights)}`);
        break;
      }
      let total = 0;
      weights.forEach((w, i) => {
        if (typeof w !== 'number' || !Number.isFinite(w) || w < 0) {
          say(`weights[${i}] must be a finite number >= 0, got ${fmt(w)}`);
        } else total += w;
      });
      if (!(total > 0)) say('weights must not all be 0');
      break;
    }
    case 'empiricalCdf': {
      const points = s.points;
      if (!Array.isArray(points) || points.length < 2) {
        say(`points must be an array of at least 2 [x, cumulativeP] pairs, got ${fmt(points)}`);
        break;
      }
      let prevX = Number.NEGATIVE_INFINITY;
      let prevP = 0;
      for (let i = 0; i < points.length; i++) {
        const pt: unknown = points[i];
        if (
          !Array.isArray(pt) ||
          pt.length !== 2 ||
          !pt.every((v) => typeof v === 'number' && Number.isFinite(v))
        ) {
          say(`points[${i}] must be a pair of finite numbers [x, cumulativeP], got ${fmt(pt)}`);
          return problems;
        }
        const [x, p] = pt as [number, number];
        if (x < prevX) say(`points[${i}]: x must be non-decreasing, got ${x} after ${prevX}`);
        if (p < prevP || p > 1) say(`points[${i}]: cumulativeP must be non-decreasing in [0, 1], got ${p}`);
        prevX = x;
        prevP = p;
      }
      if (points[0][1] !== 0) say(`the first cumulativeP must be 0, got ${points[0][1]}`);
      if (points[points.length - 1][1] !== 1) {
        say(`the last cumulativeP must be 1, got ${points[points.length - 1][1]}`);
      }
      break;
    }
  }
  return problems;
}

function assertValid(spec: DistributionSpec): void {
  const problems = validateDistribution(spec);
  if (problems.length > 0) throw new RangeError(`invalid distribution: ${problems.join('; ')}`);
}

// ---------------------------------------------------------------------------------------------------------
// Helpers shared by sampler / mean / variance

/** Parameters of the log of a lognormal with mean m and sd s: σ² = ln(1 + s²/m²), μ = ln m − σ²/2. */
function lognormalParams(mean: number, sd: number): { mu: number; sigma: number } {
  const sigma2 = Math.log1p((sd * sd) / (mean * mean));
  return { mu: Math.log(mean) - sigma2 / 2, sigma: Math.sqrt(sigma2) };
}

/** Moments of a standard normal truncated to [α, ∞): λ = φ(α)/(1 − Φ(α)), mean λ, variance 1 + αλ − λ². */
function truncatedStdNormalMoments(alpha: number): { mean: number; variance: number } {
  const lambda = normalPdf(alpha) / (0.5 * erfc(alpha / Math.SQRT2));
  return { mean: lambda, variance: 1 + alpha * lambda - lambda * lambda };
}

/** Cumulative weights (equal weights if none); the last entry is the total. */
function cumulativeWeights(values: readonly number[], weights?: readonly number[]): Float64Array {
  const cum = new Float64Array(values.length);
  let total = 0;
  for (let i = 0; i < values.length; i++) {
    total += weights ? weights[i]! : 1; // validated: as many weights as values
    cum[i] = total;
  }
  return cum;
}

/** A standard-normal generator on `stream` (Marsaglia polar method; the second value of each pair is cached). */
function standardNormal(stream: RandomStream): () => number {
  let hasSpare = false;
  let spare = 0;
  return () => {
    if (hasSpare) {
      hasSpare = false;
      return spare;
    }
    let u: number;
    let v: number;
    let s: number;
    do {
      u = 2 * stream.next() - 1;
      v = 2 * stream.next() - 1;
      s = u * u + v * v;
    } while (s >= 1 || s === 0);
    const f = Math.sqrt((-2 * Math.log(s)) / s);
    spare = v * f;
    hasSpare = true;
    return u * f;
  };
}

// ---------------------------------------------------------------------------------------------------------
// Public API

/**
 * A closure drawing from `spec` using `stream` (no allocation per draw). Validates the spec once; throws a
 * RangeError if invalid. The closure owns its state (e.g. the cached second normal of a pair), so two
 * samplers on one stream interleave their draws deterministically.
 */
export function sampler(spec: DistributionSpec, stream: RandomStream): () => number {
  assertValid(spec);
  switch (spec.kind) {
    case 'constant': {
      const { value } = spec;
      return () => value;
    }
    case 'uniform': {
      const { min } = spec;
      const width = spec.max - spec.min;
      return () => min + width * stream.next();
    }
    case 'exponential': {
      const { mean } = spec;
      return () => -mean * Math.log1p(-stream.next()); // inversion; 1 - u is in (0, 1]
    }
    case 'normal': {
      const { mean, sd, min } = spec;
      const z = standardNormal(stream);
      if (min === undefined || sd === 0) return () => mean + sd * z();
      const alpha = (min - mean) / sd;
      if (alpha < 0) {
        // Acceptance >= 1/2: plain rejection.
        return () => {
          let x: number;
          do x = z();
          while (x < alpha);
          return mean + sd * x;
        };
      }
      // Robert (1995), "Simulation of truncated normal variables": translated-exponential proposal with
      // the optimal rate, acceptance ≥ 0.76 for every alpha >= 0.
      const rate = (alpha + Math.sqrt(alpha * alpha + 4)) / 2;
      return () => {
        for (;;) {
          const x = alpha - Math.log1p(-stream.next()) / rate;
          const d = x - rate;
          if (stream.next() < Math.exp(-0.5 * d * d)) return mean + sd * x;
        }
      };
    }
    case 'lognormal': {
      const { mu, sigma } = lognormalParams(spec.mean, spec.sd);
      const z = standardNormal(stream);
      return () => Math.exp(mu + sigma * z());
    }
    case 'triangular': {
      // Inversion of the triangular CDF.
      const { min: a, mode: c, max: b } = spec;
      const fc = b > a ? (c - a) / (b - a) : 0.5;
      const left = (b - a) * (c - a);
      const right = (b - a) * (b - c);
      return () => {
        const u = stream.next();
        return u < fc ? a + Math.sqrt(u * left) : b - Math.sqrt((1 - u) * right);
      };
    }
    case 'weibull': {
      const { scale } = spec;
      const invShape = 1 / spec.shape;
      return () => scale * (-Math.log1p(-stream.next())) ** invShape; // inversion
    }
    case 'bernoulli': {
      const { p } = spec;
      return () => (stream.next() < p ? 1 : 0);
    }
    case 'empirical': {
      const values = Float64Array.from(spec.values);
      const cum = cumulativeWeights(spec.values, spec.weights);
      const total = cum[cum.length - 1]!;
      let last = cum.length - 1; // last index with a positive weight (fallback if u * total rounds to total)
      while (last > 0 && cum[last - 1] === total) last--;
      return () => {
        const x = stream.next() * total;
        let lo = 0;
        let hi = last;
        while (lo < hi) {
          const mid = (lo + hi) >>> 1;
          if (cum[mid]! > x) hi = mid;
          else lo = mid + 1;
        }
        return values[lo]!;
      };
    }
    case 'empiricalCdf': {
      const n = spec.points.length;
      const xs = Float64Array.from(spec.points, (p) => p[0]);
      const ps = Float64Array.from(spec.points, (p) => p[1]);
      return () => {
        const u = stream.next();
        // First j with ps[j] > u (exists as ps[n-1] = 1 > u; j >= 1 as ps[0] = 0 <= u), then interpolate.
        let lo = 1;
        let hi = n - 1;
        while (lo < hi) {
          const mid = (lo + hi) >>> 1;
          if (ps[mid]! > u) hi = mid;
          else lo = mid + 1;
        }
        const i = lo - 1;
        return xs[i]! + ((u - ps[i]!) / (ps[lo]! - ps[i]!)) * (xs[lo]! - xs[i]!);
      };
    }
  }
}

/** Analytic mean of the distribution. Throws a RangeError if the spec is invalid. */
export function mean(spec: DistributionSpec): number {
  assertValid(spec);
  switch (spec.kind) {
    case 'constant':
      return spec.value;
    case 'uniform':
      return (spec.min + spec.max) / 2;
    case 'exponential':
      return spec.mean;
    case 'normal':
      if (spec.min === undefined || spec.sd === 0) return spec.mean;
      return spec.mean + spec.sd * truncatedStdNormalMoments((spec.min - spec.mean) / spec.sd).mean;
    case 'lognormal':
      return spec.mean;
    case 'triangular':
      return (spec.min + spec.mode + spec.max) / 3;
    case 'weibull':
      return spec.scale * gamma(1 + 1 / spec.shape);
    case 'bernoulli':
      return spec.p;
    case 'empirical': {
      const cum = cumulativeWeights(spec.values, spec.weights);
      let sum = 0;
      for (let i = 0; i < spec.values.length; i++)
        sum += spec.values[i]! * (cum[i]! - (i > 0 ? cum[i - 1]! : 0));
      return sum / cum[cum.length - 1]!;
    }
    case 'empiricalCdf': {
      // Mixture of uniforms on each segment, weighted by its probability.
      const pts = spec.points;
      let sum = 0;
      for (let i = 1; i < pts.length; i++)
        sum += (pts[i]![1] - pts[i - 1]![1]) * ((pts[i - 1]![0] + pts[i]![0]) / 2);
      return sum;
    }
  }
}

/** Analytic variance of the distribution. Throws a RangeError if the spec is invalid. */
export function variance(spec: DistributionSpec): number {
  assertValid(spec);
  switch (spec.kind) {
    case 'constant':
      return 0;
    case 'uniform':
      return (spec.max - spec.min) ** 2 / 12;
    case 'exponential':
      return spec.mean ** 2;
    case 'normal':
      if (spec.min === undefined || spec.sd === 0) return spec.sd ** 2;
      return spec.sd ** 2 * truncatedStdNormalMoments((spec.min - spec.mean) / spec.sd).variance;
    case 'lognormal':
      return spec.sd ** 2;
    case 'triangular': {
      const { min: a, mode: c, max: b } = spec;
      return (a * a + b * b + c * c - a * b - a * c - b * c) / 18;
    }
    case 'weibull': {
      const g1 = gamma(1 + 1 / spec.shape);
      return spec.scale ** 2 * (gamma(1 + 2 / spec.shape) - g1 * g1);
    }
    case 'bernoulli':
      return spec.p * (1 - spec.p);
    case 'empirical': {
      const m = mean(spec);
      const cum = cumulativeWeights(spec.values, spec.weights);
      let sum = 0;
      for (let i = 0; i < spec.values.length; i++) {
        sum += (spec.values[i]! - m) ** 2 * (cum[i]! - (i > 0 ? cum[i - 1]! : 0));
      }
      return sum / cum[cum.length - 1]!;
    }
    case 'empiricalCdf': {
      // Second central moment of each uniform segment [a, b] about m: ((a−m)² + (a−m)(b−m) + (b−m)²) / 3.
      const m = mean(spec);
      const pts = spec.points;
      let sum = 0;
      for (let i = 1; i < pts.length; i++) {
        const a = pts[i - 1]![0] - m;
        const b = pts[i]![0] - m;
        sum += ((pts[i]![1] - pts[i - 1]![1]) * (a * a + a * b + b * b)) / 3;
      }
      return sum;
    }
  }
}
