import { describe, expect, it } from 'vitest';
import { blerAtMargin, LinkAdapter, marginForBler } from './link-adaptation';
import { cqiSinrThresholdsDb } from './radio/cqi';

describe('link adaptation', () => {
  it('BLER is 10 % at the CQI threshold and falls with margin', () => {
    expect(blerAtMargin(0)).toBeCloseTo(0.1, 12);
    expect(blerAtMargin(2)).toBeLessThan(0.01);
    expect(blerAtMargin(-3)).toBeGreaterThan(0.9);
    expect(blerAtMargin(marginForBler(1e-5))).toBeCloseTo(1e-5, 10);
  });

  it('picks the highest CQI the SINR supports, and backs off for a lower BLER target', () => {
    const thr = cqiSinrThresholdsDb(2);
    const a = new LinkAdapter(2, 0.1);
    const out = { cqi: 0, spectralEfficiency: 0, layers: 1, bler: 1 };
    a.choose(thr[9] + 0.01, out);
    expect(out.cqi).toBe(9);
    expect(out.bler).toBeLessThanOrEqual(0.1);
    const strict = new LinkAdapter(2, 1e-4);
    strict.choose(thr[9] + 0.01, out);
    expect(out.cqi).toBeLessThan(9);
    expect(out.bler).toBeLessThanOrEqual(1e-4);
    // Out of range: lowest MCS, mostly failing.
    a.choose(thr[1] - 5, out);
    expect(out.cqi).toBe(1);
    expect(out.bler).toBeGreaterThan(0.99);
  });

  it('uses more layers only when the SINR pays for the power split', () => {
    const a = new LinkAdapter(2, 0.1);
    const out = { cqi: 0, spectralEfficiency: 0, layers: 1, bler: 1 };
    expect(a.chooseWithRank(45, 4, out).layers).toBe(4);
    expect(out.cqi).toBe(15);
    expect(a.chooseWithRank(-3, 4, out).layers).toBe(1);
  });
});
