import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXIT } from '../cli/exit';
import { runCli } from '../cli/program';
import { StreamedFile, writeFileAtomic } from './files';

const fresh = () => mkdtempSync(join(tmpdir(), 'ft-files-'));

describe('no half-written output', () => {
  it('writeFileAtomic: a failed write leaves the old file, and no temporary', () => {
    const dir = fresh();
    const file = join(dir, 'out.json');
    writeFileAtomic(file, 'old');
    mkdirSync(join(dir, 'blocked'));
    // The rename onto a directory fails after the temporary was written: it is removed.
    expect(() => writeFileAtomic(join(dir, 'blocked'), 'x')).toThrow();
    expect(readdirSync(dir).sort()).toEqual(['blocked', 'out.json']);
    writeFileAtomic(file, 'new');
    expect(readFileSync(file, 'utf8')).toBe('new');
  });

  it('StreamedFile: nothing under the final name until commit; abort leaves nothing', () => {
    const dir = fresh();
    const a = new StreamedFile(join(dir, 'a.ftrec'));
    a.write(Uint8Array.of(1, 2, 3));
    expect(readdirSync(dir)).toEqual(['a.ftrec.partial']);
    a.abort();
    expect(readdirSync(dir)).toEqual([]);
    const b = new StreamedFile(join(dir, 'b.ftrec'));
    b.write(Uint8Array.of(1, 2, 3));
    b.commit();
    expect(readdirSync(dir)).toEqual(['b.ftrec']);
  });

  it('report of a summary missing its parts: bad input (2), one line, no report written', async () => {
    const dir = fresh();
    const summary = join(dir, 'x.summary.json');
    writeFileSync(summary, JSON.stringify({ kind: 'factory-twin-run-summary', scenario: { name: 'x' } }));
    let err = '';
    const code = await runCli(['report', summary, '--out', join(dir, 'report.html')], {
      out: () => {},
      err: (s) => (err += s),
    });
    expect(code).toBe(EXIT.badInput);
    expect(err).toMatch(
      /^error: the run summaries do not have what a report needs \(.+\); nothing written\n$/,
    );
    expect(existsSync(join(dir, 'report.html'))).toBe(false);
    expect(readdirSync(dir)).toEqual(['x.summary.json']);
  });
});
