/**
 * The static layout of a run: what the viewer draws before any event (the floor, machines, paths,
 * radio sites). Stored once in a recording's header. Coordinates are metres on the floor plane
 * (x to the east, y to the north, origin at the floor's south-west corner).
 */
export interface Layout {
  name: string;
  floor: { widthM: number; depthM: number };
  zones: LayoutZone[];
  machines: LayoutMachine[];
  buffers: LayoutBuffer[];
  gateways: LayoutPoint[];
  paths: { nodes: LayoutPoint[]; edges: LayoutEdge[] };
  agvs: { id: string; startNodeId: string }[];
  /** AGV chargers, at their path node's position (absent in older recordings and in plants without AGVs). */
  chargers?: LayoutPoint[];
  gnbs: (LayoutPoint & { heightM: number })[];
  devices: { id: string; endpointId: string; kind: DeviceKind }[];
  cameras: LayoutPoint[];
  interferenceZones: (LayoutPoint & { radiusM: number; powerDbm: number })[];
  /** SINR grids for the coverage heatmap, best server per cell. */
  coverage?: { ul?: CoverageGrid; dl?: CoverageGrid };
}

export interface LayoutPoint {
  id: string;
  xM: number;
  yM: number;
}

export interface LayoutZone {
  id: string;
  label: string;
  xM: number;
  yM: number;
  widthM: number;
  depthM: number;
}

export interface LayoutMachine extends LayoutPoint {
  type: string;
  widthM: number;
  depthM: number;
  /** No digital module: its status reaches the control system through `gatewayId`. */
  legacy: boolean;
  gatewayId?: string;
}

export interface LayoutBuffer extends LayoutPoint {
  capacity: number | null;
}

export interface LayoutEdge {
  from: string;
  to: string;
  twoWay: boolean;
}

export type DeviceKind = 'machine' | 'gateway' | 'camera' | 'agv' | 'other';

export interface CoverageGrid {
  x0M: number;
  y0M: number;
  cellSizeM: number;
  cols: number;
  rows: number;
  /** Row-major, `rows * cols` values. */
  sinrDb: number[];
}

/** Entity paths in recordings: one convention for writers and the viewer. */
export const entityPath = {
  machine: (id: string) => `/factory/machine/${id}`,
  buffer: (id: string) => `/factory/buffer/${id}`,
  agv: (id: string) => `/factory/agv/${id}`,
  gnb: (id: string) => `/network/gnb/${id}`,
  device: (id: string) => `/network/device/${id}`,
  interference: (id: string) => `/network/interference/${id}`,
} as const;
