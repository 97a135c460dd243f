// Checks of a NetworkConfig that its types cannot express, as problems with paths (the scenario loader maps
// them onto the scenario file; buildNetwork refuses a config with any).
import { antennaPatterns } from './antenna/registry';
import { channelModels } from './channel/registry';
import type { NetworkConfig } from './config';
import { DEFAULT_LINK_MODEL, linkModels } from './link-model/registry';
import { macSchedulers } from './mac/schedulers/registry';
import { profileProblems } from './ran-share/public-load';
import { policyProblems } from './ran-share/rrm-policy';
import { TRAFFIC_CLASSES } from './traffic-classes';
import {
  defaultSrOffsetSlots,
  defaultSrPeriodSlots,
  SR_PERIODS_SLOTS,
  srOccasionSlots,
} from './uplink-access';

export interface NetworkConfigProblem {
  /** Path segments into the NetworkConfig, e.g. ['slices', 0, 'prbShare']. */
  path: (string | number)[];
  message: string;
}

/** Everything wrong with `config`, in config order; empty when the network can be built. Pure. */
export function validateNetworkConfig(config: NetworkConfig): NetworkConfigProblem[] {
  const problems: NetworkConfigProblem[] = [];
  const say = (path: (string | number)[], message: string) => problems.push({ path, message });
  if (config.gnbs.length === 0) say(['gnbs'], 'the network needs at least one gNB');
  if (!macSchedulers.has(config.scheduler))
    say(
      ['scheduler'],
      `unknown MAC scheduler "${config.scheduler}"; registered: ${macSchedulers.names().join(', ')}`,
    );
  if (config.channelModel !== undefined && !channelModels.has(config.channelModel))
    say(
      ['channelModel'],
      `unknown channel model "${config.channelModel}"; registered: ${channelModels.names().join(', ')}`,
    );
  if (config.linkModel !== undefined && !linkModels.has(config.linkModel))
    say(
      ['linkModel'],
      `unknown link model "${config.linkModel}"; registered: ${linkModels.names().join(', ')}`,
    );
  else if (
    config.fidelity === 'flow' &&
    (config.linkModel ?? DEFAULT_LINK_MODEL) !== DEFAULT_LINK_MODEL &&
    linkModels.get(config.linkModel!).flow === undefined
  )
    say(
      ['linkModel'],
      `link model "${config.linkModel}" has no flow face (LinkModelFactory.flow): it needs fidelity 'packet'`,
    );
  uplinkAccessProblems(config, say);
  antennaProblems(config, say);
  let shareSum = 0;
  (config.slices ?? []).forEach((slice, s) => {
    if (!(slice.prbShare >= 0 && slice.prbShare <= 1))
      say(['slices', s, 'prbShare'], `slice ${slice.id}: prbShare must be in [0, 1], got ${slice.prbShare}`);
    else shareSum += slice.prbShare;
    slice.trafficClasses.forEach((tc, i) => {
      if (!(TRAFFIC_CLASSES as readonly string[]).includes(tc))
        say(['slices', s, 'trafficClasses', i], `unknown traffic class '${tc}'`);
    });
  });
  if (shareSum > 1 + 1e-9) say(['slices'], `slice PRB shares add up to ${shareSum} > 1`);
  const served = new Set<string>();
  config.devices.forEach((d, i) => {
    if (served.has(d.endpointId))
      say(['devices', i, 'endpointId'], `Two devices serve endpoint '${d.endpointId}'`);
    served.add(d.endpointId);
  });
  (config.wiredEndpoints ?? []).forEach((w, i) => {
    if (served.has(w)) say(['wiredEndpoints', i], `Endpoint '${w}' is both wired and served by a device`);
  });
  const share = config.ranShare;
  if (share !== undefined) {
    const load = share.publicLoad;
    for (const [path, message] of profileProblems(load.hourly))
      say(['ranShare', 'publicLoad', 'hourly', ...path], message);
    const ids = new Set(config.gnbs.map((g) => g.id));
    for (const [id, profile] of Object.entries(load.cells ?? {})) {
      if (!ids.has(id)) say(['ranShare', 'publicLoad', 'cells', id], `no gNB '${id}'`);
      for (const [path, message] of profileProblems(profile))
        say(['ranShare', 'publicLoad', 'cells', id, ...path], message);
    }
    const h = load.startHour;
    if (h !== undefined && !(Number.isInteger(h) && h >= 0 && h < 24))
      say(['ranShare', 'publicLoad', 'startHour'], `expected a clock hour 0..23, got ${h}`);
    if (share.policy !== undefined)
      for (const [field, message] of policyProblems(share.policy))
        say(['ranShare', 'policy', field], message);
  }
  return problems;
}

function uplinkAccessProblems(
  config: NetworkConfig,
  say: (path: (string | number)[], message: string) => void,
): void {
  const a = config.uplinkAccess;
  if (a === undefined) return;
  const at = (field: string, message: string) => say(['uplinkAccess', field], message);
  if (a.mode !== undefined && a.mode !== 'scheduled' && a.mode !== 'grantFree')
    at('mode', `expected 'scheduled' or 'grantFree', got ${JSON.stringify(a.mode)}`);
  if (a.srPeriodSlots !== undefined && !SR_PERIODS_SLOTS.includes(a.srPeriodSlots))
    at('srPeriodSlots', `expected one of ${SR_PERIODS_SLOTS.join(', ')} (TS 38.331), got ${a.srPeriodSlots}`);
  if (a.k2Slots !== undefined && !(Number.isInteger(a.k2Slots) && a.k2Slots >= 0 && a.k2Slots <= 32))
    at('k2Slots', `expected an integer 0…32 (TS 38.214 K2), got ${a.k2Slots}`);
  (a.configuredGrantClasses ?? []).forEach((tc, i) => {
    if (!(TRAFFIC_CLASSES as readonly string[]).includes(tc))
      say(['uplinkAccess', 'configuredGrantClasses', i], `unknown traffic class '${tc}'`);
  });
  const period = a.srPeriodSlots;
  if (period !== undefined && !SR_PERIODS_SLOTS.includes(period)) return;
  if (a.srOffsetSlots !== undefined) {
    const p = period ?? Math.min(...config.gnbs.map((g) => defaultSrPeriodSlots(g.tddPattern)));
    if (!(Number.isInteger(a.srOffsetSlots) && a.srOffsetSlots >= 0 && a.srOffsetSlots < p)) {
      at(
        'srOffsetSlots',
        `expected an integer 0 ≤ offset < the SR period (${p} slots), got ${a.srOffsetSlots}`,
      );
      return;
    }
  }
  if ((a.mode ?? 'scheduled') === 'grantFree') return;
  for (const g of config.gnbs) {
    const p = period ?? defaultSrPeriodSlots(g.tddPattern);
    const o = a.srOffsetSlots ?? defaultSrOffsetSlots(g.tddPattern, p);
    if (srOccasionSlots(g.tddPattern, p, o).length === 0) {
      at(
        a.srOffsetSlots === undefined ? 'srPeriodSlots' : 'srOffsetSlots',
        `no SR occasion (period ${p}, offset ${o} slots) falls on a U slot of gNB ${g.id}'s pattern '${g.tddPattern}'`,
      );
      return;
    }
  }
}

/** A NetworkConfig with problems: the message lists them all, each with its path. */
export class NetworkConfigError extends RangeError {
  override readonly name = 'NetworkConfigError';

  constructor(readonly problems: NetworkConfigProblem[]) {
    super(problems.map((p) => `${formatPath(p.path)}: ${p.message}`).join('\n'));
  }
}

function formatPath(path: (string | number)[]): string {
  return path.map((s, i) => (typeof s === 'number' ? `[${s}]` : i === 0 ? s : `.${s}`)).join('');
}

/** gNB antennas: a registered pattern, a finite azimuth, a downtilt between the horizon's sides (±90°). */
function antennaProblems(
  config: NetworkConfig,
  say: (path: (string | number)[], message: string) => void,
): void {
  config.gnbs.forEach((g, i) => {
    const a = g.antenna;
    if (a === undefined) return;
    const at = ['gnbs', i, 'antenna'];
    if (!antennaPatterns.has(a.pattern))
      say(
        [...at, 'pattern'],
        `unknown antenna pattern "${a.pattern}"; registered: ${antennaPatterns.names().join(', ')}`,
      );
    if (a.azimuthDeg !== undefined && !Number.isFinite(a.azimuthDeg))
      say([...at, 'azimuthDeg'], `expected a finite azimuth in degrees, got ${a.azimuthDeg}`);
    if (a.downtiltDeg !== undefined && !(a.downtiltDeg >= -90 && a.downtiltDeg <= 90))
      say(
        [...at, 'downtiltDeg'],
        `expected a downtilt from -90 to 90 degrees (90: straight down), got ${a.downtiltDeg}`,
      );
  });
}
