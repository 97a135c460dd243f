// Configuration of the industrial Wi-Fi model: plain, JSON-friendly types (scenarios/ mirrors them).

export interface AccessPointConfig {
  id: string;
  xM: number;
  yM: number;
  /** Antenna height (default: 3 m; at a 5G site: the site's height). */
  heightM?: number;
  /** IEEE 802.11 channel number: 1–14 (2.4 GHz) or 32–177 (5 GHz). APs on the same channel that hear each other share the air. */
  channel: number;
  /** Transmit power (default 20 dBm). */
  txPowerDbm?: number;
  /** Antenna gain (default 3 dBi). */
  antennaGainDbi?: number;
}

export interface WifiConfig {
  /** The access points; default: one at each 5G site (gNB) of the network config, channels 36, 40, 44, 48 in turn. */
  accessPoints?: AccessPointConfig[];
  /**
   * IEEE 802.11r fast BSS transition (default true): a roam interrupts the link for
   * `DEFAULT_ROAMING_INTERRUPTION_MS.fastTransition`, without it for `.full`.
   */
  fastTransition?: boolean;
  /** Overrides the roaming interruption that `fastTransition` selects, ms. */
  roamingInterruptionMs?: number;
  /** A station looks for a better AP only while its own is weaker than this (default -70 dBm). */
  roamThresholdDbm?: number;
  /** …and roams to one at least this much stronger (default 5 dB). */
  roamHysteresisDb?: number;
  /** Forces one PHY rate for every station, Mbit/s; default: from the received power (MCS table). */
  phyRateMbps?: number;
  /** Transmission attempts of a frame before it is dropped (default 7, dot11ShortRetryLimit). */
  retryLimit?: number;
  /** Frames a station (or an AP, per direction) can queue (default 64). */
  queueLimitFrames?: number;
  /** One-way delay AP ↔ control system over the plant LAN, ms (default 0.1). */
  lanDelayMs?: number;
  /** A moving station checks its association at most this often while it sends (default 100 ms). */
  mobilityCheckMs?: number;
}

/**
 * Link interruption of a roam, ms (assumptions inside measured ranges). Without fast transition a station
 * probes the channels, authenticates and reassociates: Mishra, Shin and Arbaugh, "An empirical analysis of
 * the IEEE 802.11 MAC layer handoff process", ACM SIGCOMM CCR 33(2), 2003, measured 53–420 ms, most of it
 * scanning; with WPA2-Enterprise the 802.1X exchange adds more. IEEE 802.11r (fast BSS transition, FT
 * authentication + reassociation with cached keys, 802.11k neighbour reports instead of a scan) brings it
 * to tens of ms (vendor guides aim at under 50 ms).
 */
export const DEFAULT_ROAMING_INTERRUPTION_MS = Object.freeze({
  fastTransition: 40, // assumption: 802.11r FT, "tens of ms"
  full: 300, // assumption: inside Mishra et al.'s 53–420 ms, 802.1X re-authentication on top
});

export const WIFI_DEFAULTS = Object.freeze({
  apHeightM: 3, // assumption: ceiling- or pillar-mounted AP below the crane rails
  apTxPowerDbm: 20, // assumption: 100 mW, inside the 23 dBm EIRP limit of 5150–5350 MHz (ETSI EN 301 893)
  apAntennaGainDbi: 3, // assumption: omni AP antenna
  roamThresholdDbm: -70, // assumption: typical client roaming trigger
  roamHysteresisDb: 5, // assumption
  retryLimit: 7, // IEEE 802.11-2016 Annex C, dot11ShortRetryLimit default 7
  queueLimitFrames: 64, // assumption
  lanDelayMs: 0.1, // assumption: two switched Gigabit Ethernet hops (store-and-forward 12 µs per 1500 B frame) and stacks
  mobilityCheckMs: 100, // assumption: 12 cm of AGV travel at 1.2 m/s
  channels: [36, 40, 44, 48], // the four 20 MHz UNII-1 channels, no overlap
  /** Preamble-detect CCA threshold: a 20 MHz OFDM frame at or above this power keeps the medium busy (IEEE 802.11-2016 §17.3.10.6). */
  ccaThresholdDbm: -82,
});

/**
 * HT MCS 0–7, 20 MHz, one spatial stream, 800 ns guard interval: data rate (IEEE 802.11-2016 Table 19-27)
 * and receiver minimum input sensitivity (Table 19-23). A station uses the highest MCS its received power
 * meets (assumption: ideal rate adaptation; interference from other cells is left to the contention model).
 */
export const HT_MCS_20MHZ: readonly { mcs: number; rateMbps: number; sensitivityDbm: number }[] =
  Object.freeze([
    { mcs: 0, rateMbps: 6.5, sensitivityDbm: -82 },
    { mcs: 1, rateMbps: 13, sensitivityDbm: -79 },
    { mcs: 2, rateMbps: 19.5, sensitivityDbm: -77 },
    { mcs: 3, rateMbps: 26, sensitivityDbm: -74 },
    { mcs: 4, rateMbps: 39, sensitivityDbm: -70 },
    { mcs: 5, rateMbps: 52, sensitivityDbm: -66 },
    { mcs: 6, rateMbps: 58.5, sensitivityDbm: -65 },
    { mcs: 7, rateMbps: 65, sensitivityDbm: -64 },
  ]);

/** PHY rate for a received power; 0 below MCS 0's sensitivity (no link). */
export function phyRateForRssiMbps(rssiDbm: number): number {
  let rate = 0;
  for (const m of HT_MCS_20MHZ) if (rssiDbm >= m.sensitivityDbm) rate = m.rateMbps;
  return rate;
}

/** Centre frequency of an 802.11 channel, GHz (2.4 GHz: 2407 + 5·ch MHz, ch 14: 2484; 5 GHz: 5000 + 5·ch MHz). */
export function channelFrequencyGHz(channel: number): number {
  if (channel === 14) return 2.484;
  if (channel >= 1 && channel <= 13) return (2407 + 5 * channel) / 1000;
  if (channel >= 32 && channel <= 177) return (5000 + 5 * channel) / 1000;
  throw new RangeError(`Wi-Fi channel ${channel} is neither 1–14 (2.4 GHz) nor 32–177 (5 GHz)`);
}

/** Whether two channels' 20 MHz bands overlap (2.4 GHz channels 5 apart or more do not; 5 GHz ones only if equal). */
export function channelsOverlap(a: number, b: number): boolean {
  const fa = channelFrequencyGHz(a);
  const fb = channelFrequencyGHz(b);
  return Math.abs(fa - fb) < 0.02 - 1e-9;
}
