import { describe, expect, it } from 'vitest';
import { contentionState, frameOutlook } from './contention';
import {
  basicAccessTimesUs,
  bianchiFixedPoint,
  DCF_OFDM,
  frameAirtimeUs,
  saturatedServiceTimeMs,
} from './dcf';

// Bianchi 2000 solved here independently: eq. 7 in its original form, τ = 2(1−2p) / ((1−2p)(W+1) +
// pW(1−(2p)^m)), eq. 9 p = 1 − (1−τ)^(n−1), by damped fixed-point iteration on τ.
function bianchiReference(n: number, w: number, m: number): { tau: number; p: number } {
  let tau = 2 / (w + 1);
  for (let i = 0; i < 20_000; i++) {
    const p = 1 - (1 - tau) ** (n - 1);
    const next =
      Math.abs(1 - 2 * p) < 1e-12
        ? 2 / (1 + w + p * w * m) // the limit at p = 1/2
        : (2 * (1 - 2 * p)) / ((1 - 2 * p) * (w + 1) + p * w * (1 - (2 * p) ** m));
    tau = 0.5 * tau + 0.5 * next;
  }
  return { tau, p: 1 - (1 - tau) ** (n - 1) };
}

/** Per-station saturated service time from the reference fixed point: n·E[slot] / (P_tr·P_s), ms. */
function referenceServiceMs(n: number, tsUs: number, tcUs: number): number {
  const { tau } = bianchiReference(n, DCF_OFDM.cwMin, DCF_OFDM.backoffStages);
  const pTr = 1 - (1 - tau) ** n;
  const pS = (n * tau * (1 - tau) ** (n - 1)) / pTr;
  const slot = (1 - pTr) * DCF_OFDM.slotUs + pTr * pS * tsUs + pTr * (1 - pS) * tcUs;
  return (n * slot) / (pTr * pS) / 1000;
}

describe('Bianchi DCF fixed point', () => {
  it('matches eq. 7 / eq. 9 solved independently, for 1 to 50 stations', () => {
    for (const n of [1, 2, 3, 5, 10, 20, 50]) {
      const ref = bianchiReference(n, DCF_OFDM.cwMin, DCF_OFDM.backoffStages);
      const fp = bianchiFixedPoint(n, DCF_OFDM);
      expect(fp.tau).toBeCloseTo(ref.tau, 8);
      expect(fp.p).toBeCloseTo(ref.p, 8);
    }
  });

  it('a lone station waits (W − 1)/2 idle slots on average, then sends: D = (W − 1)/2·σ + T_s', () => {
    const { tsUs, tcUs } = basicAccessTimesUs(frameAirtimeUs(1000, 65, DCF_OFDM), DCF_OFDM);
    expect(saturatedServiceTimeMs(1, tsUs, tcUs, DCF_OFDM)).toBeCloseTo(
      (((DCF_OFDM.cwMin - 1) / 2) * DCF_OFDM.slotUs + tsUs) / 1000,
      10,
    );
  });

  it('the collision probability and the service time grow with the number of saturated stations', () => {
    const { tsUs, tcUs } = basicAccessTimesUs(frameAirtimeUs(1500, 65, DCF_OFDM), DCF_OFDM);
    let lastP = -1;
    let lastD = 0;
    for (const n of [1, 2, 4, 8, 16, 32]) {
      const d = saturatedServiceTimeMs(n, tsUs, tcUs, DCF_OFDM);
      expect(d).toBeCloseTo(referenceServiceMs(n, tsUs, tcUs), 8);
      const p = bianchiFixedPoint(n, DCF_OFDM).p;
      expect(p).toBeGreaterThan(lastP);
      expect(d).toBeGreaterThan(lastD * 1.5);
      lastP = p;
      lastD = d;
    }
  });
});

describe('contention domain under load', () => {
  const airtimeUs = frameAirtimeUs(1000, 65, DCF_OFDM);
  const { tsUs, tcUs } = basicAccessTimesUs(airtimeUs, DCF_OFDM);

  it('n saturated contenders: each frame meets n stations and Bianchi’s service time', () => {
    for (const n of [1, 3, 7, 15]) {
      const state = contentionState(
        Array.from({ length: n }, () => ({ ratePerMs: 100, airtimeUs })),
        DCF_OFDM,
      );
      expect(state.busyStations).toBe(n);
      for (let i = 0; i < n; i++) {
        expect(state.contendingOf[i]).toBe(n);
        expect(state.serviceMsOf[i]).toBeCloseTo(referenceServiceMs(n, tsUs, tcUs), 8);
      }
    }
  });

  it('light contenders count by their busy share: q_i = λ·D(1 + Q − q_i)', () => {
    const contenders = Array.from({ length: 10 }, () => ({ ratePerMs: 0.2, airtimeUs }));
    const state = contentionState(contenders, DCF_OFDM);
    for (let i = 0; i < 10; i++) {
      const x = 1 + state.busyStations - state.busy[i];
      expect(state.contendingOf[i]).toBeCloseTo(x, 10);
      expect(state.serviceMsOf[i]).toBeCloseTo(saturatedServiceTimeMs(x, tsUs, tcUs, DCF_OFDM), 8);
      expect(state.busy[i]).toBeCloseTo(Math.min(1, 0.2 * state.serviceMsOf[i]), 8);
    }
    expect(state.busyStations).toBeGreaterThan(0.2 * 10 * saturatedServiceTimeMs(1, tsUs, tcUs, DCF_OFDM));
    expect(state.busyStations).toBeLessThan(10);
    // More offered load, more stations busy, longer service.
    const heavier = contentionState(
      Array.from({ length: 10 }, () => ({ ratePerMs: 0.3, airtimeUs })),
      DCF_OFDM,
    );
    expect(heavier.serviceMsOf[0]).toBeGreaterThan(state.serviceMsOf[0]);
    // Rounding of 1 + Q − q_i never takes a lone light contender below one station.
    for (const rate of [1e-3, 0.1, 1 / 3, 0.7, 0.9999])
      expect(() =>
        contentionState(
          [
            { ratePerMs: rate, airtimeUs },
            { ratePerMs: rate / 7, airtimeUs: 3 },
          ],
          DCF_OFDM,
        ),
      ).not.toThrow();
    const lone = contentionState([{ ratePerMs: 0.001, airtimeUs }], DCF_OFDM);
    expect(lone.contendingOf[0]).toBe(1);
    expect(lone.serviceMsOf[0]).toBeCloseTo(saturatedServiceTimeMs(1, tsUs, tcUs, DCF_OFDM), 12);
  });

  it('a channel that keeps up settles at the low operating point, not the congested one', () => {
    // 30 cameras, a 100 kB frame every 2 s each: about 19 % of the air. Were every station busy, the
    // service time would keep them busy (a congested fixed point); the model climbs from idle instead.
    const video = frameAirtimeUs(100_000, 65, DCF_OFDM);
    const state = contentionState(
      Array.from({ length: 30 }, () => ({ ratePerMs: 1 / 2000, airtimeUs: video })),
      DCF_OFDM,
    );
    expect(state.airtimeLoad).toBeGreaterThan(0.15);
    expect(state.airtimeLoad).toBeLessThan(0.25);
    expect(state.busyStations).toBeLessThan(0.5);
    for (let i = 0; i < 30; i++) expect(state.busy[i]).toBeCloseTo(state.serviceMsOf[i] / 2000, 8);
  });

  it('a frame: M/D/1 wait below saturation, p^7 dropped after the retry limit, overflow above', () => {
    const state = contentionState(
      Array.from({ length: 5 }, () => ({ ratePerMs: 100, airtimeUs })),
      DCF_OFDM,
    );
    // A station without periodic load meets 1 + Q = 6 stations.
    const light = frameOutlook(state, -1, airtimeUs, 0.1, DCF_OFDM, 7, 64);
    const d6 = referenceServiceMs(6, tsUs, tcUs);
    const rho = 0.1 * d6;
    expect(light.serviceMs).toBeCloseTo(d6, 8);
    expect(light.waitMs).toBeCloseTo((rho * d6) / (2 * (1 - rho)), 8);
    expect(light.lossProbability).toBeCloseTo(bianchiFixedPoint(6, DCF_OFDM).p ** 7, 10);
    // One of the five saturated contenders: overflow on top of the retry drops.
    const heavy = frameOutlook(state, 0, airtimeUs, 100, DCF_OFDM, 7, 64);
    const rhoHeavy = 100 * referenceServiceMs(5, tsUs, tcUs);
    expect(heavy.lossProbability).toBeCloseTo(1 - (1 - bianchiFixedPoint(5, DCF_OFDM).p ** 7) / rhoHeavy, 8);
  });
});
