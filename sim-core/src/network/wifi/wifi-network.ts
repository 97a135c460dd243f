// Industrial Wi-Fi behind the control seam: access points, association by strongest signal, roaming with a
// link interruption, per-AP DCF contention (Bianchi 2000) with co-channel APs sharing the air, and a LAN
// between the APs and the control system. See network/README.md, "Wi-Fi".

import { type ClassDeliveryKpis, DeliveryStats } from '../../connectivity/delivery-stats';
import type {
  ControlNetwork,
  Message,
  StreamHandle,
  StreamListener,
  StreamSpec,
  TrafficClass,
} from '../../control/seam';
import { Probe } from '../../engine/probe';
import type { RandomStream, RandomStreams } from '../../engine/random';
import type { Simulation } from '../../engine/simulation';
import type { ClassOptions, DeviceConfig, GnbConfig } from '../config';
import type { InfClutter } from '../radio/los';
import type { LinkSample, NetworkNotableEvent } from '../types';
import { AccessPoint, Station } from './access-point';
import {
  type AccessPointConfig,
  channelFrequencyGHz,
  channelsOverlap,
  DEFAULT_ROAMING_INTERRUPTION_MS,
  phyRateForRssiMbps,
  WIFI_DEFAULTS,
  type WifiConfig,
} from './config';
import type { ContentionState } from './contention';
import { frameOutlook } from './contention';
import { DCF_OFDM, type DcfTiming, frameAirtimeUs } from './dcf';
import { medianInfPathLossDb } from './propagation';
import { WifiStream, type WifiStreamHost } from './wifi-stream';

export interface WifiDependencies {
  streams: RandomStreams;
  /** Where an endpoint is at a simulated time (machines, AGVs); devices' own xM/yM are the fallback. */
  locate: (endpointId: string, timeMs: number) => { xM: number; yM: number } | undefined;
  /** The Wi-Fi clients: one station per device (its endpoint's radio). Endpoints without one are on the LAN. */
  devices: readonly DeviceConfig[];
  clutter: InfClutter;
  /** Default AP sites when `accessPoints` is not given (the 5G sites). */
  sites?: readonly GnbConfig[];
  /** Deadlines and targets per class (as for the 5G model). */
  classOptions?: Partial<Record<TrafficClass, ClassOptions>>;
}

export interface RoamEvent {
  timeMs: number;
  deviceId: string;
  fromApId: string;
  toApId: string;
  interruptionMs: number;
}

export interface AccessPointKpis {
  apId: string;
  channel: number;
  /** Stations associated at the end of the window. */
  stations: number;
  /** Share of the window the AP's delivered frames occupied the air (T_s each). */
  airtime: number;
  /** Means over the frames sent through the AP: Bianchi's p, the MAC service time, busy stations x*. */
  collisionProbability: number;
  accessDelayMs: number;
  busyStations: number;
  roamsIn: number;
  roamsOut: number;
}

export interface WifiStreamKpis {
  streamId: string;
  trafficClass: TrafficClass;
  sent: number;
  delivered: number;
  onTime: number;
  lost: number;
  survivalFailures: number;
}

export interface WifiKpis {
  fromMs: number;
  toMs: number;
  classes: ClassDeliveryKpis[];
  accessPoints: AccessPointKpis[];
  streams: WifiStreamKpis[];
  roams: number;
  survivalFailures: number;
}

export interface WifiProbes {
  readonly linkSamples: Probe<LinkSample>;
  readonly notable: Probe<NetworkNotableEvent>;
  readonly roams: Probe<RoamEvent>;
}

/** The Wi-Fi network as the factory sees it, plus its statistics. */
export interface WifiNetwork extends ControlNetwork {
  readonly probes: WifiProbes;
  kpis(endMs: number): WifiKpis;
  resetStats(atMs: number): void;
  /** The contention state of an AP now (for tests and the viewer). */
  contention(apId: string): ContentionState;
  /** The AP a device is associated with (null: none), after checking its position now. */
  association(deviceId: string): string | null;
  readonly accessPointIds: readonly string[];
}

export function buildWifiNetwork(sim: Simulation, config: WifiConfig, deps: WifiDependencies): WifiNetwork {
  return new WifiModel(sim, config, deps);
}

const SENSITIVITY_DBM = -82; // IEEE 802.11-2016 Table 19-23: MCS 0, 20 MHz

class WifiModel implements WifiNetwork, WifiStreamHost {
  readonly probes: WifiProbes = { linkSamples: new Probe(), notable: new Probe(), roams: new Probe() };
  readonly mobilityCheckMs: number;
  readonly accessPointIds: readonly string[];
  private readonly timing: DcfTiming = DCF_OFDM;
  private readonly aps: AccessPoint[];
  private readonly apById = new Map<string, AccessPoint>();
  private readonly stationById = new Map<string, Station>();
  private readonly stationByEndpoint = new Map<string, Station>();
  private readonly streamsOpen: WifiStream[] = [];
  private readonly stats: DeliveryStats;
  private readonly interruptionMs: number;
  private readonly roamThresholdDbm: number;
  private readonly hysteresisDb: number;
  private readonly retryLimit: number;
  private readonly queueLimit: number;
  private readonly lanMs: number;
  private readonly forcedRate: number | undefined;
  private statsFromMs = 0;
  private roams = 0;
  private survivalFailures = 0;

  constructor(
    readonly sim: Simulation,
    config: WifiConfig,
    private readonly deps: WifiDependencies,
  ) {
    this.stats = new DeliveryStats(deps.classOptions);
    this.interruptionMs =
      config.roamingInterruptionMs ??
      (config.fastTransition === false
        ? DEFAULT_ROAMING_INTERRUPTION_MS.full
        : DEFAULT_ROAMING_INTERRUPTION_MS.fastTransition);
    this.roamThresholdDbm = config.roamThresholdDbm ?? WIFI_DEFAULTS.roamThresholdDbm;
    this.hysteresisDb = config.roamHysteresisDb ?? WIFI_DEFAULTS.roamHysteresisDb;
    this.retryLimit = config.retryLimit ?? WIFI_DEFAULTS.retryLimit;
    this.queueLimit = config.queueLimitFrames ?? WIFI_DEFAULTS.queueLimitFrames;
    this.lanMs = config.lanDelayMs ?? WIFI_DEFAULTS.lanDelayMs;
    this.mobilityCheckMs = config.mobilityCheckMs ?? WIFI_DEFAULTS.mobilityCheckMs;
    this.forcedRate = config.phyRateMbps;
    for (const [name, v] of [
      ['roamingInterruptionMs', this.interruptionMs],
      ['lanDelayMs', this.lanMs],
    ] as const)
      if (!(v >= 0 && Number.isFinite(v)))
        throw new RangeError(`wifi.${name} must be a finite number >= 0, got ${v}`);
    if (!(this.mobilityCheckMs > 0))
      throw new RangeError(`wifi.mobilityCheckMs must be > 0, got ${this.mobilityCheckMs}`);
    if (!(Number.isInteger(this.retryLimit) && this.retryLimit >= 1))
      throw new RangeError(`wifi.retryLimit must be an integer >= 1, got ${this.retryLimit}`);
    if (this.forcedRate !== undefined && !(this.forcedRate > 0))
      throw new RangeError(`wifi.phyRateMbps must be > 0, got ${this.forcedRate}`);

    const apConfigs: readonly AccessPointConfig[] =
      config.accessPoints ??
      (deps.sites ?? []).map((g, i) => ({
        id: g.id,
        xM: g.xM,
        yM: g.yM,
        heightM: g.heightM,
        channel: WIFI_DEFAULTS.channels[i % WIFI_DEFAULTS.channels.length]!,
      }));
    if (apConfigs.length === 0)
      throw new RangeError('wifi: no access points (give accessPoints, or 5G sites to put them at)');
    this.aps = apConfigs.map((a) => {
      if (this.apById.has(a.id)) throw new RangeError(`wifi: access point id "${a.id}" is used twice`);
      const ap = new AccessPoint(
        a.id,
        { xM: a.xM, yM: a.yM, heightM: a.heightM ?? WIFI_DEFAULTS.apHeightM },
        a.channel,
        channelFrequencyGHz(a.channel),
        a.txPowerDbm ?? WIFI_DEFAULTS.apTxPowerDbm,
        a.antennaGainDbi ?? WIFI_DEFAULTS.apAntennaGainDbi,
      );
      this.apById.set(a.id, ap);
      return ap;
    });
    this.accessPointIds = this.aps.map((a) => a.id);
    // Co-channel interference (assumption): APs on overlapping channels that hear each other at or above
    // the CCA threshold defer to each other, so their stations share one contention domain (no hidden
    // nodes, no partial overlap: overlapping 2.4 GHz channels count as the same one).
    for (const a of this.aps)
      for (const b of this.aps)
        if (a !== b && channelsOverlap(a.channel, b.channel)) {
          const pl = medianInfPathLossDb(deps.clutter, a.point, b.point, a.freqGHz);
          const heard = Math.max(a.txPowerDbm, b.txPowerDbm) + a.antennaGainDbi + b.antennaGainDbi - pl;
          if (heard >= WIFI_DEFAULTS.ccaThresholdDbm) a.neighbours.push(b);
        }
    for (const d of deps.devices) {
      if (this.stationById.has(d.id)) throw new RangeError(`wifi: device id "${d.id}" is used twice`);
      const s = new Station(
        d.id,
        d.endpointId,
        d.heightM,
        d.antennaGainDbi,
        d.mobile !== false,
        d.xM === undefined || d.yM === undefined ? undefined : { xM: d.xM, yM: d.yM },
      );
      this.stationById.set(d.id, s);
      if (!this.stationByEndpoint.has(d.endpointId)) this.stationByEndpoint.set(d.endpointId, s);
    }
  }

  // ---------------------------------------------------------------------------------------------------
  // Association and roaming

  private rssiDbm(ap: AccessPoint, s: Station): number {
    return (
      ap.txPowerDbm +
      ap.antennaGainDbi +
      s.antennaGainDbi -
      medianInfPathLossDb(this.deps.clutter, ap.point, s.point, ap.freqGHz)
    );
  }

  refresh(s: Station, timeMs: number): void {
    if (s.located && (!s.mobile || timeMs - s.checkedMs < this.mobilityCheckMs)) return;
    const at = this.deps.locate(s.endpointId, timeMs) ?? s.fallback;
    if (at === undefined) throw new RangeError(`wifi: station ${s.id} (${s.endpointId}) has no position`);
    s.point.xM = at.xM;
    s.point.yM = at.yM;
    s.located = true;
    s.checkedMs = timeMs;
    let best: AccessPoint | null = null;
    let bestDbm = Number.NEGATIVE_INFINITY;
    for (const ap of this.aps) {
      const p = this.rssiDbm(ap, s);
      if (p > bestDbm) {
        bestDbm = p;
        best = ap;
      }
    }
    const current = s.ap;
    const currentDbm = current === null ? Number.NEGATIVE_INFINITY : this.rssiDbm(current, s);
    if (current === null || currentDbm < SENSITIVITY_DBM) {
      // (Re)association from nothing: no roam, no interruption charged (assumption: boot / coverage edge).
      if (best === null || bestDbm < SENSITIVITY_DBM) this.associate(s, null, Number.NEGATIVE_INFINITY);
      else if (best !== current) this.associate(s, best, bestDbm);
      else this.setLink(s, currentDbm);
      return;
    }
    if (
      best !== null &&
      best !== current &&
      currentDbm < this.roamThresholdDbm &&
      bestDbm >= currentDbm + this.hysteresisDb
    ) {
      this.roam(s, current, best, bestDbm, timeMs);
      return;
    }
    this.setLink(s, currentDbm);
  }

  private setLink(s: Station, rssiDbm: number): void {
    const rate = phyRateForRssiMbps(rssiDbm);
    if (rate !== s.phyRateMbps) s.ap?.invalidate();
    s.rssiDbm = rssiDbm;
    s.phyRateMbps = rate;
  }

  private associate(s: Station, ap: AccessPoint | null, rssiDbm: number): void {
    if (s.ap !== null) {
      s.ap.stations.delete(s);
      s.ap.invalidate();
    }
    s.ap = ap;
    s.rssiDbm = rssiDbm;
    s.phyRateMbps = ap === null ? 0 : phyRateForRssiMbps(rssiDbm);
    if (ap !== null) {
      ap.stations.add(s);
      ap.invalidate();
    }
  }

  private roam(s: Station, from: AccessPoint, to: AccessPoint, rssiDbm: number, timeMs: number): void {
    this.associate(s, to, rssiDbm);
    s.gapFromMs = timeMs;
    s.gapUntilMs = timeMs + this.interruptionMs;
    s.roams++;
    this.roams++;
    from.stats.roamsOut++;
    to.stats.roamsIn++;
    const e = {
      timeMs,
      deviceId: s.id,
      fromApId: from.id,
      toApId: to.id,
      interruptionMs: this.interruptionMs,
    };
    this.probes.roams.emit(e);
    if (this.probes.notable.active)
      this.probes.notable.emit({
        timeMs,
        kind: 'handover',
        subjectId: s.id,
        detail: `Wi-Fi roam ${from.id} → ${to.id} (${this.interruptionMs} ms without link)`,
      });
  }

  // ---------------------------------------------------------------------------------------------------
  // Fates

  /** One air leg of `sizeBytes` starting at `atMs`: its delay, or NaN when lost. */
  private air(s: Station, up: boolean, sizeBytes: number, atMs: number, rng: RandomStream): number {
    const ap = s.ap;
    const u = rng.next();
    const v = rng.next();
    if (ap === null || s.inGap(atMs)) return Number.NaN;
    const rate = this.forcedRate ?? s.phyRateMbps;
    if (rate <= 0) return Number.NaN;
    const state = ap.contention(this.timing, this.forcedRate);
    const ratePerMs = up ? s.ulRatePerMs : ap.dlRatePerMs();
    const index = ap.contenderIndex(s, up);
    const o = frameOutlook(
      state,
      index,
      frameAirtimeUs(sizeBytes, rate, this.timing),
      ratePerMs,
      this.timing,
      this.retryLimit,
      this.queueLimit,
    );
    const st = ap.stats;
    st.frames++;
    st.sumCollisionP += index < 0 ? state.fixedPoint.p : state.collisionOf[index]!;
    st.sumServiceMs += o.serviceMs;
    st.sumBusy += index < 0 ? 1 + state.busyStations : state.contendingOf[index]!;
    if (u < o.lossProbability) return Number.NaN;
    st.airtimeMs += o.minMs;
    // Assumption: the time beyond the frame's own T_s (backoff, others' frames, retries, queue) is
    // exponential with the model's mean (Bianchi gives means only).
    const extra = o.serviceMs - o.minMs + o.waitMs;
    return o.minMs - extra * Math.log(1 - v);
  }

  /** Delay from `from` to `to` sent at `atMs` (NaN: lost). Endpoints without a station are on the LAN. */
  private path(
    from: Station | undefined,
    to: Station | undefined,
    sizeBytes: number,
    atMs: number,
    rng: RandomStream,
  ): number {
    let d = 0;
    if (from !== undefined) {
      const up = this.air(from, true, sizeBytes, atMs, rng);
      if (Number.isNaN(up)) return Number.NaN;
      d += up;
    }
    d += this.lanMs;
    if (to !== undefined) {
      const down = this.air(to, false, sizeBytes, atMs + d, rng);
      if (Number.isNaN(down)) return Number.NaN;
      d += down;
    }
    return d;
  }

  fate(stream: WifiStream, sendMs: number, rng: RandomStream): number {
    return this.path(stream.src ?? undefined, stream.dst ?? undefined, stream.spec.sizeBytes, sendMs, rng);
  }

  book(stream: WifiStream, sendMs: number, delayMs: number): void {
    const st = stream.stats;
    st.sent++;
    const cls = stream.spec.trafficClass;
    let late = false;
    if (Number.isNaN(delayMs)) {
      st.lost++;
      this.stats.lost(cls);
    } else {
      st.delivered++;
      late = this.stats.delivered(cls, delayMs);
      if (delayMs <= stream.deadlineMs) st.onTime++;
    }
    if (this.probes.linkSamples.active) {
      const s = stream.src ?? stream.dst;
      this.probes.linkSamples.emit({
        timeMs: Number.isNaN(delayMs) ? sendMs : sendMs + delayMs,
        sentMs: sendMs,
        endpointId: s?.endpointId ?? stream.spec.from,
        deviceId: s?.id ?? null,
        from: stream.spec.from,
        to: stream.spec.to,
        trafficClass: cls,
        latencyMs: delayMs,
        lost: Number.isNaN(delayMs),
        late,
        streamId: stream.spec.id,
      });
    }
  }

  load(stream: WifiStream, on: boolean): void {
    const sign = on ? 1 : -1;
    const rate = sign / stream.intervalMs;
    const bytes = (sign * stream.spec.sizeBytes) / stream.intervalMs;
    const { src, dst } = stream;
    // (No association here: streams open while the models are built, before positions are known.)
    if (src !== null) {
      src.ulRatePerMs = Math.max(0, src.ulRatePerMs + rate);
      src.ulBytesPerMs = Math.max(0, src.ulBytesPerMs + bytes);
      src.ap?.invalidate();
    }
    if (dst !== null) {
      dst.dlRatePerMs = Math.max(0, dst.dlRatePerMs + rate);
      dst.dlBytesPerMs = Math.max(0, dst.dlBytesPerMs + bytes);
      dst.ap?.invalidate();
    }
  }

  survivalChanged(stream: WifiStream, failed: boolean, timeMs: number): void {
    if (failed) this.survivalFailures++;
    if (this.probes.notable.active)
      this.probes.notable.emit({
        timeMs,
        kind: failed ? 'survivalTimeExceeded' : 'recovered',
        subjectId: stream.spec.id,
        detail: failed ? 'no valid packet within the survival time' : 'valid packets again',
      });
  }

  // ---------------------------------------------------------------------------------------------------
  // ControlNetwork

  send<P>(message: Message<P>, onDelivered: (m: Message<P>) => void, onLost?: (m: Message<P>) => void): void {
    const now = this.sim.now();
    const from = this.stationByEndpoint.get(message.from);
    const to = this.stationByEndpoint.get(message.to);
    if (from !== undefined) this.refresh(from, now);
    if (to !== undefined) this.refresh(to, now);
    const rng = this.deps.streams.stream(from?.id ?? to?.id ?? message.from, 'wifi-message');
    const delay = this.path(from, to, message.sizeBytes, now, rng);
    const lost = Number.isNaN(delay);
    const cls = message.trafficClass;
    const late = lost ? false : this.stats.delivered(cls, delay);
    if (lost) this.stats.lost(cls);
    const s = from ?? to;
    if (this.probes.linkSamples.active)
      this.probes.linkSamples.emit({
        timeMs: lost ? now : now + delay,
        sentMs: now,
        endpointId: s?.endpointId ?? message.from,
        deviceId: s?.id ?? null,
        from: message.from,
        to: message.to,
        trafficClass: cls,
        latencyMs: delay,
        lost,
        late,
        streamId: null,
      });
    // A lost frame is given up after its retries: reported after one service time at the least (assumption).
    if (lost) {
      if (onLost !== undefined) this.sim.after(this.lanMs, () => onLost(message), { label: 'wifi loss' });
    } else this.sim.after(delay, () => onDelivered(message), { label: 'wifi delivery' });
  }

  openStream(spec: StreamSpec, listener?: StreamListener): StreamHandle {
    const src = this.stationByEndpoint.get(spec.from) ?? null;
    const dst = this.stationByEndpoint.get(spec.to) ?? null;
    const phaseMs = this.deps.streams.stream(spec.id, 'wifi-phase').next() * spec.intervalMs;
    const stream = new WifiStream(
      this,
      spec,
      listener,
      src,
      dst,
      phaseMs,
      this.deps.streams.stream(spec.id, 'wifi'),
    );
    this.streamsOpen.push(stream);
    stream.setActive(true);
    return stream;
  }

  // ---------------------------------------------------------------------------------------------------
  // Outputs

  contention(apId: string): ContentionState {
    const ap = this.apById.get(apId);
    if (ap === undefined) throw new RangeError(`wifi: no access point "${apId}"`);
    return ap.contention(this.timing, this.forcedRate);
  }

  association(deviceId: string): string | null {
    const s = this.stationById.get(deviceId);
    if (s === undefined) throw new RangeError(`wifi: no station "${deviceId}"`);
    this.refresh(s, this.sim.now());
    return s.ap?.id ?? null;
  }

  resetStats(atMs: number): void {
    for (const s of this.streamsOpen) {
      s.bookUntil(atMs);
      s.stats.reset();
      s.watchdog.failures = 0;
    }
    this.stats.reset();
    for (const ap of this.aps) ap.stats.reset();
    this.roams = 0;
    this.survivalFailures = 0;
    this.statsFromMs = atMs;
  }

  kpis(endMs: number): WifiKpis {
    for (const s of this.streamsOpen) s.bookUntil(endMs);
    const windowMs = Math.max(1e-9, endMs - this.statsFromMs);
    return {
      fromMs: this.statsFromMs,
      toMs: endMs,
      classes: this.stats.kpis(),
      accessPoints: this.aps.map((ap) => {
        const st = ap.stats;
        const per = (v: number) => (st.frames === 0 ? Number.NaN : v / st.frames);
        return {
          apId: ap.id,
          channel: ap.channel,
          stations: ap.stations.size,
          airtime: st.airtimeMs / windowMs,
          collisionProbability: per(st.sumCollisionP),
          accessDelayMs: per(st.sumServiceMs),
          busyStations: per(st.sumBusy),
          roamsIn: st.roamsIn,
          roamsOut: st.roamsOut,
        };
      }),
      streams: this.streamsOpen.map((s) => ({
        streamId: s.spec.id,
        trafficClass: s.spec.trafficClass,
        sent: s.stats.sent,
        delivered: s.stats.delivered,
        onTime: s.stats.onTime,
        lost: s.stats.lost,
        survivalFailures: s.watchdog.failures,
      })),
      roams: this.roams,
      survivalFailures: this.survivalFailures,
    };
  }
}
