// The load model of one contention domain (an AP and the co-channel APs it hears): Bianchi's saturated
// DCF (dcf.ts) applied to the stations that have a frame waiting, plus a queue per station.
import { basicAccessTimesUs, bianchiFixedPoint, type DcfFixedPoint, type DcfTiming, meanSlotUs } from './dcf';

/** One station (or an AP's downlink) with periodic traffic in the domain. */
export interface Contender {
  /** Frames offered per ms. */
  ratePerMs: number;
  /** Airtime of its mean frame body (MAC overhead + payload) at its PHY rate, µs. */
  airtimeUs: number;
}

/** The state of a domain for a given set of contenders: recomputed when the load changes, not per frame. */
export interface ContentionState {
  /** Q = Σ q_i: contenders with a frame waiting, on average (q_i: contender i's busy share). */
  busyStations: number;
  /** q_i per contender, in input order. */
  busy: readonly number[];
  /** Stations contending for a frame of contender i: x_i = 1 + Q − q_i (Bianchi's n for that frame). */
  contendingOf: readonly number[];
  /** Mean MAC service time of a (mean) frame of contender i, ms: D(x_i). */
  serviceMsOf: readonly number[];
  /** Bianchi's collision probability p at x_i. */
  collisionOf: readonly number[];
  /** A frame from a station without periodic load meets x = 1 + Q: its fixed point and service time. */
  fixedPoint: DcfFixedPoint;
  serviceMs: number;
  /** Mean T_s and T_c of the domain's frames (rate-weighted), µs. */
  tsUs: number;
  tcUs: number;
  /** Share of time the channel carries successful frames: Σ λ_i · T_s,i (can exceed 1 when overloaded). */
  airtimeLoad: number;
}

/**
 * Bianchi's model assumes every station saturated. Here a contender i has a frame waiting for a share
 * q_i = min(1, λ_i·D(x_i)) of the time, and a frame of i contends with x_i = 1 + Σ_{j≠i} q_j stations, D(x)
 * being Bianchi's per-station service time n·E[slot] / (P_tr·P_s) at n = x (assumption: the others' busy
 * shares stand for the stations contending; Bianchi's formulas taken at real n). Saturated contenders give
 * x_i = n (Bianchi's case); at light load D(x) ≈ x·t gives x ≈ 1 / (1 − ρ), ρ = Σ λ·t the channel's
 * utilisation, so delay grows smoothly with the offered load and the stations that offer it. Solved by
 * iterating from q = 0 (all idle): the map is non-decreasing, so it climbs to the least fixed point, the
 * operating point queues settle at while the channel keeps up. (A CSMA channel can also hold a congested
 * fixed point, every station busy because every station is: iterating from q = 1 would pick that one for
 * loads the channel serves well; above capacity the climb ends there anyway.)
 */
export function contentionState(contenders: readonly Contender[], timing: DcfTiming): ContentionState {
  let rate = 0;
  let tsSum = 0;
  let tcSum = 0;
  let airtime = 0;
  for (const c of contenders) {
    const t = basicAccessTimesUs(c.airtimeUs, timing);
    rate += c.ratePerMs;
    tsSum += c.ratePerMs * t.tsUs;
    tcSum += c.ratePerMs * t.tcUs;
    airtime += (c.ratePerMs * t.tsUs) / 1000;
  }
  // Mean frame of the domain (with no load: an empty frame; a frame's own T_s is corrected in frameOutlook).
  const idle = basicAccessTimesUs(0, timing);
  const tsUs = rate > 0 ? tsSum / rate : idle.tsUs;
  const tcUs = rate > 0 ? tcSum / rate : idle.tcUs;
  const service = (x: number) => {
    const fp = bianchiFixedPoint(x, timing);
    return { fp, ms: (x * meanSlotUs(fp, tsUs, tcUs, timing.slotUs)) / (fp.pTr * fp.pS) / 1000 };
  };
  const n = contenders.length;
  const q = contenders.map(() => 0);
  let total = 0;
  const serviceOf = new Array<number>(n).fill(0);
  const pOf = new Array<number>(n).fill(0);
  for (let iter = 0; iter < 500; iter++) {
    let change = 0;
    let nextTotal = 0;
    for (let i = 0; i < n; i++) {
      const s = service(Math.max(1, 1 + total - q[i]!)); // (≥ 1 up to rounding)
      serviceOf[i] = s.ms;
      pOf[i] = s.fp.p;
      const next = Math.min(1, contenders[i]!.ratePerMs * s.ms);
      change = Math.max(change, Math.abs(next - q[i]!));
      q[i] = next;
      nextTotal += next;
    }
    total = nextTotal;
    if (change < 1e-10) break;
  }
  const outside = service(Math.max(1, 1 + total));
  return {
    busyStations: total,
    busy: q,
    contendingOf: q.map((qi) => Math.max(1, 1 + total - qi)),
    serviceMsOf: serviceOf,
    collisionOf: pOf,
    fixedPoint: outside.fp,
    serviceMs: outside.ms,
    tsUs,
    tcUs,
    airtimeLoad: airtime,
  };
}

/** What one frame of a contender meets: its service time, queueing wait and loss. */
export interface FrameOutlook {
  /** Mean time at the head of the queue until the ACK, ms (the contender's D, corrected for this frame's own T_s). */
  serviceMs: number;
  /** Mean wait behind the station's own earlier frames, ms (M/D/1: ρ·S / (2(1 − ρ)); a full queue when ρ ≥ 1). */
  waitMs: number;
  /** Probability the frame is lost: dropped after the retry limit, or at a full queue. */
  lossProbability: number;
  /** The frame's own T_s, ms (the least it can take). */
  minMs: number;
}

/**
 * The outlook of a frame of airtime `airtimeUs` from contender `index` of the state (−1: a station without
 * periodic load) offering `ratePerMs`. Retry limit: IEEE 802.11-2016 dot11ShortRetryLimit = 7 attempts,
 * each colliding with Bianchi's p (independent by his assumption), so p^7 of frames are dropped. Queue: a
 * drop-tail queue of `queueLimitFrames` (assumption); when the station offers more than it is served
 * (ρ ≥ 1), 1 − 1/ρ of its frames find it full and are lost, the others wait a full queue.
 */
export function frameOutlook(
  state: ContentionState,
  index: number,
  airtimeUs: number,
  ratePerMs: number,
  timing: DcfTiming,
  retryLimit: number,
  queueLimitFrames: number,
): FrameOutlook {
  const own = basicAccessTimesUs(airtimeUs, timing).tsUs;
  const meanService = index < 0 ? state.serviceMs : state.serviceMsOf[index]!;
  const p = index < 0 ? state.fixedPoint.p : state.collisionOf[index]!;
  const serviceMs = Math.max(own / 1000, meanService + (own - state.tsUs) / 1000);
  const rho = ratePerMs * serviceMs;
  const full = queueLimitFrames * serviceMs;
  const waitMs = rho < 1 ? Math.min(full, (rho * serviceMs) / (2 * (1 - rho))) : full;
  const overflow = rho < 1 ? 0 : 1 - 1 / rho;
  return {
    serviceMs,
    waitMs,
    lossProbability: 1 - (1 - p ** retryLimit) * (1 - overflow),
    minMs: own / 1000,
  };
}
