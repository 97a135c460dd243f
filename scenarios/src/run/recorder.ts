import {
  AGV_STATES,
  type AgvFleet,
  type EntityInfo,
  EVENT_KINDS,
  entityPath,
  type Factory,
  MACHINE_STATES,
  type NetworkModel,
  type PlantNetwork,
  RecordingWriter,
  resolveClassProfiles,
  type Simulation,
  TRAFFIC_CLASSES,
} from '@factory-twin/sim-core';
import type { Subscription } from 'rxjs';
import type { ModelConfig } from '../model/to-model-config';

/** How often the recorder samples series and flushes per-device link quality (simulated ms). */
export const SAMPLE_MS = 60_000;
const LINK_WINDOW_MS = 1_000;

export interface RecorderOptions {
  sim: Simulation;
  model: ModelConfig;
  factory: Factory;
  /** The 5G model, when (part of) the plant runs on one: its cell loads. */
  network: NetworkModel | undefined;
  /** The plant network's link samples and notable events (absent: it has none, e.g. unconnected). */
  probes: PlantNetwork['probes'];
  fleet: AgvFleet | undefined;
  metadata: { softwareVersion: string; scenario: unknown; seed: number | string; [extra: string]: unknown };
  sink: (bytes: Uint8Array) => void;
}

/**
 * Writes a run into the recording format: machine and AGV states, buffer levels, AGV motion segments,
 * notable events, per-device link quality (aggregated per second) and KPI series (sampled each minute).
 * Everything is read from the models' probes; records are stamped with the simulated time they are seen.
 */
export class Recorder {
  readonly writer: RecordingWriter;
  private readonly subs: Subscription[] = [];
  private readonly entity = new Map<string, number>();
  private readonly plant = 0;
  private lastMs = 0;
  private completedSinceSample = 0;
  /** Per traffic class (TRAFFIC_CLASSES order): packets finished and on time since the last sample. */
  private readonly finished = new Float64Array(TRAFFIC_CLASSES.length);
  private readonly onTime = new Float64Array(TRAFFIC_CLASSES.length);
  private readonly link = new Map<
    number,
    { sumLatency: number; delivered: number; total: number; untilMs: number }
  >();

  constructor(private readonly o: RecorderOptions) {
    const { model, fleet } = o;
    const layout = model.layout;
    const entities: EntityInfo[] = [{ path: '/factory', kind: 'plant' }];
    const add = (id: string, path: string, kind: string) => {
      this.entity.set(`${kind}:${id}`, entities.length);
      if (!this.entity.has(id)) this.entity.set(id, entities.length);
      entities.push({ path, kind });
    };
    for (const m of layout.machines) add(m.id, entityPath.machine(m.id), 'machine');
    for (const b of layout.buffers) add(b.id, entityPath.buffer(b.id), 'buffer');
    for (const a of layout.agvs) add(a.id, entityPath.agv(a.id), 'agv');
    for (const g of layout.gnbs) add(g.id, entityPath.gnb(g.id), 'cell');
    for (const d of layout.devices) add(d.id, entityPath.device(d.id), 'device');
    for (const z of layout.interferenceZones) add(z.id, entityPath.interference(z.id), 'interference');
    const series = [
      'throughput_parts_per_h',
      'wip_parts',
      ...layout.gnbs.flatMap((g) => [`prb_util_ul/${g.id}`, `prb_util_dl/${g.id}`]),
      ...(fleet === undefined ? [] : AGV_STATES.map((s) => `agv_count/${s}`)),
      ...(o.probes === undefined ? [] : TRAFFIC_CLASSES.map((c) => `ontime/${c}`)),
    ];
    // What the viewer needs to state the KPI window and draw target lines: the run's length, its warm-up
    // and each traffic class's on-time target (TS 22.104 availability, or the scenario's classOptions).
    const targets = resolveClassProfiles(model.network);
    const run = {
      durationMs: model.run.durationMs,
      warmUpMs: model.run.warmUpMs,
      onTimeTargets: Object.fromEntries(targets.map((p) => [p.trafficClass, p.targetReliability])),
    };
    this.series = new Map(series.map((s, i) => [s, i]));
    this.writer = new RecordingWriter({
      header: {
        metadata: { ...o.metadata, scenarioName: model.name, run },
        layout,
        entities,
        series,
        eventKinds: EVENT_KINDS,
        stateNames: { machine: [...MACHINE_STATES], agv: [...AGV_STATES], interference: ['off', 'on'] },
      },
      sink: o.sink,
    });
    this.subscribe();
    this.writeInitialStates();
    this.sampleAction = o.sim.action(() => this.sample(), { label: 'recorder sample', priority: 2047 });
    this.sampleAction.schedule(undefined, SAMPLE_MS);
  }

  private readonly series: Map<string, number>;
  private readonly sampleAction;

  private now(): number {
    // Records must not go back in time; probes report at the current simulated instant.
    this.lastMs = Math.max(this.lastMs, this.o.sim.now());
    return this.lastMs;
  }

  private subscribe(): void {
    const { factory, network, probes, fleet } = this.o;
    const w = this.writer;
    const kind = (k: string) => (EVENT_KINDS as readonly string[]).indexOf(k);
    const machineCode = new Map(MACHINE_STATES.map((s, i) => [s, i]));
    const agvCode = new Map(AGV_STATES.map((s, i) => [s, i] as const));
    const idOf = (k: string, id: string) => this.entity.get(`${k}:${id}`);
    this.subs.push(
      factory.probes.machineState.stream$.subscribe((e) => {
        const ent = idOf('machine', e.machineId);
        if (ent !== undefined) w.state(this.now(), ent, machineCode.get(e.state) ?? 0);
      }),
      factory.probes.bufferLevel.stream$.subscribe((e) => {
        const ent = idOf('buffer', e.bufferId);
        if (ent !== undefined) w.level(this.now(), ent, e.level);
      }),
      factory.probes.part.stream$.subscribe((e) => {
        if (e.kind === 'completed') this.completedSinceSample++;
      }),
      factory.probes.event.stream$.subscribe((e) => {
        const k = kind(e.kind);
        if (k >= 0) w.event(this.now(), this.entity.get(e.entityId) ?? this.plant, k);
      }),
    );
    if (probes !== undefined)
      this.subs.push(
        probes.notable.stream$.subscribe((e) => {
          const k = kind(e.kind);
          const ent =
            this.entity.get(e.subjectId) ?? this.entity.get(e.subjectId.split(':').pop() ?? '') ?? this.plant;
          if (k >= 0) w.event(this.now(), ent, k);
          if (e.kind === 'interferenceOn' || e.kind === 'interferenceOff') {
            const z = idOf('interference', e.subjectId);
            if (z !== undefined) w.state(this.now(), z, e.kind === 'interferenceOn' ? 1 : 0);
          }
        }),
        probes.linkSamples.stream$.subscribe((e) => {
          const c = TRAFFIC_CLASSES.indexOf(e.trafficClass);
          if (c >= 0) {
            this.finished[c]++;
            if (!e.lost && !e.late) this.onTime[c]++;
          }
          if (e.deviceId === null) return;
          const ent = idOf('device', e.deviceId);
          if (ent === undefined) return;
          const t = this.now();
          let acc = this.link.get(ent);
          if (acc === undefined) {
            acc = { sumLatency: 0, delivered: 0, total: 0, untilMs: t + LINK_WINDOW_MS };
            this.link.set(ent, acc);
          } else if (t >= acc.untilMs) {
            this.flushLink(ent, acc, t);
            acc.untilMs = t + LINK_WINDOW_MS;
          }
          acc.total++;
          if (!e.lost) {
            acc.delivered++;
            acc.sumLatency += e.latencyMs;
          }
        }),
      );
    if (network !== undefined)
      this.subs.push(
        network.probes.cellLoad.stream$.subscribe((e) => {
          const ul = this.series.get(`prb_util_ul/${e.cellId}`);
          const dl = this.series.get(`prb_util_dl/${e.cellId}`);
          const t = this.now();
          if (ul !== undefined) w.sample(t, ul, e.ulPrbUtilization);
          if (dl !== undefined) w.sample(t, dl, e.dlPrbUtilization);
        }),
      );
    if (fleet !== undefined) {
      const nodeIndex = new Map(this.o.model.layout.paths.nodes.map((n, i) => [n.id, i]));
      this.subs.push(
        fleet.probes.states.stream$.subscribe((e) => {
          const ent = idOf('agv', e.agvId);
          if (ent !== undefined) w.state(this.now(), ent, agvCode.get(e.state) ?? 0);
        }),
        fleet.probes.segments.stream$.subscribe((s) => {
          const ent = idOf('agv', s.agvId);
          const from = nodeIndex.get(s.fromNodeId);
          const to = nodeIndex.get(s.toNodeId);
          if (ent === undefined || from === undefined || to === undefined) return;
          const p = s.profile;
          const t = this.now();
          w.motion(
            t,
            ent,
            from,
            to,
            Math.max(t, s.startMs),
            Math.max(t, s.endMs),
            {
              v0Mps: p.v0Mps,
              vMaxMps: p.vCruiseMps,
              v1Mps: p.vEndMps,
              accelMps2: p.accelMps2,
              decelMps2: p.decelMps2,
              lengthM: p.lengthM,
            },
            s.startOffsetM,
          );
        }),
        fleet.probes.events.stream$.subscribe((e: { kind: string; entityId: string }) => {
          const k = kind(e.kind);
          if (k >= 0) w.event(this.now(), this.entity.get(e.entityId) ?? this.plant, k);
        }),
      );
    }
  }

  /** Probes report changes only: without these, a replay would not know a state until it first changes. */
  private writeInitialStates(): void {
    const { factory, fleet } = this.o;
    const w = this.writer;
    const t = this.now();
    const snapshot = factory.snapshot();
    for (const m of snapshot.machines) {
      const ent = this.entity.get(`machine:${m.id}`);
      if (ent !== undefined) w.state(t, ent, Math.max(0, MACHINE_STATES.indexOf(m.state)));
    }
    for (const b of snapshot.buffers) {
      const ent = this.entity.get(`buffer:${b.id}`);
      if (ent !== undefined) w.level(t, ent, b.level);
    }
    for (const v of fleet?.vehicles ?? []) {
      const ent = this.entity.get(`agv:${v.id}`);
      if (ent !== undefined) w.state(t, ent, Math.max(0, AGV_STATES.indexOf(v.state)));
    }
  }

  private flushLink(
    ent: number,
    acc: { sumLatency: number; delivered: number; total: number },
    t: number,
  ): void {
    if (acc.total === 0) return;
    const latency = acc.delivered === 0 ? Number.NaN : acc.sumLatency / acc.delivered;
    this.writer.link(t, ent, latency, acc.delivered / acc.total);
    acc.sumLatency = 0;
    acc.delivered = 0;
    acc.total = 0;
  }

  private sample(): void {
    const t = this.now();
    const w = this.writer;
    w.sample(
      t,
      this.series.get('throughput_parts_per_h')!,
      (this.completedSinceSample * 3_600_000) / SAMPLE_MS,
    );
    this.completedSinceSample = 0;
    w.sample(t, this.series.get('wip_parts')!, this.o.factory.partsInProcess());
    // Share of each class's packets finished since the last sample that arrived on time (none: no sample).
    TRAFFIC_CLASSES.forEach((c, i) => {
      const series = this.series.get(`ontime/${c}`);
      if (series !== undefined && this.finished[i] > 0)
        w.sample(t, series, this.onTime[i] / this.finished[i]);
    });
    this.finished.fill(0);
    this.onTime.fill(0);
    if (this.o.fleet !== undefined) {
      const counts = new Map<string, number>();
      for (const v of this.o.fleet.vehicles) counts.set(v.state, (counts.get(v.state) ?? 0) + 1);
      for (const s of AGV_STATES) w.sample(t, this.series.get(`agv_count/${s}`)!, counts.get(s) ?? 0);
    }
    if (t + SAMPLE_MS <= this.o.model.run.durationMs) this.sampleAction.schedule(undefined, SAMPLE_MS);
  }

  /** Flushes pending link windows and writes the index and footer. */
  finish(endMs: number): void {
    const t = this.now();
    for (const [ent, acc] of this.link) this.flushLink(ent, acc, t);
    for (const s of this.subs) s.unsubscribe();
    this.sampleAction.unsubscribe();
    this.writer.finish(Math.max(endMs, t));
  }
}
