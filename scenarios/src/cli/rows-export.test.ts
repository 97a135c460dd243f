import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tinyScenarioDir } from '../run/test-helpers';
import { expectParquetMatchesCsv } from '../table/test-helpers';
import { EXIT } from './exit';
import { runCli } from './program';

async function cli(args: string[]) {
  let out = '';
  let err = '';
  const code = await runCli(args, { out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err };
}

describe('--rows FILE.parquet', { timeout: 120_000 }, () => {
  it('compare: the Parquet file holds exactly the CSV rows, with typed columns', async () => {
    const { dir, file } = tinyScenarioDir(0.1);
    const compare = (rows: string) =>
      cli([
        'compare',
        '--scenario',
        file,
        'public',
        'slice',
        '--replications',
        '2',
        '--in-process',
        '--rows',
        rows,
      ]);
    const csv = await compare(join(dir, 'rows.csv'));
    expect(csv.code, csv.err).toBe(EXIT.ok);
    // Same scenario, same seeds: the same rows (runs are deterministic), this time as Parquet.
    const pq = await compare(join(dir, 'rows.parquet'));
    expect(pq.code, pq.err).toBe(EXIT.ok);
    expect(pq.out).toContain(`wrote ${join(dir, 'rows.parquet')}`);
    const p = await expectParquetMatchesCsv(
      join(dir, 'rows.parquet'),
      readFileSync(join(dir, 'rows.csv'), 'utf8'),
    );
    expect(p.schemaNames).toEqual(p.header);
    expect(p.csvRows).toHaveLength(2 * 2);
    expect(p.asCsv).toEqual(p.csvRows);
    const { target, replication, seed, ok, warmupH, valueEurPerHour, stable, error, ...kpis } = p.types;
    expect({ target, replication, seed, ok, warmupH, valueEurPerHour, stable, error }).toEqual({
      target: 'STRING',
      replication: 'INT32',
      seed: 'INT64',
      ok: 'BOOLEAN',
      warmupH: 'DOUBLE',
      valueEurPerHour: 'DOUBLE',
      stable: 'BOOLEAN',
      error: 'STRING',
    });
    expect(Object.keys(kpis)).toContain('throughputPerHour');
    expect(new Set(Object.values(kpis))).toEqual(new Set(['DOUBLE']));
    expect(existsSync(`${join(dir, 'rows.parquet')}.${process.pid}.tmp`)).toBe(false);
  });

  it('sweep: the Parquet file holds exactly results.csv, with typed columns', async () => {
    const { dir } = tinyScenarioDir(0.1);
    const spec = join(dir, 'sweep.json');
    writeFileSync(
      spec,
      JSON.stringify({
        base: './tiny.json',
        replications: 2,
        dimensions: [{ name: 'tdd', path: 'network.carrier.tddPattern', values: ['DDDSU', 'DSUUU'] }],
        kpis: ['throughputPerHour', 'net.video.reliability'],
      }),
    );
    const rows = join(dir, 'rows.parquet');
    const r = await cli(['sweep', spec, '--out', join(dir, 'out'), '--in-process', '--rows', rows]);
    expect(r.code, r.err).toBe(EXIT.ok);
    const p = await expectParquetMatchesCsv(rows, readFileSync(join(dir, 'out', 'results.csv'), 'utf8'));
    expect(p.csvRows).toHaveLength(2 * 2);
    expect(p.asCsv).toEqual(p.csvRows);
    expect(p.types).toEqual({
      tdd: 'STRING',
      variant: 'STRING',
      replication: 'INT32',
      seed: 'INT64',
      scenarioHash: 'STRING',
      throughputPerHour: 'DOUBLE',
      'net.video.reliability': 'DOUBLE',
    });
  });

  it('a --rows path that cannot be written is bad input (2), reported before any run', async () => {
    const { dir, file } = tinyScenarioDir(0.1);
    const underFile = join(file, 'rows.parquet'); // tiny.json is a file, not a folder
    const c = await cli([
      'compare',
      '--scenario',
      file,
      'public',
      'slice',
      '--in-process',
      '--rows',
      underFile,
    ]);
    expect(c.code).toBe(EXIT.badInput);
    expect(c.err).toBe(`error: --rows ${underFile}: cannot write there: ${file} is a file, not a folder\n`);
    const spec = join(dir, 'sweep.json');
    writeFileSync(
      spec,
      JSON.stringify({
        base: './tiny.json',
        replications: 1,
        dimensions: [{ name: 'tdd', path: 'network.carrier.tddPattern', values: ['DDDSU'] }],
      }),
    );
    const s = await cli(['sweep', spec, '--out', join(dir, 'out'), '--in-process', '--rows', dir]);
    expect(s.code).toBe(EXIT.badInput);
    expect(s.err).toBe(`error: --rows ${dir}: cannot write there: it is a folder\n`);
    expect(existsSync(join(dir, 'out'))).toBe(false); // no run started
  });
});
