// The BLER's 10^0.1 steps by a search of their bounds (flow-distributions.ts) against the formula
// 10^(round(10 · log10 β) / 10), 0 below 10^-7, including values at and next to every bound.
import { describe, expect, it } from 'vitest';
import { quantizeBler } from './bler-quantize';

function formula(bler: number): number {
  return bler > 1e-7 ? Math.min(1, 10 ** (Math.round(Math.log10(bler) * 10) / 10)) : 0;
}

describe('flow: BLER quantisation', () => {
  it('equals the formula on a dense sweep and next to every step bound', () => {
    const values: number[] = [0, 1e-9, 1e-7, 1.0000001e-7, 0.5, 0.999, 1, 1.5];
    for (let i = 0; i <= 20_000; i++) values.push(10 ** (-7.2 + (7.4 * i) / 20_000));
    for (let j = 0; j <= 71; j++) {
      const bound = 10 ** ((0.5 - j) / 10);
      for (const f of [1 - 1e-15, 1 - 1e-13, 1 - 1e-11, 1, 1 + 1e-15, 1 + 1e-13, 1 + 1e-11])
        values.push(bound * f);
    }
    for (const v of values) expect(quantizeBler(v), String(v)).toBe(formula(v));
  });
});
