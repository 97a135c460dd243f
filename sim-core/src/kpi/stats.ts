import { erfc, lnGamma, normalPdf } from '../engine/distributions';

// ---------------------------------------------------------------------------------------------------------
// Accumulators

/** Running mean / variance / min / max of a sample (Welford 1962: numerically stable one-pass update). */
export class RunningStats {
  private n = 0;
  private m = 0;
  private m2 = 0; // sum of squared deviations from the mean
  private lo = Number.POSITIVE_INFINITY;
  private hi = Number.NEGATIVE_INFINITY;

  add(x: number): this {
    this.n += 1;
    const d = x - this.m;
    this.m += d / this.n;
    this.m2 += d * (x - this.m);
    if (x < this.lo) this.lo = x;
    if (x > this.hi) this.hi = x;
    return this;
  }

  /** Adds all of `other`'s observations (Chan, Golub & LeVeque 1979 pairwise combination). */
  merge(other: RunningStats): this {
    if (other.n === 0) return this;
    const n = this.n + other.n;
    const d = other.m - this.m;
    this.m += (d * other.n) / n;
    this.m2 += other.m2 + (d * d * this.n * other.n) / n;
    this.n = n;
    this.lo = Math.min(this.lo, other.lo);
    this.hi = Math.max(this.hi, other.hi);
    return this;
  }

  get count(): number {
    return this.n;
  }
  /** NaN when empty. */
  get mean(): number {
    return this.n > 0 ? this.m : Number.NaN;
  }
  /** Sample variance (divisor n − 1); NaN when count < 2. */
  get variance(): number {
    return this.n > 1 ? this.m2 / (this.n - 1) : Number.NaN;
  }
  /** Sample standard deviation; NaN when count < 2. */
  get sd(): number {
    return Math.sqrt(this.variance);
  }
  /** NaN when empty. */
  get min(): number {
    return this.n > 0 ? this.lo : Number.NaN;
  }
  /** NaN when empty. */
  get max(): number {
    return this.n > 0 ? this.hi : Number.NaN;
  }
}

/**
 * Time average of a piecewise-constant signal (e.g. a queue length): the value given to set() holds from
 * that time until the next set(). Times must be non-decreasing.
 */
export class TimeWeighted {
  private startMs: number;
  private lastMs: number;
  private value: number;
  private area = 0;
  private peak: number;

  /** The signal is `initialValue` from `startMs` until the first set(). */
  constructor(startMs = 0, initialValue = 0) {
    this.startMs = startMs;
    this.lastMs = startMs;
    this.value = initialValue;
    this.peak = initialValue;
  }

  private advance(timeMs: number, what: string): void {
    if (!(timeMs >= this.lastMs)) {
      throw new RangeError(`${what}: time ${timeMs} is before the last update at ${this.lastMs}`);
    }
    this.area += this.value * (timeMs - this.lastMs);
    this.lastMs = timeMs;
  }

  /** The signal changes to `value` at `timeMs`. */
  set(timeMs: number, value: number): void {
    this.advance(timeMs, 'TimeWeighted.set');
    this.value = value;
    if (value > this.peak) this.peak = value;
  }

  /**
   * Forgets the history before `atMs` (warm-up deletion): averages then start at `atMs`, and the current
   * value carries over.
   */
  reset(atMs: number): void {
    this.advance(atMs, 'TimeWeighted.reset');
    this.startMs = atMs;
    this.area = 0;
    this.peak = this.value;
  }

  /** ∫ signal dt from the start (or last reset) to `untilMs`, in value·ms. */
  integral(untilMs: number): number {
    if (!(untilMs >= this.lastMs)) {
      throw new RangeError(`TimeWeighted: time ${untilMs} is before the last update at ${this.lastMs}`);
    }
    return this.area + this.value * (untilMs - this.lastMs);
  }

  /** Time average from the start (or last reset) to `untilMs`; NaN over an empty interval. */
  mean(untilMs: number): number {
    const duration = untilMs - this.startMs;
    const area = this.integral(untilMs);
    return duration > 0 ? area / duration : Number.NaN;
  }

  /** The current value of the signal. */
  get current(): number {
    return this.value;
  }

  /** The largest value held since the start (or last reset). */
  get max(): number {
    return this.peak;
  }
}

// ---------------------------------------------------------------------------------------------------------
// Quantiles

/**
 * The p-quantile of ascending-sorted values by linear interpolation between order statistics
 * (Hyndman & Fan 1996 type 7, the default of R and NumPy): h = (n − 1)·p, x[⌊h⌋] + (h − ⌊h⌋)(x[⌊h⌋+1] − x[⌊h⌋]).
 * NaN for an empty input. Throws if p is outside [0, 1]. Does not check that the input is sorted.
 */
export function quantile(sortedValues: ArrayLike<number>, p: number): number {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`quantile: p must be in [0, 1], got ${p}`);
  const n = sortedValues.length;
  if (n === 0) return Number.NaN;
  const h = (n - 1) * p;
  const i = Math.floor(h);
  if (i >= n - 1) return sortedValues[n - 1]!;
  const lo = sortedValues[i]!;
  return lo + (h - i) * (sortedValues[i + 1]! - lo);
}

/** Type-7 quantiles of unsorted `values` for each p in `ps` (sorts a Float64Array copy once; NaNs sort last). */
export function percentiles(values: ArrayLike<number>, ps: readonly number[]): number[] {
  const sorted = Float64Array.from(values).sort();
  return ps.map((p) => quantile(sorted, p));
}

// ---------------------------------------------------------------------------------------------------------
// Student t distribution

const EPS = 1e-16;
const TINY = 1e-300;

/** Continued fraction for the incomplete beta function (Numerical Recipes §6.4, modified Lentz). */
function betaContinuedFraction(a: number, b: number, x: number): number {
  const qab = a + b;
  const qap = a + 1;
  const qam = a - 1;
  let c = 1;
  let d = 1 - (qab * x) / qap;
  if (Math.abs(d) < TINY) d = TINY;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= 100_000; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((qam + m2) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (qab + m) * x) / ((a + m2) * (qap + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < EPS) break;
  }
  return h;
}

/** Regularized incomplete beta I_x(a, b), with y = 1 − x passed separately to keep precision near x = 1. */
function regularizedBeta(a: number, b: number, x: number, y: number): number {
  if (x <= 0) return 0;
  if (y <= 0) return 1;
  const front = Math.exp(lnGamma(a + b) - lnGamma(a) - lnGamma(b) + a * Math.log(x) + b * Math.log(y));
  return x < (a + 1) / (a + b + 2)
    ? (front * betaContinuedFraction(a, b, x)) / a
    : 1 - (front * betaContinuedFraction(b, a, y)) / b;
}

/** Above this many degrees of freedom the t distribution is computed from the normal (error < 1e-13). */
const DF_NORMAL = 1e7;

/** P(T > t) for t >= 0: ½ I_{ν/(ν+t²)}(ν/2, ½). */
function studentTUpperTail(t: number, df: number): number {
  if (df > DF_NORMAL) return 0.5 * erfc(t / Math.SQRT2);
  const t2 = t * t;
  return 0.5 * regularizedBeta(df / 2, 0.5, df / (df + t2), t2 / (df + t2));
}

function studentTPdf(t: number, df: number): number {
  if (df > DF_NORMAL) return normalPdf(t);
  const logC = lnGamma((df + 1) / 2) - lnGamma(df / 2) - 0.5 * Math.log(df * Math.PI);
  return Math.exp(logC - ((df + 1) / 2) * Math.log1p((t * t) / df));
}

function checkDf(df: number): void {
  if (!(df > 0)) throw new RangeError(`degrees of freedom must be > 0, got ${df}`);
}

/** Student t CDF P(T <= t) with `df` > 0 degrees of freedom (real df allowed, e.g. Welch's). */
export function studentTCdf(t: number, df: number): number {
  checkDf(df);
  if (Number.isNaN(t)) return Number.NaN;
  return t >= 0 ? 1 - studentTUpperTail(t, df) : studentTUpperTail(-t, df);
}

/** Solves tail(x) = q for x >= 0, tail decreasing from ½ at 0 with density pdf: safeguarded Newton. */
function invertUpperTail(q: number, tail: (x: number) => number, pdf: (x: number) => number): number {
  if (q >= 0.5) return 0;
  if (q <= 0) return Number.POSITIVE_INFINITY;
  let lo = 0;
  let hi = 1;
  while (tail(hi) > q && hi < Number.MAX_VALUE / 4) {
    lo = hi;
    hi *= 2;
  }
  let x = (lo + hi) / 2;
  for (let i = 0; i < 500; i++) {
    const f = tail(x) - q;
    if (f === 0) return x;
    if (f > 0) lo = x;
    else hi = x;
    let next = x + f / pdf(x); // Newton step (d tail / dx = −pdf)
    // Outside the bracket: bisect instead (geometrically once lo > 0, for very heavy tails).
    if (!(next > lo && next < hi)) next = lo > 0 ? Math.sqrt(lo * hi) : (lo + hi) / 2;
    if (Math.abs(next - x) <= 1e-15 * x || hi - lo <= 1e-15 * hi) return next;
    x = next;
  }
  return x;
}

/**
 * Inverse Student t CDF: the t with P(T <= t) = p, for `df` > 0 degrees of freedom (real df allowed).
 * Inverts the incomplete-beta CDF (Numerical Recipes §6.4) by safeguarded Newton; ~1e-12 relative accuracy.
 * E.g. studentTQuantile(0.975, 9) = 2.2622. p = 0 and p = 1 give ∓Infinity.
 */
export function studentTQuantile(p: number, df: number): number {
  checkDf(df);
  if (!(p >= 0 && p <= 1)) throw new RangeError(`studentTQuantile: p must be in [0, 1], got ${p}`);
  const upper = p >= 0.5;
  const q = upper ? 1 - p : p;
  let t: number;
  if (df > DF_NORMAL) {
    const z = invertUpperTail(q, (x) => 0.5 * erfc(x / Math.SQRT2), normalPdf);
    t = z + (z * z * z + z) / (4 * df); // Cornish–Fisher first-order correction (Abramowitz & Stegun 26.7.5)
  } else {
    t = invertUpperTail(
      q,
      (x) => studentTUpperTail(x, df),
      (x) => studentTPdf(x, df),
    );
  }
  return upper ? t : -t;
}

/** Inverse standard normal CDF (same solver as studentTQuantile on the normal tail). */
export function normalQuantile(p: number): number {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`normalQuantile: p must be in [0, 1], got ${p}`);
  const upper = p >= 0.5;
  const z = invertUpperTail(upper ? 1 - p : p, (x) => 0.5 * erfc(x / Math.SQRT2), normalPdf);
  return upper ? z : -z;
}

// ---------------------------------------------------------------------------------------------------------
// Confidence intervals and tests

export interface ConfidenceInterval {
  mean: number;
  /** t_{(1+level)/2, n−1} · sd / √n; Infinity when n < 2 (so "halfWidth > target" keeps asking for data). */
  halfWidth: number;
  lower: number;
  upper: number;
  n: number;
  /** Sample standard deviation; NaN when n < 2. */
  sd: number;
}

/** Student-t confidence interval for the mean of the observations summarised in `stats`. */
export function confidenceIntervalFromStats(stats: RunningStats, level = 0.95): ConfidenceInterval {
  if (!(level > 0 && level < 1)) throw new RangeError(`confidence level must be in (0, 1), got ${level}`);
  const n = stats.count;
  const mean = stats.mean;
  const sd = stats.sd;
  const halfWidth =
    n < 2 ? Number.POSITIVE_INFINITY : (studentTQuantile((1 + level) / 2, n - 1) * sd) / Math.sqrt(n);
  return { mean, halfWidth, lower: mean - halfWidth, upper: mean + halfWidth, n, sd };
}

/**
 * Student-t confidence interval for the mean of independent observations (e.g. one KPI per replication).
 * With n < 2, halfWidth is Infinity (lower −∞, upper +∞; mean and bounds NaN when n = 0).
 */
export function confidenceInterval(values: ArrayLike<number>, level = 0.95): ConfidenceInterval {
  const stats = new RunningStats();
  for (let i = 0; i < values.length; i++) stats.add(values[i]!);
  return confidenceIntervalFromStats(stats, level);
}

export interface WelchTTestResult {
  /** mean(a) − mean(b). */
  diff: number;
  t: number;
  /** Welch–Satterthwaite degrees of freedom. */
  df: number;
  /** Two-sided p-value. */
  pValue: number;
  /** pValue < alpha. */
  significant: boolean;
}

/**
 * Welch's unequal-variance t test of mean(a) = mean(b), for comparing two scenario variants.
 * Needs >= 2 observations in each sample, otherwise t, df and pValue are NaN and significant is false.
 * If both samples have zero variance, the test is exact: pValue 1 if the means are equal, else 0.
 */
export function welchTTest(a: ArrayLike<number>, b: ArrayLike<number>, alpha = 0.05): WelchTTestResult {
  const sa = new RunningStats();
  const sb = new RunningStats();
  for (let i = 0; i < a.length; i++) sa.add(a[i]!);
  for (let i = 0; i < b.length; i++) sb.add(b[i]!);
  const diff = sa.mean - sb.mean;
  if (sa.count < 2 || sb.count < 2) {
    return { diff, t: Number.NaN, df: Number.NaN, pValue: Number.NaN, significant: false };
  }
  const va = sa.variance / sa.count;
  const vb = sb.variance / sb.count;
  const se2 = va + vb;
  if (se2 === 0) {
    const t = diff === 0 ? 0 : diff > 0 ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY;
    const pValue = diff === 0 ? 1 : 0;
    return { diff, t, df: sa.count + sb.count - 2, pValue, significant: pValue < alpha };
  }
  const t = diff / Math.sqrt(se2);
  const df = (se2 * se2) / ((va * va) / (sa.count - 1) + (vb * vb) / (sb.count - 1));
  const pValue = Math.min(1, 2 * studentTUpperTail(Math.abs(t), df));
  return { diff, t, df, pValue, significant: pValue < alpha };
}

export interface PairedTTestResult extends WelchTTestResult {
  /** Confidence interval of the mean paired difference a_i − b_i (at 1 − alpha). */
  ci: ConfidenceInterval;
}

/**
 * Paired t test of mean(a_i − b_i) = 0, for variants run with common random numbers (replication i of
 * both on the same seed): the differences' own variance, not the two samples', sets the interval, so
 * correlated noise cancels (Law & Kelton 2015, Simulation Modeling and Analysis, §10.2.1). Pairs where
 * either value is NaN are left out. With zero variance of the differences the test is exact: pValue 1
 * if every difference is 0, else 0. Needs >= 2 pairs, otherwise t, df and pValue are NaN.
 */
export function pairedTTest(a: ArrayLike<number>, b: ArrayLike<number>, alpha = 0.05): PairedTTestResult {
  if (a.length !== b.length) throw new RangeError(`pairedTTest: ${a.length} vs ${b.length} observations`);
  const diffs: number[] = [];
  for (let i = 0; i < a.length; i++) {
    const d = a[i]! - b[i]!;
    if (!Number.isNaN(d)) diffs.push(d);
  }
  const ci = confidenceInterval(diffs, 1 - alpha);
  const diff = ci.mean;
  const n = ci.n;
  if (n < 2) return { diff, t: Number.NaN, df: Number.NaN, pValue: Number.NaN, significant: false, ci };
  const df = n - 1;
  if (ci.sd === 0 || !Number.isFinite(ci.sd)) {
    const t = diff === 0 ? 0 : diff > 0 ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY;
    const pValue = diff === 0 ? 1 : 0;
    return { diff, t, df, pValue, significant: pValue < alpha, ci: { ...ci, halfWidth: 0 } };
  }
  const t = diff / (ci.sd / Math.sqrt(n));
  const pValue = Math.min(1, 2 * studentTUpperTail(Math.abs(t), df));
  return { diff, t, df, pValue, significant: pValue < alpha, ci };
}
