import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type RandomStream, RandomStreams, replicationSeed, streamKey } from './random';

function draw(s: RandomStream, n: number): number[] {
  return Array.from({ length: n }, () => s.next());
}

describe('RandomStreams', () => {
  it('same seed and names give identical sequences', () => {
    const a = new RandomStreams(42).stream('machine-1', 'failures');
    const b = new RandomStreams(42).stream('machine-1', 'failures');
    expect(draw(a, 1000)).toEqual(draw(b, 1000));
  });

  it('pins the first draws of a stream (guards against a silent change of generator or key encoding)', () => {
    const first = draw(new RandomStreams(42).stream('machine-1', 'failures'), 3);
    expect(first).toMatchInlineSnapshot(`
      [
        0.2139460662971331,
        0.7280560189242931,
        0.16464242906387117,
      ]
    `);
  });

  it('different run seed, entity or purpose gives a different sequence', () => {
    const base = draw(new RandomStreams(42).stream('m1', 'p'), 20);
    expect(draw(new RandomStreams(43).stream('m1', 'p'), 20)).not.toEqual(base);
    expect(draw(new RandomStreams('42').stream('m1', 'p'), 20)).not.toEqual(base);
    expect(draw(new RandomStreams(42).stream('m2', 'p'), 20)).not.toEqual(base);
    expect(draw(new RandomStreams(42).stream('m1', 'q'), 20)).not.toEqual(base);
  });

  it('adding streams for new entities does not change the draws of existing ones', () => {
    const plain = new RandomStreams(7);
    const m1 = plain.stream('m1', 'proc');
    const expected = [...draw(m1, 5), ...draw(m1, 5)];

    const extended = new RandomStreams(7);
    const newcomer = extended.stream('m0', 'proc'); // created first, drawn in between
    draw(newcomer, 3);
    const m1b = extended.stream('m1', 'proc');
    const got = draw(m1b, 5);
    draw(extended.stream('agv-9', 'battery'), 17);
    draw(newcomer, 4);
    got.push(...draw(m1b, 5));
    expect(got).toEqual(expected);
  });

  it('encodes keys unambiguously', () => {
    expect(streamKey(1, 'a/b', 'c')).not.toBe(streamKey(1, 'a', 'b/c'));
    expect(streamKey(1, 'a:b', 'c')).not.toBe(streamKey(1, 'a', 'b:c'));
    expect(streamKey(1, 'a","b', 'c')).not.toBe(streamKey(1, 'a', 'b","c'));
    const rs = new RandomStreams(1);
    expect(draw(rs.stream('a/b', 'c'), 10)).not.toEqual(draw(rs.stream('a', 'b/c'), 10));
    expect(draw(rs.stream('a', ''), 10)).not.toEqual(draw(rs.stream('', 'a'), 10));
  });

  it('stream() caches (same object, continues); fresh() restarts from the first draw', () => {
    const rs = new RandomStreams(5);
    const s = rs.stream('e', 'p');
    expect(rs.stream('e', 'p')).toBe(s);
    expect(rs.size).toBe(1);
    const first = draw(s, 4);
    expect(draw(rs.stream('e', 'p'), 4)).not.toEqual(first); // continued, not restarted
    const f = rs.fresh('e', 'p');
    expect(f).not.toBe(s);
    expect(draw(f, 4)).toEqual(first);
    expect(rs.size).toBe(1);
  });

  it('rejects non-finite numeric seeds', () => {
    expect(() => new RandomStreams(Number.NaN)).toThrow(RangeError);
    expect(() => new RandomStreams(Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });

  it('is roughly uniform (mean and 10-bin chi-square)', () => {
    const s = new RandomStreams(99).stream('u', 'u');
    const n = 100_000;
    const bins = new Array(10).fill(0);
    let sum = 0;
    for (let i = 0; i < n; i++) {
      const u = s.next();
      sum += u;
      bins[Math.floor(u * 10)]++;
    }
    expect(Math.abs(sum / n - 0.5)).toBeLessThan(5 * Math.sqrt(1 / 12 / n));
    const chi2 = bins.reduce((acc, o) => acc + (o - n / 10) ** 2 / (n / 10), 0);
    expect(chi2).toBeLessThan(27.88); // chi-square(9) 0.999 quantile
  });

  it('property: values are in [0, 1) for any seed, entity and purpose', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.string()),
        fc.string(),
        fc.string(),
        (seed, entity, purpose) => {
          const s = new RandomStreams(seed).stream(entity, purpose);
          for (let i = 0; i < 50; i++) {
            const u = s.next();
            if (!(u >= 0 && u < 1)) return false;
          }
          return true;
        },
      ),
      { seed: 20240601, numRuns: 300 },
    );
  });
});

describe('replicationSeed', () => {
  it('is deterministic, distinct across replications and a safe integer', () => {
    const seeds = Array.from({ length: 1000 }, (_, i) => replicationSeed(42, i));
    expect(seeds).toEqual(Array.from({ length: 1000 }, (_, i) => replicationSeed(42, i)));
    expect(new Set(seeds).size).toBe(1000);
    for (const s of seeds) {
      expect(Number.isSafeInteger(s)).toBe(true);
      expect(s).toBeGreaterThanOrEqual(0);
    }
    expect(replicationSeed(43, 0)).not.toBe(replicationSeed(42, 0));
    expect(replicationSeed('42', 0)).not.toBe(replicationSeed(42, 0));
  });

  it('gives replications different streams for the same entity', () => {
    const a = draw(new RandomStreams(replicationSeed(1, 0)).stream('m', 'p'), 10);
    const b = draw(new RandomStreams(replicationSeed(1, 1)).stream('m', 'p'), 10);
    expect(a).not.toEqual(b);
  });

  it('rejects bad indices', () => {
    expect(() => replicationSeed(1, -1)).toThrow(RangeError);
    expect(() => replicationSeed(1, 1.5)).toThrow(RangeError);
  });
});
