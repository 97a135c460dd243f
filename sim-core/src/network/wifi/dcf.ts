// IEEE 802.11 DCF contention after Bianchi, "Performance analysis of the IEEE 802.11 distributed
// coordination function", IEEE JSAC 18(3), 2000: the saturated fixed point (eqs. 7 and 9), the slot
// statistics (P_tr, P_s, eq. 13's denominator) and the basic-access slot times T_s, T_c (eq. 14).
// Pure functions, no allocation beyond the small result objects.

/** 802.11 OFDM MAC/PHY timing (IEEE 802.11-2016 Table 17-21 for the 5 GHz OFDM PHY; HT-mixed preamble §19.3). */
export interface DcfTiming {
  /** aSlotTime σ, µs (9 µs, OFDM PHY). */
  slotUs: number;
  /** aSIFSTime, µs (16 µs, OFDM PHY at 5 GHz). */
  sifsUs: number;
  /** DIFS = SIFS + 2·σ, µs (34 µs). */
  difsUs: number;
  /** Minimum contention window W = aCWmin + 1 (16). */
  cwMin: number;
  /** Backoff stages m: CWmax + 1 = 2^m · W (aCWmax 1023 → m = 6). */
  backoffStages: number;
  /** PHY preamble and header of a data frame, µs (HT-mixed: L-STF 8 + L-LTF 8 + L-SIG 4 + HT-SIG 8 + HT-STF 4 + HT-LTF 4 = 36). */
  phyHeaderUs: number;
  /** MAC header + FCS of a QoS data frame with LLC/SNAP, bytes (26 + 4 + 8 = 38). */
  macOverheadBytes: number;
  /** ACK frame duration at the basic rate, µs (legacy preamble 20 µs + 2 OFDM symbols of 4 µs at 24 Mbit/s). */
  ackUs: number;
  /** Propagation delay δ, µs (indoors < 1 µs: 0.3 µs per 100 m). */
  propagationUs: number;
}

export const DCF_OFDM: Readonly<DcfTiming> = Object.freeze({
  slotUs: 9, // IEEE 802.11-2016 Table 17-21, aSlotTime (20 MHz)
  sifsUs: 16, // IEEE 802.11-2016 Table 17-21, aSIFSTime (20 MHz)
  difsUs: 34, // IEEE 802.11-2016 §10.3.2.3.5: DIFS = aSIFSTime + 2 × aSlotTime
  cwMin: 16, // IEEE 802.11-2016 Table 17-21, aCWmin = 15 → W = 16
  backoffStages: 6, // IEEE 802.11-2016 Table 17-21, aCWmax = 1023 = 2^6 · 16 − 1
  phyHeaderUs: 36, // IEEE 802.11-2016 §19.3.2, HT-mixed format preamble with one HT-LTF
  macOverheadBytes: 38, // assumption: QoS data header 26 B + FCS 4 B + LLC/SNAP 8 B
  ackUs: 28, // IEEE 802.11-2016 §17.3.2: 20 µs legacy preamble + 2 symbols (134 bits at 24 Mbit/s)
  propagationUs: 0.3, // assumption: ~100 m indoors
});

/** Bianchi's saturated fixed point for n contending stations (n real ≥ 1: see contention.ts). */
export interface DcfFixedPoint {
  /** Stations contending. */
  n: number;
  /** τ: probability a station transmits in a randomly chosen slot (eq. 7). */
  tau: number;
  /** p: conditional collision probability of a transmitted frame (eq. 9). */
  p: number;
  /** P_tr: at least one transmission in a slot. */
  pTr: number;
  /** P_s: a transmission in a slot is successful. */
  pS: number;
}

/**
 * τ(p) of Bianchi eq. 7, written as 2 / (1 + W + p·W·Σ_{k<m} (2p)^k), which equals
 * 2(1−2p) / ((1−2p)(W+1) + pW(1−(2p)^m)) and stays defined at p = 1/2.
 */
export function bianchiTau(p: number, cwMin: number, backoffStages: number): number {
  let sum = 0;
  let term = 1;
  for (let k = 0; k < backoffStages; k++) {
    sum += term;
    term *= 2 * p;
  }
  return 2 / (1 + cwMin + p * cwMin * sum);
}

/** Solves τ = τ(p), p = 1 − (1 − τ)^(n−1) (Bianchi eqs. 7, 9) by bisection on p; n = 1 gives p = 0. */
export function bianchiFixedPoint(
  n: number,
  timing: Pick<DcfTiming, 'cwMin' | 'backoffStages'>,
): DcfFixedPoint {
  if (!(n >= 1)) throw new RangeError(`contending stations must be >= 1, got ${n}`);
  const { cwMin: w, backoffStages: m } = timing;
  // f(p) = p − (1 − (1 − τ(p))^(n−1)) rises from f(0) ≤ 0 to f(1) > 0: one root.
  let lo = 0;
  let hi = 1;
  for (let i = 0; i < 60; i++) {
    const mid = (lo + hi) / 2;
    const tau = bianchiTau(mid, w, m);
    if (mid - (1 - (1 - tau) ** (n - 1)) > 0) hi = mid;
    else lo = mid;
  }
  const p = (lo + hi) / 2;
  const tau = bianchiTau(p, w, m);
  const pTr = 1 - (1 - tau) ** n;
  const pS = (n * tau * (1 - tau) ** (n - 1)) / pTr;
  return { n, tau, p, pTr, pS };
}

/** Basic-access busy times of a slot (Bianchi eq. 14, basic access), µs, for a frame of the given airtime. */
export function basicAccessTimesUs(
  payloadAirtimeUs: number,
  timing: DcfTiming,
): { tsUs: number; tcUs: number } {
  const h = timing.phyHeaderUs;
  const d = timing.propagationUs;
  return {
    // T_s = H + E[P] + SIFS + δ + ACK + DIFS + δ
    tsUs: h + payloadAirtimeUs + timing.sifsUs + d + timing.ackUs + timing.difsUs + d,
    // T_c = H + E[P*] + DIFS + δ (the longest colliding frame taken as the mean one: assumption)
    tcUs: h + payloadAirtimeUs + timing.difsUs + d,
  };
}

/** Airtime of a frame body (MAC overhead + payload) at a PHY rate, µs. */
export function frameAirtimeUs(payloadBytes: number, phyRateMbps: number, timing: DcfTiming): number {
  return ((payloadBytes + timing.macOverheadBytes) * 8) / phyRateMbps;
}

/** Mean length of a slot of the backoff process, µs: (1 − P_tr)σ + P_tr·P_s·T_s + P_tr(1 − P_s)T_c. */
export function meanSlotUs(fp: DcfFixedPoint, tsUs: number, tcUs: number, slotUs: number): number {
  return (1 - fp.pTr) * slotUs + fp.pTr * fp.pS * tsUs + fp.pTr * (1 - fp.pS) * tcUs;
}

/**
 * Mean MAC service time of one station's frame with n saturated stations, ms: the channel completes
 * P_tr·P_s / E[slot] frames per µs, shared equally (Bianchi's symmetric stations), so one station's frame
 * leaves every n·E[slot] / (P_tr·P_s) on average. For n = 1: (W − 1)/2 idle slots + T_s.
 */
export function saturatedServiceTimeMs(n: number, tsUs: number, tcUs: number, timing: DcfTiming): number {
  const fp = bianchiFixedPoint(n, timing);
  return (n * meanSlotUs(fp, tsUs, tcUs, timing.slotUs)) / (fp.pTr * fp.pS) / 1000;
}

/** Saturation throughput of the channel, Mbit/s (Bianchi eq. 13): P_s·P_tr·E[P] / E[slot]. */
export function saturationThroughputMbps(
  n: number,
  payloadBytes: number,
  phyRateMbps: number,
  timing: DcfTiming,
): number {
  const fp = bianchiFixedPoint(n, timing);
  const { tsUs, tcUs } = basicAccessTimesUs(frameAirtimeUs(payloadBytes, phyRateMbps, timing), timing);
  return (fp.pS * fp.pTr * payloadBytes * 8) / meanSlotUs(fp, tsUs, tcUs, timing.slotUs);
}
