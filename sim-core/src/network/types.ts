// Public output types of the network model: probes, KPIs, snapshots and the coverage grid.
import type { ControlNetwork, TrafficClass } from '../control/seam';
import type { Probe } from '../engine/probe';
import type { LatencySummary } from './latency-histogram';
import type { DeploymentMode } from './radio/deployment';
import type { LinkDirection } from './radio/throughput';

/** One finished packet or message (emitted when its fate is decided, stamped with its arrival time). */
export interface LinkSample {
  /** Arrival time, or the time the loss became final. */
  timeMs: number;
  /** When the sender handed the packet over. */
  sentMs: number;
  /** The radio end of the path (the device's endpoint; the sender's for device → device). */
  endpointId: string;
  deviceId: string | null;
  from: string;
  to: string;
  trafficClass: TrafficClass;
  /** NaN when lost. */
  latencyMs: number;
  lost: boolean;
  late: boolean;
  streamId: string | null;
}

export interface HandoverEvent {
  timeMs: number;
  deviceId: string;
  endpointId: string;
  fromCellId: string;
  toCellId: string;
  interruptionMs: number;
}

export type NetworkNotableKind =
  | 'handover'
  | 'survivalTimeExceeded'
  | 'recovered'
  | 'interferenceOn'
  | 'interferenceOff';

export interface NetworkNotableEvent {
  timeMs: number;
  kind: NetworkNotableKind;
  /** Device, stream or zone id. */
  subjectId: string;
  detail: string;
}

/** Cell load over one sample period; emitted only for periods in which the cell carried traffic. */
export interface CellLoadSample {
  timeMs: number;
  durationMs: number;
  cellId: string;
  dlPrbUtilization: number;
  ulPrbUtilization: number;
  dlMbps: number;
  ulMbps: number;
  dlBackloggedUes: number;
  ulBackloggedUes: number;
}

export interface NetworkProbes {
  readonly linkSamples: Probe<LinkSample>;
  readonly handovers: Probe<HandoverEvent>;
  readonly notable: Probe<NetworkNotableEvent>;
  readonly cellLoad: Probe<CellLoadSample>;
}

export interface ClassKpis {
  trafficClass: TrafficClass;
  fiveQi: number;
  priorityLevel: number;
  deadlineMs: number;
  /** Packets whose fate is decided (delivered + lost + discarded). */
  finished: number;
  delivered: number;
  onTime: number;
  late: number;
  /** HARQ residual losses. */
  lost: number;
  /** Dropped by the discard timer before transmission. */
  discarded: number;
  /** Share of finished packets delivered within the deadline (NaN when none). */
  reliability: number;
  /** TS 22.104 availability target of the class, as a share. */
  targetReliability: number;
  meetsTarget: boolean;
  latency: LatencySummary;
}

export interface DirectionKpis {
  /** Bits carried by successful transport blocks per second of the window. */
  throughputMbps: number;
  /** PRB × symbols used (retransmissions included) over PRB × symbols of this direction. */
  prbUtilization: number;
  transportBlocks: number;
  harqRetransmissions: number;
}

export interface CellKpis {
  cellId: string;
  ul: DirectionKpis;
  dl: DirectionKpis;
  handoversIn: number;
  handoversOut: number;
}

export interface DeviceKpis {
  deviceId: string;
  endpointId: string;
  servingCellId: string | null;
  xM: number;
  yM: number;
  /** Received power per PRB from the serving gNB (shadowing included); NaN before first use. */
  rsrpDbm: number;
  dlSinrDb: number;
  ulSinrDb: number;
  dlCqi: number;
  ulCqi: number;
  dlLayers: number;
  /** UL transmit power per PRB at the power-control target (capped by the power class). */
  ulTxPerPrbDbm: number;
  /** PRBs beyond which the UE is at P_CMAX and each extra PRB lowers its per-PRB power. */
  ulFullPowerPrbs: number;
  ulMbps: number;
  dlMbps: number;
  ulPrbSymbols: number;
  dlPrbSymbols: number;
  ulPackets: number;
  dlPackets: number;
  delivered: number;
  late: number;
  lost: number;
  meanLatencyMs: number;
  handovers: number;
}

export interface StreamKpis {
  streamId: string;
  trafficClass: TrafficClass;
  from: string;
  to: string;
  active: boolean;
  sent: number;
  delivered: number;
  onTime: number;
  late: number;
  lost: number;
  survivalFailures: number;
  inFailure: boolean;
}

export interface NetworkKpis {
  fromMs: number;
  toMs: number;
  deploymentMode: DeploymentMode;
  scheduler: string;
  classes: ClassKpis[];
  cells: CellKpis[];
  devices: DeviceKpis[];
  streams: StreamKpis[];
  handovers: number;
  /** Handovers back to the previous cell within the ping-pong window (packet fidelity; absent in flow). */
  pingPongs?: number;
  survivalFailures: number;
}

export interface NetworkSnapshot {
  timeMs: number;
  devices: {
    deviceId: string;
    endpointId: string;
    servingCellId: string | null;
    xM: number;
    yM: number;
    rsrpDbm: number;
    dlSinrDb: number;
    ulSinrDb: number;
    ulBacklogBytes: number;
    dlBacklogBytes: number;
    inHandover: boolean;
  }[];
  cells: {
    cellId: string;
    dlLoad: number;
    ulLoad: number;
    dlBackloggedUes: number;
    ulBackloggedUes: number;
  }[];
  zones: { zoneId: string; active: boolean }[];
}

export interface CoverageGridOptions {
  direction: LinkDirection;
  cellSizeM: number;
  bounds: { minXM: number; minYM: number; maxXM: number; maxYM: number };
  /** Interference zones as scheduled at this time (default: now). */
  atMs?: number;
  /** Probe UE (defaults: 1.5 m, 0 dBi, 23 dBm, 9 dB noise figure). */
  ueHeightM?: number;
  ueAntennaGainDbi?: number;
  uePowerClassDbm?: number;
  ueNoiseFigureDb?: number;
  /** DL: activity of the interfering cells, 0..1 (default 1: full load). */
  interfererLoad?: number;
  /** UL: PRBs the probe UE spreads its power over (default: the whole carrier). */
  ulPrbs?: number;
}

export interface SinrGrid {
  direction: LinkDirection;
  cellSizeM: number;
  originXM: number;
  originYM: number;
  cols: number;
  rows: number;
  /** SINR per PRB at the centre of each grid cell, row-major (row = y). */
  sinrDb: Float32Array;
  /** Best server (index into cellIds) per grid cell. */
  servingCell: Int16Array;
  cellIds: string[];
}

/** The 5G network as the factory sees it, plus what the recorder, KPIs and viewer read. */
export interface NetworkModel extends ControlNetwork {
  readonly probes: NetworkProbes;
  /** KPIs over [last reset, endMs]. */
  kpis(endMs: number): NetworkKpis;
  /** Forgets all statistics before `atMs` (warm-up deletion). */
  resetStats(atMs: number): void;
  snapshot(): NetworkSnapshot;
  coverageGrid(options: CoverageGridOptions): SinrGrid;
}
