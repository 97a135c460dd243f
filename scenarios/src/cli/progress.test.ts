import { describe, expect, it, vi } from 'vitest';
import { progressBar } from './progress';

describe('progress without a terminal', () => {
  it('writes a line every 5 s of wall time, with the count, the share and the time left', () => {
    let now = 0;
    const lines: string[] = [];
    const p = progressBar(
      'runs',
      'lines',
      (s) => lines.push(s),
      () => now,
    );
    p.update(1, 30);
    now = 4_000;
    p.update(2, 30);
    expect(lines).toEqual([]); // nothing before 5 s
    now = 6_000;
    p.update(12, 30);
    expect(lines).toEqual(['12/30 runs (40 %), 6s elapsed, about 9s left\n']);
    now = 7_000;
    p.update(13, 30);
    expect(lines).toHaveLength(1);
    now = 9_000;
    p.update(20, 30);
    now = 65_000;
    p.update(30, 30);
    p.stop(); // the final count is already shown: no repeat
    expect(lines.at(-1)).toBe('30/30 runs (100 %), 1m05s elapsed\n');
    expect(lines).toHaveLength(2);
  });

  it('a short job prints nothing, and false shows nothing at all', () => {
    const lines: string[] = [];
    const p = progressBar(
      'runs',
      'lines',
      (s) => lines.push(s),
      () => 0,
    );
    p.update(3, 3);
    p.stop();
    const q = progressBar(
      'runs',
      false,
      (s) => lines.push(s),
      () => 1e9,
    );
    q.update(1, 2);
    q.stop();
    expect(lines).toEqual([]);
  });

  it('FT_PROGRESS_EVERY_S sets the interval (the local optimise API asks for a line a second)', () => {
    vi.stubEnv('FT_PROGRESS_EVERY_S', '1');
    try {
      let now = 0;
      const lines: string[] = [];
      const p = progressBar(
        'generations',
        'lines',
        (s) => lines.push(s),
        () => now,
      );
      p.update(1, 4);
      now = 1_000;
      p.update(2, 4);
      expect(lines).toEqual(['2/4 generations (50 %), 1s elapsed, about 1s left\n']);
    } finally {
      vi.unstubAllEnvs();
    }
  });
});
