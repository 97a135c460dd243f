// The channel plug-in point: path loss from a gNB to a point on the floor, and between two low points
// (an interference source and a receiver). Everything after it (SINR, MCS, HARQ) is the link budget's.
import type { RandomStreams } from '../../engine/random';
import type { NetworkConfig } from '../config';
import type { CellRadio } from '../radio-environment';

export interface ChannelModel {
  /**
   * Path loss gNB `cell` → a UT at (xM, yM) and height `utHeightM`, dB, large-scale fading included where
   * the model has it. Must be a pure function of its arguments (and the run seed): link geometry is cached
   * per position and recomputed after a move.
   */
  pathLossDb(cell: number, xM: number, yM: number, utHeightM: number): number;
  /**
   * Optional: whether gNB `cell` → (xM, yM) is line of sight, the state `pathLossDb` used there. Small-scale
   * fading (link-model/) takes Rician fading for LOS, Rayleigh for NLOS; without it every link is NLOS.
   */
  isLos?(cell: number, xM: number, yM: number, utHeightM: number): boolean;
  /** Median loss between two low points (interference zone → receiver), dB: no fading, deterministic. */
  meanPathLossDb(
    ax: number,
    ay: number,
    aHeightM: number,
    bx: number,
    by: number,
    bHeightM: number,
    freqGHz: number,
  ): number;
}

export interface ChannelModelContext {
  readonly config: NetworkConfig;
  readonly cells: readonly CellRadio[];
  /** Draw fields from named streams per gNB (`streams.fresh(cellId, purpose)`), never shared ones. */
  readonly streams: RandomStreams;
}

/** Builds the channel of a network, once, when the network is built. */
export type ChannelModelFactory = (context: ChannelModelContext) => ChannelModel;
