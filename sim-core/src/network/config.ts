// Network configuration: plain, JSON-friendly types (a zod schema in scenarios/ mirrors them).
import type { TrafficClass } from '../control/seam';
import type { GnbAntennaConfig } from './antenna/registry';
import type { ChannelModelName } from './channel/registry';
import type { LinkModelName } from './link-model/registry';
import type { SchedulerName } from './mac/schedulers/registry';
import type { DeploymentMode } from './radio/deployment';
import type { InfClutter } from './radio/los';
import type { InfSubScenario } from './radio/pathloss';
import type { ScsKHz, SpecialSlot } from './radio/throughput';
import type { RanShareConfig } from './ran-share/ran-share';

export interface GnbConfig {
  id: string;
  xM: number;
  yM: number;
  heightM: number;
  /** Carrier centre frequency: 3.5 (n78), 4.9 (n79) or any. Cells overlapping in frequency interfere. */
  carrierGHz: number;
  bandwidthMHz: number;
  scsKHz: ScsKHz;
  /** TDD slot pattern of 'D', 'S', 'U', repeated: 'DDDSU', 'DDDSUDDSUU', 'DSUUU', 'DDSUU'. */
  tddPattern: string;
  /** Special-slot split in symbols (default 10:2:2). */
  specialSlot?: SpecialSlot;
  /** Total transmit power over the carrier. */
  txPowerDbm: number;
  /** Peak (boresight) gain of the antenna, dBi; `antenna`'s pattern attenuates below it in other directions. */
  antennaGainDbi: number;
  /** Antenna pattern and where it points (antenna/); absent: omni (the same gain every way). */
  antenna?: GnbAntennaConfig;
  noiseFigureDb: number;
  /** Maximum DL MIMO layers (default 2). */
  mimoLayers?: number;
  /** PRB count override (needed only outside TS 38.101-1 Table 5.3.2-1, e.g. FR2). */
  nPrb?: number;
}

export interface DeviceConfig {
  id: string;
  /** The machine / gateway / camera / AGV this modem serves; its position comes from `locate`. */
  endpointId: string;
  /** UE power class P_CMAX: 23 dBm (PC3) or 26 dBm (PC2). */
  powerClassDbm: 23 | 26;
  heightM: number;
  antennaGainDbi: number;
  /** UE noise figure (default 9 dB). */
  noiseFigureDb?: number;
  /** DL receive layers (default 2); the DL rank is min(this, gNB mimoLayers). */
  mimoLayers?: number;
  /** UL transmit layers (default 1). */
  ulLayers?: number;
  /**
   * false: the position is read once (a machine). true / undefined: read at each transmission and the
   * link is recomputed when it moved by more than `mobility.recomputeDistanceM`.
   */
  mobile?: boolean;
  /** Fallback position when `locate` has none. */
  xM?: number;
  yM?: number;
}

export interface InterferenceZoneConfig {
  id: string;
  xM: number;
  yM: number;
  /** Interfering power received in-band (over the victim carrier), at the source. */
  powerDbm: number;
  /** Only cells whose band contains this frequency are hit; default: every cell. */
  carrierGHz?: number;
  /** Emitter height (default 1.5 m). */
  heightM?: number;
  /** On periods; default: always on. */
  schedule?: { startMs: number; endMs: number }[];
}

export interface CoreDelayOverrides {
  meanMs?: number;
  jitterMs?: number;
  minMs?: number;
}

export interface DeploymentConfig {
  mode: DeploymentMode;
  overrides?: CoreDelayOverrides;
}

/** @deprecated the same as `SchedulerName` (mac/schedulers/registry.ts). */
export type SchedulerKind = SchedulerName;

export interface SliceConfig {
  id: string;
  /** Guaranteed share of the PRBs of every slot; unused PRBs are lent to other slices. */
  prbShare: number;
  trafficClasses: TrafficClass[];
}

export interface HandoverConfig {
  /** A3 offset: a neighbour must be better than the serving cell by this much (RSRP). */
  offsetDb: number;
  timeToTriggerMs: number;
  /** No data for this long after a handover. */
  interruptionMs: number;
  /** A3 hysteresis (TS 38.331 §5.5.4.4: Mn − Hys > Mp + Off to enter), dB; default 0. */
  hysteresisDb?: number;
  /**
   * L3 filter coefficient k (TS 38.331 §5.5.3.2, filterCoefficient fc0…fc19): F_n = (1 − a)·F_{n−1} + a·M_n,
   * a = 1/2^(k/4), on RSRP in dB. Absent: none (A3 on the raw RSRP). Without a `handover` config the network
   * uses PLANNER_HANDOVER (fc11, hysteresis 3 dB, 1280 ms); LEGACY_HANDOVER is the raw-RSRP one before issue 18.
   */
  filterCoefficient?: number;
  /** A handover back to the previous cell within this long is a ping-pong (default 5000 ms). */
  pingPongWindowMs?: number;
}

export interface ClassOptions {
  /** Late beyond this (end to end); default: the TS 22.104 / 5QI target of the class. */
  deadlineMs?: number;
  /**
   * Required share of messages on time, percent; default the class's service target (radio/qos.ts). The
   * video default is TS 22.104's video-operated remote control (99.9999 %): set a plant's own for
   * surveillance video, which no TS 22.104 row covers.
   */
  availabilityPct?: number;
  /** PDCP discard timer: an untransmitted packet older than this is dropped (default 5000, video 1000). */
  discardTimerMs?: number;
  /**
   * Guaranteed flow bit rate (GFBR) of every flow of this class, per device and direction, Mbit/s: the
   * MAC serves it ahead of the scheduler discipline up to this rate, averaged over the 5QI's averaging
   * window (TS 23.501 §5.7.2.5, §5.7.3.6; 2000 ms for the standardized GBR 5QIs). Default: none.
   */
  gbrMbps?: number;
  /**
   * BLER target of the transport blocks carrying this class (`linkAdaptation.perClassBlerTarget`); default 1e-5 (the
   * CQI table 3 target of TS 38.214 §5.2.2.1) for delay-critical GBR 5QIs (82–86), else the network's target.
   */
  blerTarget?: number;
}

export interface LinkAdaptationConfig {
  /** CQI table of TS 38.214 (default 2: up to 256QAM; 3: low spectral efficiency for a 1e-5 BLER target). */
  cqiTable?: 1 | 2 | 3;
  /** BLER target of link adaptation (default 0.1, the CQI definition). */
  blerTarget?: number;
  /**
   * Classes with a tighter BLER target (`classOptions.*.blerTarget`; default 1e-5 for the delay-critical GBR 5QIs
   * 82–86) get their own MCS: CQI table 3 at the tightest such target, for every transport block carrying their data
   * (default true; false: one target for every class, the model before issue 18). Packet fidelity.
   */
  perClassBlerTarget?: boolean;
  /** HARQ retransmissions after the first transmission (default 3). */
  maxHarqRetransmissions?: number;
  /** UE/gNB processing time before HARQ feedback and before a retransmission (default: one slot). */
  harqProcessingMs?: number;
}

/** Small-scale fading of the `fading` link model (link-model/fading-link-model.ts); defaults there. */
export interface FadingConfig {
  /** Doppler floor from the surroundings for fixed or slow devices, m/s (default 0.5, assumption). */
  environmentSpeedMps?: number;
  /** RMS delay spread, ns (default: TR 38.901 Table 7.5-6 InF median for a hall with V/S = 5 m, 66 ns). */
  delaySpreadNs?: number;
  /** Most independent sub-bands an allocation sees (default 16). */
  maxSubbands?: number;
  /** Rician K-factor of LOS links, log-normal per link (default TR 38.901 Table 7.5-6 InF: μ 7 dB, σ 8 dB). */
  kFactorDb?: { mu?: number; sigma?: number };
}

export interface UplinkPowerControlConfig {
  /** P0 nominal per 15 kHz PRB (default −95 dBm; before issue 18: −85). */
  p0Dbm?: number;
  /** Fractional path-loss compensation α (default 1; before issue 18: 0.8). */
  alpha?: number;
  /** The 10·log10(2^μ) term of TS 38.213 §7.1.1 (default true; false: the formula before issue 18). */
  scsTerm?: boolean;
}

/**
 * Uplink access (uplink-access.ts). Default 'scheduled': sporadic data (messages, streams of other classes) waits for
 * an SR occasion, the UL grant and K2 slots (dynamic grants, TS 38.213 §9.2.4, TS 38.214 §6.1.2.1); streams of the
 * configured-grant classes use configured grants type 1 (TS 38.321 §5.8.2). 'grantFree': every UL packet goes in the
 * next UL opportunity (the model before issue 18). Packet fidelity; the flow fidelity times every UL leg grant-free.
 */
export interface UplinkAccessConfig {
  mode?: 'scheduled' | 'grantFree';
  /** SR periodicity, slots (TS 38.331 SchedulingRequestResourceConfig: 1, 2, 4, 5, 8, 10, 16, 20, …, 640); default one TDD period. */
  srPeriodSlots?: number;
  /** SR offset, slots, 0 ≤ offset < period; default the last U slot of the TDD pattern. */
  srOffsetSlots?: number;
  /** Least slots from the UL grant to PUSCH (K2, TS 38.214 §6.1.2.1, 0…32); default 1. */
  k2Slots?: number;
  /** Streams of these classes use configured grants type 1; default the classes with a delay-critical GBR 5QI (82–86). */
  configuredGrantClasses?: TrafficClass[];
}

/** Packet: every packet through the MAC (the reference). Flow: per-flow distributions (./flow/README.md). */
export type NetworkFidelity = 'packet' | 'flow';

export interface NetworkConfig {
  /** Model fidelity (default 'packet'). */
  fidelity?: NetworkFidelity;
  gnbs: GnbConfig[];
  devices: DeviceConfig[];
  clutter: InfClutter;
  /** 'auto' (default) derives it per link from heights and clutter (TR 38.901 Table 7.2-4). */
  subScenario?: 'auto' | InfSubScenario;
  /** A registered channel model (channel/registry.ts); default 'inF' (TR 38.901 Indoor Factory). */
  channelModel?: ChannelModelName;
  interferenceZones?: InterferenceZoneConfig[];
  /**
   * A registered link model (link-model/registry.ts): 'static' (default: no small-scale fading, the built-in
   * BLER abstraction) or 'fading' (Rician/Rayleigh with Doppler, EESM, 5G-LENA BLER, Chase combining).
   */
  linkModel?: LinkModelName;
  /** Parameters of the 'fading' link model. */
  fading?: FadingConfig;
  deployment: DeploymentConfig;
  /**
   * The cells are an operator's, shared with public users (`public`, `slice`): their background load and
   * the factory's RAN share (ran-share/). Absent: the factory has the cells to itself (hybrid, private).
   */
  ranShare?: RanShareConfig;
  /** A registered MAC scheduler (mac/schedulers/registry.ts): roundRobin, proportionalFair, priority, or your own. */
  scheduler: SchedulerName;
  slices?: SliceConfig[];
  handover?: HandoverConfig;
  /** Traffic class → standardized 5QI (defaults in traffic-classes.ts). */
  trafficClassMap?: Partial<Record<TrafficClass, number>>;
  classOptions?: Partial<Record<TrafficClass, ClassOptions>>;
  /** Endpoints without a modem, e.g. 'control' (app server in the core / MEC). Others without a device are wired too. */
  wiredEndpoints?: string[];
  linkAdaptation?: LinkAdaptationConfig;
  uplinkPowerControl?: UplinkPowerControlConfig;
  /** Scheduling requests, UL grants and configured grants (default: 'scheduled'). */
  uplinkAccess?: UplinkAccessConfig;
  /**
   * Other-cell interference: 'load' (default) weights each interferer by its recent PRB load;
   * 'fullLoad' assumes every other cell always transmits; 'none' ignores it.
   */
  interCellInterference?: 'load' | 'fullLoad' | 'none';
  /** Most UEs scheduled per slot and direction (PDCCH capacity; default 16). */
  maxUesPerSlot?: number;
  /** Spatially consistent shadowing on (default) or off (median path loss only). */
  shadowing?: boolean;
  /** Streams start at a random phase within their interval (default) or aligned to their opening. */
  streamPhase?: 'random' | 'aligned';
  /**
   * Mobile devices: the position is read at most every `locateIntervalMs` (default 50) when they transmit or
   * receive, and the link recomputed when it moved `recomputeDistanceM` (default 1 m) or more.
   */
  mobility?: { recomputeDistanceM?: number; locateIntervalMs?: number };
  /** Period of cell load samples on the probe (default 1000 ms). */
  loadSampleMs?: number;
}
