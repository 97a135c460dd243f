// Per-device state: queues, cached link geometry and link quality, handover state, statistics.
import type { RandomStream } from '../engine/random';
import type { DeviceConfig } from './config';
import type { McsChoice } from './link-adaptation';
import { Flow } from './packet';
import { dbmToMw, THERMAL_NOISE_DBM_PER_HZ } from './radio/link';
import type { CellRadio } from './radio-environment';
import { type Dir, DL, UL } from './tdd-grid';
import type { ClassProfile } from './traffic-classes';

const DEFAULT_UE_NOISE_FIGURE_DB = 9; // assumption: UE noise figure of 3GPP system simulations (TR 38.802 / 36.814 use 9 dB)
const DEFAULT_UE_DL_LAYERS = 2;

/** Link quality of one direction on the serving cell, recomputed only when its inputs change. */
export class LinkQuality implements McsChoice {
  // cache key
  geomEpoch = -1;
  serving = -1;
  zoneEpoch = -1;
  bucket = -1;
  /** SINR per PRB (UL: at the power-control target power). */
  sinrDb = Number.NaN;
  cqi = 0;
  spectralEfficiency = 0;
  layers = 1;
  bler = 1;
  /** Bits one PRB carries per OFDM symbol (all layers, overhead removed). */
  bitsPerPrbSymbol = 0;
  /** UL: PRBs the UE can fill at the power-control target before P_CMAX caps it (Infinity in DL). */
  fullPowerPrbs = Number.POSITIVE_INFINITY;
  /** UL: dB between P_CMAX and the target power on one PRB, floored at 0. */
  headroomDb = 0;
  /** UL: most PRBs worth allocating (beyond, the per-PRB SINR falls below the lowest MCS). */
  maxUsefulPrbs = Number.POSITIVE_INFINITY;
  /** UL: transmit power per PRB at the target (dBm). */
  txPerPrbDbm = Number.NaN;
  /** The MCS of transport blocks carrying a class with a tighter BLER target (CQI table 3), when the network has one. */
  readonly reliable: McsChoice & { bitsPerPrbSymbol: number } = {
    cqi: 0,
    spectralEfficiency: 0,
    layers: 1,
    bler: 1,
    bitsPerPrbSymbol: 0,
  };
}

/** Bits per PRB and symbol of `d`'s transport block in this slot: the reliable MCS when it carries such a class. */
export function tbBitsPerPrbSymbol(d: DeviceState, dir: Dir): number {
  const q = d.quality[dir];
  return d.tbTier[dir] === 1 ? q.reliable.bitsPerPrbSymbol : q.bitsPerPrbSymbol;
}

/** Standard normal draws from a uniform stream (Box–Muller, both values of each pair used). */
export class NormalSource {
  private spare = Number.NaN;

  constructor(private readonly uniform: RandomStream) {}

  nextNormal(): number {
    if (!Number.isNaN(this.spare)) {
      const z = this.spare;
      this.spare = Number.NaN;
      return z;
    }
    const r = Math.sqrt(-2 * Math.log(1 - this.uniform.next()));
    const theta = 2 * Math.PI * this.uniform.next();
    this.spare = r * Math.sin(theta);
    return r * Math.cos(theta);
  }
}

/** A value per direction, indexed by Dir (UL = 0, DL = 1). */
export type PerDir = [number, number];

export class DeviceStats {
  packets: PerDir = [0, 0];
  bits: PerDir = [0, 0];
  prbSymbols: PerDir = [0, 0];
  lost = 0;
  late = 0;
  delivered = 0;
  latencySumMs = 0;
  handovers = 0;

  reset(): void {
    this.packets = [0, 0];
    this.bits = [0, 0];
    this.prbSymbols = [0, 0];
    this.lost = 0;
    this.late = 0;
    this.delivered = 0;
    this.latencySumMs = 0;
    this.handovers = 0;
  }
}

export class DeviceState {
  readonly id: string;
  readonly endpointId: string;
  readonly pcmaxDbm: number;
  readonly heightM: number;
  readonly gainDbi: number;
  readonly dlLayers: number;
  readonly ulLayers: number;
  /** UE receiver noise per PRB for each cell's numerology, mW. */
  readonly noisePerPrbMw: Float64Array;
  /** Known not to move: the position is read once. */
  readonly fixed: boolean;

  serving = -1;
  xM = Number.NaN;
  yM = Number.NaN;
  geomEpoch = 0;
  geomValid = false;
  /**
   * Path loss to each gNB (shadowing included) plus the gNB antenna's attenuation toward the device
   * (`RadioEnvironment.linkLossDb`; 0 for omni). UL power control compensates it as it does path loss: the UE's
   * estimate referenceSignalPower − RSRP (TS 38.213 §7.1.1) sees the pattern (ASSUMPTION: the peak gain stays
   * out of the estimate, as before antenna patterns).
   */
  readonly plDb: Float64Array;
  /** Received power per PRB from each gNB (the RSRP proxy of handover), dBm and mW. */
  readonly rsrpDbm: Float64Array;
  readonly dlRxMw: Float64Array;
  /**
   * Loss from each interference zone, at the carrier of each cell (zone z, cell c at z · cells + c): a zone
   * without a carrier of its own hits every cell, each at its own frequency.
   */
  readonly zoneLossDb: Float64Array;
  /** UL: power per PRB each gNB receives at the target power, mW. */
  readonly ulRxAtMw: Float64Array;
  /** Geometry epoch and serving cell `ulRxAtMw` was computed for. */
  ulRxEpoch = -1;
  ulRxServing = -1;
  readonly quality: readonly [LinkQuality, LinkQuality] = [new LinkQuality(), new LinkQuality()];

  /** Queues by direction and class index. */
  readonly flows: readonly [Flow[], Flow[]];
  readonly backlogBits: PerDir = [0, 0];
  /** Position in the serving cell's backlog list per direction, -1 when absent. */
  readonly activeSlot: PerDir = [-1, -1];
  /** Per direction: no queued packet can pass its PDCP discard timer before this (a lower bound). */
  readonly discardCheckMs: PerDir = [Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY];
  /** UL: earliest PUSCH start of the pending SR's grant (uplink-access.ts), -Infinity when none. */
  srGrantMs = Number.NEGATIVE_INFINITY;
  /** No scheduling before this (handover interruption). */
  blockedUntilMs = 0;
  tttCandidate = -1;
  tttStartMs = 0;
  /** L3-filtered RSRP per gNB (handover with a filterCoefficient), dBm, and the time of its last sample. */
  readonly l3RsrpDbm: Float64Array;
  l3AtMs = Number.NaN;
  /** The cell of the last handover's source and its time (ping-pong detection). */
  lastHandoverFrom = -1;
  lastHandoverMs = Number.NEGATIVE_INFINITY;
  lastLocateMs = Number.NEGATIVE_INFINITY;

  // scheduler scratch
  grantPrb = 0;
  grantMark = -1;
  needPrb = 0;
  needMark = -1;
  /** Most PRBs worth granting this slot (UL power limit, carrier size). */
  capPrb = 0;
  pfMetric = 0;
  lastServedOpp: PerDir = [-1, -1];
  /** Per direction: 1 when this slot's transport block carries a class with a tighter BLER target (reliable MCS). */
  tbTier: PerDir = [0, 0];
  /** Proportional-fair average throughput per direction, scaled to `pfScaleRefMs` (see SlotAllocator). */
  pfScaledBitsPerMs: PerDir = [0, 0];
  pfScaleRefMs: PerDir = [0, 0];

  readonly stats = new DeviceStats();

  constructor(
    readonly index: number,
    readonly config: DeviceConfig,
    cells: readonly CellRadio[],
    zoneCount: number,
    profiles: readonly ClassProfile[],
    sliceOfClass: readonly number[],
    readonly harqRng: RandomStream,
    readonly coreNormal: NormalSource,
  ) {
    this.id = config.id;
    this.endpointId = config.endpointId;
    this.pcmaxDbm = config.powerClassDbm;
    this.heightM = config.heightM;
    this.gainDbi = config.antennaGainDbi;
    this.dlLayers = config.mimoLayers ?? DEFAULT_UE_DL_LAYERS;
    this.ulLayers = config.ulLayers ?? 1;
    this.fixed = config.mobile === false;
    const nf = config.noiseFigureDb ?? DEFAULT_UE_NOISE_FIGURE_DB;
    this.noisePerPrbMw = Float64Array.from(cells, (c) =>
      dbmToMw(THERMAL_NOISE_DBM_PER_HZ + 10 * Math.log10(c.prbBandwidthHz) + nf),
    );
    const n = cells.length;
    this.plDb = new Float64Array(n);
    this.rsrpDbm = new Float64Array(n);
    this.l3RsrpDbm = new Float64Array(n);
    this.dlRxMw = new Float64Array(n);
    this.ulRxAtMw = new Float64Array(n);
    this.zoneLossDb = new Float64Array(zoneCount * n);
    const make = (dir: Dir) => profiles.map((p) => new Flow(this, dir, p, sliceOfClass[p.index]!));
    this.flows = [make(UL), make(DL)];
  }

  get dlQuality(): LinkQuality {
    return this.quality[DL];
  }

  get ulQuality(): LinkQuality {
    return this.quality[UL];
  }
}
