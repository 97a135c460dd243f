import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openRecording } from '@factory-twin/sim-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { EXIT } from '../../../scenarios/src/cli/exit';
import { runCli } from '../../../scenarios/src/cli/program';
import { tinyScenarioDir } from '../../../scenarios/src/run/test-helpers';
import { replaceMetadata } from './recording-bytes';

async function cli(args: string[]) {
  let out = '';
  let err = '';
  const code = await runCli(args, { out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err };
}

describe('verify refuses crafted or cut recordings with one clear message', { timeout: 60_000 }, () => {
  let dir: string;
  let bytes: Uint8Array;

  /** The run's recording with its header metadata replaced by `metadata` (1e6 written short, to fit). */
  function crafted(name: string, metadata: unknown): string {
    const file = join(dir, name);
    const json = JSON.stringify(metadata).replace(/"lengthH":1000000\b/, '"lengthH":1e6');
    writeFileSync(file, replaceMetadata(bytes, json));
    return file;
  }
  const metadata = () => JSON.parse(JSON.stringify(openRecording(bytes).header.metadata));

  beforeAll(async () => {
    const tiny = tinyScenarioDir(0.2);
    dir = tiny.dir;
    expect((await cli(['run', tiny.file, '--out', dir])).code).toBe(EXIT.ok);
    bytes = readFileSync(join(dir, 'run.ftrec'));
  });

  it('metadata: null is bad input (2) naming the field, not a TypeError', async () => {
    const file = crafted('null.ftrec', null);
    const r = await cli(['verify', file]);
    expect(r.code).toBe(EXIT.badInput);
    expect(r.err).toBe(
      `1 problem found:\n${file} (header) metadata: expected an object (the run's scenario, seed and version), got null\n`,
    );
  });

  it('metadata of the wrong shape: every problem with its path (2)', async () => {
    const file = crafted('shape.ftrec', { ...metadata(), seed: { x: 1 }, softwareVersion: 7 });
    const r = await cli(['verify', file]);
    expect(r.code).toBe(EXIT.badInput);
    expect(r.err).toContain('2 problems found:');
    expect(r.err).toContain('metadata.seed: expected an integer or a string, got {"x":1}');
    expect(r.err).toContain('metadata.softwareVersion: expected a string, got 7');
  });

  it('a header asking for 1e6 h is bad input (2): beyond the scenario bounds, never re-run', async () => {
    const meta = metadata();
    meta.scenario.run.lengthH = 1e6;
    const file = crafted('long.ftrec', meta);
    const r = await cli(['verify', file]);
    expect(r.code).toBe(EXIT.badInput);
    expect(r.err).toContain('run.lengthH');
  });

  it('a header asking for a longer run than the recording holds is refused at once (3), without re-simulating', async () => {
    const meta = metadata();
    meta.scenario.run.lengthH = 500; // as many characters as the 0.2 of the original: the header keeps its length
    const file = crafted('longer.ftrec', meta);
    const r = await cli(['verify', file]);
    expect(r.code).toBe(EXIT.mismatch);
    expect(r.err).toBe(
      "verification failed: the header's scenario runs 500 h but the recording holds 0.2 h: it cannot reproduce (not re-run; was the header edited?)\n",
    );
  });

  it('a cut recording is bad input (2) that says it is incomplete', async () => {
    const file = join(dir, 'cut.ftrec');
    writeFileSync(file, bytes.subarray(0, bytes.length - 100));
    const r = await cli(['verify', file]);
    expect(r.code).toBe(EXIT.badInput);
    expect(r.err).toMatch(
      /^error: .*cut\.ftrec is incomplete \(chunk #\d+ at byte \d+ is cut: \d+ of \d+ bytes present\): verify needs the whole recording as `run` wrote it\n$/,
    );
  });
});
