import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

// Issue 15, item 6: a double cast (`as unknown as T`) in production code turns the type checker off, so
// each one says why in a comment: on its line, in the three lines above, or in an earlier comment of the
// same file that quotes the cast (`as unknown as T` below: ...), which then covers every later copy of it.

const ROOT = new URL('../../../', import.meta.url).pathname;
const PRODUCTION = ['sim-core/src', 'scenarios/src', 'viewer/src', 'bench/src', 'examples'];
const CAST = /as unknown as ([\w.]+(?:<[^>]*>)?)/g;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory())
      return entry.name === 'node_modules' || entry.name === 'dist' ? [] : sourceFiles(path);
    const production =
      /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$|\.test-helpers\.ts$|\.d\.ts$/.test(entry.name);
    return production ? [path] : [];
  });
}

const isComment = (line: string) => /^\s*(\/\/|\/\*|\*)/.test(line) || line.includes('//');

/** `file:line` of every `as unknown as` cast that no comment explains. */
export function unexplainedCasts(name: string, text: string): string[] {
  const lines = text.split('\n');
  const out: string[] = [];
  lines.forEach((line, i) => {
    if (/^\s*(\/\/|\*)/.test(line)) return; // a comment that quotes a cast
    for (const match of line.matchAll(CAST)) {
      const near = lines.slice(Math.max(0, i - 3), i + 1).some(isComment);
      const quoted = lines.slice(0, i).some((l) => isComment(l) && l.includes(match[0]));
      if (!near && !quoted) out.push(`${name}:${i + 1}: ${match[0]}`);
    }
  });
  return out;
}

describe('as unknown as casts in production code', () => {
  it('each has a comment saying why', () => {
    const problems = PRODUCTION.flatMap((dir) =>
      sourceFiles(join(ROOT, dir)).flatMap((file) =>
        unexplainedCasts(relative(ROOT, file), readFileSync(file, 'utf8')),
      ),
    );
    expect(problems).toEqual([]);
  });

  it('the scan finds an unexplained cast, and accepts an explained one', () => {
    const bare = [
      'const a = 1;',
      'const b = 2;',
      'const c = 3;',
      'const d = 4;',
      'const x = y as unknown as Z;',
    ];
    expect(unexplainedCasts('f.ts', bare.join('\n'))).toEqual(['f.ts:5: as unknown as Z']);
    const explained = ['// why: Z is y seen through a wider type', 'const x = y as unknown as Z;'];
    expect(unexplainedCasts('f.ts', explained.join('\n'))).toEqual([]);
    const quoted = ['// `as unknown as Z` below: ...', ...bare];
    expect(unexplainedCasts('f.ts', quoted.join('\n'))).toEqual([]);
  });
});
