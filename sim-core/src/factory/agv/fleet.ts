import type { ControlNetwork, Message } from '../../control/seam';
import { Probe } from '../../engine/probe';
import type { RandomStreams } from '../../engine/random';
import type { Simulation } from '../../engine/simulation';
import type { TransportRequest, TransportService } from '../transport';
import { type AgvConfig, DEFAULT_MOTION_CONTROL, validateAgvConfig } from './config';
import { dispatchRules } from './dispatch/registry';
import type { DispatchRule } from './dispatch/rule';
import type { AgvPosition, MotionSegment } from './motion';
import { PathNetwork, type Station } from './path-network';
import { NodeReservations } from './reservations';
import { Router } from './routing';
import { AGV_STATES, type AgvState } from './state-clock';
import { TrafficControl } from './traffic-control';
import {
  type AgvEvent,
  type AgvOrder,
  type AgvProbes,
  type AgvStateChange,
  type TransportTask,
  Vehicle,
  type VehiclePhase,
} from './vehicle';

export interface AgvFleetOptions {
  network: ControlNetwork;
  /** Accepted for symmetry with other models; the fleet itself draws no random numbers. */
  streams?: RandomStreams;
}

export interface AgvSnapshot extends AgvPosition {
  agvId: string;
  state: AgvState;
  phase: VehiclePhase;
  /** The node it stands at, or the node it last left. */
  nodeId: string;
  /** The segment it is on, or null when standing at a node. */
  segment: MotionSegment | null;
  batteryWh: number;
  batteryFraction: number;
  loaded: boolean;
  requestId: number | null;
  partId: number | null;
}

export interface AgvFleetSnapshot {
  timeMs: number;
  vehicles: AgvSnapshot[];
  pendingRequests: number;
}

export interface AgvVehicleStats {
  agvId: string;
  timeInStateMs: Record<AgvState, number>;
  distanceM: number;
  energyWh: number;
  tasksCompleted: number;
  charges: number;
}

export interface AgvFleetStats {
  fromMs: number;
  toMs: number;
  vehicles: AgvVehicleStats[];
  pickedUp: number;
  delivered: number;
  /** Request to pickup, over pickups since the reset. */
  meanWaitForPickupMs: number;
  /** Request to delivery, over deliveries since the reset. */
  meanLeadTimeMs: number;
  pendingRequests: number;
}

// A VDA 5050 order (JSON node and edge lists) is on the order of 1 kB.
const ORDER_SIZE_BYTES = 1024;

/**
 * The AGV fleet as a TransportService: dispatching (config.dispatch), routing, traffic control,
 * charging, and the control seam (orders over `network.send`, one motion-control stream per AGV).
 * Probes: `states` (every state change), `segments` (every motion segment), `events` (notable events).
 */
export class AgvFleet implements TransportService {
  /** @internal The path network, router, reservations and vehicles are shared with traffic control. */
  readonly net: PathNetwork;
  /** @internal */
  readonly router: Router;
  /** @internal */
  readonly reservations: NodeReservations<Vehicle>;
  /** @internal */
  readonly vehicles: readonly Vehicle[];
  /** The vehicles by id (how locate and movedByMs find a network's AGV UEs). */
  private readonly byId: ReadonlyMap<string, Vehicle>;
  readonly probes: AgvProbes = {
    states: new Probe<AgvStateChange>(),
    segments: new Probe<MotionSegment>(),
    events: new Probe<AgvEvent>(),
  };
  private readonly traffic: TrafficControl;
  private readonly dispatch: DispatchRule;
  private readonly pending: TransportTask[] = [];
  private readonly chargerLoad = new Map<Station, number>();
  /** Station node → AGVs with a transport order to it (on the way, or loading/unloading there). */
  private readonly visits = new Map<number, number>();
  /** Parking node → the vehicle on its way to park there. */
  private readonly parkingClaims = new Map<number, Vehicle>();
  private readonly deliverOrder: ((m: Message<AgvOrder>) => void)[];
  private readonly resendOrder: ((m: Message<AgvOrder>) => void)[];
  private statsFromMs: number;
  private pickedUp = 0;
  private delivered = 0;
  private sumWaitForPickupMs = 0;
  private sumLeadTimeMs = 0;

  constructor(
    readonly sim: Simulation,
    readonly config: AgvConfig,
    private readonly options: AgvFleetOptions,
  ) {
    validateAgvConfig(config);
    this.dispatch = dispatchRules.get(config.dispatch)({ vehicleIds: config.fleet.map((v) => v.id) });
    this.net = new PathNetwork(config.network);
    this.router = new Router(this.net, Math.max(...config.fleet.map((v) => v.maxSpeedMps)));
    this.reservations = new NodeReservations<Vehicle>(this.net.nodeCount);
    for (const c of this.net.chargers) this.chargerLoad.set(c, 0);
    const motion = config.motionControl ?? DEFAULT_MOTION_CONTROL;
    const host = {
      sim,
      net: this.net,
      router: this.router,
      reservations: this.reservations,
      probes: this.probes,
      onWaiting: (v: Vehicle) => this.traffic.onWaiting(v),
      onStationary: (v: Vehicle) => this.traffic.onStationary(v),
      routeOn: (v: Vehicle) => this.traffic.routeOn(v),
      onPickedUp: (v: Vehicle, task: TransportTask) => this.onPickedUp(v, task),
      onOrderDone: (v: Vehicle, order: AgvOrder) => this.onOrderDone(v, order),
    };
    this.vehicles = config.fleet.map((spec, i) => new Vehicle(i, spec, host, options.network, motion));
    this.byId = new Map(this.vehicles.map((v) => [v.id, v]));
    this.deliverOrder = this.vehicles.map((v) => (m) => v.execute(m.payload));
    this.resendOrder = this.vehicles.map((v) => (m) => this.send(v, m));
    this.traffic = new TrafficControl(
      {
        net: this.net,
        router: this.router,
        reservations: this.reservations,
        vehicles: this.vehicles,
        sendEvade: (v, route) => this.assign(v, { kind: 'evade', route }),
      },
      (config.traffic?.rerouteToleranceMs ?? 30_000) / 1000,
      config.traffic?.retryMs ?? 1000,
      (v, kind, detail) => {
        if (this.probes.events.active) v.emitEvent(kind, sim.now(), detail());
      },
    );
    this.statsFromMs = sim.now();
    for (const v of this.vehicles) this.chargeIfFree(v);
  }

  /** TransportService: serve this request (never synchronously: callbacks run from later events). */
  request(req: TransportRequest): void {
    const task: TransportTask = {
      req,
      fromNode: this.stationNode(req, req.fromStationId),
      toNode: this.stationNode(req, req.toStationId),
    };
    const vehicle = this.eligible(task) ? this.chooseVehicle(task) : null;
    if (vehicle === null) this.pending.push(task);
    else this.assign(vehicle, { kind: 'transport', task });
  }

  /**
   * Congestion control at stations (a station is one docking point on the floor, a drive-through bay): a
   * request is dispatched only while fewer than two AGVs are on their way to, or loading at, its pickup
   * station (one in the bay, one waiting at its entry) and fewer than two loaded ones are on their way to,
   * or unloading at, its drop station. Counting one AGV per pickup, or empty AGVs still on their way to a
   * far pickup against the drop, capped a station at one pickup per empty trip whatever the fleet size.
   */
  private eligible = (task: TransportTask): boolean =>
    (this.visits.get(task.fromNode) ?? 0) < 2 && (this.visits.get(task.toNode) ?? 0) < 2;

  /** The dispatch rule's parked vehicle for `task` (checked: a rule of the user's may pick a busy one). */
  private chooseVehicle(task: TransportTask): Vehicle | null {
    const chosen = this.dispatch.chooseVehicle(this.vehicles, task, this.router);
    if (chosen === null) return null;
    const vehicle = this.vehicles[chosen.index];
    if (vehicle !== chosen || !vehicle.isParked)
      throw new Error(
        `AGV dispatch rule '${this.config.dispatch}' chose '${chosen.id}', which is not a parked AGV`,
      );
    return vehicle;
  }

  /** The dispatch rule's pending request for a vehicle at `node` (checked: it must be eligible). */
  private chooseTask(node: number, inArrivalOrder: boolean): number {
    const i = this.dispatch.chooseTask(this.pending, node, this.router, this.eligible, inArrivalOrder);
    if (i >= 0 && !(i < this.pending.length && this.eligible(this.pending[i]!)))
      throw new Error(
        `AGV dispatch rule '${this.config.dispatch}' chose request #${i}, which may not go now`,
      );
    return i;
  }

  private visit(node: number, delta: 1 | -1): void {
    this.visits.set(node, (this.visits.get(node) ?? 0) + delta);
  }

  /**
   * A station limit freed up: pending requests that had to wait for it go, in the rule's order, each to
   * the parked AGV the rule picks for it (the nearest, under nearestIdle), as a new request would.
   */
  private dispatchParked(): void {
    while (this.pending.length > 0) {
      const i = this.chooseTask(-1, true);
      if (i < 0) return;
      const vehicle = this.chooseVehicle(this.pending[i]!);
      if (vehicle === null) return;
      this.assign(vehicle, { kind: 'transport', task: this.pending.splice(i, 1)[0]! });
    }
  }

  get pendingRequests(): number {
    return this.pending.length;
  }

  /** Where the vehicle `vehicleId` is at `timeMs`; undefined for any other id (how a network finds AGV UEs). */
  locate(vehicleId: string, timeMs: number): AgvPosition | undefined {
    return this.byId.get(vehicleId)?.position(timeMs);
  }

  /** Vehicle.movedByMs of `vehicleId` (undefined for any other id): when a network needs to look again. */
  movedByMs(vehicleId: string, timeMs: number, distanceM: number): number | undefined {
    return this.byId.get(vehicleId)?.movedByMs(timeMs, distanceM);
  }

  /** Forgets statistics before `atMs` (warm-up exclusion); call it at simulated time `atMs`. */
  resetStats(atMs: number = this.sim.now()): void {
    this.statsFromMs = atMs;
    for (const v of this.vehicles) {
      v.clock.reset(atMs);
      v.resetTravelStats(atMs);
      v.tasksCompleted = 0;
      v.charges = 0;
    }
    this.pickedUp = 0;
    this.delivered = 0;
    this.sumWaitForPickupMs = 0;
    this.sumLeadTimeMs = 0;
  }

  stats(atMs: number = this.sim.now()): AgvFleetStats {
    return {
      fromMs: this.statsFromMs,
      toMs: atMs,
      vehicles: this.vehicles.map((v) => {
        const distanceM = v.distanceAt(atMs);
        return {
          agvId: v.id,
          timeInStateMs: v.clock.totals(atMs),
          distanceM,
          energyWh: distanceM * v.spec.battery.consumptionWhPerM, // driving is the only consumer
          tasksCompleted: v.tasksCompleted,
          charges: v.charges,
        };
      }),
      pickedUp: this.pickedUp,
      delivered: this.delivered,
      meanWaitForPickupMs: this.pickedUp > 0 ? this.sumWaitForPickupMs / this.pickedUp : Number.NaN,
      meanLeadTimeMs: this.delivered > 0 ? this.sumLeadTimeMs / this.delivered : Number.NaN,
      pendingRequests: this.pending.length,
    };
  }

  /** Every AGV's position, state and battery at `timeMs` (now, or within the current segments). */
  snapshot(timeMs: number = this.sim.now()): AgvFleetSnapshot {
    return {
      timeMs,
      pendingRequests: this.pending.length,
      vehicles: this.vehicles.map((v) => {
        const order = v.order;
        const req = order?.kind === 'transport' ? order.task.req : null;
        return {
          agvId: v.id,
          state: v.state,
          phase: v.phase,
          nodeId: this.net.nodeIds[v.node]!,
          ...v.position(timeMs),
          segment: v.onEdge ? v.segment : null,
          batteryWh: v.batteryAt(timeMs),
          batteryFraction: v.batteryAt(timeMs) / v.spec.battery.capacityWh,
          loaded: v.loaded,
          requestId: req?.requestId ?? null,
          partId: req?.partId ?? null,
        };
      }),
    };
  }

  private onPickedUp(v: Vehicle, task: TransportTask): void {
    const now = this.sim.now();
    this.visit(task.fromNode, -1);
    this.visit(task.toNode, 1);
    this.dispatchParked();
    this.pickedUp++;
    this.sumWaitForPickupMs += now - task.req.requestedAtMs;
    v.emitEvent('pickedUp', now);
    task.req.onPickedUp(now);
  }

  private onOrderDone(v: Vehicle, order: AgvOrder): void {
    switch (order.kind) {
      case 'transport': {
        const now = this.sim.now();
        this.delivered++;
        this.sumLeadTimeMs += now - order.task.req.requestedAtMs;
        this.visit(order.task.toNode, -1);
        v.emitEvent('delivered', now);
        // Give the vehicle its next job before production reacts (it may request again at once).
        this.free(v);
        this.dispatchParked();
        order.task.req.onDelivered(now);
        break;
      }
      case 'charge':
        this.chargerLoad.set(order.charger, this.chargerLoad.get(order.charger)! - 1);
        this.free(v);
        this.chargeParked();
        break;
      case 'evade':
        this.free(v);
        break;
      case 'park':
        this.parkingClaims.delete(order.node);
        this.free(v);
        break;
    }
  }

  /** The vehicle's order is done: charge, take a pending request, or park (going to a parking node first). */
  private free(v: Vehicle): void {
    if (this.chargeIfFree(v)) return;
    const i = this.chooseTask(v.node, false);
    if (i >= 0) {
      this.assign(v, { kind: 'transport', task: this.pending.splice(i, 1)[0]! });
      return;
    }
    const spot = this.parkingFor(v);
    if (spot >= 0) {
      this.parkingClaims.set(spot, v);
      this.assign(v, { kind: 'park', node: spot });
      return;
    }
    v.becomeIdle();
    this.traffic.onStationary(v);
  }

  /**
   * Where a vehicle left without work goes: -1 (stays) when it already stands at a parking node no one
   * else is headed for, or the network has none free; else the nearest free, unclaimed parking node.
   * Idle vehicles left on station docks or aisle crossings block deliveries and through traffic.
   */
  private parkingFor(v: Vehicle): number {
    const claimant = this.parkingClaims.get(v.node);
    if (this.net.isParkingNode[v.node] && (claimant === undefined || claimant === v)) return -1;
    let best = -1;
    let bestCost = Number.POSITIVE_INFINITY;
    for (const p of this.net.parkingNodes) {
      if (this.reservations.holder(p) !== null || this.parkingClaims.has(p)) continue;
      const cost = this.router.costS(v.node, p);
      if (cost < bestCost) {
        best = p;
        bestCost = cost;
      }
    }
    return best;
  }

  private needsCharge(v: Vehicle): boolean {
    const threshold = v.spec.battery.chargeThreshold;
    return threshold > 0 && v.batteryFraction < threshold;
  }

  /**
   * Sends a vehicle below its charge threshold to the nearest free charger; true if it went. With every
   * charger taken it keeps working (or parks) and asks again after its next order, or is called when a
   * charger frees up (chargeParked): vehicles queueing at an occupied charger would stand in the aisle in
   * front of it for whole charges and block the traffic through it.
   */
  private chargeIfFree(v: Vehicle): boolean {
    if (!this.needsCharge(v)) return false;
    let best: Station | null = null;
    let bestCost = Number.POSITIVE_INFINITY;
    for (const [charger, load] of this.chargerLoad) {
      const cost = this.router.costS(v.node, charger.nodeIndex);
      if (load === 0 && cost < bestCost) {
        best = charger;
        bestCost = cost;
      }
    }
    if (best === null) return false;
    this.chargerLoad.set(best, 1);
    this.assign(v, { kind: 'charge', charger: best });
    return true;
  }

  /** A charger freed up: the parked vehicle with the emptiest battery below its threshold goes there. */
  private chargeParked(): void {
    let next: Vehicle | null = null;
    for (const v of this.vehicles)
      if (v.isParked && this.needsCharge(v) && (next === null || v.batteryWh < next.batteryWh)) next = v;
    if (next !== null) this.chargeIfFree(next);
  }

  /** Sends an order from the control system; a lost order is sent again. */
  private assign(v: Vehicle, order: AgvOrder): void {
    v.phase = 'ordered';
    v.order = order;
    if (order.kind === 'transport') this.visit(order.task.fromNode, 1);
    if (order.kind === 'transport' && this.probes.events.active) {
      v.emitEvent('taskAssigned', this.sim.now(), `request ${order.task.req.requestId}`);
    }
    this.send(v, {
      from: 'control',
      to: v.id,
      sizeBytes: ORDER_SIZE_BYTES,
      trafficClass: 'controlOrder',
      payload: order,
    });
  }

  private send(v: Vehicle, message: Message<AgvOrder>): void {
    this.options.network.send(message, this.deliverOrder[v.index]!, this.resendOrder[v.index]);
  }

  private stationNode(req: TransportRequest, stationId: string): number {
    const station = this.net.stations.get(stationId);
    if (station === undefined) {
      throw new Error(`transport request ${req.requestId}: the AGV network has no station '${stationId}'`);
    }
    return station.nodeIndex;
  }
}

/** The fleet's time by state as shares of its vehicle time over the statistics window (they add up to one). */
export function fleetTimeShares(stats: {
  fromMs: number;
  toMs: number;
  vehicles: readonly { timeInStateMs: Record<AgvState, number> }[];
}): Record<AgvState, number> {
  const fleetMs = Math.max(1, stats.toMs - stats.fromMs) * Math.max(1, stats.vehicles.length);
  const shares = {} as Record<AgvState, number>;
  for (const state of AGV_STATES) {
    let ms = 0;
    for (const v of stats.vehicles) ms += v.timeInStateMs[state];
    shares[state] = ms / fleetMs;
  }
  return shares;
}

export function buildAgvFleet(sim: Simulation, config: AgvConfig, options: AgvFleetOptions): AgvFleet {
  return new AgvFleet(sim, config, options);
}
