import { OUTAGE_PROFILES, type OutageConfig, timesFromAvailability } from '@factory-twin/sim-core';
import type { Scenario } from '../scenario/schema';

const MIN = 60_000;
const H = 60 * MIN;

/**
 * The run's core / WAN outage process (sim-core network/outage), or undefined when `network.outages` is
 * absent or not enabled. Fields left out take the deployment mode's defaults (OUTAGE_PROFILES).
 */
export function outageConfig(s: Scenario): OutageConfig | undefined {
  const o = s.network.outages;
  if (o === undefined || o.enabled !== true) return undefined;
  const mode = s.network.deployment;
  const profile = OUTAGE_PROFILES[mode];
  if (o.mtbfH !== undefined || o.mttrMin !== undefined) {
    const mttrMs = (o.mttrMin ?? profile.meanOutageMin) * MIN;
    const mtbfMs =
      o.mtbfH !== undefined ? o.mtbfH * H : timesFromAvailability(profile.availabilityPct, mttrMs).mtbfMs;
    return { mode, times: { mtbfMs, mttrMs } };
  }
  return {
    mode,
    times: timesFromAvailability(
      o.availabilityPct ?? profile.availabilityPct,
      (o.meanOutageMin ?? profile.meanOutageMin) * MIN,
    ),
  };
}
