// What every part of the flow model shares: the radio environment, the devices, the traffic tiers, each
// cell's load per direction, the link budget (its interference from the loads, flow-interference.ts), the
// core delay and HARQ settings. Built once per network; the parts keep references, nothing is copied.
import type { RandomStreams } from '../../engine/random';
import type { Simulation } from '../../engine/simulation';
import type { NetworkConfig } from '../config';
import { DeviceState, NormalSource } from '../device';
import { LinkAdapter, reliableLinkAdaptation } from '../link-adaptation';
import { LinkBudget, type PowerControl } from '../link-budget';
import { DEFAULT_LINK_MODEL, linkModels } from '../link-model/registry';
import { CQI_TARGET_BLER, DEFAULT_MAX_HARQ_RETRANSMISSIONS } from '../radio/cqi';
import { CORE_DELAY_PROFILES } from '../radio/deployment';
import { RadioEnvironment } from '../radio-environment';
import { RanShare } from '../ran-share/ran-share';
import { type Dir, DL, UL } from '../tdd-grid';
import { type ClassProfile, resolveClassProfiles } from '../traffic-classes';
import { buildUplinkAccess, type UplinkAccess } from '../uplink-access';
import { CellLoad } from './cell-load';
import type { CoreModel } from './delay-distribution';
import { FlowFading } from './flow-fading';
import { FlowInterference } from './flow-interference';

export interface FlowRadio {
  readonly sim: Simulation;
  readonly config: NetworkConfig;
  readonly env: RadioEnvironment;
  readonly power: PowerControl;
  readonly budget: LinkBudget;
  readonly interference: FlowInterference;
  readonly profiles: ClassProfile[];
  /** Per class: 1 for classes with a tighter BLER target (their flows take the reliable MCS, CQI table 3). */
  readonly classTier: Uint8Array;
  /** SR → grant timing of UL data and the configured-grant classes (null: grant-free). */
  readonly ulAccess: UplinkAccess | null;
  /** Traffic tier of each class (GBR classes first, then one tier, or one per 5QI priority level). */
  readonly tierOf: number[];
  readonly devices: DeviceState[];
  readonly deviceByEndpoint: Map<string, DeviceState>;
  /** Per cell: [UL, DL]. */
  readonly loads: [CellLoad, CellLoad][];
  /** The public users' claim on shared cells (ran-share/); null: the factory's own cells. */
  readonly ranShare: RanShare | null;
  readonly core: CoreModel;
  /** First transmission plus HARQ retransmissions. */
  readonly maxAttempts: number;
  /** Per cell. */
  readonly harqProcessingMs: number[];
  readonly zoneState: { active: Uint8Array; epoch: number };
  /** The link model's fading averaged per link (flow-fading.ts); null: the built-in abstraction (no fading). */
  readonly fading: FlowFading | null;
  /** Per device: its speed between its last two geometry points (flow-mobility.ts), for the fades' Doppler. */
  readonly speedMps: Float64Array;
}

export function buildFlowRadio(
  sim: Simulation,
  config: NetworkConfig,
  streams: RandomStreams,
  powerControl: PowerControl,
): FlowRadio {
  const env = new RadioEnvironment(config, streams);
  const profiles = resolveClassProfiles(config);
  const la = config.linkAdaptation ?? {};
  const blerTarget = la.blerTarget ?? CQI_TARGET_BLER;
  const cqiTable = la.cqiTable ?? 2;
  // The link model's BLER curves, if it has its own (link adaptation then meets the target on them), as the packet model.
  const linkModelName = config.linkModel ?? DEFAULT_LINK_MODEL;
  const linkModel = linkModels.get(linkModelName);
  const adapter = new LinkAdapter(cqiTable, blerTarget, linkModel.curves?.(cqiTable));
  // Classes with a tighter BLER target (URLLC: 1e-5): CQI table 3 at the tightest, as the packet model.
  const { adapter: reliable, classTier } = reliableLinkAdaptation(profiles, blerTarget, (table) =>
    linkModel.curves?.(table),
  );
  const power = { ...powerControl, ...config.uplinkPowerControl };
  const zoneState = { active: new Uint8Array(env.zones.length), epoch: 0 };
  const interCell = config.interCellInterference ?? 'load';
  const c = { ...CORE_DELAY_PROFILES[config.deployment.mode], ...config.deployment.overrides };
  const core = { meanMs: c.meanMs, jitterMs: c.jitterMs, minMs: c.minMs };
  const maxAttempts = 1 + (la.maxHarqRetransmissions ?? DEFAULT_MAX_HARQ_RETRANSMISSIONS);
  const harqProcessingMs = env.cells.map((cell) => la.harqProcessingMs ?? cell.grid.slotMs);

  // Tiers: GBR classes first, then the discipline (one tier, or one per 5QI priority level).
  const levels = [...new Set(profiles.map((p) => p.qos.priorityLevel))].sort((a, b) => a - b);
  const hasGbr = profiles.some((p) => p.gbrBitsPerMs > 0);
  const base = hasGbr ? 1 : 0;
  const tierOf = profiles.map((p) =>
    p.gbrBitsPerMs > 0
      ? 0
      : base + (config.scheduler === 'priority' ? levels.indexOf(p.qos.priorityLevel) : 0),
  );
  const tiers = Math.max(...tierOf) + 1;

  const sliceOfClass = profiles.map(() => -1);
  const deviceByEndpoint = new Map<string, DeviceState>();
  const devices = config.devices.map((d, i) => {
    if (deviceByEndpoint.has(d.endpointId))
      throw new RangeError(`Two devices serve endpoint '${d.endpointId}'`);
    const dev = new DeviceState(
      i,
      d,
      env.cells,
      env.zones.length,
      profiles,
      sliceOfClass,
      streams.stream(d.id, 'network.harq'),
      new NormalSource(streams.stream(d.id, 'network.core')),
    );
    deviceByEndpoint.set(d.endpointId, dev);
    return dev;
  });
  for (const w of config.wiredEndpoints ?? [])
    if (deviceByEndpoint.has(w)) throw new RangeError(`Endpoint '${w}' is both wired and served by a device`);
  const ranShare = config.ranShare === undefined ? null : new RanShare(config.ranShare, env.cells);
  const loads = env.cells.map(
    (cell) =>
      [UL, DL].map(
        (dir) =>
          new CellLoad(
            cell.index,
            dir as Dir,
            config.scheduler === 'priority' ? 'fifo' : 'ps',
            cell.nPrb,
            cell.grid.symbolsPerMs(dir as Dir),
            tiers,
            ranShare?.cell(cell.index, dir as Dir) ?? null,
            cell.grid.periodMs / cell.grid.count(dir as Dir),
          ),
      ) as [CellLoad, CellLoad],
  );
  const interference = new FlowInterference(env, loads, interCell);
  const flowFace =
    linkModel.flow?.({ config, cells: env.cells, channel: env.channel, streams, cqiTable }) ?? null;
  if (flowFace === null && linkModelName !== DEFAULT_LINK_MODEL)
    throw new RangeError(`link model "${linkModelName}" has no flow face: it needs fidelity 'packet'`);
  const budget = new LinkBudget(env, adapter, power, zoneState, interCell, interference, reliable);
  return {
    sim,
    config,
    env,
    power,
    budget,
    interference,
    profiles,
    classTier,
    ulAccess: buildUplinkAccess(config, env.cells, profiles),
    tierOf,
    devices,
    deviceByEndpoint,
    loads,
    ranShare,
    core,
    maxAttempts,
    harqProcessingMs,
    zoneState,
    fading: flowFace === null ? null : new FlowFading(flowFace, maxAttempts),
    speedMps: new Float64Array(devices.length),
  };
}
