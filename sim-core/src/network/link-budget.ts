// Link budget per device: geometry (cached per position), SINR with noise, other-cell and zone
// interference, uplink power control, and the resulting MCS / rank / BLER.
import type { DeviceState, LinkQuality } from './device';
import type { LinkAdapter, McsChoice } from './link-adaptation';
import { dbmToMw } from './radio/link';
import { SUBCARRIERS_PER_PRB } from './radio/throughput';
import type { RadioEnvironment } from './radio-environment';
import { type Dir, DL, UL } from './tdd-grid';

/** Interference inputs that change with traffic (provided by the MAC). */
export interface LoadView {
  /** Share of the DL PRBs cell `cell` has recently used, 0..1. */
  dlLoad(cell: number, tMs: number): number;
  /** Recent mean interference per PRB that UEs of `fromCell` cause at gNB `atCell`, mW. */
  ulInterferenceMw(fromCell: number, atCell: number, tMs: number): number;
}

/** Zone on/off state (toggled by the zone boundary events). */
export interface ZoneState {
  readonly active: Uint8Array;
  /** Bumped at every on/off change, so cached SINRs are recomputed. */
  readonly epoch: number;
}

export interface PowerControl {
  /** P0 nominal per PRB, dBm (TS 38.213 §7.1.1). */
  readonly p0Dbm: number;
  /** Path-loss compensation factor α (TS 38.213 §7.1.1). */
  readonly alpha: number;
  /** The 10·log10(2^μ) term of TS 38.213 §7.1.1 (P0 is per 15 kHz PRB); false: the formula before issue 18. */
  readonly scsTerm?: boolean;
}

/**
 * Default UL power control: full path-loss compensation α = 1 and P0 = −95 dBm. ASSUMPTION within the values
 * in use (P0_nominal_PUSCH −90…−100 dBm with α 0.8–1; TS 38.331 p0-NominalWithGrant range −202…24 dBm, α ∈ {0,
 * 0.4…1}); α = 1 suits a small cell with little inter-cell interference. It aims at 21.4 dB + gNB gain − NF + 5 dB
 * of SINR per PRB (noise of a 15 kHz-PRB: −121.4 dBm + NF), and a PC3 UE at 300 m in InF-DH (PL 98.8 dB at 3.5
 * GHz) fills 42 PRBs at 30 kHz before P_CMAX binds (network-radio.test.ts). Before issue 18: −85 dBm, α 0.8 and
 * no 2^μ term, with which P_CMAX never bound inside a hall.
 */
export const DEFAULT_POWER_CONTROL: PowerControl = { p0Dbm: -95, alpha: 1, scsTerm: true };

/**
 * PUSCH power per PRB before the P_CMAX cap, dBm: P0 + 10·log10(2^μ) + α·PL (TS 38.213 §7.1.1, no closed-loop
 * or Δ_TF term; the total over M PRBs adds 10·log10 M).
 */
export function ulTargetPerPrbDbm(power: PowerControl, mu: number, plDb: number): number {
  return power.p0Dbm + ((power.scsTerm ?? true) ? 10 * Math.log10(2 ** mu) : 0) + power.alpha * plDb;
}

export type InterCellMode = 'load' | 'fullLoad' | 'none';

/** SINRs are re-evaluated at most this often while nothing else changes (other cells' load drifts). */
export const SINR_REFRESH_MS = 100;

export class LinkBudget {
  private readonly scratch: McsChoice = { cqi: 0, spectralEfficiency: 0, layers: 1, bler: 1 };

  constructor(
    private readonly env: RadioEnvironment,
    private readonly adapter: LinkAdapter,
    private readonly power: PowerControl,
    private readonly zones: ZoneState,
    private readonly interCell: InterCellMode,
    private loads: LoadView,
    /** The MCS choice of classes with a tighter BLER target (CQI table 3); null: none. */
    private readonly reliableAdapter: LinkAdapter | null = null,
  ) {}

  setLoadView(loads: LoadView): void {
    this.loads = loads;
  }

  /** Path loss (with the gNB antenna's attenuation toward the point) and received powers at (x, y) for every gNB and zone. */
  computeGeometry(dev: DeviceState, xM: number, yM: number): void {
    const env = this.env;
    dev.xM = xM;
    dev.yM = yM;
    for (let ci = 0; ci < env.cells.length; ci++) {
      const c = env.cells[ci]!;
      const pl = env.linkLossDb(c.index, xM, yM, dev.heightM);
      dev.plDb[c.index] = pl;
      const rx = c.txPerPrbDbm + c.antennaGainDbi + dev.gainDbi - pl;
      dev.rsrpDbm[c.index] = rx;
      dev.dlRxMw[c.index] = dbmToMw(rx);
    }
    const nCells = env.cells.length;
    for (const z of env.zones) {
      const base = z.index * nCells;
      for (const c of env.cells) {
        const freqGHz = z.config.carrierGHz ?? c.carrierGHz;
        // An earlier cell at the same frequency has the value already (plants have one or two carriers).
        let k = 0;
        while (k < c.index && (z.config.carrierGHz ?? env.cells[k]!.carrierGHz) !== freqGHz) k++;
        dev.zoneLossDb[base + c.index] =
          k < c.index
            ? dev.zoneLossDb[base + k]!
            : env.meanPathLossDb(z.config.xM, z.config.yM, z.heightM, xM, yM, dev.heightM, freqGHz);
      }
    }
    dev.geomValid = true;
    dev.geomEpoch++;
  }

  /** Index of the strongest gNB (best server by RSRP). */
  bestCell(dev: DeviceState): number {
    let best = 0;
    for (let i = 1; i < dev.rsrpDbm.length; i++) if (dev.rsrpDbm[i]! > dev.rsrpDbm[best]!) best = i;
    return best;
  }

  /** The link quality of `dir` on the serving cell at `tMs`, recomputed only when an input changed. */
  quality(dev: DeviceState, dir: Dir, tMs: number): LinkQuality {
    const q = dev.quality[dir];
    // Without load-dependent interference the bucket is constant (-1): only geometry and zones matter.
    const bucket = this.interCell === 'load' ? Math.floor(tMs / SINR_REFRESH_MS) : -1;
    if (
      q.geomEpoch === dev.geomEpoch &&
      q.serving === dev.serving &&
      q.zoneEpoch === this.zones.epoch &&
      q.bucket === bucket
    )
      return q;
    q.geomEpoch = dev.geomEpoch;
    q.serving = dev.serving;
    q.zoneEpoch = this.zones.epoch;
    q.bucket = bucket;
    if (dir === DL) this.evaluateDl(dev, q, tMs);
    else this.evaluateUl(dev, q, tMs);
    return q;
  }

  private evaluateDl(dev: DeviceState, q: LinkQuality, tMs: number): void {
    const env = this.env;
    const s = dev.serving;
    const cell = env.cells[s]!;
    let interferenceMw = 0;
    if (this.interCell !== 'none')
      for (let ci = 0; ci < env.cells.length; ci++) {
        const c = env.cells[ci]!;
        if (c.index === s || !env.sameSpectrum(s, c.index)) continue;
        const w = this.interCell === 'fullLoad' ? 1 : this.loads.dlLoad(c.index, tMs);
        interferenceMw += w * dev.dlRxMw[c.index]!;
      }
    for (const z of env.zones)
      if (this.zones.active[z.index] && z.hitsCell[s])
        interferenceMw += dbmToMw(
          z.config.powerDbm -
            10 * Math.log10(cell.nPrb) -
            dev.zoneLossDb[z.index * env.cells.length + s]! +
            dev.gainDbi,
        );
    const sinr = 10 * Math.log10(dev.dlRxMw[s]! / (dev.noisePerPrbMw[s]! + interferenceMw));
    const layers = Math.min(cell.maxDlLayers, dev.dlLayers);
    const choice = this.adapter.chooseWithRank(sinr, layers, this.scratch);
    this.store(q, sinr, choice, cell.overhead[DL]);
    this.storeReliable(q, sinr, layers, cell.overhead[DL]);
  }

  /**
   * UL open-loop power control (TS 38.213 §7.1.1): P = min(P_CMAX, P0 + 10·log10(2^μ·M) + α·PL) for M PRBs, so
   * the power per PRB is min(P0 + 10·log10(2^μ) + α·PL, P_CMAX − 10·log10 M): far from the gNB the UE runs out
   * of power.
   */
  private evaluateUl(dev: DeviceState, q: LinkQuality, tMs: number): void {
    const env = this.env;
    const s = dev.serving;
    const cell = env.cells[s]!;
    const target = ulTargetPerPrbDbm(this.power, cell.mu, dev.plDb[s]!);
    const txPerPrb = Math.min(target, dev.pcmaxDbm);
    const headroom = Math.max(0, dev.pcmaxDbm - target);
    // What each gNB receives depends on geometry and power control only: kept until either changes.
    if (dev.ulRxEpoch !== dev.geomEpoch || dev.ulRxServing !== s) {
      dev.ulRxEpoch = dev.geomEpoch;
      dev.ulRxServing = s;
      for (let ci = 0; ci < env.cells.length; ci++) {
        const c = env.cells[ci]!;
        dev.ulRxAtMw[c.index] = dbmToMw(txPerPrb + dev.gainDbi + c.antennaGainDbi - dev.plDb[c.index]!);
      }
    }
    let interferenceMw = 0;
    if (this.interCell !== 'none')
      for (let ci = 0; ci < env.cells.length; ci++) {
        const c = env.cells[ci]!;
        if (c.index === s || !env.sameSpectrum(s, c.index)) continue;
        interferenceMw += this.loads.ulInterferenceMw(c.index, s, tMs);
      }
    for (let zi = 0; zi < env.zones.length; zi++)
      if (this.zones.active[zi]) interferenceMw += env.zones[zi]!.atGnbPerPrbMw[s]!;
    const sinr = 10 * Math.log10(dev.ulRxAtMw[s]! / (cell.noisePerPrbMw + interferenceMw));
    const choice = this.adapter.chooseWithRank(sinr, dev.ulLayers, this.scratch);
    this.store(q, sinr, choice, cell.overhead[UL]);
    this.storeReliable(q, sinr, dev.ulLayers, cell.overhead[UL]);
    q.txPerPrbDbm = txPerPrb;
    q.headroomDb = headroom;
    q.fullPowerPrbs = 10 ** (headroom / 10);
    const spareDb = headroom + sinr - this.adapter.minSinrDb;
    q.maxUsefulPrbs = spareDb > 0 ? Math.max(1, Math.floor(10 ** (spareDb / 10))) : 1;
  }

  private store(q: LinkQuality, sinr: number, c: McsChoice, overhead: number): void {
    q.sinrDb = sinr;
    q.cqi = c.cqi;
    q.spectralEfficiency = c.spectralEfficiency;
    q.layers = c.layers;
    q.bler = c.bler;
    q.bitsPerPrbSymbol = c.spectralEfficiency * SUBCARRIERS_PER_PRB * (1 - overhead) * c.layers;
  }

  /** The reliable MCS (CQI table 3 at the tightest class target) at the same SINR, if the network has one. */
  private storeReliable(q: LinkQuality, sinr: number, maxLayers: number, overhead: number): void {
    if (this.reliableAdapter === null) return;
    const r = q.reliable;
    this.reliableAdapter.chooseWithRank(sinr, maxLayers, r);
    r.bitsPerPrbSymbol = r.spectralEfficiency * SUBCARRIERS_PER_PRB * (1 - overhead) * r.layers;
  }

  /**
   * UL MCS when `prbs` exceed the full-power allocation: the power per PRB falls by 10·log10(M) − headroom.
   * Writes the choice (of the reliable adapter for `tier` 1) into `out` and returns bits per PRB per symbol.
   */
  ulBitsPerPrbSymbol(dev: DeviceState, prbs: number, out: McsChoice, tier = 0): number {
    const q = dev.quality[UL];
    const lossDb = Math.max(0, 10 * Math.log10(prbs) - q.headroomDb);
    const adapter = tier === 1 && this.reliableAdapter !== null ? this.reliableAdapter : this.adapter;
    adapter.chooseWithRank(q.sinrDb - lossDb, dev.ulLayers, out);
    const cell = this.env.cells[dev.serving]!;
    return out.spectralEfficiency * SUBCARRIERS_PER_PRB * (1 - cell.overhead[UL]) * out.layers;
  }
}
