// Link model `fading`: small-scale fading per link (Rician with the TR 38.901 InF K-factor when LOS, Rayleigh
// when NLOS), time-correlated by the Doppler of the device's speed (Clarke/Jakes, sum of sinusoids) and
// evaluated once per coherence block; frequency selectivity as independent sub-bands one coherence bandwidth
// wide; EESM over the sub-bands an allocation covers; BLER from the 5G-LENA fitted curves.
import type { RandomStream } from '../../engine/random';
import type { DeviceState } from '../device';
import { type BlerCurve, cqiBlerCurves, curveBler } from '../radio/bler-curves';
import type { CqiTableId } from '../radio/cqi';
import { eesmLinear, FadingProcess, SPEED_OF_LIGHT_MPS } from '../radio/fading';
import { FadingFlowLinkModel } from './fading-flow-model';
import {
  allocationSubbands,
  COHERENCE_BLOCK_CYCLES,
  drawLosKFactor,
  type FadingSettings,
  fadingSettings,
  linkStream,
  MAX_SPEED_MPS,
} from './fading-settings';
import type { LinkModel, LinkModelContext, LinkModelFactory } from './link-model';

/** A device whose position has not changed for this long is taken as standing (speed 0). ASSUMPTION. */
const STANDING_AFTER_MS = 3000;

/** The sub-bands of one gNB → device link and their gains in the current coherence block. */
class LinkFading {
  readonly processes: FadingProcess[] = [];
  readonly gains: number[] = [];
  readonly blocks: number[] = [];
  geomEpoch = -1;
  kLinear = 0;

  constructor(
    readonly rng: RandomStream,
    readonly losKLinear: number,
  ) {}

  /** Power gain of sub-band `b` in coherence block `block`, created on first use (sub-bands in order). */
  gain(b: number, block: number): number {
    while (this.processes.length <= b) {
      this.processes.push(new FadingProcess(this.rng, this.kLinear));
      this.gains.push(0);
      this.blocks.push(Number.NaN);
    }
    if (this.blocks[b] !== block) {
      this.blocks[b] = block;
      this.gains[b] = this.processes[b]!.powerGain(block * COHERENCE_BLOCK_CYCLES);
    }
    return this.gains[b]!;
  }

  setKFactor(k: number): void {
    if (k === this.kLinear) return;
    this.kLinear = k;
    for (const p of this.processes) p.setKFactor(k);
    this.blocks.fill(Number.NaN);
  }
}

/** Speed and travelled "Doppler distance" of a device (shared by its links; cycles = distance · f_c / c). */
class DeviceMotion {
  x = Number.NaN;
  y = Number.NaN;
  movedAtMs = 0;
  speedMps = 0;
  t0Ms = 0;
  distance0M = 0;
  geomEpoch = -1;
}

export class FadingLinkModel implements LinkModel {
  private readonly links = new Map<number, LinkFading>();
  private readonly motion: DeviceMotion[] = [];
  private readonly settings: FadingSettings;
  private readonly sinrs: Float64Array;

  constructor(private readonly context: LinkModelContext) {
    this.settings = fadingSettings(context);
    this.sinrs = new Float64Array(Math.max(...this.settings.subbands));
  }

  /** BLER curves per CQI of `table` (the network's, or table 3 for classes with a tighter target). */
  private curvesOf(table: CqiTableId = this.context.cqiTable): readonly (BlerCurve | null)[] {
    return cqiBlerCurves(table);
  }

  bler(cqi: number, sinrDb: number, table?: CqiTableId): number {
    return curveBler(this.curvesOf(table)[cqi]!, sinrDb);
  }

  attemptSinrDb(
    dev: DeviceState,
    cell: number,
    tMs: number,
    meanSinrDb: number,
    prbs: number,
    cqi: number,
    table?: CqiTableId,
  ): number {
    const link = this.link(dev, cell);
    if (link.geomEpoch !== dev.geomEpoch) {
      link.geomEpoch = dev.geomEpoch;
      const los = this.context.channel.isLos?.(cell, dev.xM, dev.yM, dev.heightM) ?? false;
      link.setKFactor(los ? link.losKLinear : 0);
    }
    const cycles =
      (this.distanceM(dev, tMs) * this.context.cells[cell]!.carrierGHz * 1e9) / SPEED_OF_LIGHT_MPS;
    const block = Math.floor(cycles / COHERENCE_BLOCK_CYCLES);
    const n = allocationSubbands(this.settings, cell, prbs);
    const mean = 10 ** (meanSinrDb / 10);
    for (let b = 0; b < n; b++) this.sinrs[b] = mean * link.gain(b, block);
    const beta = this.curvesOf(table)[cqi]!.eesmBeta;
    return 10 * Math.log10(n === 1 ? this.sinrs[0]! : eesmLinear(this.sinrs, n, beta));
  }

  private link(dev: DeviceState, cell: number): LinkFading {
    const key = dev.index * this.context.cells.length + cell;
    let link = this.links.get(key);
    if (link === undefined) {
      const rng = linkStream(this.context, dev, cell);
      link = new LinkFading(rng, drawLosKFactor(rng, this.settings.kMuDb, this.settings.kSigmaDb));
      this.links.set(key, link);
    }
    return link;
  }

  /**
   * Doppler distance travelled by `dev` at `tMs`: the integral of max(device speed, environment speed). The
   * speed is estimated from the positions its geometry was computed at (every 1 m of movement).
   */
  private distanceM(dev: DeviceState, tMs: number): number {
    let m = this.motion[dev.index];
    if (m === undefined) {
      m = new DeviceMotion();
      m.x = dev.xM;
      m.y = dev.yM;
      m.movedAtMs = tMs;
      m.t0Ms = tMs;
      m.geomEpoch = dev.geomEpoch;
      this.motion[dev.index] = m;
    }
    const standing = m.speedMps > 0 && tMs - m.movedAtMs > STANDING_AFTER_MS;
    if ((m.geomEpoch !== dev.geomEpoch || standing) && tMs > m.t0Ms) {
      m.distance0M += Math.max(m.speedMps, this.settings.envSpeedMps) * ((tMs - m.t0Ms) / 1000);
      m.t0Ms = tMs;
      if (m.geomEpoch !== dev.geomEpoch) {
        m.geomEpoch = dev.geomEpoch;
        const moved = Math.hypot(dev.xM - m.x, dev.yM - m.y);
        const v = tMs > m.movedAtMs ? moved / ((tMs - m.movedAtMs) / 1000) : 0;
        m.speedMps = v <= MAX_SPEED_MPS ? v : 0;
        m.x = dev.xM;
        m.y = dev.yM;
        m.movedAtMs = tMs;
      } else m.speedMps = 0;
    }
    return m.distance0M + Math.max(m.speedMps, this.settings.envSpeedMps) * ((tMs - m.t0Ms) / 1000);
  }
}

export const FADING_LINK_MODEL: LinkModelFactory = {
  curves: cqiBlerCurves,
  create: (context) => new FadingLinkModel(context),
  flow: (context) => new FadingFlowLinkModel(context),
};
