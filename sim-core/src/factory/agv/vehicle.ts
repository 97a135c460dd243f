import type { ControlNetwork, StreamHandle } from '../../control/seam';
import type { Probe } from '../../engine/probe';
import type { SimAction } from '../../engine/sim-action';
import type { Simulation } from '../../engine/simulation';
import type { TransportRequest } from '../transport';
import type { AgvMotionControlConfig, AgvVehicleConfig } from './config';
import {
  brakeFrom,
  distanceAtS,
  fastestTimeS,
  planProfile,
  profileDurationS,
  type SpeedProfile,
  speedAtS,
  timeAtDistanceS,
} from './kinematics';
import { type AgvPosition, type MotionSegment, positionAt } from './motion';
import type { PathNetwork, Station } from './path-network';
import type { NodeReservations } from './reservations';
import type { Router } from './routing';
import { type AgvState, StateClock } from './state-clock';

export interface AgvStateChange {
  timeMs: number;
  agvId: string;
  state: AgvState;
}

export type AgvEventKind =
  | 'taskAssigned'
  | 'pickedUp'
  | 'delivered'
  | 'chargeStart'
  | 'chargeEnd'
  | 'safetyStop'
  | 'resume'
  | 'reroute'
  | 'evade'
  | 'deadlockResolved'
  | 'deadlockUnresolved'
  | 'batteryDepleted';

/** Something worth a marker on the timeline. `detail` is a short human-readable note. */
export interface AgvEvent {
  timeMs: number;
  entityId: string;
  kind: AgvEventKind;
  detail?: string;
}

export interface AgvProbes {
  states: Probe<AgvStateChange>;
  segments: Probe<MotionSegment>;
  events: Probe<AgvEvent>;
}

export interface TransportTask {
  req: TransportRequest;
  fromNode: number;
  toNode: number;
}

export type AgvOrder =
  | { kind: 'transport'; task: TransportTask }
  | { kind: 'charge'; charger: Station }
  /** Leave a node someone needs, along `route` (which starts at the vehicle's node). */
  | { kind: 'evade'; route: number[] }
  /** Out of the way while idle: to a free parking node (`PathNetwork.parkingNodes`). */
  | { kind: 'park'; node: number };

/**
 * - idle: parked without an order; ordered: an order is on its way over the network;
 * - toPickup → loading → toDrop → unloading (transport); toCharger → charging; evading; parking.
 */
export type VehiclePhase =
  | 'idle'
  | 'ordered'
  | 'toPickup'
  | 'loading'
  | 'toDrop'
  | 'unloading'
  | 'toCharger'
  | 'charging'
  | 'evading'
  | 'parking';

/** What a vehicle needs from its fleet. */
export interface VehicleHost {
  readonly sim: Simulation;
  readonly net: PathNetwork;
  readonly router: Router;
  readonly reservations: NodeReservations<Vehicle>;
  readonly probes: AgvProbes;
  /** The vehicle started waiting for a node: resolve jams (may reroute it at once). */
  onWaiting(vehicle: Vehicle): void;
  /** The vehicle now stands at its node for a while (handling, charging, parked). */
  onStationary(vehicle: Vehicle): void;
  /** The way on to the leg's target from the end of a partial route (after stepping aside or a push). */
  routeOn(vehicle: Vehicle): number[];
  onPickedUp(vehicle: Vehicle, task: TransportTask): void;
  /** The order is done (delivered, charged, evaded): the fleet gives the vehicle its next job. */
  onOrderDone(vehicle: Vehicle, order: AgvOrder): void;
}

const STEP_NONE = 0;
const STEP_ARRIVE = 1;
const STEP_WAKE = 2;
const STEP_HANDLING_DONE = 3;
const STEP_CHARGE_DONE = 4;
const STEP_RETRY = 5;

const NO_ROUTE: number[] = [];
const WH_PER_W_MS = 1 / 3.6e6;

/**
 * One AGV. Travel is node to node under traffic control: before entering an edge u → v it holds v;
 * it keeps u until it reaches v (so an edge is only ever used by the holder of both its ends), and
 * it may also hold the node after v (look-ahead) to pass v without stopping, at a speed from which it
 * can still stop on the next edge. It never waits on an edge: waiting happens standing on a node.
 * One event per segment; while parked the vehicle schedules nothing.
 */
export class Vehicle {
  readonly id: string;
  readonly clock: StateClock;
  node: number;
  phase: VehiclePhase = 'idle';
  order: AgvOrder | null = null;
  idleSinceMs: number;
  batteryWh: number;
  loaded = false;
  /** Travelling: `route[pos]` is the node it stands at or leaves; it heads for `legTarget`. */
  travelling = false;
  legTarget = -1;
  route: number[] = NO_ROUTE;
  pos = 0;
  onEdge = false;
  /** Whether route[pos + 2] is held as look-ahead. */
  private lookahead = false;
  segment: MotionSegment | null = null;
  /** The node this vehicle waits for in line, or -1. */
  waitingFor = -1;
  safetyStopped = false;
  /** TrafficControl: nodes to keep off when planning on after stepping aside. */
  avoid: number[] = [];
  /** The next wait (if any) goes to the front of the line (set while being pushed along). */
  private firstInLine = false;
  /** Metres driven since the last statistics reset, up to the start of the segment under way. */
  distanceM = 0;
  tasksCompleted = 0;
  charges = 0;
  private chargeStartMs = 0;
  private depletedReported = false;
  private step = STEP_NONE;
  private readonly action: SimAction<undefined>;
  private readonly stream: StreamHandle;
  private streamActive: boolean;

  constructor(
    readonly index: number,
    readonly spec: AgvVehicleConfig,
    private readonly host: VehicleHost,
    network: ControlNetwork,
    motionControl: AgvMotionControlConfig,
  ) {
    this.id = spec.id;
    const now = host.sim.now();
    this.node = host.net.nodeIndex(spec.startNodeId);
    this.idleSinceMs = now;
    this.clock = new StateClock('idle', now);
    this.batteryWh = spec.battery.capacityWh * (spec.battery.initialCharge ?? 1);
    host.reservations.hold(this.node, this);
    this.action = host.sim.action(() => this.onStep(), { label: `${spec.id} step` });
    this.stream = network.openStream(
      {
        id: `${spec.id}/motion`,
        from: 'control',
        to: spec.id,
        trafficClass: 'motionControl',
        ...motionControl,
      },
      {
        onSurvivalTimeExceeded: (timeMs) => this.safetyStop(timeMs),
        onRecovered: (timeMs) => this.recover(timeMs),
      },
    );
    this.streamActive = true;
    this.setStream(false);
  }

  get state(): AgvState {
    return this.clock.state;
  }

  get isParked(): boolean {
    return this.phase === 'idle' && !this.onEdge;
  }

  /** The node after route[pos] while travelling, else -1. */
  get nextNode(): number {
    return this.travelling && this.pos + 1 < this.route.length ? this.route[this.pos + 1]! : -1;
  }

  get batteryFraction(): number {
    return this.batteryWh / this.spec.battery.capacityWh;
  }

  /** Starts an order that arrived over the network. */
  execute(order: AgvOrder): void {
    this.order = order;
    switch (order.kind) {
      case 'transport':
        this.phase = 'toPickup';
        this.startTravel(order.task.fromNode, null);
        break;
      case 'charge':
        this.phase = 'toCharger';
        this.startTravel(order.charger.nodeIndex, null);
        break;
      case 'evade':
        this.phase = 'evading';
        this.startTravel(order.route[order.route.length - 1]!, order.route);
        break;
      case 'park':
        this.phase = 'parking';
        this.startTravel(order.node, null);
        break;
    }
  }

  /** Parks without an order. */
  becomeIdle(): void {
    this.phase = 'idle';
    this.order = null;
    this.idleSinceMs = this.host.sim.now();
    this.setState('idle');
  }

  /** Waits for traffic control to look at this vehicle's jam again (when it could not be resolved). */
  scheduleRetry(delayMs: number): void {
    if (this.step === STEP_NONE) this.schedule(STEP_RETRY, delayMs);
  }

  /** Leaves the waiting line and follows `path` (from this node) instead; used by traffic control. */
  reroute(path: number[]): void {
    if (path[0] !== this.node) throw new Error(`${this.id}: reroute must start at its node`);
    if (this.waitingFor >= 0) this.host.reservations.removeWaiter(this.waitingFor, this);
    this.waitingFor = -1;
    this.route = path;
    this.pos = 0;
    this.tryAdvance();
  }

  /** TrafficControl: moved one node along `hop` to make way (first in line there), then it plans again. */
  pushedAlong(hop: number[]): void {
    this.firstInLine = true;
    if (this.isParked) {
      const order: AgvOrder = { kind: 'evade', route: hop };
      this.order = order;
      this.phase = 'evading';
      this.startTravel(hop[1]!, hop);
    } else {
      this.reroute(hop);
    }
    this.firstInLine = false;
  }

  /** Traffic control handed it the node it waited for. */
  handed(): void {
    this.waitingFor = -1;
    this.schedule(STEP_WAKE, 0);
  }

  position(timeMs: number): AgvPosition {
    if (this.onEdge && this.segment !== null) return positionAt(this.segment, timeMs);
    const net = this.host.net;
    return { xM: net.xM[this.node]!, yM: net.yM[this.node]!, speedMps: 0, offsetM: 0, headingRad: 0 };
  }

  /**
   * The earliest time the vehicle can have driven `distanceM` on from where it is at `timeMs` (now, or
   * within the segment under way): along the segment's plan, then (or when standing) at full acceleration
   * up to its top speed. A lower bound: a safety stop only makes it later, a new segment starts from where
   * this one ended.
   */
  movedByMs(timeMs: number, distanceM: number): number {
    const { maxSpeedMps, accelMps2 } = this.spec;
    const s = this.segment;
    if (this.onEdge && s !== null && timeMs < s.endMs) {
      const target = distanceAtS(s.profile, (Math.max(timeMs, s.startMs) - s.startMs) / 1000) + distanceM;
      if (target <= s.profile.lengthM) return s.startMs + timeAtDistanceS(s.profile, target) * 1000;
      const rest = target - s.profile.lengthM;
      return s.endMs + fastestTimeS(s.profile.vEndMps, rest, accelMps2, maxSpeedMps) * 1000;
    }
    const v0 = this.onEdge && s !== null ? s.profile.vEndMps : 0;
    return timeMs + fastestTimeS(v0, distanceM, accelMps2, maxSpeedMps) * 1000;
  }

  /** Battery at `timeMs`, counting the segment or charge in progress. */
  batteryAt(timeMs: number): number {
    const b = this.spec.battery;
    if (this.onEdge) return this.batteryWh - this.segmentDoneM(timeMs) * b.consumptionWhPerM;
    if (this.phase === 'charging') {
      return Math.min(
        b.capacityWh,
        this.batteryWh + b.chargeRateW * (timeMs - this.chargeStartMs) * WH_PER_W_MS,
      );
    }
    return this.batteryWh;
  }

  // ---------------------------------------------------------------------------------------------------
  // Travel

  private startTravel(target: number, route: number[] | null): void {
    this.legTarget = target;
    this.route = route ?? this.host.router.route(this.node, target);
    this.pos = 0;
    if (this.node === target) {
      this.finishTravel();
      return;
    }
    this.travelling = true;
    this.setStream(true);
    this.tryAdvance();
  }

  /** Standing at route[pos]: take the next node and go, or wait in line for it. */
  private tryAdvance(): void {
    if (this.safetyStopped) {
      this.setState('stopped');
      return;
    }
    const reservations = this.host.reservations;
    const next = this.route[this.pos + 1]!;
    const holder = reservations.holder(next);
    if (holder !== this) {
      if (holder !== null) {
        this.wait(next);
        return;
      }
      reservations.hold(next, this);
    }
    if (this.waitingFor >= 0) {
      reservations.removeWaiter(this.waitingFor, this);
      this.waitingFor = -1;
    }
    this.startSegment(0, 0);
  }

  private wait(next: number): void {
    if (this.waitingFor !== next) {
      if (this.waitingFor >= 0) this.host.reservations.removeWaiter(this.waitingFor, this);
      this.host.reservations.addWaiter(next, this, this.firstInLine);
      this.waitingFor = next;
    }
    this.firstInLine = false;
    this.setState('waitingTraffic');
    this.host.onWaiting(this);
  }

  /** Drives route[pos] → route[pos + 1] from `offsetM` along the edge at `v0Mps`. */
  private startSegment(v0Mps: number, offsetM: number): void {
    const { net, reservations } = this.host;
    const { spec, route, pos } = this;
    const u = route[pos]!;
    const v = route[pos + 1]!;
    const e = net.edgeBetween(u, v);
    const vMaxMps = Math.min(spec.maxSpeedMps, net.edgeSpeedLimitMps[e]!);
    let vEndTargetMps = 0;
    if (pos + 2 < route.length) {
      const w = route[pos + 2]!;
      // A reversal (w === u) needs a stop anyway.
      if (!this.lookahead && w !== u && reservations.holder(w) === null) {
        reservations.hold(w, this);
        this.lookahead = true;
      }
      if (this.lookahead) {
        const next = net.edgeBetween(v, w);
        const stoppableMps = Math.sqrt(2 * spec.decelMps2 * net.edgeLengthM[next]!);
        vEndTargetMps = Math.min(vMaxMps, net.edgeSpeedLimitMps[next]!, stoppableMps);
      }
    }
    const profile = planProfile(
      v0Mps,
      vEndTargetMps,
      vMaxMps,
      spec.accelMps2,
      spec.decelMps2,
      net.edgeLengthM[e]! - offsetM,
    );
    const durationMs = profileDurationS(profile) * 1000;
    this.emitSegment('move', u, v, e, offsetM, profile, durationMs);
    this.setState(this.loaded ? 'movingLoaded' : 'movingEmpty');
    this.schedule(STEP_ARRIVE, durationMs);
  }

  private emitSegment(
    kind: MotionSegment['kind'],
    u: number,
    v: number,
    e: number,
    offsetM: number,
    profile: SpeedProfile,
    durationMs: number,
  ): void {
    const { net, sim, probes } = this.host;
    const now = sim.now();
    this.onEdge = true;
    this.segment = {
      agvId: this.id,
      kind,
      fromNodeId: net.nodeIds[u]!,
      toNodeId: net.nodeIds[v]!,
      fromXM: net.xM[u]!,
      fromYM: net.yM[u]!,
      toXM: net.xM[v]!,
      toYM: net.yM[v]!,
      edgeLengthM: net.edgeLengthM[e]!,
      startOffsetM: offsetM,
      startMs: now,
      endMs: now + durationMs,
      profile,
      loaded: this.loaded,
    };
    probes.segments.emit(this.segment);
  }

  private arrive(): void {
    const segment = this.segment!;
    this.onEdge = false;
    this.account(segment.profile.lengthM);
    const behind = this.route[this.pos]!;
    this.pos++;
    this.node = this.route[this.pos]!;
    this.release(behind);
    // A look-ahead node, if held, is now the next node.
    this.lookahead = false;
    const vEndMps = segment.profile.vEndMps;
    if (vEndMps > 0) {
      if (this.safetyStopped) this.brakeOnNextEdge(vEndMps);
      else this.startSegment(vEndMps, 0);
      return;
    }
    if (this.pos === this.route.length - 1) {
      if (this.node === this.legTarget) {
        this.finishTravel();
        return;
      }
      this.route = this.host.routeOn(this);
      this.pos = 0;
    }
    this.tryAdvance();
  }

  private release(node: number): void {
    this.host.reservations.release(node)?.handed();
  }

  private finishTravel(): void {
    this.travelling = false;
    this.safetyStopped = false;
    this.setStream(false);
    this.route = NO_ROUTE;
    this.legTarget = -1;
    const order = this.order!;
    switch (this.phase) {
      case 'toPickup':
        this.phase = 'loading';
        this.setState('loadUnload');
        this.schedule(STEP_HANDLING_DONE, this.spec.loadTimeMs);
        this.host.onStationary(this);
        break;
      case 'toDrop':
        this.phase = 'unloading';
        this.setState('loadUnload');
        this.schedule(STEP_HANDLING_DONE, this.spec.unloadTimeMs);
        this.host.onStationary(this);
        break;
      case 'toCharger':
        this.startCharging();
        break;
      default:
        this.host.onOrderDone(this, order);
    }
  }

  // ---------------------------------------------------------------------------------------------------
  // Safety stop (motion-control stream past its survival time) and resume

  private safetyStop(timeMs: number): void {
    if (!this.travelling || this.safetyStopped) return;
    this.safetyStopped = true;
    this.emitEvent('safetyStop', timeMs);
    this.setState('stopped');
    if (!this.onEdge) return; // standing on a node: it just does not move on
    const segment = this.segment!;
    const { profile, reachesEnd } = brakeFrom(
      segment.profile,
      (this.host.sim.now() - segment.startMs) / 1000,
    );
    // Already braking to the node: the plan stands (arrive() brakes on the next edge if it ends above zero).
    if (profile === segment.profile) return;
    const endMs = segment.startMs + profileDurationS(profile) * 1000;
    this.segment = { ...segment, kind: 'safetyStop', profile, endMs };
    this.host.probes.segments.emit(this.segment);
    if (reachesEnd) this.schedule(STEP_ARRIVE, endMs - this.host.sim.now());
    else this.unschedule(); // stands still on the edge until the stream recovers
  }

  /** The stop did not fit before the node: keep braking on the next edge (held as look-ahead). */
  private brakeOnNextEdge(v0Mps: number): void {
    const { net } = this.host;
    const u = this.route[this.pos]!;
    const v = this.route[this.pos + 1]!;
    const e = net.edgeBetween(u, v);
    const d = this.spec.decelMps2;
    const lengthM = Math.min(net.edgeLengthM[e]!, (v0Mps * v0Mps) / (2 * d));
    const profile: SpeedProfile = {
      v0Mps,
      vCruiseMps: v0Mps,
      vEndMps: 0,
      accelMps2: this.spec.accelMps2,
      decelMps2: d,
      lengthM,
    };
    this.emitSegment('safetyStop', u, v, e, 0, profile, profileDurationS(profile) * 1000);
    this.unschedule();
  }

  private recover(timeMs: number): void {
    if (!this.safetyStopped) return;
    this.safetyStopped = false;
    this.emitEvent('resume', timeMs);
    if (!this.travelling) return;
    if (!this.onEdge) {
      this.tryAdvance();
      return;
    }
    const segment = this.segment!;
    if (segment.kind === 'move') {
      // The plan never changed (it was already braking to the node): the arrival is still scheduled.
      this.setState(this.loaded ? 'movingLoaded' : 'movingEmpty');
      return;
    }
    const tS = (this.host.sim.now() - segment.startMs) / 1000;
    const doneM = distanceAtS(segment.profile, tS);
    this.account(doneM);
    this.startSegment(speedAtS(segment.profile, tS), segment.startOffsetM + doneM);
  }

  // ---------------------------------------------------------------------------------------------------
  // Handling and charging

  private handlingDone(): void {
    const order = this.order;
    if (order?.kind !== 'transport') throw new Error(`${this.id}: handling without a transport order`);
    if (this.phase === 'loading') {
      this.loaded = true;
      this.phase = 'toDrop';
      this.host.onPickedUp(this, order.task);
      this.startTravel(order.task.toNode, null);
    } else {
      this.loaded = false;
      this.tasksCompleted++;
      this.host.onOrderDone(this, order);
    }
  }

  private startCharging(): void {
    const b = this.spec.battery;
    this.phase = 'charging';
    this.chargeStartMs = this.host.sim.now();
    this.setState('charging');
    this.emitEvent('chargeStart', this.chargeStartMs);
    this.schedule(STEP_CHARGE_DONE, Math.max(0, b.capacityWh - this.batteryWh) / b.chargeRateW / WH_PER_W_MS);
    this.host.onStationary(this);
  }

  private chargeDone(): void {
    this.batteryWh = this.spec.battery.capacityWh;
    this.depletedReported = false;
    this.charges++;
    this.emitEvent('chargeEnd', this.host.sim.now());
    this.host.onOrderDone(this, this.order!);
  }

  /**
   * Statistics restart at `atMs` (warm-up): distance counts from here, so a segment under way is counted
   * only for what is left of it (it is accounted in full when the vehicle arrives).
   */
  resetTravelStats(atMs: number): void {
    this.distanceM = -this.segmentDoneM(atMs);
  }

  /** Distance driven since the last reset, at `atMs` (now, or within the current segment). */
  distanceAt(atMs: number): number {
    return this.distanceM + this.segmentDoneM(atMs);
  }

  /** Metres of the segment under way driven by `atMs` (0 when standing). */
  private segmentDoneM(atMs: number): number {
    const s = this.segment;
    return this.onEdge && s !== null ? distanceAtS(s.profile, (atMs - s.startMs) / 1000) : 0;
  }

  private account(distanceM: number): void {
    this.distanceM += distanceM;
    this.batteryWh -= distanceM * this.spec.battery.consumptionWhPerM;
    if (this.batteryWh <= 0 && !this.depletedReported) {
      this.depletedReported = true;
      this.emitEvent('batteryDepleted', this.host.sim.now());
    }
  }

  // ---------------------------------------------------------------------------------------------------
  // Plumbing

  private schedule(step: number, delayMs: number): void {
    this.step = step;
    this.action.schedule(undefined, delayMs);
  }

  private unschedule(): void {
    this.step = STEP_NONE;
    this.action.cancel();
  }

  private onStep(): void {
    const step = this.step;
    this.step = STEP_NONE;
    switch (step) {
      case STEP_ARRIVE:
        this.arrive();
        break;
      case STEP_WAKE:
      case STEP_RETRY:
        if (this.travelling && !this.onEdge) this.tryAdvance();
        break;
      case STEP_HANDLING_DONE:
        this.handlingDone();
        break;
      case STEP_CHARGE_DONE:
        this.chargeDone();
        break;
    }
  }

  private setStream(active: boolean): void {
    if (active !== this.streamActive) {
      this.streamActive = active;
      this.stream.setActive(active);
    }
  }

  setState(state: AgvState): void {
    const now = this.host.sim.now();
    if (this.clock.enter(state, now) && this.host.probes.states.active) {
      this.host.probes.states.emit({ timeMs: now, agvId: this.id, state });
    }
  }

  emitEvent(kind: AgvEventKind, timeMs: number, detail?: string): void {
    const events = this.host.probes.events;
    if (events.active)
      events.emit(
        detail === undefined
          ? { timeMs, entityId: this.id, kind }
          : { timeMs, entityId: this.id, kind, detail },
      );
  }
}
