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
 * Jam resolution on top of node reservations (see Vehicle for the reservation rule).
 *
 * A vehicle only waits standing on a node, holding that node alone, for one next node; so "who waits
 * for whom" is a chain of vehicles, and a deadlock is a chain that closes on itself. Every time a
 * vehicle starts waiting, or the holder of a node with waiters stops for a while, its chain is walked
 * (no periodic scans):
 * - a cycle (deadlock) is broken at once: one member takes a detour around all standing vehicles, or
 *   failing that steps aside to a free neighbour node; failing both, it is looked at again later;
 * - a chain that ends at a parked vehicle sends that vehicle away (to the nearest free node off the
 *   waiter's route, preferably not a station);
 * - a vehicle blocked by one that stands still (loading, charging, waiting) takes a detour if it
 *   costs at most `rerouteToleranceS` more (any detour around a charging vehicle).
 *
 * Guarantees: no two vehicles ever hold the same node, so on a planar network no two share a node or
 * an edge (collision freedom holds unconditionally). Deadlock freedom is by detection and recovery: a
 * wait-for cycle is found the moment it closes and broken if any member can reach a free node; on
 * networks crowded so that no member of a cycle has a free neighbour, recovery waits for other traffic
 * to move (retried every `retryMs`), and on a network that is a single lane without passing places two
 * vehicles meeting head-on may keep stepping aside (use two-way loops or one-way circuits).
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
    const end = chain[chain.length - 1];
    if (end.isParked) {
      if (!this.evade(end, chain[chain.length - 2])) w.scheduleRetry(this.retryMs);
      return;
    }
    const aroundCharging = chain.some((v) => v.phase === 'charging');
    this.detour(w, aroundCharging ? Number.POSITIVE_INFINITY : this.rerouteToleranceS);
  }

  private breakCycle(members: Vehicle[]): void {
    const names = () => members.map((m) => m.id).join(' -> ');
    for (const m of members) {
      if (this.detour(m, Number.POSITIVE_INFINITY)) {
        this.report(m, 'deadlockResolved', () => `detour out of ${names()}`);
        return;
      }
    }
    for (const m of members) {
      if (this.stepAside(m)) {
        this.report(m, 'deadlockResolved', () => `stepped aside out of ${names()}`);
        return;
      }
    }
    this.report(members[0], 'deadlockUnresolved', names);
    members[0].scheduleRetry(this.retryMs);
  }

  /** Reroutes waiting `w` around every standing vehicle if that costs at most `toleranceS` extra. */
  private detour(w: Vehicle, toleranceS: number): boolean {
    const { router, vehicles } = this.host;
    const target = w.legTarget;
    const blocked = this.mark;
    for (const v of vehicles) if (v !== w && !v.onEdge) blocked[v.node] = 1;
    const path = blocked[target] ? null : router.detour(w.node, target, blocked);
    for (const v of vehicles) blocked[v.node] = 0;
    if (path === null) return false;
    if (router.pathCostS(path) - router.costS(w.node, target) > toleranceS) return false;
    this.report(w, 'reroute', () => `via ${this.host.net.nodeIds[path[1]]}`);
    w.reroute(path);
    return true;
  }

  /** Moves waiting `w` to a free neighbour node, from where it plans again. */
  private stepAside(w: Vehicle): boolean {
    const { net, router, reservations } = this.host;
    let best = -1;
    let bestCost = Number.POSITIVE_INFINITY;
    for (let k = net.outStart[w.node]; k < net.outStart[w.node + 1]; k++) {
      const z = net.edgeTo[net.outEdge[k]];
      if (reservations.holder(z) !== null) continue;
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
    for (let i = waiter.pos; i < route.length; i++) avoid[route[i]] = 1;
    const path = router.escape(vehicle.node, (n) => reservations.holder(n) === null, avoid);
    for (let i = waiter.pos; i < route.length; i++) avoid[route[i]] = 0;
    if (path === null) return false;
    this.report(
      vehicle,
      'evade',
      () => `to ${this.host.net.nodeIds[path[path.length - 1]]} for ${waiter.id}`,
    );
    this.host.sendEvade(vehicle, path);
    return true;
  }
}
