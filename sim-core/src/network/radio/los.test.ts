import { describe, expect, it } from 'vitest';
import {
  INF_CLUTTER_EXAMPLES,
  type InfClutter,
  infKSubsceM,
  infLinkState,
  infLosProbability,
  infSubScenario,
  isLos,
} from './los';

const sparse: InfClutter = { density: 0.2, heightM: 2, sizeM: 10 };
const dense: InfClutter = { density: 0.6, heightM: 6, sizeM: 2 };

// Expected values computed with python3 from TR 38.901 Table 7.4.2-1:
//   k_low  = -d_clutter / ln(1 - r)
//   k_high = k_low * (hBS - hUT) / (hc - hUT)
//   P_LOS  = exp(-d2D / k)          (note: with k_low this equals (1 - r)^(d2D / d_clutter))
describe('InF LOS probability (TR 38.901 Table 7.4.2-1)', () => {
  it('k_subsce for low and high BS', () => {
    expect(infKSubsceM('InF-SL', sparse, 1.5, 1.5)).toBeCloseTo(44.81420117724551, 9); // -10/ln(0.8)
    expect(infKSubsceM('InF-DL', dense, 1.5, 1.5)).toBeCloseTo(2.182713335874583, 9); // -2/ln(0.4)
    expect(infKSubsceM('InF-SH', sparse, 8, 1.5)).toBeCloseTo(582.5846153041916, 7); // 44.814*(6.5/0.5)
    expect(infKSubsceM('InF-DH', dense, 8, 1.5)).toBeCloseTo(3.1528081518188418, 9); // 2.1827*(6.5/4.5)
    expect(infKSubsceM('InF-HH', dense, 8, 7)).toBe(Number.POSITIVE_INFINITY);
  });

  it.each([
    ['InF-SL', sparse, 1.5, 5, 0.8944271909999159],
    ['InF-SL', sparse, 1.5, 10, 0.8], // (1 - 0.2)^(10/10)
    ['InF-SL', sparse, 1.5, 20, 0.64],
    ['InF-SL', sparse, 1.5, 50, 0.32768],
    ['InF-DL', dense, 1.5, 5, 0.10119288512538813],
    ['InF-DL', dense, 1.5, 10, 0.01024], // 0.4^5
    ['InF-DL', dense, 1.5, 20, 0.0001048576],
    ['InF-SH', sparse, 8, 10, 0.9829815888501277],
    ['InF-SH', sparse, 8, 100, 0.8422748560647625],
    ['InF-SH', sparse, 8, 300, 0.597532468014892],
    ['InF-DH', dense, 8, 5, 0.20476592015296705],
    ['InF-DH', dense, 8, 10, 0.04192908205609128],
    ['InF-DH', dense, 8, 20, 0.0017580479220664354],
  ] as const)('%s d2D=%s m', (sub, clutter, hBs, d, expected) => {
    expect(infLosProbability(sub, clutter, hBs, 1.5, d)).toBeCloseTo(expected, 12);
  });

  it('InF-HH is always LOS; P_LOS(0) = 1; P_LOS decreases with distance', () => {
    expect(infLosProbability('InF-HH', dense, 8, 7, 500)).toBe(1);
    expect(infLosProbability('InF-DL', dense, 1.5, 1.5, 0)).toBe(1);
    expect(infLosProbability('InF-SL', sparse, 1.5, 1.5, 30)).toBeLessThan(
      infLosProbability('InF-SL', sparse, 1.5, 1.5, 29),
    );
  });

  it('sub-scenario classification from clutter density and heights (Table 7.2-4)', () => {
    expect(infSubScenario(sparse, 1.5, 1.5)).toBe('InF-SL');
    expect(infSubScenario(dense, 1.5, 1.5)).toBe('InF-DL');
    expect(infSubScenario(sparse, 8, 1.5)).toBe('InF-SH');
    expect(infSubScenario(dense, 8, 1.5)).toBe('InF-DH');
    expect(infSubScenario(dense, 8, 7)).toBe('InF-HH');
    // r = 0.4 is dense (r >= 40 %), r = 0.39 sparse.
    expect(infSubScenario({ density: 0.4, heightM: 6, sizeM: 2 }, 1.5, 1.5)).toBe('InF-DL');
    expect(infSubScenario({ density: 0.39, heightM: 6, sizeM: 2 }, 1.5, 1.5)).toBe('InF-SL');
  });

  it('infLinkState combines classification and probability; examples are consistent', () => {
    const s = infLinkState(INF_CLUTTER_EXAMPLES.dense, 8, 1.5, 10);
    expect(s.subScenario).toBe('InF-DH');
    expect(s.pLos).toBeCloseTo(0.04192908205609128, 12);
    expect(infSubScenario(INF_CLUTTER_EXAMPLES.sparse, 1.5, 1.5)).toBe('InF-SL');
  });

  it('LOS decision from a caller-supplied uniform draw', () => {
    expect(isLos(0.3, 0.29)).toBe(true);
    expect(isLos(0.3, 0.3)).toBe(false);
    expect(isLos(1, 0.999999)).toBe(true);
    expect(isLos(0, 0)).toBe(false);
  });
});
