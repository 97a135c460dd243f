import type { DistributionSpec } from '../engine/distributions';
import type { FailureModelName } from './failures/registry';
import type { QualityConfig } from './inspection/config';
import type { MaintenanceConfig } from './maintenance/config';

/**
 * The production model's input: plain, JSON-friendly data (scenarios/ validates scenario files into
 * it). All times are simulated milliseconds, all lengths metres. `null` capacity means unlimited.
 */
export interface FactoryConfig {
  products: ProductConfig[];
  machines: MachineConfig[];
  /** Explicit buffers (stations). Machines without buffer ids get their own `<id>.in` / `<id>.out`. */
  buffers?: BufferConfig[];
  sources: SourceConfig[];
  /** Where finished parts leave the system (a sink, or the finished-goods warehouse). At least one. */
  sinks: SinkConfig[];
  gateways?: GatewayConfig[];
  /** Working periods; machines are off shift outside them. Omitted: always on shift. */
  calendar?: CalendarConfig;
  /** KPI accumulators are reset once at this time (warm-up deletion). Default 0. */
  warmUpMs?: number;
  /**
   * How parts move between stations: 'instant' (default), a fixed delay, or 'agv' (the
   * TransportService passed to buildFactory). Parts whose next station is the station they are in
   * (a machine's output buffer that is the next machine's input buffer) never need transport.
   */
  transport?: 'instant' | 'agv' | { fixedDelayMs: number };
  control?: ControlConfig;
  /** Failure detection and repair crews (maintenance/config.ts). Omitted: repairs start at the failure. */
  maintenance?: MaintenanceConfig;
  /** Inspection of latent defects and their late detection (inspection/config.ts). Omitted: none. */
  quality?: QualityConfig;
}

export interface Position {
  xM: number;
  yM: number;
}

export interface ProductConfig {
  id: string;
  /** The operations in order; every part of the product visits one eligible machine per operation. */
  routing: OperationConfig[];
  /** Where finished parts go; default: the first sink. */
  sinkId?: string;
  /** Urgency of this product's transport requests (AGV dispatch rule 'priority': higher first). Default 0. */
  transportPriority?: number;
}

export interface OperationConfig {
  operation: string;
  /** Eligible machine ids. */
  machines: string[];
  /** Cycle time in ms: one distribution for all eligible machines, or one per machine id. */
  cycleTime: DistributionSpec | Record<string, DistributionSpec>;
}

export type MachineType = 'cnc' | 'embroidery' | 'inspection' | 'assembly' | (string & {});

export interface MachineConfig {
  id: string;
  type: MachineType;
  position: Position;
  sizeM: { w: number; d: number };
  /** Input station; several machines may share one (a common queue). Default: own `<id>.in`. */
  inputBufferId?: string;
  /** Output station (a buffer or a sink). Default: own `<id>.out`. */
  outputBufferId?: string;
  /** Capacity of the auto-created `<id>.in` (null or omitted: unlimited). */
  inputCapacity?: number | null;
  /** Capacity of the auto-created `<id>.out` (null or omitted: unlimited). */
  outputCapacity?: number | null;
  setupTimes?: SetupConfig;
  failures?: FailureConfig;
  /** Probability that a finished cycle produced scrap (the part leaves the system). Default 0. */
  scrapProbability?: number;
  /**
   * Probability that a finished cycle that is not scrap leaves a LATENT defect on the part: unseen at the
   * machine, found (or not) by inspection points and the late check of `FactoryConfig.quality`. Default 0.
   */
  defectProbability?: number;
  /** No digital module: status and orders go through the gateway `gatewayId`. */
  legacy?: boolean;
  gatewayId?: string;
}

/**
 * Changeover time (ms) when the next job's product differs from the previous job's. The machine
 * starts set up for no product, so its first job needs a setup too. Lookup order:
 * `matrix[from][to]`, then `byProduct[to]`, then `default`; none: no setup.
 */
export interface SetupConfig {
  default?: DistributionSpec;
  byProduct?: Record<string, DistributionSpec>;
  matrix?: Record<string, Record<string, DistributionSpec>>;
}

/**
 * Failures, drawn by the failure model `kind` names (failures/registry.ts; one file each in failures/).
 * `kind: 'time'`: the time to failure is exponential with mean `mtbfMs` of OPERATING
 * (busy) time: the failure clock only runs while the machine processes a part, so an idle machine
 * never fails (and costs no events). The interrupted cycle resumes after repair.
 * `kind: 'count'`: the number of cycles between failures is geometric with mean
 * `meanCyclesBetweenFailures`; the failure strikes at the end of a cycle, after its part is out.
 * Repair time: `repairTime`, else exponential with mean `mttrMs`. Repairs run in calendar time (also
 * off shift). A model of your own reads these fields and `parameters`.
 */
export interface FailureConfig {
  kind: FailureModelName;
  mtbfMs?: number;
  meanCyclesBetweenFailures?: number;
  mttrMs?: number;
  repairTime?: DistributionSpec;
  /** Further numeric parameters of a failure model of your own (e.g. a Weibull shape). */
  parameters?: Record<string, number>;
}

export interface BufferConfig {
  id: string;
  /** null: unlimited. Otherwise an integer >= 1. Counts parts in the buffer plus parts on their way to it. */
  capacity: number | null;
  position: Position;
}

export interface SourceConfig {
  id: string;
  /** The station new parts appear in. Default: an unlimited buffer with the source's id. */
  stationId?: string;
  position?: Position;
  /** Random arrivals: the time between arrivals (ms); the product is drawn from `productMix`. */
  interarrival?: DistributionSpec;
  /** Product weights for random arrivals, e.g. { P1: 3, P2: 1 }. Default: the first product. */
  productMix?: Record<string, number>;
  /** First random arrival at startMs + one interarrival draw (default startMs 0). */
  startMs?: number;
  /** No random arrivals after this time. */
  stopMs?: number;
  /** Scheduled orders: `count` parts of `productId` released at `atMs`. */
  schedule?: { atMs: number; productId: string; count: number }[];
  /** Each arrival (random: one part; scheduled: one entry) is a work order due `dueInMs` after release. */
  orders?: { dueInMs: number };
}

export interface SinkConfig {
  id: string;
  position: Position;
  kind?: 'sink' | 'warehouse';
}

/**
 * A protocol converter for legacy machines. Status from its machines is converted
 * (`conversionDelayMs`), then sent to the control system over the network from the gateway's own
 * endpoint (its id); with `aggregationIntervalMs`, converted reports are batched and sent at the next
 * multiple of the interval (one message per batch). Start orders to its machines travel over the
 * network to the gateway and reach the machine after `conversionDelayMs` (never aggregated).
 */
export interface GatewayConfig {
  id: string;
  conversionDelayMs: number;
  aggregationIntervalMs?: number;
  position?: Position;
}

/** Machines are on shift while (t mod cycleMs) lies in one of the [startMs, endMs) periods. */
export interface CalendarConfig {
  cycleMs: number;
  periods: { startMs: number; endMs: number }[];
}

export interface ControlConfig {
  /** Size of a machine status message. Default 128. */
  statusBytes?: number;
  /** Size of a start order. Default 64. */
  orderBytes?: number;
  /** Wait after the network reports a loss before sending the message again. Default 0. */
  resendDelayMs?: number;
}
