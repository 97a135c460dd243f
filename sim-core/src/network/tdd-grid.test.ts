import { describe, expect, it } from 'vitest';
import { DL, TddGrid, UL } from './tdd-grid';

const SYMBOL_MS = 0.5 / 14;

describe('TddGrid', () => {
  const grid = new TddGrid('DDDSU', 1, { dl: 10, gap: 2, ul: 2 });

  it('lists D, S-DL opportunities for DL and S-UL, U for UL', () => {
    expect(grid.count(DL)).toBe(4);
    expect(grid.count(UL)).toBe(2);
    expect(grid.startMs(DL, 3)).toBeCloseTo(1.5, 12);
    expect(grid.endMs(DL, 3)).toBeCloseTo(1.5 + 10 * SYMBOL_MS, 12);
    expect(grid.symbols(DL, 3)).toBe(10);
    expect(grid.startMs(UL, 0)).toBeCloseTo(1.5 + 12 * SYMBOL_MS, 12);
    expect(grid.endMs(UL, 0)).toBeCloseTo(2, 12);
    expect(grid.startMs(UL, 1)).toBeCloseTo(2, 12);
    expect(grid.startMs(UL, 2)).toBeCloseTo(2.5 + 1.5 + 12 * SYMBOL_MS, 12);
    expect(grid.symbolsPerMs(DL)).toBeCloseTo(52 / 2.5, 12);
  });

  it('finds the next opportunity at or after a time', () => {
    expect(grid.nextOpportunity(UL, 0)).toBe(0);
    expect(grid.nextOpportunity(UL, 1.95)).toBe(1);
    expect(grid.nextOpportunity(UL, 2)).toBe(1);
    expect(grid.nextOpportunity(UL, 2.0001)).toBe(2);
    expect(grid.nextOpportunity(DL, 0.5)).toBe(1);
    expect(grid.nextOpportunity(DL, 2.2)).toBe(4);
    // Far in time the numbering stays exact.
    const t = 3_600_000 + 0.7;
    const k = grid.nextOpportunity(DL, t);
    expect(grid.startMs(DL, k)).toBeGreaterThanOrEqual(t - 1e-9);
    expect(grid.startMs(DL, k - 1)).toBeLessThan(t);
  });

  it('places a HARQ retransmission after feedback in the other direction', () => {
    // DL slot 0 ends at 0.5: ACK in the S-slot UL symbols (ends 2.0), retransmission in the next D slot (2.5).
    expect(grid.startMs(DL, grid.harqRetransmission(DL, 0.5, 0.5, 14))).toBeCloseTo(2.5, 12);
    // UL slot ends at 2.5: grant in D slot 2.5–3.0 (+0.5), PUSCH at the next UL opportunity from 3.5.
    expect(grid.startMs(UL, grid.harqRetransmission(UL, 2.5, 0.5, 2))).toBeCloseTo(4 + 12 * SYMBOL_MS, 12);
    // A 14-symbol block cannot be repeated in the 2 UL symbols of the S slot: the U slot at 4.5.
    expect(grid.startMs(UL, grid.harqRetransmission(UL, 2.5, 0.5, 14))).toBeCloseTo(4.5, 12);
  });

  it('rejects patterns without both directions', () => {
    expect(() => new TddGrid('DDDD', 1)).toThrow(RangeError);
    expect(() => new TddGrid('DDXU', 1)).toThrow(RangeError);
  });
});
