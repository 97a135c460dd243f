// HARQ of one transport block in a fade, for flow fidelity with a fading link model: the packet model draws a
// faded SINR per attempt and decodes attempt k at the Chase-combined Γ_k = Σγ_i while its one uniform is below
// BLER(Γ_k) (radio/harq-combining.ts); the flow model takes, per link, the probability that a block is still in
// error after a attempts, F_a = E_γ[BLER(a·γ_eff)], averaged over the fading of the link (Rician with its K-factor,
// Rayleigh when NLOS; EESM over the sub-bands its allocation spans), and the fades' duration for the survival chain.
//
// Time diversity between the attempts (the packet model's coherence blocks of 0.05 Doppler cycles, retransmissions
// one HARQ round trip apart): harq-time-diversity.ts scales the one-fade F_a of one sub-band. ASSUMPTION: over
// several sub-bands the attempts see one fade, Γ_k = k·γ_eff (conservative).
import type { DeviceState } from '../device';
import { COHERENCE_BLOCK_CYCLES } from '../link-model/fading-settings';
import type { FlowLinkModel } from '../link-model/link-model';
import { type BlerCurve, curveBler, curveNodesDb } from '../radio/bler-curves';
import type { CqiTableId } from '../radio/cqi';
import { averageFadeDurationMs, FadingPowerCdf } from '../radio/fade-statistics';
import { eesmLinear } from '../radio/fading';
import type { Dir, TddGrid } from '../tdd-grid';
import { quantizeBler } from './bler-quantize';
import { applyTimeDiversity } from './harq-time-diversity';
import { TupleInterner } from './tuple-interner';

/** Equal-probability nodes of the curve's logistic (its 128 quantile midpoints; F is smooth on their scale). */
const LOGISTIC_NODES = 128;
/** Points of the fixed quadrature over the gains of n > 1 sub-bands (a Kronecker lattice, deterministic). */
const SUBBAND_POINTS = 1024;
/**
 * Quantisation of the inputs: the mean SINR over the curve's 50 % point and the K-factor, 0.1 dB (ASSUMPTION:
 * 0.1 dB moves F_a by ≤ 2.3 % (Rayleigh tail, F ∝ 1/γ̄), far inside the 10^0.1 steps the result is keyed on).
 */
const STEP_DB = 0.1;

/** The K key of a Rayleigh (NLOS) link. */
const RAYLEIGH_KEY = -1e9;

/** √ of the first primes: the lattice's directions (one per sub-band and coordinate). */
const PRIMES = [2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47, 53];

/**
 * F_a = P(a block is still in error after a attempts in one fade) = E[BLER(a·γ̄·g)], a = 1..`maxAttempts` into
 * `out[a − 1]`, for one sub-band (g the power gain of `cdf`). BLER(x dB) = 1 / (1 + e^{c(x − mid)}) is P(X > x) for
 * X logistic (mid, 1/c), so F_a = E_X[P(g < 10^{X/10} / (a·γ̄))]: the fading CDF at the logistic's quantiles.
 */
function oneSubband(
  curve: BlerCurve,
  meanSinrDb: number,
  cdf: FadingPowerCdf,
  maxAttempts: number,
  out: Float64Array,
): void {
  const nodesDb = curveNodesDb(curve, LOGISTIC_NODES);
  for (let a = 1; a <= maxAttempts; a++) {
    const offsetDb = meanSinrDb + 10 * Math.log10(a);
    let sum = 0;
    for (let j = 0; j < LOGISTIC_NODES; j++) sum += cdf.cdf(10 ** ((nodesDb[j]! - offsetDb) / 10));
    out[a - 1] = sum / LOGISTIC_NODES;
  }
}

/** The lattice's gains for n sub-bands of `cdf`: point j, sub-band b at j·n + b (quantiles of frac(½ + j·√p_b)). */
function latticeGains(cdf: FadingPowerCdf, n: number): Float64Array {
  const g = new Float64Array(SUBBAND_POINTS * n);
  for (let b = 0; b < n; b++) {
    const alpha = Math.sqrt(PRIMES[b % PRIMES.length]!) % 1;
    const shift = b < PRIMES.length ? 0.5 : 0.25; // beyond 16 sub-bands (a custom cap): another coset
    for (let j = 0; j < SUBBAND_POINTS; j++) g[j * n + b] = cdf.quantile((shift + j * alpha) % 1);
  }
  return g;
}

/**
 * F_a over n independent sub-bands of one fading distribution: E[BLER(a·γ_eff)], γ_eff the EESM (β of the curve)
 * of γ̄·g_1..g_n, by the fixed lattice `gains` (`latticeGains`). Chase combining adds the attempts' effective SINRs
 * (cell-link.ts), so attempt a decodes at a·γ_eff in one fade.
 */
function subbandLattice(
  curve: BlerCurve,
  meanSinrDb: number,
  gains: Float64Array,
  n: number,
  maxAttempts: number,
  out: Float64Array,
): void {
  const mean = 10 ** (meanSinrDb / 10);
  const sinrs = new Float64Array(n);
  out.fill(0, 0, maxAttempts);
  for (let j = 0; j < SUBBAND_POINTS; j++) {
    for (let b = 0; b < n; b++) sinrs[b] = mean * gains[j * n + b]!;
    const effDb = 10 * Math.log10(eesmLinear(sinrs, n, curve.eesmBeta));
    for (let a = 1; a <= maxAttempts; a++) out[a - 1]! += curveBler(curve, effDb + 10 * Math.log10(a));
  }
  for (let a = 0; a < maxAttempts; a++) out[a] = out[a]! / SUBBAND_POINTS;
}

/**
 * F_a, a = 1..`maxAttempts`, of a block of MCS curve `curve` at mean per-layer SINR `meanSinrDb` over `subbands`
 * independent sub-bands faded as `cdf` (one fade for all its attempts: see above). `gains`: the lattice for
 * n > 1 (built when absent).
 */
export function fadedResidual(
  curve: BlerCurve,
  meanSinrDb: number,
  cdf: FadingPowerCdf,
  subbands: number,
  maxAttempts: number,
  out: Float64Array,
  gains?: Float64Array,
): Float64Array {
  if (subbands <= 1) oneSubband(curve, meanSinrDb, cdf, maxAttempts, out);
  else subbandLattice(curve, meanSinrDb, gains ?? latticeGains(cdf, subbands), subbands, maxAttempts, out);
  return out;
}

/**
 * The mean HARQ round trip of `dir` on `grid`: start of a block's retransmission (TS 38.213 §9.2.3 timing, the
 * grid's `harqRetransmission`) after its first transmission's start, over the opportunities of one period.
 */
export function meanHarqRttMs(grid: TddGrid, dir: Dir, processingMs: number): number {
  const n = grid.count(dir);
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const retx = grid.harqRetransmission(dir, grid.endMs(dir, i), processingMs, grid.symbols(dir, i));
    sum += grid.startMs(dir, retx) - grid.startMs(dir, i);
  }
  return n > 0 ? sum / n : 0;
}

/** Steps of the coherence blocks per HARQ round trip the residual is keyed on (ASSUMPTION: F moves < 2 % a step). */
const BLOCKS_PER_RTT_STEP = 0.05;

/** A link's block residual after each attempt, quantised (interned: equal vectors, one object). */
export interface HarqResidual {
  readonly id: number;
  /** P(still in error after a attempts), a = 1..A at a − 1, each on the flow's BLER steps (`quantizeBler`). */
  readonly residual: Float64Array;
}

/** The fading averages of a network's links, cached by their quantised inputs (pure memos). */
export class FlowFading {
  /** Residuals by inputs (CQI table, CQI, mean SINR over the curve's midpoint, K, sub-bands, blocks per RTT). */
  private readonly inputIds = new TupleInterner(6);
  private readonly byInput: HarqResidual[] = [];
  /** Residuals by their quantised vectors. */
  private readonly vectorIds: TupleInterner;
  private readonly residuals: HarqResidual[] = [];
  /** Fading CDFs by quantised K (dB × 10; Rayleigh: RAYLEIGH_KEY), and their lattices per sub-band count. */
  private readonly cdfs = new Map<number, FadingPowerCdf>();
  private readonly lattices = new Map<FadingPowerCdf, Float64Array[]>();
  private readonly scratch: Float64Array;

  constructor(
    readonly model: FlowLinkModel,
    readonly maxAttempts: number,
  ) {
    this.vectorIds = new TupleInterner(maxAttempts);
    this.scratch = new Float64Array(maxAttempts);
  }

  /** The fading CDF of `dev`'s link on `cell` (K quantised to 0.1 dB). */
  cdfOf(dev: DeviceState, cell: number): FadingPowerCdf {
    return this.cdf(this.kKey(this.model.kFactor(dev, cell)));
  }

  /**
   * The residual of a block of `dev` on `cell` at CQI `cqi` of `table` (default: the network's), mean per-layer
   * SINR `meanSinrDb`, over `prbs` PRBs; the device moving at `speedMps`, retransmissions `rttMs` apart (time
   * diversity between the attempts: harq-time-diversity.ts; one sub-band only, ASSUMPTION: over several the EESM
   * already averages much of the fading, and one fade is kept, conservative).
   */
  residual(
    dev: DeviceState,
    cell: number,
    cqi: number,
    table: CqiTableId | undefined,
    meanSinrDb: number,
    prbs: number,
    speedMps = 0,
    rttMs = 0,
  ): HarqResidual {
    const curve = this.model.curve(cqi, table);
    const kKey = this.kKey(this.model.kFactor(dev, cell));
    const n = this.model.subbands(cell, prbs);
    const margin = Math.round((meanSinrDb - curve.midDb) / STEP_DB);
    const lag =
      n === 1
        ? Math.round(
            (this.model.dopplerHz(cell, speedMps) * rttMs) /
              1000 /
              COHERENCE_BLOCK_CYCLES /
              BLOCKS_PER_RTT_STEP,
          )
        : 0;
    const key = this.inputIds.key;
    key[0] = table ?? 0;
    key[1] = cqi;
    key[2] = margin;
    key[3] = kKey;
    key[4] = n;
    key[5] = lag;
    const id = this.inputIds.intern();
    let r = this.byInput[id];
    if (r === undefined) {
      const cdf = this.cdf(kKey);
      const sinrDb = curve.midDb + margin * STEP_DB;
      const gains = n > 1 ? this.lattice(cdf, n) : undefined;
      const out = fadedResidual(curve, sinrDb, cdf, n, this.maxAttempts, this.scratch, gains);
      if (lag > 0)
        applyTimeDiversity(curve, sinrDb, cdf.kLinear, lag * BLOCKS_PER_RTT_STEP, this.maxAttempts, out);
      const v = this.vectorIds.key;
      for (let a = 0; a < this.maxAttempts; a++) v[a] = quantizeBler(out[a]!);
      const vid = this.vectorIds.intern();
      r = this.residuals[vid];
      if (r === undefined) {
        r = { id: vid, residual: Float64Array.from(v) };
        this.residuals[vid] = r;
      }
      this.byInput[id] = r;
    }
    return r;
  }

  /**
   * Mean duration (ms) of the fades of `dev`'s link on `cell` deep enough to spoil a packet, when a share `share`
   * of its packets is spoilt by them: the fades below the gain exceeded with probability 1 − share, at the Doppler
   * of `speedMps` (level crossings of one sub-band: ASSUMPTION for allocations over several, whose effective SINR
   * crosses more often).
   */
  fadeDurationMs(dev: DeviceState, cell: number, share: number, speedMps: number): number {
    if (!(share > 0)) return 0;
    const cdf = this.cdfOf(dev, cell);
    const threshold = cdf.quantile(Math.min(share, 0.999));
    return averageFadeDurationMs(cdf, threshold, this.model.dopplerHz(cell, speedMps));
  }

  private kKey(kLinear: number): number {
    return kLinear > 0 ? Math.round((10 * Math.log10(kLinear)) / STEP_DB) : RAYLEIGH_KEY;
  }

  private cdf(kKey: number): FadingPowerCdf {
    let c = this.cdfs.get(kKey);
    if (c === undefined) {
      c = new FadingPowerCdf(kKey === RAYLEIGH_KEY ? 0 : 10 ** ((kKey * STEP_DB) / 10));
      this.cdfs.set(kKey, c);
    }
    return c;
  }

  private lattice(cdf: FadingPowerCdf, n: number): Float64Array {
    let byN = this.lattices.get(cdf);
    if (byN === undefined) {
      byN = [];
      this.lattices.set(cdf, byN);
    }
    let g = byN[n];
    if (g === undefined) {
      g = latticeGains(cdf, n);
      byN[n] = g;
    }
    return g;
  }
}
