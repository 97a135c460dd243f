import { describe, expect, it } from 'vitest';
import {
  CQI_TABLE_1,
  CQI_TABLE_2,
  CQI_TARGET_BLER,
  cqiSinrThresholdsDb,
  cqiSpectralEfficiency,
  harqExpectedTransmissions,
  harqResidualErrorProbability,
  harqSuccessAtAttemptProbability,
  sinrToCqi,
  sinrToCqiWithThresholds,
  spectralEfficiencyForSinr,
} from './cqi';

// Expected thresholds computed with python3: 4 + 10*log10(2**SE - 1) for the SE column of
// TS 38.214 Tables 5.2.2.1-2 (table 1) and 5.2.2.1-3 (table 2).
const TH1 = [
  -5.533496, -3.534586, -1.248541, 1.138252, 3.224931, 5.000882, 6.511321, 8.422894, 10.335826, 11.51037,
  13.543669, 15.446473, 17.423717, 19.271142, 20.62792,
];
const TH2 = [
  -5.533496, -1.248541, 3.224931, 6.511321, 8.422894, 10.335826, 11.51037, 13.543669, 15.446473, 17.423717,
  19.271142, 20.62792, 22.685548, 24.777354, 26.269507,
];

describe('CQI tables (TS 38.214 §5.2.2.1)', () => {
  it('table 1 spot values (Table 5.2.2.1-2)', () => {
    expect(CQI_TABLE_1).toHaveLength(16);
    expect(CQI_TABLE_1[0]).toBeNull();
    expect(CQI_TABLE_1[1]).toEqual({
      cqi: 1,
      modulation: 'QPSK',
      qm: 2,
      codeRateX1024: 78,
      efficiency: 0.1523,
    });
    expect(CQI_TABLE_1[7]).toEqual({
      cqi: 7,
      modulation: '16QAM',
      qm: 4,
      codeRateX1024: 378,
      efficiency: 1.4766,
    });
    expect(CQI_TABLE_1[15]).toEqual({
      cqi: 15,
      modulation: '64QAM',
      qm: 6,
      codeRateX1024: 948,
      efficiency: 5.5547,
    });
  });

  it('table 2 spot values (Table 5.2.2.1-3)', () => {
    expect(CQI_TABLE_2[2]).toEqual({
      cqi: 2,
      modulation: 'QPSK',
      qm: 2,
      codeRateX1024: 193,
      efficiency: 0.377,
    });
    expect(CQI_TABLE_2[12]).toEqual({
      cqi: 12,
      modulation: '256QAM',
      qm: 8,
      codeRateX1024: 711,
      efficiency: 5.5547,
    });
    expect(CQI_TABLE_2[15]).toEqual({
      cqi: 15,
      modulation: '256QAM',
      qm: 8,
      codeRateX1024: 948,
      efficiency: 7.4063,
    });
  });

  it('efficiency = Qm × R/1024 to the printed 4 decimals, and is strictly increasing', () => {
    for (const table of [CQI_TABLE_1, CQI_TABLE_2]) {
      let prev = 0;
      for (const row of table) {
        if (!row) continue;
        expect(Math.abs(row.efficiency - (row.qm * row.codeRateX1024) / 1024)).toBeLessThan(6e-5);
        expect(row.efficiency).toBeGreaterThan(prev);
        prev = row.efficiency;
      }
    }
  });

  it('target BLER is 10 %', () => {
    expect(CQI_TARGET_BLER).toBe(0.1);
  });
});

describe('SINR → CQI (Shannon-gap assumption, Γ = 4 dB)', () => {
  it('thresholds match Γ·(2^SE − 1)', () => {
    const t1 = cqiSinrThresholdsDb(1);
    const t2 = cqiSinrThresholdsDb(2);
    expect(t1[0]).toBe(Number.NEGATIVE_INFINITY);
    for (const [i, v] of TH1.entries()) expect(t1[i + 1]).toBeCloseTo(v, 5);
    for (const [i, v] of TH2.entries()) expect(t2[i + 1]).toBeCloseTo(v, 5);
    // Highest CQI of table 1 needs ~20–22 dB.
    expect(t1[15]).toBeGreaterThan(20);
    expect(t1[15]).toBeLessThan(22);
  });

  it('maps SINR to the highest CQI whose threshold is met', () => {
    expect(sinrToCqi(-10)).toBe(0);
    expect(sinrToCqi(-5.6)).toBe(0);
    expect(sinrToCqi(-5.5)).toBe(1);
    expect(sinrToCqi(10.3)).toBe(8);
    expect(sinrToCqi(10.4)).toBe(9);
    expect(sinrToCqi(20.6)).toBe(14);
    expect(sinrToCqi(20.7)).toBe(15);
    expect(sinrToCqi(40)).toBe(15);
    expect(sinrToCqi(20.7, 2)).toBe(12);
    expect(sinrToCqi(26.3, 2)).toBe(15);
    expect(sinrToCqi(26.2, 2)).toBe(14);
  });

  it('custom gap shifts all thresholds', () => {
    const t = cqiSinrThresholdsDb(1, 0);
    expect(t[15]).toBeCloseTo(16.62792, 5); // 10*log10(2**5.5547 - 1)
    expect(sinrToCqiWithThresholds(16.7, t)).toBe(15);
    expect(sinrToCqi(16.7)).toBe(12);
  });

  it('spectral efficiency for a SINR / CQI', () => {
    expect(cqiSpectralEfficiency(0)).toBe(0);
    expect(cqiSpectralEfficiency(15, 2)).toBe(7.4063);
    expect(spectralEfficiencyForSinr(12, 1)).toBe(2.7305); // CQI 10 (11.51 <= 12 < 13.54)
    expect(spectralEfficiencyForSinr(-20, 1)).toBe(0);
  });
});

describe('HARQ (independent attempts)', () => {
  it('residual error = bler^(1 + maxRetx)', () => {
    expect(harqResidualErrorProbability(0.1, 3)).toBeCloseTo(1e-4, 15);
    expect(harqResidualErrorProbability(0.3, 5)).toBeCloseTo(0.000729, 12);
    expect(harqResidualErrorProbability(0.1, 0)).toBeCloseTo(0.1, 15);
  });

  it('expected transmissions = (1 − bler^M)/(1 − bler)', () => {
    expect(harqExpectedTransmissions(0.1, 3)).toBeCloseTo(1.111, 12);
    expect(harqExpectedTransmissions(0.3, 5)).toBeCloseTo(1.42753, 12);
    expect(harqExpectedTransmissions(0, 3)).toBe(1);
    expect(harqExpectedTransmissions(1, 3)).toBe(4);
  });

  it('success at attempt k = bler^(k−1)(1 − bler), and the pieces sum to 1', () => {
    expect(harqSuccessAtAttemptProbability(0.1, 3)).toBeCloseTo(0.009, 15);
    let total = harqResidualErrorProbability(0.2, 3);
    for (let k = 1; k <= 4; k++) total += harqSuccessAtAttemptProbability(0.2, k);
    expect(total).toBeCloseTo(1, 12);
  });
});
