// Time diversity between the HARQ attempts of one block, for the flow model's faded residual (flow-fading.ts).
// The packet model holds each link's gains for a coherence block of COHERENCE_BLOCK_CYCLES Doppler cycles
// (link-model/fading-link-model.ts) and retransmits one HARQ round trip later, so attempt i sees the gain of block
// ⌊o + i·L⌋ (o the first attempt's phase in its block, uniform; L = f_d·RTT / 0.05 blocks per round trip).
//
// The power gains of two blocks Δ cycles apart have the correlation J0(2πΔ)² whatever the K-factor: the diffuse
// parts correlate by J0 (Clarke), and the specular part's own Doppler f_d·cos θ₀ (θ₀ uniform, radio/fading.ts)
// averages e^{j2πΔcos θ₀} to J0 as well, so Cov(|h_i|², |h_l|²) = J0²·(σ⁴ + 2σ²m²) = J0²·Var|h|² (complex Gaussian
// with mean m e^{jψ}, variance σ²: Cov = |C|² + 2 Re(μ*Cμ)). The combined gain S_a = Σ_{i<a} g_i then has mean a
// and variance Var|h|²·Σ_{i,l<a} E_o[J0²], against a²·Var|h|² in one fade.
//
// The flow keeps its exact one-fade F_a and scales it by E[BLER(γ̄·S_a)] correlated over the same in one fade.
// Rayleigh (NLOS): exact, S_a = Σ λ_j·E_j (λ the eigenvalues of the attempts' J0 matrix, per phase o).
// ASSUMPTION (Rician, moment ratio): both by Gamma (Nakagami-m) laws with those moments; the ratio carries the
// diversity the later attempts gain, the exact one-fade F_a the shape of the fading's tail (a Gamma's tail is
// shallower than the combined gains': conservative, more so at small K).
// flow/flow-fading.test.ts checks it against the packet model's own processes at 0.5–3 m/s.
import { regularizedGammaQ } from '../../engine/distributions';
import { COHERENCE_BLOCK_CYCLES } from '../link-model/fading-settings';
import { type BlerCurve, curveNodesDb } from '../radio/bler-curves';
import { besselJ0 } from '../radio/fade-statistics';

/** Phases of the first attempt within its coherence block (midpoints): the average over o. */
const OFFSETS = 32;

/** Per first-attempt phase o (the OFFSETS midpoints): the coherence block ⌊o + i·L⌋ of attempt i < `maxAttempts`. */
function attemptBlocks(blocksPerRtt: number, maxAttempts: number): Int32Array[] {
  const blocks: Int32Array[] = [];
  for (let s = 0; s < OFFSETS; s++) {
    const o = (s + 0.5) / OFFSETS;
    blocks.push(Int32Array.from({ length: maxAttempts }, (_, i) => Math.floor(o + i * blocksPerRtt)));
  }
  return blocks;
}

/**
 * Σ_{i,l<a} E_o[J0(2π·0.05·(⌊o + iL⌋ − ⌊o + lL⌋))²] for a = 1..`maxAttempts` into `out[a − 1]` (`blocks`: those of
 * `attemptBlocks`): the variance of the combined gain of a attempts over Var|h|² (a² in one fade, a when independent).
 */
function combinedGainVariance(
  blocks: readonly Int32Array[],
  maxAttempts: number,
  out: Float64Array,
): Float64Array {
  out.fill(0, 0, maxAttempts);
  for (const block of blocks) {
    for (let a = 1; a <= maxAttempts; a++) {
      let sum = 0;
      for (let i = 0; i < a; i++)
        for (let l = 0; l < a; l++) {
          const j = besselJ0(2 * Math.PI * COHERENCE_BLOCK_CYCLES * (block[i]! - block[l]!));
          sum += j * j;
        }
      out[a - 1]! += sum / OFFSETS;
    }
  }
  return out;
}

/** Regularised lower incomplete gamma P(k, x) = 1 − Q(k, x) (engine/distributions.ts). */
function gammaCdf(k: number, x: number): number {
  return x > 0 ? 1 - regularizedGammaQ(k, x) : 0;
}

/** Eigenvalues of the symmetric n×n matrix `m` (row-major, destroyed) into `out` (cyclic Jacobi rotations). */
function symmetricEigenvalues(m: Float64Array, n: number, out: Float64Array): Float64Array {
  for (let sweep = 0; sweep < 50; sweep++) {
    let off = 0;
    for (let p = 0; p < n; p++) for (let q = p + 1; q < n; q++) off += m[p * n + q]! ** 2;
    if (off < 1e-30) break;
    for (let p = 0; p < n; p++)
      for (let q = p + 1; q < n; q++) {
        const apq = m[p * n + q]!;
        if (Math.abs(apq) < 1e-300) continue;
        const theta = (m[q * n + q]! - m[p * n + p]!) / (2 * apq);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const sn = t * c;
        for (let k = 0; k < n; k++) {
          const akp = m[k * n + p]!;
          const akq = m[k * n + q]!;
          m[k * n + p] = c * akp - sn * akq;
          m[k * n + q] = sn * akp + c * akq;
        }
        for (let k = 0; k < n; k++) {
          const apk = m[p * n + k]!;
          const aqk = m[q * n + k]!;
          m[p * n + k] = c * apk - sn * aqk;
          m[q * n + k] = sn * apk + c * aqk;
        }
      }
  }
  for (let i = 0; i < n; i++) out[i] = m[i * n + i]!;
  return out;
}

/**
 * The law of Σ_j λ_j·E_j, E_j independent Exp(1) (the combined power of correlated Rayleigh gains with correlation
 * eigenvalues λ): P(≤ x) = Σ_j c_j·(1 − e^{−x/λ_j}), c_j = Π_{l≠j} λ_j / (λ_j − λ_l) (hypoexponential, distinct λ;
 * those below 1e-7 of the largest dropped, near-equal ones spread by 1e-3 relative: ASSUMPTION, below the
 * quadrature's error). The λ and c_j once, the CDF at every node of the quadrature.
 */
class Hypoexponential {
  private readonly l: number[] = [];
  private readonly c: number[] = [];

  constructor(lambdas: ArrayLike<number>, n: number) {
    const l = this.l;
    let max = 0;
    for (let i = 0; i < n; i++) max = Math.max(max, lambdas[i]!);
    for (let i = 0; i < n; i++) if (lambdas[i]! > 1e-7 * max) l.push(lambdas[i]!);
    l.sort((a, b) => b - a);
    for (let i = 1; i < l.length; i++) if (l[i]! > l[i - 1]! * (1 - 1e-3)) l[i] = l[i - 1]! * (1 - 1e-3);
    for (let j = 0; j < l.length; j++) {
      let c = 1;
      for (let k = 0; k < l.length; k++) if (k !== j) c *= l[j]! / (l[j]! - l[k]!);
      this.c.push(c);
    }
  }

  cdf(x: number): number {
    let p = 0;
    for (let j = 0; j < this.l.length; j++) p += this.c[j]! * -Math.expm1(-x / this.l[j]!);
    return Math.min(1, Math.max(0, p));
  }
}

/**
 * Rayleigh (K = 0): the law of S_a = Σ_{i<a} |h_i|² with Re E[h_i h_l*] = J0(2π·0.05·(block_i − block_l)), per
 * first-attempt phase o of `blocks` (S_a = Σ λ_j E_j, λ the eigenvalues of that matrix).
 */
function rayleighLaws(blocks: readonly Int32Array[], a: number): Hypoexponential[] {
  const m = new Float64Array(a * a);
  return blocks.map((b) => {
    for (let i = 0; i < a; i++)
      for (let l = 0; l < a; l++)
        m[i * a + l] = besselJ0(2 * Math.PI * COHERENCE_BLOCK_CYCLES * (b[i]! - b[l]!));
    return new Hypoexponential(symmetricEigenvalues(m, a, new Float64Array(a)), a);
  });
}

/** Rayleigh: P(S_a ≤ x) exactly, averaged over the first attempt's phase (`laws`: `rayleighLaws`). */
function rayleighCombinedCdf(laws: readonly Hypoexponential[], x: number): number {
  let p = 0;
  for (const law of laws) p += law.cdf(x);
  return p / laws.length;
}

/** Equal-probability nodes of the curve's logistic. */
const NODES = 64;

/**
 * Scales the one-fade residual `f` (F_a, a = 1..`maxAttempts`, in place) by the time diversity of attempts
 * `blocksPerRtt` coherence blocks apart: F_a · F^Γ_a(correlated) / F^Γ_a(one fade), each F^Γ_a = E[BLER(γ̄·S_a)]
 * with S_a exact for Rayleigh (`kLinear` 0), else Gamma of mean a and the variance of `combinedGainVariance` times
 * Var|h|² = (1 + 2K)/(1 + K)².
 */
export function applyTimeDiversity(
  curve: BlerCurve,
  meanSinrDb: number,
  kLinear: number,
  blocksPerRtt: number,
  maxAttempts: number,
  f: Float64Array,
): Float64Array {
  if (!(blocksPerRtt > 0) || maxAttempts < 2) return f;
  const varGain = (1 + 2 * kLinear) / (1 + kLinear) ** 2;
  const blocks = attemptBlocks(blocksPerRtt, maxAttempts);
  const v = combinedGainVariance(blocks, maxAttempts, new Float64Array(maxAttempts));
  // S_a below x_j fails, x_j the curve's nodes over the mean SINR (linear).
  const x = curveNodesDb(curve, NODES).map((xDb) => 10 ** ((xDb - meanSinrDb) / 10));
  for (let a = 2; a <= maxAttempts; a++) {
    const vOne = a * a * varGain;
    const vCorr = v[a - 1]! * varGain;
    if (vCorr >= vOne * (1 - 1e-9)) continue; // no lag: one fade
    const kOne = (a * a) / vOne;
    const kCorr = (a * a) / vCorr;
    const laws = kLinear === 0 ? rayleighLaws(blocks, a) : null;
    let one = 0;
    let corr = 0;
    for (const xj of x) {
      if (laws !== null) {
        one += -Math.expm1(-xj / a);
        corr += rayleighCombinedCdf(laws, xj);
      } else {
        one += gammaCdf(kOne, (xj * kOne) / a);
        corr += gammaCdf(kCorr, (xj * kCorr) / a);
      }
    }
    if (one > 0) f[a - 1] = f[a - 1]! * Math.min(1, corr / one);
  }
  // Keep the vector non-increasing (a later attempt never fails more often).
  for (let a = 1; a < maxAttempts; a++) if (f[a]! > f[a - 1]!) f[a] = f[a - 1]!;
  return f;
}
