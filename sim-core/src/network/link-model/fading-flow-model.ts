// The `fading` link model's face for flow fidelity: each link's K-factor (the same draw from the same stream as
// the packet face, Rician when the channel says LOS, Rayleigh when NLOS), the sub-bands an allocation spans,
// the 5G-LENA curves and the Doppler. The averaging over the fading is the flow model's (flow/flow-fading.ts).
import type { DeviceState } from '../device';
import { type BlerCurve, cqiBlerCurves } from '../radio/bler-curves';
import type { CqiTableId } from '../radio/cqi';
import { maxDopplerHz } from '../radio/fading';
import {
  allocationSubbands,
  drawLosKFactor,
  type FadingSettings,
  fadingSettings,
  linkStream,
} from './fading-settings';
import type { FlowLinkModel, LinkModelContext } from './link-model';

export class FadingFlowLinkModel implements FlowLinkModel {
  private readonly settings: FadingSettings;
  /** Per link (device × cell): its K-factor when LOS (NaN: not drawn yet), and its LOS state at a geometry epoch. */
  private losK: Float64Array = new Float64Array(0);
  private losEpoch: Float64Array = new Float64Array(0);
  private los: Uint8Array = new Uint8Array(0);

  constructor(private readonly context: LinkModelContext) {
    this.settings = fadingSettings(context);
  }

  kFactor(dev: DeviceState, cell: number): number {
    const cells = this.context.cells.length;
    const key = dev.index * cells + cell;
    if (key >= this.losK.length) this.grow(key + 1);
    if (this.losEpoch[key] !== dev.geomEpoch) {
      this.losEpoch[key] = dev.geomEpoch;
      this.los[key] = this.context.channel.isLos?.(cell, dev.xM, dev.yM, dev.heightM) ? 1 : 0;
    }
    if (this.los[key] === 0) return 0;
    let k = this.losK[key]!;
    if (Number.isNaN(k)) {
      k = drawLosKFactor(linkStream(this.context, dev, cell), this.settings.kMuDb, this.settings.kSigmaDb);
      this.losK[key] = k;
    }
    return k;
  }

  subbands(cell: number, prbs: number): number {
    return allocationSubbands(this.settings, cell, prbs);
  }

  curve(cqi: number, table: CqiTableId = this.context.cqiTable): BlerCurve {
    return cqiBlerCurves(table)[cqi]!;
  }

  dopplerHz(cell: number, speedMps: number): number {
    return maxDopplerHz(Math.max(speedMps, this.settings.envSpeedMps), this.context.cells[cell]!.carrierGHz);
  }

  private grow(n: number): void {
    const size = Math.max(n, 2 * this.losK.length);
    const k = new Float64Array(size).fill(Number.NaN);
    k.set(this.losK);
    const e = new Float64Array(size).fill(Number.NaN);
    e.set(this.losEpoch);
    const l = new Uint8Array(size);
    l.set(this.los);
    this.losK = k;
    this.losEpoch = e;
    this.los = l;
  }
}
