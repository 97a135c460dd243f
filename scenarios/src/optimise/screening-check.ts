// Does screening rank layouts as simulation does? Random candidates of a spec, each screened and simulated
// (flow fidelity by default: one run per candidate), compared per traffic class by Spearman's rank
// correlation, the mean absolute error and whether both agree on meeting the spec's on-time target; the
// same for the busiest cell (the PRB share screening expects the factory to use against the simulated PRB use).
import {
  type NetworkFidelity,
  RandomStreams,
  replicationSeed,
  type TrafficClass,
} from '@factory-twin/sim-core';
import type { RunJob, RunJobResult } from '../run/backend';
import type { Candidate, DecisionSpace } from './decision-space';
import type { Screening, ScreeningResult } from './screening';
import type { OptimiseSpec } from './spec';
import { candidatePatch } from './variant-files';

export interface CheckCandidate {
  candidate: Candidate;
  screened: ScreeningResult;
  job: RunJob;
}

/**
 * n random candidates (drawn from the spec's seed), screened, each with its simulation job: replication 0 of
 * the base's seed, whose shadowing and LOS fields are the ones screening's path-loss tables hold.
 */
export function checkCandidates(
  spec: OptimiseSpec,
  baseSeed: number | string,
  space: DecisionSpace,
  screening: Screening,
  n: number,
  o: { fidelity: NetworkFidelity; lengthH?: number },
): CheckCandidate[] {
  const rng = new RandomStreams(spec.seed).stream('screening-check', 'candidates');
  const seen = new Set<string>();
  const out: CheckCandidate[] = [];
  // Distinct candidates; a small space may hold fewer than n.
  for (let tries = 0; out.length < n && tries < n * 20; tries++) {
    const candidate = space.decode(space.random(rng));
    if (seen.has(candidate.key)) continue;
    seen.add(candidate.key);
    const patch = candidatePatch(candidate);
    (patch.network as Record<string, unknown>).fidelity = o.fidelity;
    out.push({
      candidate,
      screened: screening.evaluate(candidate),
      job: {
        key: `c${out.length}`,
        file: spec.baseFile,
        patch,
        seed: replicationSeed(baseSeed, 0),
        replication: 0,
        ...(o.lengthH === undefined ? {} : { lengthH: o.lengthH }),
      },
    });
  }
  return out;
}

/** What simulation measured of one candidate: on-time share per class and the busiest cell's PRB use. */
export interface Simulated {
  onTime: Partial<Record<TrafficClass, number>>;
  maxPrbUse: number;
}

export function simulatedOf(r: Extract<RunJobResult, { ok: true }>): Simulated {
  const onTime: Partial<Record<TrafficClass, number>> = {};
  let maxPrbUse = 0;
  for (const [key, value] of Object.entries(r.kpis)) {
    const m = /^net\.([A-Za-z]+)\.reliability$/.exec(key);
    if (m !== null) onTime[m[1] as TrafficClass] = value;
    if (/^cell\.[^.]+\.(ul|dl)Utilization$/.test(key) && value > maxPrbUse) maxPrbUse = value;
  }
  return { onTime, maxPrbUse };
}

export interface Agreement {
  /** A traffic class, or 'load' (screening's busiest PRB share against the simulated max PRB use). */
  measure: string;
  n: number;
  /** Spearman's ρ (null when either side is constant: no ranking to compare). */
  spearman: number | null;
  /** Mean |screened − simulated| (on-time shares; for load, not comparable units: null). */
  meanAbsError: number | null;
  /** Candidates both sides put on the same side of the spec's target (on-time classes with a target). */
  targetAgreement: { agree: number; screenedOnly: number; simulatedOnly: number } | null;
}

/** Agreement of screening with simulation over the candidates both have a value for. */
export function agreement(
  spec: OptimiseSpec,
  classes: readonly TrafficClass[],
  rows: readonly { screened: ScreeningResult; simulated: Simulated }[],
): Agreement[] {
  const out: Agreement[] = [];
  for (const cls of classes) {
    const pairs = rows.flatMap((r) => {
      const s = r.screened.onTime[cls];
      const m = r.simulated.onTime[cls];
      return s === undefined || m === undefined ? [] : [[s, m] as const];
    });
    const target = spec.onTime[cls];
    let targetAgreement: Agreement['targetAgreement'] = null;
    if (target !== undefined) {
      targetAgreement = { agree: 0, screenedOnly: 0, simulatedOnly: 0 };
      for (const [s, m] of pairs) {
        if (s >= target === m >= target) targetAgreement.agree++;
        else if (s >= target) targetAgreement.screenedOnly++;
        else targetAgreement.simulatedOnly++;
      }
    }
    out.push({
      measure: cls,
      n: pairs.length,
      spearman: spearman(
        pairs.map((p) => p[0]),
        pairs.map((p) => p[1]),
      ),
      meanAbsError:
        pairs.length > 0 ? pairs.reduce((a, [s, m]) => a + Math.abs(s - m), 0) / pairs.length : null,
      targetAgreement,
    });
  }
  out.push({
    measure: 'load',
    n: rows.length,
    spearman: spearman(
      rows.map((r) => r.screened.maxPrbShare),
      rows.map((r) => r.simulated.maxPrbUse),
    ),
    meanAbsError: null,
    targetAgreement: null,
  });
  return out;
}

/** Spearman's rank correlation: Pearson's r of the ranks, ties given their mean rank; null if a side is constant. */
export function spearman(x: readonly number[], y: readonly number[]): number | null {
  if (x.length !== y.length) throw new Error('spearman: samples of unequal length');
  const rx = ranks(x);
  const ry = ranks(y);
  const n = x.length;
  if (n < 2) return null;
  const mean = (n + 1) / 2;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const a = rx[i]! - mean;
    const b = ry[i]! - mean;
    sxy += a * b;
    sxx += a * a;
    syy += b * b;
  }
  return sxx === 0 || syy === 0 ? null : sxy / Math.sqrt(sxx * syy);
}

/** 1-based ranks, ties averaged. */
function ranks(v: readonly number[]): number[] {
  const order = v.map((_, i) => i).sort((a, b) => v[a]! - v[b]!);
  const r = new Array<number>(v.length);
  for (let i = 0; i < order.length; ) {
    let j = i;
    while (j + 1 < order.length && v[order[j + 1]!] === v[order[i]!]) j++;
    for (let k = i; k <= j; k++) r[order[k]!] = (i + j) / 2 + 1;
    i = j + 1;
  }
  return r;
}
