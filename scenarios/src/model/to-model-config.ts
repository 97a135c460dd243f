import {
  type AgvConfig,
  type AgvVehicleConfig,
  antennaPatterns,
  type ConnectivityConfig,
  type DeviceConfig,
  type DistributionSpec,
  type FactoryConfig,
  HANDOVER_PRESETS,
  type HandoverConfig,
  type Layout,
  type MachineConfig,
  type NetworkConfig,
  type OperationConfig,
  type OutageConfig,
  type SetupConfig,
  type SourceConfig,
  type StreamSpec,
} from '@factory-twin/sim-core';
import { type DurationInput, scaleDistribution } from '../scenario/distribution-schema';
import type { NetworkSpec, Scenario } from '../scenario/schema';
import { definedOnly } from './defined-only';
import { maintenanceConfig } from './maintenance-config';
import { outageConfig } from './outage-config';
import { qualityConfig } from './quality-config';
import { ranShareConfig } from './ran-share-config';

/** Everything one run is built from, in sim-core's units (ms, m, dBm). */
export interface ModelConfig {
  name: string;
  factory: FactoryConfig;
  /** Present when parts move by AGV. */
  agv?: AgvConfig;
  network: NetworkConfig;
  /** Core / WAN outages (`network.outages` enabled). */
  outages?: OutageConfig;
  /** How the plant is connected, when the scenario names it (`network.connectivity`); absent: the 5G network. */
  connectivity?: ConnectivityConfig;
  /** Periodic flows the run opens on the network (telemetry, video); AGVs open their own motion control. */
  streams: StreamSpec[];
  layout: Layout;
  run: { durationMs: number; warmUpMs: number; seed: number | string; replications: number };
}

const S = 1000;
const MIN = 60 * S;
const H = 60 * MIN;

/** The control system's endpoint (the application server behind the UPF). */
export const CONTROL = 'control';

// Defaults for values a scenario may leave out; each an assumption unless noted.
const DEFAULTS = {
  gatewayConversionDelayMs: 20, // assumption: protocol conversion in an industrial gateway
  accelMps2: 0.5, // assumption: typical loaded AGV acceleration
  gnbAntennaGainDbi: 5, // assumption: indoor small-cell antenna
  gnbNoiseFigureDb: 5, // assumption: typical gNB noise figure (TS 38.104 allows up to ~7 dB at FR1)
  deviceHeightM: 1.5, // TR 38.901 InF: UT height 1.5 m
  deviceAntennaGainDbi: 0, // assumption: omni module antenna
  // Battery that never asks to charge: the fleet model needs one; chargeThreshold 0 = never charges.
  battery: { capacityWh: 2000, consumptionWhPerM: 0, chargeThreshold: 0, chargeRateW: 1000 },
} as const;

/** A gNB's peak gain when the scenario gives none: its pattern's source's (sector 8 dBi), else 5 dBi. */
function defaultGnbGainDbi(pattern: string | undefined): number {
  const factory =
    pattern !== undefined && antennaPatterns.has(pattern) ? antennaPatterns.get(pattern) : undefined;
  return factory?.defaultGainDbi ?? DEFAULTS.gnbAntennaGainDbi;
}

/** Converts a validated scenario (friendly units) into sim-core's configs (ms, SI). */
export function toModelConfig(scenario: Scenario): ModelConfig {
  return {
    name: scenario.name,
    factory: factoryConfig(scenario),
    ...(scenario.transport.kind === 'agv' ? { agv: agvConfig(scenario) } : {}),
    network: networkConfig(scenario),
    ...withOutages(scenario),
    ...(scenario.network.connectivity === undefined ? {} : { connectivity: connectivityConfig(scenario) }),
    streams: streamSpecs(scenario),
    layout: layout(scenario),
    run: {
      durationMs: scenario.run.lengthH * H,
      warmUpMs: scenario.run.warmupH * H,
      seed: scenario.run.seed,
      replications: scenario.run.replications,
    },
  };
}

function factoryConfig(s: Scenario): FactoryConfig {
  const machineById = new Map(s.machines.map((m) => [m.id, m]));
  const flow = (cls: string) => s.network.traffic.find((t) => t.trafficClass === cls);
  const statusBytes = flow('machineStatus')?.sizeBytes;
  const orderBytes = flow('controlOrder')?.sizeBytes;
  return {
    products: s.products.map((p) => ({
      id: p.id,
      routing: p.routing.map(
        (step, i): OperationConfig => ({
          operation: step.operation ?? `op${i + 1}`,
          machines: step.machineIds,
          cycleTime:
            step.cycleTimeS !== undefined
              ? scaleDistribution(step.cycleTimeS, S)
              : Object.fromEntries(
                  step.machineIds.map((id) => [
                    id,
                    scaleDistribution(machineById.get(id)?.cycleTimeS ?? 0, S),
                  ]),
                ),
        }),
      ),
      ...(p.sinkId === undefined ? {} : { sinkId: p.sinkId }),
      ...(p.transportPriority === undefined ? {} : { transportPriority: p.transportPriority }),
    })),
    machines: s.machines.map((m): MachineConfig => {
      const failures = m.failures;
      return {
        id: m.id,
        type: m.type,
        position: { xM: m.xM, yM: m.yM },
        sizeM: { w: m.widthM, d: m.depthM },
        inputBufferId: m.inputBufferId,
        outputBufferId: m.outputBufferId,
        ...(m.setupTimeS === undefined && m.setupTimesS === undefined ? {} : { setupTimes: setupTimes(m) }),
        ...(failures === undefined
          ? {}
          : {
              failures: {
                kind: failures.model ?? (failures.mtbfH !== undefined ? 'time' : 'count'),
                ...(failures.mtbfH === undefined ? {} : { mtbfMs: failures.mtbfH * H }),
                ...(failures.meanCyclesBetweenFailures === undefined
                  ? {}
                  : { meanCyclesBetweenFailures: failures.meanCyclesBetweenFailures }),
                ...(failures.parameters === undefined ? {} : { parameters: failures.parameters }),
                ...(typeof failures.mttrMin === 'number'
                  ? { mttrMs: failures.mttrMin * MIN }
                  : { repairTime: scaleDistribution(failures.mttrMin, MIN) }),
              },
            }),
        ...(m.scrapProbability === undefined ? {} : { scrapProbability: m.scrapProbability }),
        ...(m.defectProbability === undefined ? {} : { defectProbability: m.defectProbability }),
        ...(m.legacy ? { legacy: true, gatewayId: m.gatewayId } : {}),
      };
    }),
    buffers: s.buffers.map((b) => ({ id: b.id, capacity: b.capacity, position: { xM: b.xM, yM: b.yM } })),
    sources: s.sources.map((src): SourceConfig => {
      const at = s.buffers.find((b) => b.id === src.bufferId);
      return {
        id: src.id,
        stationId: src.bufferId,
        ...(at === undefined ? {} : { position: { xM: at.xM, yM: at.yM } }),
        ...(src.interarrivalS === undefined ? {} : { interarrival: scaleDistribution(src.interarrivalS, S) }),
        ...(src.productMix === undefined ? {} : { productMix: src.productMix }),
        ...(src.startH === undefined ? {} : { startMs: src.startH * H }),
        ...(src.stopH === undefined ? {} : { stopMs: src.stopH * H }),
        ...(src.schedule === undefined
          ? {}
          : {
              schedule: src.schedule.map((o) => ({
                atMs: o.atH * H,
                productId: o.productId,
                count: o.count,
              })),
            }),
        ...(src.dueInH === undefined ? {} : { orders: { dueInMs: src.dueInH * H } }),
      };
    }),
    sinks: s.sinks.map((k) => ({ id: k.id, position: { xM: k.xM, yM: k.yM }, kind: k.kind ?? 'sink' })),
    gateways: (s.gateways ?? []).map((g) => ({
      id: g.id,
      conversionDelayMs: g.conversionDelayMs ?? DEFAULTS.gatewayConversionDelayMs,
      ...(g.aggregationIntervalMs === undefined ? {} : { aggregationIntervalMs: g.aggregationIntervalMs }),
      position: { xM: g.xM, yM: g.yM },
    })),
    ...(s.shifts === undefined
      ? {}
      : {
          calendar: {
            cycleMs: s.shifts.cycleH * H,
            periods: s.shifts.periods.map((p) => ({ startMs: p.startH * H, endMs: p.endH * H })),
          },
        }),
    warmUpMs: s.run.warmupH * H,
    transport:
      s.transport.kind === 'agv'
        ? 'agv'
        : s.transport.kind === 'instant'
          ? 'instant'
          : { fixedDelayMs: s.transport.delayS * S },
    control: {
      ...(statusBytes === undefined ? {} : { statusBytes }),
      ...(orderBytes === undefined ? {} : { orderBytes }),
    },
    ...(s.maintenance === undefined ? {} : { maintenance: maintenanceConfig(s.maintenance) }),
    ...(s.quality === undefined ? {} : { quality: qualityConfig(s.quality) }),
  };
}

function agvConfig(s: Scenario): AgvConfig {
  const fleet = s.agvs!;
  const paths = s.paths!;
  const motion = s.network.traffic.find((t) => t.trafficClass === 'motionControl');
  return {
    network: {
      nodes: paths.nodes.map((n) => ({ id: n.id, xM: n.xM, yM: n.yM })),
      edges: paths.edges.map((e) => ({
        from: e.from,
        to: e.to,
        twoWay: e.twoWay ?? true,
        ...(e.speedLimitMps === undefined ? {} : { speedLimitMps: e.speedLimitMps }),
      })),
      stations: [
        ...s.buffers.flatMap((b) =>
          b.nodeId === undefined ? [] : [{ id: b.id, nodeId: b.nodeId, kind: 'buffer' as const }],
        ),
        ...s.sinks.flatMap((k) =>
          k.nodeId === undefined
            ? []
            : [
                {
                  id: k.id,
                  nodeId: k.nodeId,
                  kind: k.kind === 'warehouse' ? ('warehouse' as const) : ('buffer' as const),
                },
              ],
        ),
        ...(fleet.chargers ?? []).map((c) => ({ id: c.id, nodeId: c.nodeId, kind: 'charger' as const })),
      ],
    },
    fleet: fleet.vehicles.map(
      (v): AgvVehicleConfig => ({
        id: v.id,
        startNodeId: v.startNodeId,
        maxSpeedMps: v.speedMps ?? fleet.speedMps,
        accelMps2: fleet.accelMps2 ?? DEFAULTS.accelMps2,
        decelMps2: fleet.decelMps2 ?? DEFAULTS.accelMps2,
        loadTimeMs: fleet.loadTimeS * S,
        unloadTimeMs: fleet.unloadTimeS * S,
        battery: fleet.battery ?? { ...DEFAULTS.battery },
      }),
    ),
    dispatch: fleet.dispatch ?? 'nearestIdle',
    ...(motion?.intervalMs === undefined
      ? {}
      : {
          motionControl: {
            intervalMs: motion.intervalMs,
            sizeBytes: motion.sizeBytes,
            survivalTimeMs: motion.survivalTimeMs ?? motion.intervalMs,
          },
        }),
  };
}

function networkConfig(s: Scenario): NetworkConfig {
  const n = s.network;
  const ranShare = ranShareConfig(s);
  const c = n.carrier;
  const cameraById = new Map((s.cameras ?? []).map((cam) => [cam.id, cam]));
  // Class options from every flow of the class (the loader rejects flows of one class that disagree on a
  // class-wide setting; for messages of the class, the last flow's deadline counts).
  const classOptions: NonNullable<NetworkConfig['classOptions']> = {};
  for (const t of n.traffic) {
    const options = definedOnly({
      deadlineMs: t.deadlineMs,
      gbrMbps: t.gbrMbps,
      availabilityPct: t.availabilityPct,
    });
    if (Object.keys(options).length > 0)
      classOptions[t.trafficClass] = { ...classOptions[t.trafficClass], ...options };
  }
  return {
    gnbs: n.gnbs.map((g) => {
      // A gNB's own carrier overrides network.carrier field by field.
      const own = g.carrier ?? {};
      const specialSlot = own.specialSlot ?? c.specialSlot;
      return {
        id: g.id,
        xM: g.xM,
        yM: g.yM,
        heightM: g.heightM,
        carrierGHz: own.frequencyGHz ?? c.frequencyGHz,
        bandwidthMHz: own.bandwidthMHz ?? c.bandwidthMHz,
        scsKHz: own.scsKHz ?? c.scsKHz,
        tddPattern: own.tddPattern ?? c.tddPattern,
        ...(specialSlot === undefined ? {} : { specialSlot }),
        txPowerDbm: g.txPowerDbm,
        antennaGainDbi: g.antennaGainDbi ?? defaultGnbGainDbi(g.antenna?.pattern),
        ...(g.antenna === undefined ? {} : { antenna: { ...g.antenna } }),
        noiseFigureDb: g.noiseFigureDb ?? DEFAULTS.gnbNoiseFigureDb,
        ...(g.mimoLayers === undefined ? {} : { mimoLayers: g.mimoLayers }),
      };
    }),
    devices: n.devices.map((d): DeviceConfig => {
      const camera =
        d.kind === 'camera' && d.attachedTo !== undefined ? cameraById.get(d.attachedTo) : undefined;
      return {
        id: d.id,
        endpointId: d.attachedTo ?? d.id,
        powerClassDbm: d.powerClassDbm ?? 23,
        heightM: d.heightM ?? camera?.heightM ?? DEFAULTS.deviceHeightM,
        antennaGainDbi: d.antennaGainDbi ?? DEFAULTS.deviceAntennaGainDbi,
        mobile: d.kind === 'agv',
        ...(d.xM === undefined || d.yM === undefined ? {} : { xM: d.xM, yM: d.yM }),
      };
    }),
    clutter: { density: n.clutter.density, heightM: n.clutter.heightM, sizeM: n.clutter.sizeM },
    interferenceZones: (n.interferenceZones ?? []).map((z) => ({
      id: z.id,
      xM: z.xM,
      yM: z.yM,
      powerDbm: z.powerDbm,
      ...(z.carrierGHz === undefined ? {} : { carrierGHz: z.carrierGHz }),
      ...(z.heightM === undefined ? {} : { heightM: z.heightM }),
      ...(z.activeH === undefined
        ? {}
        : { schedule: z.activeH.map((p) => ({ startMs: p.startH * H, endMs: p.endH * H })) }),
    })),
    deployment: {
      mode: n.deployment,
      ...(n.coreDelay === undefined ? {} : { overrides: definedOnly(n.coreDelay) }),
    },
    ...(ranShare === undefined ? {} : { ranShare }),
    scheduler: n.scheduler ?? 'proportionalFair',
    ...(n.fidelity === undefined ? {} : { fidelity: n.fidelity }),
    ...(n.channelModel === undefined ? {} : { channelModel: n.channelModel }),
    ...(n.linkModel === undefined ? {} : { linkModel: n.linkModel }),
    ...(n.fading === undefined ? {} : { fading: n.fading }),
    ...(n.slices === undefined ? {} : { slices: n.slices }),
    ...(n.handover === undefined ? {} : { handover: handoverConfig(n.handover) }),
    ...(n.uplinkPowerControl === undefined ? {} : { uplinkPowerControl: definedOnly(n.uplinkPowerControl) }),
    ...(n.linkAdaptation === undefined ? {} : { linkAdaptation: definedOnly(n.linkAdaptation) }),
    ...(n.uplinkAccess === undefined ? {} : { uplinkAccess: definedOnly(n.uplinkAccess) }),
    classOptions,
    wiredEndpoints: [CONTROL],
  };
}

/** The preset's settings (default: the planner's), with the fields the scenario gives over them. */
function handoverConfig(h: NonNullable<NetworkSpec['handover']>): HandoverConfig {
  const { preset, a3OffsetDb, ...fields } = h;
  return {
    ...HANDOVER_PRESETS[preset ?? 'planner'],
    ...(a3OffsetDb === undefined ? {} : { offsetDb: a3OffsetDb }),
    ...definedOnly(fields),
  };
}

function withOutages(scenario: Scenario): { outages?: OutageConfig } {
  const outages = outageConfig(scenario);
  return outages === undefined ? {} : { outages };
}

function connectivityConfig(s: Scenario): ConnectivityConfig {
  const n = s.network;
  const delayS = n.unconnected?.dispatchDelayS;
  return {
    kind: n.connectivity ?? '5g',
    ...(n.wifi === undefined ? {} : { wifi: definedOnly(n.wifi) }),
    ...(n.wired === undefined ? {} : { wired: definedOnly(n.wired) }),
    ...(delayS === undefined ? {} : { unconnected: { dispatchDelayMs: delayS * S } }),
  };
}

/**
 * The radio sites and radios the layout shows: the gNBs and devices under 5G; the access points (at the
 * gNB sites unless given) under Wi-Fi; under "wired" only the AGVs' radios (machines are on cables);
 * nothing when there is no radio network ("unconnected", "ideal").
 */
function radioLayout(s: Scenario): Pick<Layout, 'gnbs' | 'devices'> {
  const n = s.network;
  const kind = n.connectivity ?? '5g';
  const devices = n.devices.map((d) => ({ id: d.id, endpointId: d.attachedTo ?? d.id, kind: d.kind }));
  const gnbs = n.gnbs.map((g) => ({ id: g.id, xM: g.xM, yM: g.yM, heightM: g.heightM }));
  const aps =
    n.wifi?.accessPoints?.map((a) => ({ id: a.id, xM: a.xM, yM: a.yM, heightM: a.heightM ?? 3 })) ?? gnbs;
  switch (kind) {
    case '5g':
      return { gnbs, devices };
    case 'wifi':
      return { gnbs: aps, devices };
    case 'wired':
      return {
        gnbs: (n.wired?.mobile ?? 'wifi') === '5g' ? gnbs : aps,
        devices: devices.filter((d) => d.kind === 'agv'),
      };
    case 'unconnected':
    case 'ideal':
      return { gnbs: [], devices: [] };
    default:
      return { gnbs, devices }; // a connectivity of one's own: as given
  }
}

/** Telemetry and video flows, one stream per sending device; motion control belongs to the AGV fleet. */
function streamSpecs(s: Scenario): StreamSpec[] {
  const out: StreamSpec[] = [];
  const cameraById = new Map((s.cameras ?? []).map((cam) => [cam.id, cam]));
  for (const flow of s.network.traffic) {
    if (flow.intervalMs === undefined || flow.trafficClass === 'motionControl') continue;
    for (const d of s.network.devices) {
      const sends = flow.deviceIds?.includes(d.id) || flow.deviceKinds?.includes(d.kind);
      if (!sends) continue;
      const endpoint = d.attachedTo ?? d.id;
      const camera = flow.trafficClass === 'video' ? cameraById.get(endpoint) : undefined;
      // A camera's own bitrate sets its frame size: bytes per interval = Mbps × 1e6 / 8 × interval.
      const sizeBytes =
        camera === undefined
          ? flow.sizeBytes
          : Math.round(((camera.bitrateMbps * 1e6) / 8) * (flow.intervalMs / S));
      out.push({
        id: `${flow.id}:${endpoint}`,
        from: endpoint,
        to: CONTROL,
        trafficClass: flow.trafficClass,
        intervalMs: flow.intervalMs,
        sizeBytes,
        ...(flow.deadlineMs === undefined ? {} : { deadlineMs: flow.deadlineMs }),
        ...(flow.survivalTimeMs === undefined ? {} : { survivalTimeMs: flow.survivalTimeMs }),
        ...(flow.source === undefined ? {} : { source: flow.source }),
      });
    }
  }
  return out;
}

function layout(s: Scenario): Layout {
  const nodes = new Map((s.paths?.nodes ?? []).map((n) => [n.id, n]));
  // A charger stands at its path node (references.ts checks that the node exists).
  const chargers =
    s.transport.kind === 'agv'
      ? (s.agvs?.chargers ?? []).flatMap((c) => {
          const n = nodes.get(c.nodeId);
          return n ? [{ id: c.id, xM: n.xM, yM: n.yM }] : [];
        })
      : [];
  return {
    name: s.name,
    floor: { widthM: s.floor.widthM, depthM: s.floor.depthM },
    zones: (s.zones ?? []).map((z) => ({
      id: z.id,
      label: z.label,
      xM: z.xM,
      yM: z.yM,
      widthM: z.widthM,
      depthM: z.depthM,
    })),
    machines: s.machines.map((m) => ({
      id: m.id,
      xM: m.xM,
      yM: m.yM,
      type: m.type,
      widthM: m.widthM,
      depthM: m.depthM,
      legacy: m.legacy ?? false,
      ...(m.gatewayId === undefined ? {} : { gatewayId: m.gatewayId }),
    })),
    buffers: [
      ...s.buffers.map((b) => ({ id: b.id, xM: b.xM, yM: b.yM, capacity: b.capacity })),
      ...s.sinks.map((k) => ({ id: k.id, xM: k.xM, yM: k.yM, capacity: null })),
    ],
    gateways: (s.gateways ?? []).map((g) => ({ id: g.id, xM: g.xM, yM: g.yM })),
    paths: {
      nodes: (s.paths?.nodes ?? []).map((n) => ({ id: n.id, xM: n.xM, yM: n.yM })),
      edges: (s.paths?.edges ?? []).map((e) => ({ from: e.from, to: e.to, twoWay: e.twoWay ?? true })),
    },
    agvs:
      s.transport.kind === 'agv'
        ? (s.agvs?.vehicles ?? []).map((v) => ({ id: v.id, startNodeId: v.startNodeId }))
        : [],
    ...(chargers.length > 0 ? { chargers } : {}),
    ...radioLayout(s),
    cameras: (s.cameras ?? []).map((c) => ({ id: c.id, xM: c.xM, yM: c.yM })),
    interferenceZones: (s.network.interferenceZones ?? []).map((z) => ({
      id: z.id,
      xM: z.xM,
      yM: z.yM,
      radiusM: z.radiusM,
      powerDbm: z.powerDbm,
    })),
  };
}

/** A cycle time or other duration given in seconds, as sim-core wants it (ms). */
export function secondsToMs(spec: number | DistributionSpec): DistributionSpec {
  return scaleDistribution(spec, S);
}

function setupTimes(m: Scenario['machines'][number]): SetupConfig {
  const scale = (d: DurationInput) => scaleDistribution(d, S);
  const { byProduct, matrix } = m.setupTimesS ?? {};
  const mapValues = <T, U>(r: Record<string, T>, f: (v: T) => U) =>
    Object.fromEntries(Object.entries(r).map(([k, v]) => [k, f(v)]));
  return {
    ...(m.setupTimeS === undefined ? {} : { default: scale(m.setupTimeS) }),
    ...(byProduct === undefined ? {} : { byProduct: mapValues(byProduct, scale) }),
    ...(matrix === undefined ? {} : { matrix: mapValues(matrix, (row) => mapValues(row, scale)) }),
  };
}
