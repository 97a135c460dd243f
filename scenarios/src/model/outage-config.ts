import { OUTAGE_PROFILES, type OutageConfig, timesFromAvailability } from '@factory-twin/sim-core';
import type { Scenario } from '../scenario/schema';

const MIN = 60_000;
const H = 60 * MIN;

/**
 * The run's core / WAN outage process (sim-core network/outage), or undefined when there is none. On by
 * default for a 5G plant (the mode implies its SLA: public 99.9 %, slice 99.95 %, private an on-site core at
 * 99.99 %), except hybrid, whose WAN outage cuts no user-plane traffic (local breakout): it runs only when
 * `network.outages` says something. `enabled: false` switches it off; Wi-Fi, wired and unconnected plants
 * have none unless enabled. Fields left out take the mode's defaults (OUTAGE_PROFILES).
 */
export function outageConfig(s: Scenario): OutageConfig | undefined {
  const o = s.network.outages ?? {};
  const mode = s.network.deployment;
  const fiveG = (s.network.connectivity ?? '5g') === '5g';
  const given = Object.keys(o).some((k) => k !== 'enabled');
  const enabled = o.enabled ?? (fiveG && (mode !== 'hybrid' || given));
  if (!enabled) return undefined;
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
