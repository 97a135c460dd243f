import { describe, expect, it } from 'vitest';
import { dataGaps, gapAt } from './gaps';

const chunk = (sequence: number, startMs: number, endMs: number) => ({
  sequence,
  offset: 0,
  byteLength: 0,
  startMs,
  endMs,
  recordCount: 1,
});

describe('data gaps', () => {
  it('finds skipped chunks and a cut-off tail', () => {
    const chunks = [chunk(0, 0, 100), chunk(1, 100, 200), chunk(3, 300, 400), chunk(4, 400, 450)];
    expect(dataGaps(chunks, 1000)).toEqual([
      { fromMs: 200, toMs: 300, cause: 'damaged' },
      { fromMs: 450, toMs: 1000, cause: 'cut' },
    ]);
    expect(dataGaps(chunks, undefined)).toHaveLength(1);
    expect(dataGaps([chunk(0, 0, 100), chunk(1, 100, 200)], 200)).toEqual([]);
  });

  it('says which gap a time falls in (its edges have data)', () => {
    const gaps = dataGaps([chunk(0, 0, 100), chunk(2, 300, 400)], undefined);
    expect(gapAt(gaps, 200)).toEqual(gaps[0]);
    expect(gapAt(gaps, 100)).toBeNull();
    expect(gapAt(gaps, 300)).toBeNull();
  });
});
