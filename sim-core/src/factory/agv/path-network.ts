import type { AgvConfig, AgvStationKind } from './config';

export interface Station {
  id: string;
  nodeIndex: number;
  kind: AgvStationKind;
}

/**
 * The floor path network in index form: nodes 0..n-1, directed edges (a two-way edge is two directed
 * edges) in compressed adjacency arrays, so routing and traffic control touch typed arrays only.
 * Edges are straight lines and are assumed to meet only at nodes (a planar layout).
 * Node and edge indices are valid by construction (< nodeCount, < edge count), so the reads of these
 * arrays here, in routing, traffic control and the vehicles carry `!`.
 */
export class PathNetwork {
  readonly nodeIds: readonly string[];
  readonly xM: Float64Array;
  readonly yM: Float64Array;
  readonly edgeFrom: Int32Array;
  readonly edgeTo: Int32Array;
  readonly edgeLengthM: Float64Array;
  /** Infinity where the edge has no limit. */
  readonly edgeSpeedLimitMps: Float64Array;
  /** Outgoing edges of node u: outEdge[outStart[u] .. outStart[u + 1]). */
  readonly outStart: Int32Array;
  readonly outEdge: Int32Array;
  /** Incoming edges of node v: inEdge[inStart[v] .. inStart[v + 1]). */
  readonly inStart: Int32Array;
  readonly inEdge: Int32Array;
  readonly stations: ReadonlyMap<string, Station>;
  readonly chargers: readonly Station[];
  /** Node index → whether some station sits there. */
  readonly isStationNode: Uint8Array;
  /**
   * Where idle vehicles park: dead ends (one neighbour, such as a bay beside an aisle) without a
   * station, so a parked vehicle blocks neither through traffic nor a docking point.
   */
  readonly parkingNodes: readonly number[];
  readonly isParkingNode: Uint8Array;
  private readonly index: Map<string, number>;

  constructor(config: AgvConfig['network']) {
    const n = config.nodes.length;
    this.nodeIds = config.nodes.map((node) => node.id);
    this.index = new Map(this.nodeIds.map((id, i) => [id, i]));
    this.xM = Float64Array.from(config.nodes, (node) => node.xM);
    this.yM = Float64Array.from(config.nodes, (node) => node.yM);
    const from: number[] = [];
    const to: number[] = [];
    const limit: number[] = [];
    for (const edge of config.edges) {
      const a = this.nodeIndex(edge.from);
      const b = this.nodeIndex(edge.to);
      const speedLimitMps = edge.speedLimitMps ?? Number.POSITIVE_INFINITY;
      from.push(a);
      to.push(b);
      limit.push(speedLimitMps);
      if (edge.twoWay) {
        from.push(b);
        to.push(a);
        limit.push(speedLimitMps);
      }
    }
    this.edgeFrom = Int32Array.from(from);
    this.edgeTo = Int32Array.from(to);
    this.edgeSpeedLimitMps = Float64Array.from(limit);
    this.edgeLengthM = Float64Array.from(from, (a, e) =>
      Math.hypot(this.xM[to[e]!]! - this.xM[a]!, this.yM[to[e]!]! - this.yM[a]!),
    );
    [this.outStart, this.outEdge] = adjacency(n, this.edgeFrom);
    [this.inStart, this.inEdge] = adjacency(n, this.edgeTo);
    const stations = new Map<string, Station>();
    this.isStationNode = new Uint8Array(n);
    for (const s of config.stations) {
      const nodeIndex = this.nodeIndex(s.nodeId);
      stations.set(s.id, { id: s.id, nodeIndex, kind: s.kind });
      this.isStationNode[nodeIndex] = 1;
    }
    this.stations = stations;
    this.parkingNodes = this.deadEnds().filter((v) => !this.isStationNode[v]);
    this.isParkingNode = new Uint8Array(n);
    for (const v of this.parkingNodes) this.isParkingNode[v] = 1;
    this.chargers = [...stations.values()].filter((s) => s.kind === 'charger');
    this.checkStronglyConnected();
  }

  get nodeCount(): number {
    return this.nodeIds.length;
  }

  nodeIndex(id: string): number {
    const i = this.index.get(id);
    if (i === undefined) throw new Error(`AGV network has no node '${id}'`);
    return i;
  }

  /** The directed edge u → v, or -1. */
  edgeBetween(u: number, v: number): number {
    const out = this.outEdge;
    for (let k = this.outStart[u]!, end = this.outStart[u + 1]!; k < end; k++) {
      if (this.edgeTo[out[k]!] === v) return out[k]!;
    }
    return -1;
  }

  /** Nodes whose edges, in and out, all lead to one and the same neighbour. */
  private deadEnds(): number[] {
    const ends: number[] = [];
    for (let v = 0; v < this.nodeCount; v++) {
      const neighbours = new Set<number>();
      for (let k = this.outStart[v]!; k < this.outStart[v + 1]!; k++)
        neighbours.add(this.edgeTo[this.outEdge[k]!]!);
      for (let k = this.inStart[v]!; k < this.inStart[v + 1]!; k++)
        neighbours.add(this.edgeFrom[this.inEdge[k]!]!);
      if (neighbours.size === 1) ends.push(v);
    }
    return ends;
  }

  /** Every node must reach every other: otherwise a vehicle could be sent where it can never leave. */
  private checkStronglyConnected(): void {
    const forward = this.reach(this.outStart, this.outEdge, this.edgeTo);
    const backward = this.reach(this.inStart, this.inEdge, this.edgeFrom);
    const root = this.nodeIds[0];
    for (let v = 0; v < this.nodeCount; v++) {
      if (!forward[v])
        throw new Error(`AGV network: node '${this.nodeIds[v]}' cannot be reached from '${root}'`);
      if (!backward[v]) throw new Error(`AGV network: node '${this.nodeIds[v]}' cannot reach '${root}'`);
    }
  }

  private reach(start: Int32Array, edges: Int32Array, head: Int32Array): Uint8Array {
    const seen = new Uint8Array(this.nodeCount);
    const stack = [0];
    seen[0] = 1;
    while (stack.length > 0) {
      const u = stack.pop()!;
      for (let k = start[u]!; k < start[u + 1]!; k++) {
        const v = head[edges[k]!]!;
        if (!seen[v]) {
          seen[v] = 1;
          stack.push(v);
        }
      }
    }
    return seen;
  }
}

function adjacency(n: number, endpoint: Int32Array): [Int32Array, Int32Array] {
  const start = new Int32Array(n + 1);
  for (const u of endpoint) start[u + 1]!++;
  for (let u = 0; u < n; u++) start[u + 1]! += start[u]!;
  const fill = start.slice(0, n);
  const edges = new Int32Array(endpoint.length);
  endpoint.forEach((u, e) => {
    edges[fill[u]!++] = e;
  });
  return [start, edges];
}
