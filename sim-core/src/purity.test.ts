import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = new URL('.', import.meta.url).pathname;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [path] : [];
  });
}

// Determinism and portability: sim-core runs the same in Node, a worker and a browser.
const FORBIDDEN: [RegExp, string][] = [
  [/Math\.random/, 'Math.random (use a named RandomStreams stream)'],
  [/Date\.now|new Date\(|performance\.now|process\.hrtime/, 'the wall clock (use Simulation.now())'],
  [/\bset(Timeout|Interval|Immediate)\(/, 'real timers (schedule on the Simulation)'],
  [/from ['"](node:|fs|path|os|worker_threads|react)/, 'I/O, Node or React imports'],
  [/\b(window|document)\.[a-zA-Z]/, 'the DOM'],
];

describe('sim-core purity', () => {
  it('has no wall clock, Math.random, real timers, I/O or DOM in its sources', () => {
    const problems: string[] = [];
    for (const file of sourceFiles(SRC)) {
      const lines = readFileSync(file, 'utf8').split('\n');
      lines.forEach((line, i) => {
        for (const [pattern, what] of FORBIDDEN) {
          if (pattern.test(line) && !line.trim().startsWith('//') && !line.trim().startsWith('*'))
            problems.push(`${relative(SRC, file)}:${i + 1} uses ${what}`);
        }
      });
    }
    expect(problems).toEqual([]);
  });

  it('the scan finds a planted violation', () => {
    const planted = 'const x = Math.random();';
    expect(FORBIDDEN.some(([pattern]) => pattern.test(planted))).toBe(true);
  });
});
