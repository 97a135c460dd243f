import { readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tinyScenarioDir } from '../run/test-helpers';
import { EXIT } from './exit';
import { runCli } from './program';

async function cli(args: string[]) {
  let out = '';
  let err = '';
  const code = await runCli(args, { out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err };
}

const summaryOf = (dir: string) => JSON.parse(readFileSync(join(dir, 'run.summary.json'), 'utf8'));

describe('--fidelity on run and compare', { timeout: 120_000 }, () => {
  it('run --fidelity flow takes no event per packet; the default stays the scenario’s (packet)', async () => {
    const { dir, file } = tinyScenarioDir(0.2);
    const packet = await cli(['run', file, '--out', join(dir, 'p'), '--seed', '3']);
    const flow = await cli(['run', file, '--out', join(dir, 'f'), '--seed', '3', '--fidelity', 'flow']);
    expect(packet.code, packet.err).toBe(EXIT.ok);
    expect(flow.code, flow.err).toBe(EXIT.ok);
    expect(summaryOf(join(dir, 'f')).events).toBeLessThan(summaryOf(join(dir, 'p')).events / 2);
    const bad = await cli(['run', file, '--out', join(dir, 'x'), '--fidelity', 'wire']);
    expect(bad.code).toBe(EXIT.badInput);
    expect(bad.err).toContain('Allowed choices are packet, flow');
  });

  it('compare --fidelity flow gives what variant files with network.fidelity flow give', async () => {
    const { dir, file } = tinyScenarioDir(0.2);
    const flowFile = (name: string, network: Record<string, unknown>) => {
      const f = join(dir, `${name}.json`);
      writeFileSync(
        f,
        JSON.stringify({ extends: basename(file), network: { fidelity: 'flow', ...network } }),
      );
      return f;
    };
    const common = ['--replications', '2', '--in-process', '--warmup', '0.05'];
    const byOption = await cli([
      'compare',
      file,
      `${file}#slice`,
      ...common,
      '--fidelity',
      'flow',
      '--out',
      join(dir, 'o'),
    ]);
    const byFiles = await cli([
      'compare',
      flowFile('a', {}),
      flowFile('b', { deployment: 'slice' }),
      ...common,
      '--out',
      join(dir, 'v'),
    ]);
    const packet = await cli(['compare', file, `${file}#slice`, ...common, '--out', join(dir, 'p')]);
    for (const r of [byOption, byFiles, packet]) expect(r.code, r.err).toBe(EXIT.ok);
    const kpis = (d: string) =>
      JSON.parse(readFileSync(join(d, 'compare.json'), 'utf8')).targets.map(
        (t: { kpis: Record<string, { mean: number }> }) => t.kpis,
      );
    expect(kpis(join(dir, 'o'))).toEqual(kpis(join(dir, 'v')));
    expect(kpis(join(dir, 'o'))).not.toEqual(kpis(join(dir, 'p')));
  });
});
