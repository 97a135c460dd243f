// Static radio environment: cells, the channel model (network.channelModel, channel/), interference zones,
// and path loss from any floor point. Pure given the config and the run seed.
import type { RandomStreams } from '../engine/random';
import type { AntennaPattern } from './antenna/antenna-pattern';
import { antennaPatternOf } from './antenna/registry';
import type { ChannelModel } from './channel/channel-model';
import { channelModels, DEFAULT_CHANNEL_MODEL } from './channel/registry';
import type { GnbConfig, InterferenceZoneConfig, NetworkConfig } from './config';
import { dbmToMw, THERMAL_NOISE_DBM_PER_HZ } from './radio/link';
import {
  nPrbFr1,
  numerology,
  PEAK_RATE_OVERHEAD,
  type ScsKHz,
  SUBCARRIERS_PER_PRB,
} from './radio/throughput';
import { TddGrid } from './tdd-grid';

/** Upper edge of FR1 (TS 38.104 §5.1: 410 MHz – 7125 MHz). */
const FR1_MAX_GHZ = 7.125;
/** Share of the channel usable for PRBs when N_RB is not tabulated. ASSUMPTION: typical ~95 % (guard bands). */
const FALLBACK_SPECTRUM_USE = 0.95;
const DEFAULT_ZONE_HEIGHT_M = 1.5;
const DEFAULT_DL_LAYERS = 2;

export interface CellRadio {
  readonly index: number;
  readonly id: string;
  readonly config: GnbConfig;
  readonly xM: number;
  readonly yM: number;
  readonly heightM: number;
  readonly carrierGHz: number;
  readonly nPrb: number;
  readonly mu: number;
  readonly scsKHz: ScsKHz;
  readonly grid: TddGrid;
  /** Peak gain of the antenna, dBi (toward a point: minus `antenna.attenuationDb`, see `linkLossDb`). */
  readonly antennaGainDbi: number;
  /** The antenna's pattern, pointed (gnbs[].antenna; omni by default). */
  readonly antenna: AntennaPattern;
  /** Transmit power per PRB (total power spread evenly over the carrier). */
  readonly txPerPrbDbm: number;
  /** Receiver noise per PRB at the gNB, mW. */
  readonly noisePerPrbMw: number;
  readonly maxDlLayers: number;
  /** Overhead per direction [UL, DL] (TS 38.306 §4.1.2 OH). */
  readonly overhead: readonly [number, number];
  readonly prbBandwidthHz: number;
}

export interface ZoneRadio {
  readonly index: number;
  readonly id: string;
  readonly config: InterferenceZoneConfig;
  readonly heightM: number;
  /** Whether the zone hits each cell's band. */
  readonly hitsCell: readonly boolean[];
  /** Interference per PRB received by each gNB (antenna gain included) while on, mW. */
  readonly atGnbPerPrbMw: Float64Array;
}

function prbCount(g: GnbConfig): number {
  if (g.nPrb !== undefined) return g.nPrb;
  if (g.carrierGHz <= FR1_MAX_GHZ && g.scsKHz !== undefined) {
    try {
      return nPrbFr1(g.scsKHz, g.bandwidthMHz);
    } catch {
      // not tabulated: fall through to the estimate
    }
  }
  return Math.floor((g.bandwidthMHz * 1000 * FALLBACK_SPECTRUM_USE) / (SUBCARRIERS_PER_PRB * g.scsKHz));
}

export class RadioEnvironment {
  readonly cells: CellRadio[];
  readonly zones: ZoneRadio[];
  readonly channel: ChannelModel;
  /** Whether cells i and j share spectrum (i·n + j). */
  private readonly overlap: Uint8Array;

  constructor(config: NetworkConfig, streams: RandomStreams) {
    if (config.gnbs.length === 0) throw new RangeError('The network needs at least one gNB');
    this.cells = config.gnbs.map((g, index) => {
      const mu = numerology(g.scsKHz);
      const nPrb = prbCount(g);
      const prbBandwidthHz = SUBCARRIERS_PER_PRB * g.scsKHz * 1000;
      const oh = PEAK_RATE_OVERHEAD[g.carrierGHz <= FR1_MAX_GHZ ? 'FR1' : 'FR2'];
      return {
        index,
        id: g.id,
        config: g,
        xM: g.xM,
        yM: g.yM,
        heightM: g.heightM,
        carrierGHz: g.carrierGHz,
        nPrb,
        mu,
        scsKHz: g.scsKHz,
        grid: new TddGrid(g.tddPattern, mu, g.specialSlot),
        antennaGainDbi: g.antennaGainDbi,
        antenna: antennaPatternOf(g.antenna),
        txPerPrbDbm: g.txPowerDbm - 10 * Math.log10(nPrb),
        noisePerPrbMw: dbmToMw(THERMAL_NOISE_DBM_PER_HZ + 10 * Math.log10(prbBandwidthHz) + g.noiseFigureDb),
        maxDlLayers: g.mimoLayers ?? DEFAULT_DL_LAYERS,
        overhead: [oh.UL, oh.DL] as const,
        prbBandwidthHz,
      };
    });
    const n = this.cells.length;
    this.overlap = new Uint8Array(n * n);
    for (let i = 0; i < n; i++)
      for (let j = 0; j < n; j++) {
        const a = this.cells[i]!.config;
        const b = this.cells[j]!.config;
        const halfSpanGHz = (a.bandwidthMHz + b.bandwidthMHz) / 2000;
        this.overlap[i * n + j] = Math.abs(a.carrierGHz - b.carrierGHz) < halfSpanGHz ? 1 : 0;
      }
    this.channel = channelModels.get(config.channelModel ?? DEFAULT_CHANNEL_MODEL)({
      config,
      cells: this.cells,
      streams,
    });
    this.zones = (config.interferenceZones ?? []).map((z, index) => {
      const heightM = z.heightM ?? DEFAULT_ZONE_HEIGHT_M;
      const hitsCell = this.cells.map(
        (c) =>
          z.carrierGHz === undefined || Math.abs(z.carrierGHz - c.carrierGHz) <= c.config.bandwidthMHz / 2000,
      );
      const atGnbPerPrbMw = Float64Array.from(this.cells, (c, ci) =>
        hitsCell[ci]
          ? dbmToMw(
              z.powerDbm -
                10 * Math.log10(c.nPrb) -
                this.meanPathLossDb(z.xM, z.yM, heightM, c.xM, c.yM, c.heightM, c.carrierGHz) +
                c.antennaGainDbi -
                c.antenna.attenuationDb(z.xM - c.xM, z.yM - c.yM, heightM - c.heightM),
            )
          : 0,
      );
      return { index, id: z.id, config: z, heightM, hitsCell, atGnbPerPrbMw };
    });
  }

  sameSpectrum(i: number, j: number): boolean {
    return this.overlap[i * this.cells.length + j] === 1;
  }

  /**
   * Path loss gNB → point plus the gNB antenna's attenuation toward it (below its peak gain `antennaGainDbi`):
   * what the link budget, the coverage grid and screening subtract from tx power + peak gain + UE gain, in DL
   * and UL (the pattern is reciprocal). With an omni antenna it is the path loss, bit for bit (+ 0).
   */
  linkLossDb(cell: number, xM: number, yM: number, utHeightM: number): number {
    const c = this.cells[cell]!;
    return (
      this.channel.pathLossDb(cell, xM, yM, utHeightM) +
      c.antenna.attenuationDb(xM - c.xM, yM - c.yM, utHeightM - c.heightM)
    );
  }

  /** Median loss between two low points (an interference source and a receiver): the channel model's. */
  meanPathLossDb(
    ax: number,
    ay: number,
    aHeightM: number,
    bx: number,
    by: number,
    bHeightM: number,
    freqGHz: number,
  ): number {
    return this.channel.meanPathLossDb(ax, ay, aHeightM, bx, by, bHeightM, freqGHz);
  }
}
