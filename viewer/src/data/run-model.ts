import type { Layout, RecordingKpis } from '@factory-twin/sim-core';

/**
 * Mutable per-time view of one run, filled by `RunModel.sync(tMs)` and read by the scene in the
 * frame loop. Arrays are indexed like the layout's lists (machines, buffers, agvs, devices).
 */
export interface Frame {
  tMs: number;
  /** The data gap the time falls in, or null: states are then unknown rather than the last known. */
  gap: DataGap | null;
  /** Bumped whenever any buffer below changed. */
  version: number;
  machineState: Uint8Array;
  bufferLevel: Float32Array;
  agvXM: Float32Array;
  agvYM: Float32Array;
  agvHeadingRad: Float32Array;
  agvState: Uint8Array;
  /** Index into layout.gnbs of the serving cell, -1 when unknown. */
  deviceGnb: Int16Array;
  deviceLatencyMs: Float32Array;
  /** Delivered fraction in [0, 1]; NaN when unknown. */
  deviceReliability: Float32Array;
}

export type EntityKind =
  | 'machine'
  | 'buffer'
  | 'agv'
  | 'gnb'
  | 'device'
  | 'gateway'
  | 'camera'
  | 'interference'
  | 'other';

export interface EntityRef {
  path: string;
  kind: EntityKind;
  /** Index in the layout list of its kind, -1 when the entity is not in the layout. */
  index: number;
  id: string;
}

export interface ViewerEvent {
  tMs: number;
  path: string;
  type: string;
  detail: string;
}

export type NotableKind = 'safetyStop' | 'failure' | 'linkLoss' | 'handover' | 'other';

export interface NotableEvent extends ViewerEvent {
  kind: NotableKind;
}

export interface SeriesView {
  key: string;
  /** Chart group: throughput, wip, on-time share per traffic class, latency, prb, agvStates or other. */
  group: 'throughput' | 'wip' | 'onTime' | 'latency' | 'prb' | 'agvStates' | 'other';
  label: string;
  unit: string;
  tMs: Float64Array;
  values: Float32Array | Float64Array;
}

export interface StateSpan {
  fromMs: number;
  toMs: number;
  state: string;
}

/** A stretch of time the recording has no readable data for (a damaged part skipped, or the cut-off tail). */
export interface DataGap {
  fromMs: number;
  toMs: number;
  /** 'damaged': chunks between readable ones were skipped; 'cut': the recording ends before the run did. */
  cause: 'damaged' | 'cut';
}

/** The run as the recorder described it (metadata.run), when the recording says. */
export interface RunInfo {
  /** The simulated length of the run (ms). */
  durationMs?: number;
  /** End of the warm-up: KPIs are measured after it (the `warmUpEnd` event, else metadata). */
  warmUpEndMs?: number;
  /** Required on-time share per traffic class (0…1). */
  onTimeTargets: Record<string, number>;
}

export interface RunModel {
  name: string;
  /** The run's length, warm-up and targets (from the recording's metadata and events). */
  info: RunInfo;
  /** Where the recording has no data (shown as gaps, never as the last known state). */
  gaps: DataGap[];
  /** The KPIs the recording allows, by the run summary's definitions, after the warm-up (on first use). */
  kpis(): RecordingKpis;
  layout: Layout;
  startMs: number;
  endMs: number;
  /** What the reader could not read (truncation, corruption), in its words. */
  problems: string[];
  stats: { records: number; entities: number; openMs: number };
  frame: Frame;
  /** Brings `frame` to time `tMs`; returns true when it changed. */
  sync(tMs: number): boolean;
  /** Sorted times of every recorded event (for the density histogram and event stepping). */
  eventTimes: Float64Array;
  notable: NotableEvent[];
  series: SeriesView[];
  /** Where each layout device sits: a fixed point, or riding AGV `agv` (-1 when fixed). */
  deviceAnchor: { xM: Float32Array; yM: Float32Array; agv: Int32Array; gnb: Int16Array };
  entity(path: string): EntityRef | undefined;
  pathOf(kind: EntityKind, index: number): string;
  events(
    fromMs: number,
    toMs: number,
    filter: { entity: string; type: string },
    limit: number,
  ): ViewerEvent[];
  eventTypes: string[];
  stateHistory(path: string, limit: number): StateSpan[];
}
