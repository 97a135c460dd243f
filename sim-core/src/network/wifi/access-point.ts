// Access points and stations of the Wi-Fi model, with the aggregates the contention model needs.
import { type Contender, type ContentionState, contentionState } from './contention';
import { type DcfTiming, frameAirtimeUs } from './dcf';
import type { RadioPoint } from './propagation';

export class Station {
  ap: AccessPoint | null = null;
  rssiDbm = Number.NEGATIVE_INFINITY;
  phyRateMbps = 0;
  /** No link before this time (a roam under way). */
  gapUntilMs = Number.NEGATIVE_INFINITY;
  gapFromMs = Number.NEGATIVE_INFINITY;
  /** Last association check (mobile stations), ms. */
  checkedMs = Number.NEGATIVE_INFINITY;
  located = false;
  readonly point: RadioPoint;
  /** Periodic traffic the station sends (uplink) and receives (downlink): frames and bytes per ms. */
  ulRatePerMs = 0;
  ulBytesPerMs = 0;
  dlRatePerMs = 0;
  dlBytesPerMs = 0;
  roams = 0;

  constructor(
    readonly id: string,
    readonly endpointId: string,
    heightM: number,
    readonly antennaGainDbi: number,
    readonly mobile: boolean,
    readonly fallback: { xM: number; yM: number } | undefined,
  ) {
    this.point = { xM: 0, yM: 0, heightM };
  }

  /** Whether the link is down at `timeMs` (mid-roam). */
  inGap(timeMs: number): boolean {
    return timeMs >= this.gapFromMs && timeMs < this.gapUntilMs;
  }
}

/** Statistics of one AP over the window. */
export class AccessPointStats {
  /** Σ T_s of delivered frames, ms. */
  airtimeMs = 0;
  frames = 0;
  sumCollisionP = 0;
  sumServiceMs = 0;
  sumBusy = 0;
  roamsIn = 0;
  roamsOut = 0;

  reset(): void {
    this.airtimeMs = 0;
    this.frames = 0;
    this.sumCollisionP = 0;
    this.sumServiceMs = 0;
    this.sumBusy = 0;
    this.roamsIn = 0;
    this.roamsOut = 0;
  }
}

export class AccessPoint {
  readonly stations = new Set<Station>();
  /** APs on an overlapping channel that this one hears or that hear it (CCA): one contention domain. */
  readonly neighbours: AccessPoint[] = [];
  readonly stats = new AccessPointStats();
  private cached: ContentionState | null = null;
  /** Index of each station's uplink among the contenders of `cached`, and of this AP's downlink (−1: none). */
  private readonly ulIndex = new Map<Station, number>();
  private dlIndex = -1;

  constructor(
    readonly id: string,
    readonly point: RadioPoint,
    readonly channel: number,
    readonly freqGHz: number,
    readonly txPowerDbm: number,
    readonly antennaGainDbi: number,
  ) {}

  /** Load changed here: this AP's state and its neighbours' (who count its stations) are stale. */
  invalidate(): void {
    this.cached = null;
    for (const n of this.neighbours) n.cached = null;
  }

  /** Frames per ms the AP sends down to its stations. */
  dlRatePerMs(): number {
    let r = 0;
    for (const s of this.stations) r += s.dlRatePerMs;
    return r;
  }

  contention(timing: DcfTiming, forcedRateMbps: number | undefined): ContentionState {
    if (this.cached !== null) return this.cached;
    const contenders: Contender[] = [];
    this.ulIndex.clear();
    this.dlIndex = this.addContenders(contenders, timing, forcedRateMbps, this.ulIndex);
    for (const ap of this.neighbours) ap.addContenders(contenders, timing, forcedRateMbps, null);
    this.cached = contentionState(contenders, timing);
    return this.cached;
  }

  /** Contender index of a frame of station `s` (uplink) or of this AP's downlink, −1 if it offers no periodic load. */
  contenderIndex(s: Station, up: boolean): number {
    return up ? (this.ulIndex.get(s) ?? -1) : this.dlIndex;
  }

  /** Appends this AP's contenders; returns the index of its downlink (−1: none). */
  private addContenders(
    out: Contender[],
    timing: DcfTiming,
    forcedRateMbps: number | undefined,
    ulIndex: Map<Station, number> | null,
  ): number {
    let dlRate = 0;
    let dlAirtime = 0;
    for (const s of this.stations) {
      const rate = forcedRateMbps ?? s.phyRateMbps;
      if (rate <= 0) continue;
      if (s.ulRatePerMs > 0) {
        ulIndex?.set(s, out.length);
        out.push({
          ratePerMs: s.ulRatePerMs,
          airtimeUs: frameAirtimeUs(s.ulBytesPerMs / s.ulRatePerMs, rate, timing),
        });
      }
      if (s.dlRatePerMs > 0) {
        dlRate += s.dlRatePerMs;
        dlAirtime += s.dlRatePerMs * frameAirtimeUs(s.dlBytesPerMs / s.dlRatePerMs, rate, timing);
      }
    }
    // The AP contends for its downlink like one more station (Bianchi's model has no AP priority).
    if (dlRate <= 0) return -1;
    out.push({ ratePerMs: dlRate, airtimeUs: dlAirtime / dlRate });
    return out.length - 1;
  }
}
