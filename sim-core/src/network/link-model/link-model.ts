// The link-model plug-in point: the link-to-system mapping of a transport block. Given the mean SINR link
// adaptation saw, the SINR an attempt actually gets (small-scale fading, effective SINR over the allocated
// PRBs) and the BLER of the chosen MCS at a (combined) SINR. HARQ combining is the MAC's (cell-link.ts).
import type { RandomStreams } from '../../engine/random';
import type { ChannelModel } from '../channel/channel-model';
import type { NetworkConfig } from '../config';
import type { DeviceState } from '../device';
import type { BlerCurve } from '../radio/bler-curves';
import type { CqiTableId } from '../radio/cqi';
import type { CellRadio } from '../radio-environment';

export interface LinkModel {
  /**
   * SINR (dB, per layer) of one attempt of `dev`'s block on cell `cell` starting at `tMs` over `prbs` PRBs, for
   * CQI `cqi` (of CQI table `table`, default the network's), when link adaptation saw the mean per-layer SINR
   * `meanSinrDb`. Deterministic for the same calls.
   */
  attemptSinrDb(
    dev: DeviceState,
    cell: number,
    tMs: number,
    meanSinrDb: number,
    prbs: number,
    cqi: number,
    table?: CqiTableId,
  ): number;
  /** BLER of CQI `cqi` (of `table`, default the network's CQI table) at SINR `sinrDb` (after combining). */
  bler(cqi: number, sinrDb: number, table?: CqiTableId): number;
}

/**
 * A link model's face for flow fidelity (flow/flow-fading.ts averages a block's HARQ over the fading with it):
 * the state of a link and the BLER curves, no draws per packet. A link model without one runs in packet
 * fidelity only.
 */
export interface FlowLinkModel {
  /** Rician K-factor (linear; 0: Rayleigh) of the `dev` → `cell` link at the device's current position. */
  kFactor(dev: DeviceState, cell: number): number;
  /** Independent sub-bands (EESM over them) that an allocation of `prbs` PRBs of cell `cell` spans. */
  subbands(cell: number, prbs: number): number;
  /** BLER curve of CQI `cqi` of `table` (default the network's CQI table). */
  curve(cqi: number, table?: CqiTableId): BlerCurve;
  /** Maximum Doppler (Hz) of the fading of a device moving at `speedMps` on cell `cell`, the environment's motion included. */
  dopplerHz(cell: number, speedMps: number): number;
}

export interface LinkModelContext {
  readonly config: NetworkConfig;
  readonly cells: readonly CellRadio[];
  readonly channel: ChannelModel;
  /** Per-link streams: `streams.fresh(deviceId, purpose)`, never shared ones. */
  readonly streams: RandomStreams;
  readonly cqiTable: CqiTableId;
}

export interface LinkModelFactory {
  /**
   * BLER curve per CQI of `table` (index 0 null), which link adaptation then uses too (the SINR where each CQI
   * meets the BLER target). Absent: the built-in Shannon-gap thresholds and logistic BLER (link-adaptation.ts).
   */
  curves?(table: CqiTableId): readonly (BlerCurve | null)[];
  /** The model, once per network; null: the MAC's built-in abstraction (no fading, independent attempts). */
  create(context: LinkModelContext): LinkModel | null;
  /**
   * The model's face for flow fidelity, once per network. Absent: flow fidelity refuses the model, unless it is
   * the built-in abstraction (`static`, which the flow model has of its own).
   */
  flow?(context: LinkModelContext): FlowLinkModel;
}
