// The 5G network in flow fidelity (network.fidelity: flow): the same radio model as the packet model (link
// budget, link adaptation, TDD grid, HARQ, core delay), but per flow instead of per packet. Each cell and
// direction knows its offered load (stream rates, a message estimate); the scheduler's shares and the
// queue give every flow a delay distribution, recomputed when something changes (a device moves 1 m, a
// handover, a zone switches, a stream starts or stops, the load moves); messages draw their delay from it,
// periodic streams cost no event per packet (counted per regime; survival failures from a chain).
// This file is the front: it builds the parts and wires them behind the NetworkModel.
import type { Message, StreamHandle, StreamListener, StreamSpec } from '../../control/seam';
import { Probe } from '../../engine/probe';
import type { RandomStreams } from '../../engine/random';
import type { SimAction } from '../../engine/sim-action';
import type { Simulation } from '../../engine/simulation';
import type { HandoverConfig, NetworkConfig } from '../config';
import { coverageGrid } from '../coverage';
import { HandoverTally, type Locate } from '../handover';
import { deviceSnapshotRow } from '../kpi-rows';
import type { PowerControl } from '../link-budget';
import { DL, UL } from '../tdd-grid';
import type {
  CellLoadSample,
  CoverageGridOptions,
  HandoverEvent,
  LinkSample,
  NetworkKpis,
  NetworkModel,
  NetworkNotableEvent,
  NetworkProbes,
  NetworkSnapshot,
  SinrGrid,
} from '../types';
import { FlowDistributions } from './flow-distributions';
import { INTERFERENCE_REFRESH_MS } from './flow-interference';
import { emitFlowLoadSamples, flowKpis } from './flow-kpis';
import { FlowMessages } from './flow-messages';
import type { MovedBy } from './flow-mobility';
import { buildFlowRadio, type FlowRadio } from './flow-radio';
import { FlowStats } from './flow-stats';
import { FlowStreams } from './flow-streams';
import { FlowZones } from './flow-zones';

export { FLOW_MOBILITY_TICK_MS } from './flow-mobility';

/** What the packet model's defaults are (passed in by buildNetwork, which owns them). */
export interface FlowDefaults {
  handover: HandoverConfig;
  powerControl: PowerControl;
  recomputeDistanceM: number;
  locateIntervalMs: number;
  loadSampleMs: number;
}

export interface FlowDependencies {
  streams: RandomStreams;
  locate: Locate;
  /** When a moving endpoint can first be a distance on (without it, mobile devices are polled). */
  movedByMs?: MovedBy;
}

export function buildFlowNetwork(
  sim: Simulation,
  config: NetworkConfig,
  deps: FlowDependencies,
  defaults: FlowDefaults,
): NetworkModel {
  return new FlowNetwork(sim, config, deps, defaults);
}

export class FlowNetwork implements NetworkModel {
  readonly probes: NetworkProbes = {
    linkSamples: new Probe<LinkSample>(),
    handovers: new Probe<HandoverEvent>(),
    notable: new Probe<NetworkNotableEvent>(),
    cellLoad: new Probe<CellLoadSample>(),
  };
  private readonly radio: FlowRadio;
  private readonly stats: FlowStats;
  private readonly handoverTally: HandoverTally;
  private readonly streams: FlowStreams;
  private readonly messages: FlowMessages;
  private statsStartMs: number;

  constructor(
    readonly sim: Simulation,
    config: NetworkConfig,
    deps: FlowDependencies,
    defaults: FlowDefaults,
  ) {
    const radio = buildFlowRadio(sim, config, deps.streams, defaults.powerControl);
    this.radio = radio;
    this.stats = new FlowStats(radio.profiles.length, radio.env.cells.length);
    const handover = config.handover ?? defaults.handover;
    this.handoverTally = new HandoverTally(radio.env, this.probes, handover.pingPongWindowMs);
    const distributions = new FlowDistributions(radio);
    this.streams = new FlowStreams(radio, distributions, this.stats, this.handoverTally, this.probes, {
      streams: deps.streams,
      locate: deps.locate,
      ...(deps.movedByMs === undefined ? {} : { movedBy: deps.movedByMs }),
      mobility: {
        recomputeDistanceM: config.mobility?.recomputeDistanceM ?? defaults.recomputeDistanceM,
        locateIntervalMs: config.mobility?.locateIntervalMs ?? defaults.locateIntervalMs,
      },
      handover,
      streamPhase: config.streamPhase,
    });
    this.messages = new FlowMessages(
      radio,
      this.streams,
      distributions,
      this.stats,
      this.probes,
      deps.streams,
    );
    // Shared cells: their loads and PRB caps are recomputed when the public load changes (hour boundaries).
    radio.ranShare?.watch(sim, () => {
      for (const pair of radio.loads) for (const load of pair) load.dirty = true;
      this.streams.settle();
    });
    if (radio.interference.coupled) {
      const refresh: SimAction<undefined> = sim.action(
        () => {
          this.refreshInterference();
          refresh.schedule(undefined, INTERFERENCE_REFRESH_MS);
        },
        { label: 'network interference refresh (flow)', priority: 40 },
      );
      refresh.schedule(undefined, INTERFERENCE_REFRESH_MS);
    }
    const loadSampleMs = config.loadSampleMs ?? defaults.loadSampleMs;
    const sampler: SimAction<undefined> = sim.action(
      () => {
        if (this.probes.cellLoad.active) {
          this.streams.settle();
          emitFlowLoadSamples(this.radio, this.probes.cellLoad, this.sim.now(), loadSampleMs);
        }
        sampler.schedule(undefined, loadSampleMs);
      },
      { label: 'cell load samples (flow)', priority: 50 },
    );
    sampler.schedule(undefined, loadSampleMs);
    this.statsStartMs = sim.now();
    new FlowZones(sim, radio.env, radio.zoneState, this.probes, () => {
      this.streams.flagAll();
      this.streams.settle();
    }).start();
  }

  /** Other cells' loads moved SINRs: the links served by the cells affected are re-evaluated. */
  private refreshInterference(): void {
    this.streams.settle();
    const victims = this.radio.interference.movedCells();
    if (victims === null) return;
    for (const dev of this.radio.devices) {
      if (!victims.has(dev.serving)) continue;
      dev.quality[UL].bucket = -2;
      dev.quality[DL].bucket = -2;
      this.streams.linkChanged(dev);
    }
    this.streams.settle();
  }

  send<P>(
    message: Message<P>,
    onDelivered: (message: Message<P>) => void,
    onLost?: (message: Message<P>) => void,
  ): void {
    this.messages.send(message, onDelivered, onLost);
  }

  openStream(spec: StreamSpec, listener?: StreamListener): StreamHandle {
    return this.streams.open(spec, listener);
  }

  resetStats(atMs: number): void {
    this.streams.closeAllRegimes(atMs);
    this.statsStartMs = atMs;
    this.stats.reset();
    for (const d of this.radio.devices) d.stats.reset();
    this.streams.resetStats();
    this.handoverTally.reset();
  }

  kpis(endMs: number): NetworkKpis {
    this.streams.settle();
    this.streams.closeAllRegimes(Math.min(endMs, this.sim.now()));
    return flowKpis(
      this.radio,
      this.stats,
      this.handoverTally,
      this.streams.records,
      this.statsStartMs,
      endMs,
    );
  }

  snapshot(): NetworkSnapshot {
    this.streams.settle();
    const now = this.sim.now();
    const { env, devices, loads, zoneState } = this.radio;
    return {
      timeMs: now,
      // Flows keep no queues: no backlog.
      devices: devices.map((d) => deviceSnapshotRow(d, env, now, 0, 0)),
      cells: env.cells.map((c) => ({
        cellId: c.id,
        dlLoad: loads[c.index]![DL].utilization,
        ulLoad: loads[c.index]![UL].utilization,
        dlBackloggedUes: 0,
        ulBackloggedUes: 0,
      })),
      zones: env.zones.map((z) => ({ zoneId: z.id, active: zoneState.active[z.index] === 1 })),
    };
  }

  coverageGrid(options: CoverageGridOptions): SinrGrid {
    return coverageGrid(this.radio.env, this.radio.power, options, this.sim.now());
  }
}
