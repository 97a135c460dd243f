/** JSON-friendly description of the AGV floor network and fleet (the scenario loader produces it). */
import { type DispatchRuleName, dispatchRules } from './dispatch/registry';

export interface AgvNodeConfig {
  id: string;
  xM: number;
  yM: number;
}

/** A straight floor segment between two nodes; `twoWay: false` allows travel from `from` to `to` only. */
export interface AgvEdgeConfig {
  from: string;
  to: string;
  twoWay: boolean;
  speedLimitMps?: number;
}

export type AgvStationKind = 'buffer' | 'warehouse' | 'charger';

/** A named stop on the network: a station id is a buffer id (or a charger), placed at one node. */
export interface AgvStationConfig {
  id: string;
  nodeId: string;
  kind: AgvStationKind;
}

export interface AgvBatteryConfig {
  capacityWh: number;
  consumptionWhPerM: number;
  /** After a task, an AGV whose charge fraction is below this goes to a charger (0 never charges). */
  chargeThreshold: number;
  chargeRateW: number;
  /** Charge at the start, as a fraction of capacity (default 1). */
  initialCharge?: number;
}

export interface AgvVehicleConfig {
  id: string;
  startNodeId: string;
  maxSpeedMps: number;
  accelMps2: number;
  decelMps2: number;
  loadTimeMs: number;
  unloadTimeMs: number;
  battery: AgvBatteryConfig;
}

/**
 * A registered dispatch rule (dispatch/registry.ts), one file each in dispatch/:
 * - `nearestIdle`: a request goes to the idle AGV with the shortest travel time to the pickup; a freed AGV
 *   takes the pending request with the nearest pickup.
 * - `fifo`: requests are served in arrival order; a request goes to the AGV idle the longest.
 * - `priority`: highest `priority` first (then arrival order); a request goes to the nearest idle AGV.
 */
export type AgvDispatchRule = DispatchRuleName;

export interface AgvMotionControlConfig {
  intervalMs: number;
  sizeBytes: number;
  survivalTimeMs: number;
}

export interface AgvTrafficConfig {
  /**
   * An AGV blocked by a standing vehicle takes a detour around it when the detour costs at most this much
   * more nominal travel time (default 30 000). Detours around charging vehicles and out of wait-for
   * cycles are always taken.
   */
  rerouteToleranceMs?: number;
  /** When a traffic jam cannot be resolved at once, look again after this long (default 1 000). */
  retryMs?: number;
}

export interface AgvConfig {
  network: {
    nodes: AgvNodeConfig[];
    edges: AgvEdgeConfig[];
    stations: AgvStationConfig[];
  };
  fleet: AgvVehicleConfig[];
  dispatch: AgvDispatchRule;
  motionControl?: AgvMotionControlConfig;
  traffic?: AgvTrafficConfig;
}

export const DEFAULT_MOTION_CONTROL: AgvMotionControlConfig = {
  // 3GPP TS 22.104 Table 5.2-1, mobile robots: 40-250 byte motion commands, survival time = transfer interval.
  intervalMs: 10,
  sizeBytes: 40,
  survivalTimeMs: 10,
};

const STATION_KINDS: readonly AgvStationKind[] = ['buffer', 'warehouse', 'charger'];

/** Throws an Error naming the first problem found (a safety net; the scenario loader validates for users). */
export function validateAgvConfig(config: AgvConfig): void {
  const { nodes, edges, stations } = config.network;
  if (nodes.length === 0) throw new Error('AGV network has no nodes');
  const nodeIds = new Set<string>();
  for (const node of nodes) {
    if (nodeIds.has(node.id)) throw new Error(`AGV network: duplicate node id '${node.id}'`);
    nodeIds.add(node.id);
    if (!Number.isFinite(node.xM) || !Number.isFinite(node.yM)) {
      throw new Error(`AGV network: node '${node.id}' has a non-finite position (${node.xM}, ${node.yM})`);
    }
  }
  const position = new Map(nodes.map((n) => [n.id, n]));
  const directed = new Set<string>();
  edges.forEach((edge, i) => {
    const name = `AGV network: edge #${i} (${edge.from} -> ${edge.to})`;
    if (!nodeIds.has(edge.from)) throw new Error(`${name} starts at missing node '${edge.from}'`);
    if (!nodeIds.has(edge.to)) throw new Error(`${name} ends at missing node '${edge.to}'`);
    if (edge.from === edge.to) throw new Error(`${name} is a loop on one node`);
    const a = position.get(edge.from)!;
    const b = position.get(edge.to)!;
    if (a.xM === b.xM && a.yM === b.yM)
      throw new Error(`${name} has zero length (both nodes at one position)`);
    if (
      edge.speedLimitMps !== undefined &&
      !(edge.speedLimitMps > 0 && Number.isFinite(edge.speedLimitMps))
    ) {
      throw new Error(`${name} has speedLimitMps ${edge.speedLimitMps}; it must be a finite number > 0`);
    }
    for (const [from, to] of edge.twoWay
      ? [
          [edge.from, edge.to],
          [edge.to, edge.from],
        ]
      : [[edge.from, edge.to]]) {
      const key = `${from}\u0000${to}`;
      if (directed.has(key)) throw new Error(`${name} duplicates travel from '${from}' to '${to}'`);
      directed.add(key);
    }
  });
  const stationIds = new Set<string>();
  for (const station of stations) {
    if (stationIds.has(station.id)) throw new Error(`AGV network: duplicate station id '${station.id}'`);
    stationIds.add(station.id);
    if (!nodeIds.has(station.nodeId)) {
      throw new Error(`AGV network: station '${station.id}' is at missing node '${station.nodeId}'`);
    }
    if (!STATION_KINDS.includes(station.kind)) {
      throw new Error(`AGV network: station '${station.id}' has unknown kind '${station.kind}'`);
    }
  }
  validateFleet(config, nodeIds);
  if (!dispatchRules.has(config.dispatch)) {
    throw new Error(
      `AGV dispatch rule '${config.dispatch}' is unknown; registered: ${dispatchRules.names().join(', ')}`,
    );
  }
  const mc = config.motionControl;
  if (mc !== undefined) {
    if (!(mc.intervalMs > 0))
      throw new Error(`AGV motionControl.intervalMs must be > 0, got ${mc.intervalMs}`);
    if (!(mc.sizeBytes >= 0))
      throw new Error(`AGV motionControl.sizeBytes must be >= 0, got ${mc.sizeBytes}`);
    if (!(mc.survivalTimeMs > 0)) {
      throw new Error(`AGV motionControl.survivalTimeMs must be > 0, got ${mc.survivalTimeMs}`);
    }
  }
  const traffic = config.traffic;
  if (traffic?.rerouteToleranceMs !== undefined && !(traffic.rerouteToleranceMs >= 0)) {
    throw new Error(`AGV traffic.rerouteToleranceMs must be >= 0, got ${traffic.rerouteToleranceMs}`);
  }
  if (traffic?.retryMs !== undefined && !(traffic.retryMs > 0)) {
    throw new Error(`AGV traffic.retryMs must be > 0, got ${traffic.retryMs}`);
  }
}

function validateFleet(config: AgvConfig, nodeIds: Set<string>): void {
  if (config.fleet.length === 0) throw new Error('AGV fleet is empty');
  const ids = new Set<string>();
  const startNodes = new Map<string, string>();
  for (const v of config.fleet) {
    const name = `AGV '${v.id}'`;
    if (ids.has(v.id)) throw new Error(`AGV fleet: duplicate vehicle id '${v.id}'`);
    if (v.id === 'control') throw new Error(`AGV fleet: 'control' is reserved for the control system`);
    ids.add(v.id);
    if (!nodeIds.has(v.startNodeId)) throw new Error(`${name} starts at missing node '${v.startNodeId}'`);
    const other = startNodes.get(v.startNodeId);
    if (other !== undefined)
      throw new Error(`${name} starts at node '${v.startNodeId}', already taken by '${other}'`);
    startNodes.set(v.startNodeId, v.id);
    positive(v.maxSpeedMps, `${name} maxSpeedMps`);
    positive(v.accelMps2, `${name} accelMps2`);
    positive(v.decelMps2, `${name} decelMps2`);
    nonNegative(v.loadTimeMs, `${name} loadTimeMs`);
    nonNegative(v.unloadTimeMs, `${name} unloadTimeMs`);
    const b = v.battery;
    positive(b.capacityWh, `${name} battery.capacityWh`);
    nonNegative(b.consumptionWhPerM, `${name} battery.consumptionWhPerM`);
    positive(b.chargeRateW, `${name} battery.chargeRateW`);
    if (!(b.chargeThreshold >= 0 && b.chargeThreshold < 1)) {
      throw new Error(`${name} battery.chargeThreshold must be in [0, 1), got ${b.chargeThreshold}`);
    }
    if (b.initialCharge !== undefined && !(b.initialCharge >= 0 && b.initialCharge <= 1)) {
      throw new Error(`${name} battery.initialCharge must be in [0, 1], got ${b.initialCharge}`);
    }
  }
  const needsCharger = config.fleet.some((v) => v.battery.chargeThreshold > 0);
  if (needsCharger && !config.network.stations.some((s) => s.kind === 'charger')) {
    throw new Error('AGV fleet has a chargeThreshold > 0 but the network has no charger station');
  }
}

function positive(value: number, what: string): void {
  if (!(value > 0 && Number.isFinite(value)))
    throw new Error(`${what} must be a finite number > 0, got ${value}`);
}

function nonNegative(value: number, what: string): void {
  if (!(value >= 0 && Number.isFinite(value)))
    throw new Error(`${what} must be a finite number >= 0, got ${value}`);
}
