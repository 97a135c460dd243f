import { describe, expect, it } from 'vitest';
import {
  bitsPerPrbPerSlot,
  nPrbFr1,
  numerology,
  PEAK_RATE_OVERHEAD,
  peakDataRateMbps,
  slotDurationMs,
  symbolDurationS,
  tddPeakRatesMbps,
  tddShare,
} from './throughput';

// Expected values computed with python3 from TS 38.306 §4.1.2:
//   rate = 1e-6 * v * Qm * f * 948/1024 * N_PRB*12 / (1e-3/(14*2**mu)) * (1 - OH)
describe('TS 38.306 peak data rate', () => {
  it('100 MHz, 30 kHz, 4 layers, 256QAM, FR1 DL ≈ 2337.0 Mbit/s', () => {
    const r = peakDataRateMbps({
      layers: 4,
      modulationOrder: 8,
      nPrb: nPrbFr1(30, 100),
      mu: 1,
      overhead: 0.14,
    });
    expect(r).toBeCloseTo(2337.00012, 4);
  });

  it('100 MHz, 30 kHz, 1 layer, 64QAM, FR1 UL ≈ 468.76 Mbit/s', () => {
    const r = peakDataRateMbps({
      layers: 1,
      modulationOrder: 6,
      nPrb: 273,
      mu: 1,
      overhead: PEAK_RATE_OVERHEAD.FR1.UL,
    });
    expect(r).toBeCloseTo(468.758745, 5);
  });

  it('other numerologies and the scaling factor', () => {
    // 20 MHz @ 15 kHz (106 PRB), 2 layers, 64QAM, DL: 170.138745
    expect(
      peakDataRateMbps({ layers: 2, modulationOrder: 6, nPrb: nPrbFr1(15, 20), mu: 0, overhead: 0.14 }),
    ).toBeCloseTo(170.138745, 5);
    // 100 MHz @ 60 kHz (135 PRB), 2 layers, 256QAM, DL: 1155.6594
    expect(
      peakDataRateMbps({ layers: 2, modulationOrder: 8, nPrb: nPrbFr1(60, 100), mu: 2, overhead: 0.14 }),
    ).toBeCloseTo(1155.6594, 4);
    // f = 0.75: 1752.75009
    expect(
      peakDataRateMbps({
        layers: 4,
        modulationOrder: 8,
        scalingFactor: 0.75,
        nPrb: 273,
        mu: 1,
        overhead: 0.14,
      }),
    ).toBeCloseTo(1752.75009, 4);
  });

  it('overheads per TS 38.306 §4.1.2', () => {
    expect(PEAK_RATE_OVERHEAD).toEqual({ FR1: { DL: 0.14, UL: 0.08 }, FR2: { DL: 0.18, UL: 0.1 } });
  });

  it('N_RB from TS 38.101-1 Table 5.3.2-1', () => {
    expect([20, 40, 50, 60, 80, 100].map((b) => nPrbFr1(30, b))).toEqual([51, 106, 133, 162, 217, 273]);
    expect([5, 10, 20, 50].map((b) => nPrbFr1(15, b))).toEqual([25, 52, 106, 270]);
    expect([10, 20, 100].map((b) => nPrbFr1(60, b))).toEqual([11, 24, 135]);
    expect(() => nPrbFr1(15, 100)).toThrow(RangeError);
    expect(() => nPrbFr1(60, 5)).toThrow(RangeError);
  });

  it('numerology and durations', () => {
    expect(numerology(15)).toBe(0);
    expect(numerology(30)).toBe(1);
    expect(numerology(60)).toBe(2);
    expect(() => numerology(45)).toThrow(RangeError);
    expect(symbolDurationS(1)).toBeCloseTo(1e-3 / 28, 15);
    expect(slotDurationMs(1)).toBe(0.5);
  });
});

describe('TDD share', () => {
  it.each([
    ['DDDSU', 0.7428571428571429, 0.22857142857142856], // (3*14+10)/70, (14+2)/70
    ['DDDSUDDSUU', 0.6428571428571429, 0.32857142857142857],
    ['DSUUU', 0.34285714285714286, 0.6285714285714286],
    ['DDSUU', 0.5428571428571428, 0.42857142857142855],
  ])('%s with 10:2:2 special slot', (pattern, dl, ul) => {
    const s = tddShare(pattern, { dl: 10, gap: 2, ul: 2 });
    expect(s.dlFraction).toBeCloseTo(dl, 12);
    expect(s.ulFraction).toBeCloseTo(ul, 12);
  });

  it('other special-slot split and validation', () => {
    const s = tddShare('DDDSU', { dl: 6, gap: 4, ul: 4 });
    expect(s.dlFraction).toBeCloseTo(0.6857142857142857, 12);
    expect(s.ulFraction).toBeCloseTo(0.2571428571428571, 12);
    expect(() => tddShare('DDDSU', { dl: 10, gap: 2, ul: 3 })).toThrow(RangeError);
    expect(() => tddShare('DDXU')).toThrow(RangeError);
    expect(() => tddShare('')).toThrow(RangeError);
  });

  it('peak rate per direction = formula × share (DDDSU, 100 MHz, 30 kHz)', () => {
    const r = tddPeakRatesMbps({
      pattern: 'DDDSU',
      nPrb: 273,
      mu: 1,
      dl: { layers: 4, modulationOrder: 8 },
      ul: { layers: 1, modulationOrder: 6 },
    });
    expect(r.dlMbps).toBeCloseTo(1736.057232, 4); // 2337.00012 * 52/70
    expect(r.ulMbps).toBeCloseTo(107.144856, 5); // 468.758745 * 16/70
  });
});

describe('bits per PRB per slot', () => {
  it('SE · 12 · symbols · (1 − overhead)', () => {
    expect(bitsPerPrbPerSlot(5.5547, 0.14)).toBeCloseTo(802.543056, 6);
    expect(bitsPerPrbPerSlot(2.4063, 0.2, 12)).toBeCloseTo(277.20576, 6);
    expect(bitsPerPrbPerSlot(0, 0.1)).toBe(0);
  });
});
