// The settings of the `fading` link model shared by its packet face (fading-link-model.ts) and its flow face
// (fading-flow-model.ts): defaults, sub-bands per cell, and each link's own stream and K-factor draw.
import type { RandomStream } from '../../engine/random';
import type { FadingConfig } from '../config';
import type { DeviceState } from '../device';
import { coherenceBandwidthHz, INF_K_FACTOR_DB, infDelaySpreadNs } from '../radio/fading';
import type { LinkModelContext } from './link-model';

/** ASSUMPTION: moving machinery, forklifts and people make even a fixed device's channel vary (not in TR 38.901). */
export const DEFAULT_ENVIRONMENT_SPEED_MPS = 0.5;
/** ASSUMPTION: a hall's volume over its surface (e.g. 120 × 60 × 10 m: 4.6 m) for the InF delay spread. */
export const DEFAULT_HALL_VOLUME_OVER_SURFACE_M = 5;
/** ASSUMPTION: beyond 16 independent sub-bands the EESM of an allocation changes little; caps the cost. */
export const DEFAULT_MAX_SUBBANDS = 16;
/**
 * Coherence block in Doppler cycles (f_d·Δt): the gains are held for 0.05 of a Doppler cycle, over which
 * Clarke's correlation J0(2π·0.05) = 0.976 (assumption: a block is "coherent" above 0.97).
 */
export const COHERENCE_BLOCK_CYCLES = 0.05;
/**
 * Speed estimates above this are position jumps (teleports in a scenario), not motion: the packet face and the
 * flow model's mobility (flow-mobility.ts) take them as 0 for the Doppler. ASSUMPTION.
 */
export const MAX_SPEED_MPS = 15;
/** The fading settings of a network (scenario `network.fading` over the defaults), per cell where they differ. */
export interface FadingSettings {
  readonly envSpeedMps: number;
  readonly kMuDb: number;
  readonly kSigmaDb: number;
  /** Per cell: PRBs in one coherence bandwidth, and the most sub-bands an allocation spans. */
  readonly prbsPerSubband: number[];
  readonly subbands: number[];
}

export function fadingSettings(context: LinkModelContext): FadingSettings {
  const f: FadingConfig = context.config.fading ?? {};
  const maxSubbands = f.maxSubbands ?? DEFAULT_MAX_SUBBANDS;
  // NLOS median of TR 38.901 Table 7.5-6 (LOS differs by ~2 ns at V/S = 5 m); one value per network.
  const dsNs = f.delaySpreadNs ?? infDelaySpreadNs(DEFAULT_HALL_VOLUME_OVER_SURFACE_M, false);
  const bcHz = coherenceBandwidthHz(dsNs);
  const prbsPerSubband = context.cells.map((c) => Math.max(1, Math.round(bcHz / c.prbBandwidthHz)));
  return {
    envSpeedMps: f.environmentSpeedMps ?? DEFAULT_ENVIRONMENT_SPEED_MPS,
    kMuDb: f.kFactorDb?.mu ?? INF_K_FACTOR_DB.mu,
    kSigmaDb: f.kFactorDb?.sigma ?? INF_K_FACTOR_DB.sigma,
    prbsPerSubband,
    subbands: context.cells.map((c, i) =>
      Math.max(1, Math.min(maxSubbands, Math.ceil(c.nPrb / prbsPerSubband[i]!))),
    ),
  };
}

/** Sub-bands an allocation of `prbs` PRBs of cell `cell` spans (the first ⌈PRBs / sub-band⌉, at most the cap). */
export function allocationSubbands(s: FadingSettings, cell: number, prbs: number): number {
  return Math.min(s.subbands[cell]!, Math.max(1, Math.ceil(prbs / s.prbsPerSubband[cell]!)));
}

/** The `dev` → `cell` link's own stream (a fresh one: its K-factor and sinusoids, drawn in this order). */
export function linkStream(context: LinkModelContext, dev: DeviceState, cell: number): RandomStream {
  return context.streams.fresh(dev.id, `network.fading.${context.cells[cell]!.id}`);
}

/**
 * The link's K-factor when LOS (linear), log-normal per link (TR 38.901 Table 7.5-6 μ_K, σ_K): Box–Muller from the
 * first two draws of the link's own stream.
 */
export function drawLosKFactor(rng: RandomStream, muDb: number, sigmaDb: number): number {
  const z = Math.sqrt(-2 * Math.log(1 - rng.next())) * Math.cos(2 * Math.PI * rng.next());
  return 10 ** ((muDb + sigmaDb * z) / 10);
}
