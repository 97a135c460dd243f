import type { PathNetwork } from './path-network';

/** Shortest paths toward one target: nominal travel time from every node, and the next node to take. */
interface Tree {
  costS: Float64Array;
  nextNode: Int32Array;
}

/**
 * Shortest-path routing on nominal travel time (edge length / min(speed limit, fastest vehicle)).
 * One reverse Dijkstra per target node gives the path from every node to it; trees are cached, so
 * the paths between stations are computed once per run. Ties break on node index (deterministic).
 */
export class Router {
  readonly edgeCostS: Float64Array;
  private readonly trees: (Tree | undefined)[];
  private readonly heap = new MinHeap();
  private readonly scratchCost: Float64Array;
  private readonly scratchVia: Int32Array;

  constructor(
    private readonly net: PathNetwork,
    nominalSpeedMps: number,
  ) {
    this.edgeCostS = net.edgeLengthM.map(
      (lengthM, e) => lengthM / Math.min(net.edgeSpeedLimitMps[e]!, nominalSpeedMps),
    );
    this.trees = new Array(net.nodeCount);
    this.scratchCost = new Float64Array(net.nodeCount);
    this.scratchVia = new Int32Array(net.nodeCount);
  }

  /** Nominal travel time (s) from `from` to `target` on the shortest path. */
  costS(from: number, target: number): number {
    return this.tree(target).costS[from]!;
  }

  /** The node after `from` on the shortest path to `target` (-1 when from === target). */
  nextNode(from: number, target: number): number {
    return this.tree(target).nextNode[from]!;
  }

  /** The shortest path as node indices, from `from` to `target` inclusive. */
  route(from: number, target: number): number[] {
    const next = this.tree(target).nextNode;
    const path = [from];
    for (let u = from; u !== target; ) path.push((u = next[u]!));
    return path;
  }

  /** Cost of following `path` (s). */
  pathCostS(path: readonly number[], fromIndex = 0): number {
    let cost = 0;
    for (let i = fromIndex; i + 1 < path.length; i++)
      cost += this.edgeCostS[this.net.edgeBetween(path[i]!, path[i + 1]!)]!;
    return cost;
  }

  /** Shortest path from `from` to `target` that enters no node with blocked[node] = 1; null if none. */
  detour(from: number, target: number, blocked: Uint8Array): number[] | null {
    const { net, heap } = this;
    const cost = this.scratchCost.fill(Number.POSITIVE_INFINITY);
    const via = this.scratchVia.fill(-1);
    cost[from] = 0;
    heap.clear();
    heap.push(0, from);
    while (heap.size > 0) {
      const c = heap.topCost();
      const u = heap.pop();
      if (c > cost[u]!) continue;
      if (u === target) break;
      for (let k = net.outStart[u]!; k < net.outStart[u + 1]!; k++) {
        const e = net.outEdge[k]!;
        const v = net.edgeTo[e]!;
        if (blocked[v]) continue;
        const cv = c + this.edgeCostS[e]!;
        if (cv < cost[v]!) {
          cost[v] = cv;
          via[v] = u;
          heap.push(cv, v);
        }
      }
    }
    if (cost[target] === Number.POSITIVE_INFINITY) return null;
    const path: number[] = [];
    for (let u = target; u !== -1; u = via[u]!) path.push(u);
    return path.reverse();
  }

  /**
   * A short way out for a vehicle standing at `from`: breadth-first over nodes where isFree(node), the
   * first reached node with avoid[node] = 0, preferring nodes without a station. Null if none.
   */
  escape(from: number, isFree: (node: number) => boolean, avoid: Uint8Array): number[] | null {
    const { net } = this;
    const via = this.scratchVia.fill(-2);
    via[from] = -1;
    const queue = [from];
    let fallback = -1;
    for (let head = 0; head < queue.length; head++) {
      const u = queue[head]!;
      for (let k = net.outStart[u]!; k < net.outStart[u + 1]!; k++) {
        const v = net.edgeTo[net.outEdge[k]!]!;
        if (via[v] !== -2 || !isFree(v)) continue;
        via[v] = u;
        queue.push(v);
        if (avoid[v]) continue;
        if (!net.isStationNode[v]) return walkBack(via, v);
        if (fallback < 0) fallback = v;
      }
    }
    return fallback < 0 ? null : walkBack(via, fallback);
  }

  private tree(target: number): Tree {
    let tree = this.trees[target];
    if (tree === undefined) this.trees[target] = tree = this.buildTree(target);
    return tree;
  }

  private buildTree(target: number): Tree {
    const { net, heap } = this;
    const costS = new Float64Array(net.nodeCount).fill(Number.POSITIVE_INFINITY);
    const nextNode = new Int32Array(net.nodeCount).fill(-1);
    costS[target] = 0;
    heap.clear();
    heap.push(0, target);
    while (heap.size > 0) {
      const c = heap.topCost();
      const v = heap.pop();
      if (c > costS[v]!) continue;
      for (let k = net.inStart[v]!; k < net.inStart[v + 1]!; k++) {
        const e = net.inEdge[k]!;
        const u = net.edgeFrom[e]!;
        const cu = c + this.edgeCostS[e]!;
        if (cu < costS[u]!) {
          costS[u] = cu;
          nextNode[u] = v;
          heap.push(cu, u);
        }
      }
    }
    return { costS, nextNode };
  }
}

function walkBack(via: Int32Array, end: number): number[] {
  const path: number[] = [];
  for (let u = end; u !== -1; u = via[u]!) path.push(u);
  return path.reverse();
}

/** Binary min-heap of (cost, node), ties broken by node index. */
class MinHeap {
  private costs: number[] = [];
  private nodes: number[] = [];

  get size(): number {
    return this.nodes.length;
  }

  clear(): void {
    this.costs.length = 0;
    this.nodes.length = 0;
  }

  topCost(): number {
    return this.costs[0]!;
  }

  push(cost: number, node: number): void {
    const { costs, nodes } = this;
    let i = nodes.length;
    costs.push(cost);
    nodes.push(node);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!less(cost, node, costs[parent]!, nodes[parent]!)) break;
      costs[i] = costs[parent]!;
      nodes[i] = nodes[parent]!;
      i = parent;
    }
    costs[i] = cost;
    nodes[i] = node;
  }

  pop(): number {
    const { costs, nodes } = this;
    const top = nodes[0]!;
    const lastCost = costs.pop()!;
    const lastNode = nodes.pop()!;
    const n = nodes.length;
    if (n === 0) return top;
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= n) break;
      if (child + 1 < n && less(costs[child + 1]!, nodes[child + 1]!, costs[child]!, nodes[child]!)) child++;
      if (!less(costs[child]!, nodes[child]!, lastCost, lastNode)) break;
      costs[i] = costs[child]!;
      nodes[i] = nodes[child]!;
      i = child;
    }
    costs[i] = lastCost;
    nodes[i] = lastNode;
    return top;
  }
}

function less(c1: number, n1: number, c2: number, n2: number): boolean {
  return c1 < c2 || (c1 === c2 && n1 < n2);
}
