import type { PathNetwork } from './path-network';
import type { NodeReservations } from './reservations';
import type { Router } from './routing';
import type { AgvEventKind, Vehicle } from './vehicle';

export interface TrafficHost {
  readonly net: PathNetwork;
  readonly router: Router;
  readonly reservations: NodeReservations<Vehicle>;
  readonly vehicles: readonly Vehicle[];
  /** Orders a parked vehicle to leave along `route`. */
  sendEvade(vehicle: Vehicle, route: number[]): void;
}

/**
 * Traffic control: node reservations (see Vehicle) plus jam resolution. Design choice: reserve node by
 * node along the shortest path (good flow: AGVs follow each other and cross freely), detect wait-for
 * cycles the moment they close and resolve them, instead of reserving whole paths up front. Whole-path
 * booking (in a global order) was tried and rejected: on grids with stations on the aisles, vehicles
 * standing at stations between trips block or box each other in, and stalls were more frequent.
 *
 * A vehicle only waits standing on a node, holding that node alone, for one next node; so "who waits
 * for whom" is a chain of vehicles, and a deadlock is a chain that closes on itself. Every time a
 * vehicle starts waiting, or the holder of a node with waiters stops for a while, its chain is walked
 * (no periodic scans):
 * - a cycle (deadlock) is broken at once: one member takes a detour around all standing vehicles; else
 *   one steps aside to a free neighbour node (a member standing on another's destination first), and
 *   plans on around the others' places and goals; else a push: the nearest free node reachable through
 *   nodes where vehicles stand idle or wait in line, and everyone on that chain moves one node along it;
 * - a chain that ends at a parked vehicle sends that vehicle away (to the nearest free node off the
 *   waiter's route, preferably not a station; else it is pushed along, away from the vehicles waiting
 *   for it, through other parked ones if need be: pushed back through its waiters, it would be pushed
 *   back in by them, forever);
 * - a vehicle blocked by one that stands still (loading, charging, waiting) takes a detour if it costs
 *   at most `rerouteToleranceS` more (any detour around a charging vehicle).
 * Dispatching adds congestion control (AgvFleet): one AGV at a time heads for a pickup station.
 *
 * Guarantees. Collision freedom is unconditional: no two vehicles ever hold the same node, so on a
 * planar network no two share a node or an edge, and a vehicle passes a node without stopping only
 * when it already holds the next one, at a speed from which it can stop on the next edge. Deadlock
 * freedom is by detection and recovery: every wait-for cycle is found when it closes and is broken
 * whenever a free node is reachable through vehicles that can move; otherwise (a network packed so
 * tight that nothing can move) it is looked at again every `retryMs`. Recovery cannot exclude livelock
 * in theory (vehicles making way for each other again and again); measured on random workloads on a
 * grid with one-way and two-way streets (AGVs on up to 30% of the nodes, loads past saturation), every
 * run delivered every request. A single lane without passing places cannot be resolved (two vehicles
 * meeting head-on there have nowhere to go): use loops, two-way grids or one-way circuits.
 */
export class TrafficControl {
  private readonly mark: Uint8Array;

  constructor(
    private readonly host: TrafficHost,
    private readonly rerouteToleranceS: number,
    private readonly retryMs: number,
    private readonly report: (vehicle: Vehicle, kind: AgvEventKind, detail: () => string) => void,
  ) {
    this.mark = new Uint8Array(host.net.nodeCount);
  }

  /** `vehicle` started waiting in line for a node. */
  onWaiting(vehicle: Vehicle): void {
    this.resolve(vehicle);
    this.onStationary(vehicle);
  }

  /** `vehicle` stands at its node for a while: look at whoever waits for that node. */
  onStationary(vehicle: Vehicle): void {
    const waiters = this.host.reservations.waiters(vehicle.node);
    if (waiters.length === 0) return;
    for (const w of [...waiters]) this.resolve(w);
  }

  private resolve(w: Vehicle): void {
    const { reservations } = this.host;
    if (w.waitingFor < 0 || w.onEdge) return;
    const holder = reservations.holder(w.waitingFor);
    if (holder === null || holder === w || holder.onEdge) return; // a moving holder frees the node soon
    const chain = [w];
    let x: Vehicle | null = holder;
    let cycle = false;
    while (x !== null) {
      if (x === w) {
        cycle = true;
        break;
      }
      if (chain.includes(x)) break; // a cycle not through w: resolved from one of its members
      chain.push(x);
      if (x.onEdge || x.waitingFor < 0) break;
      x = reservations.holder(x.waitingFor);
    }
    if (cycle) {
      this.breakCycle(chain);
      return;
    }
    const end = chain[chain.length - 1]!;
    if (end.isParked) {
      // Push it away from the line waiting for it, not back through that line (the waiters would come
      // straight back and push it back in turn: a livelock, e.g. a vehicle parked on another's goal).
      const away = this.evade(end, chain[chain.length - 2]!) || this.push(end, chain) || this.push(end);
      if (!away) w.scheduleRetry(this.retryMs);
      return;
    }
    const aroundCharging = chain.some((v) => v.phase === 'charging');
    this.detour(w, aroundCharging ? Number.POSITIVE_INFINITY : this.rerouteToleranceS);
  }

  private breakCycle(members: Vehicle[]): void {
    const names = () => members.map((m) => m.id).join(' -> ');
    // Whoever stands where another member is going gives way first (the other cannot go around it).
    const targets = new Set(members.map((m) => m.legTarget));
    members = [...members.filter((m) => targets.has(m.node)), ...members.filter((m) => !targets.has(m.node))];
    for (const m of members) {
      if (this.detour(m, Number.POSITIVE_INFINITY)) {
        this.report(m, 'deadlockResolved', () => `detour out of ${names()}`);
        return;
      }
    }
    for (const m of members) {
      if (this.stepAside(m, members)) {
        this.report(m, 'deadlockResolved', () => `stepped aside out of ${names()}`);
        return;
      }
    }
    for (const m of members) {
      if (this.push(m)) {
        this.report(m, 'deadlockResolved', () => `pushed a way out of ${names()}`);
        return;
      }
    }
    this.report(members[0]!, 'deadlockUnresolved', names);
    members[0]!.scheduleRetry(this.retryMs);
  }

  /**
   * Last resort for a vehicle `v` standing at its node with no way on: breadth-first from its node
   * through nodes where vehicles stand idle or wait in line (not loading, charging or stopped) to the
   * nearest free node; then everyone on that chain moves one node along it, from the far end back to
   * v, each first in line for the node the one ahead leaves. Each plans again from where it got to.
   * The chain does not go through nodes held by `keepOff` (other than v). Returns false when there is
   * no such chain.
   */
  private push(v: Vehicle, keepOff: readonly Vehicle[] = []): boolean {
    const { net, reservations } = this.host;
    const via = new Map<number, number>([[v.node, -1]]);
    const frontier = [v.node];
    let free = -1;
    for (let head = 0; head < frontier.length && free < 0; head++) {
      const u = frontier[head]!;
      for (let k = net.outStart[u]!; k < net.outStart[u + 1]!; k++) {
        const w = net.edgeTo[net.outEdge[k]!]!;
        if (via.has(w)) continue;
        const x = reservations.holder(w);
        if (x === null) {
          via.set(w, u);
          free = w;
          break;
        }
        if (!pushable(x, w) || (x !== v && keepOff.includes(x))) continue;
        via.set(w, u);
        frontier.push(w);
      }
    }
    if (free < 0) return false;
    const chain: number[] = [];
    for (let n = free; n !== -1; n = via.get(n)!) chain.push(n);
    chain.reverse(); // v.node, ..., free
    for (let i = chain.length - 2; i >= 0; i--) {
      const x = reservations.holder(chain[i]!)!;
      if (x !== v) this.report(x, 'evade', () => `pushed along to make way for ${v.id}`);
      x.pushedAlong([chain[i]!, chain[i + 1]!]);
    }
    return true;
  }

  /** Reroutes waiting `w` around every standing vehicle if that costs at most `toleranceS` extra. */
  private detour(w: Vehicle, toleranceS: number): boolean {
    const { router, reservations } = this.host;
    const target = w.legTarget;
    const blocked = this.mark;
    this.markStanding(w, 1);
    const path = blocked[target] ? null : router.detour(w.node, target, blocked);
    this.markStanding(w, 0);
    // Only a detour it can start on at once (so rerouting never ends in another wait right away).
    if (path === null || reservations.holder(path[1]!) !== null) return false;
    if (router.pathCostS(path) - router.costS(w.node, target) > toleranceS) return false;
    this.report(w, 'reroute', () => `via ${this.host.net.nodeIds[path[1]!]}`);
    w.reroute(path);
    return true;
  }

  /**
   * Marks (value 1) or unmarks (0) where vehicles other than w stand still and will not just be sent
   * away: parked vehicles are left out, since a vehicle that lines up behind one makes it leave.
   */
  private markStanding(w: Vehicle, value: 0 | 1): void {
    const { vehicles, reservations } = this.host;
    const blocked = this.mark;
    for (const v of vehicles) {
      if (v === w || v.onEdge || v.isParked) continue;
      blocked[v.node] = value;
      const next = v.nextNode; // handed to v, which leaves at once
      if (next >= 0 && reservations.holder(next) === v) blocked[next] = value;
    }
  }

  /**
   * The way on for `w`, which stands at the end of a partial route (it stepped aside or was pushed):
   * around the vehicles standing still if there is such a way, so it does not head straight back into
   * the jam it left; else the shortest path.
   */
  routeOn(w: Vehicle): number[] {
    const { router } = this.host;
    const mark = this.mark;
    this.markStanding(w, 1);
    for (const n of w.avoid) if (n !== w.legTarget && n !== w.node) mark[n] = 1;
    const path = mark[w.legTarget] ? null : router.detour(w.node, w.legTarget, mark);
    for (const n of w.avoid) mark[n] = 0;
    this.markStanding(w, 0);
    w.avoid = [];
    return path ?? router.route(w.node, w.legTarget);
  }

  /** Moves waiting `w` to a free neighbour node, from where it plans again. */
  private stepAside(w: Vehicle, cycle: readonly Vehicle[]): boolean {
    const { net, router, reservations } = this.host;
    let best = -1;
    let bestCost = Number.POSITIVE_INFINITY;
    // From where it steps to, its way on avoids the others' places and goals (no coming straight back).
    w.avoid = cycle.filter((m) => m !== w).flatMap((m) => [m.node, m.legTarget]);
    for (let k = net.outStart[w.node]!; k < net.outStart[w.node + 1]!; k++) {
      const z = net.edgeTo[net.outEdge[k]!]!;
      if (reservations.holder(z) !== null || w.avoid.includes(z)) continue;
      const cost = router.costS(z, w.legTarget);
      if (cost < bestCost || (cost === bestCost && z < best)) {
        best = z;
        bestCost = cost;
      }
    }
    if (best < 0) return false;
    w.reroute([w.node, best]);
    return true;
  }

  /** Sends parked `vehicle` to a free node off the route of `waiter`; false when there is none. */
  private evade(vehicle: Vehicle, waiter: Vehicle): boolean {
    const { router, reservations } = this.host;
    const avoid = this.mark;
    const route = waiter.route;
    for (let i = waiter.pos; i < route.length; i++) avoid[route[i]!] = 1;
    const path = router.escape(vehicle.node, (n) => reservations.holder(n) === null, avoid);
    for (let i = waiter.pos; i < route.length; i++) avoid[route[i]!] = 0;
    if (path === null) return false;
    this.report(
      vehicle,
      'evade',
      () => `to ${this.host.net.nodeIds[path[path.length - 1]!]} for ${waiter.id}`,
    );
    this.host.sendEvade(vehicle, path);
    return true;
  }
}

/** Whether x stands at `node` holding nothing else, idle or waiting in line, so it can be pushed along. */
function pushable(x: Vehicle, node: number): boolean {
  if (x.onEdge || x.safetyStopped || x.node !== node) return false;
  if (x.isParked) return true;
  return x.travelling && x.waitingFor >= 0;
}
