import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../cli/exit';
import { writeOutputFile } from '../cli/output-file';
import { tableCsv } from './csv';
import { encodeTable, tableFormatName } from './formats';
import { tableParquet } from './parquet';
import { seedColumn, type Table, tableOf } from './table';
import { expectParquetMatchesCsv } from './test-helpers';

interface Row {
  name: string | null;
  n: number;
  seed: number | string;
  ok: boolean | undefined;
  x: number;
}

const ROWS: Row[] = [
  { name: 'plain', n: 0, seed: 2 ** 53 - 1, ok: true, x: 0.1 },
  { name: 'with, comma and "quotes"\nand a newline', n: -7, seed: 3, ok: false, x: -1.5e-300 },
  { name: null, n: 2_147_483_647, seed: 0, ok: undefined, x: Number.NaN },
  { name: 'ünïcode ✓', n: 1, seed: 1, ok: true, x: Number.POSITIVE_INFINITY },
];

const table = (rows: Row[]): Table =>
  tableOf(rows, [
    { name: 'name', type: 'string', get: (r) => r.name },
    { name: 'n', type: 'int32', get: (r) => r.n },
    seedColumn(rows, (r) => r.seed),
    { name: 'ok', type: 'boolean', get: (r) => r.ok },
    { name: 'x', type: 'double', get: (r) => r.x },
  ]);

const tmp = () => mkdtempSync(join(tmpdir(), 'factory-twin-table-'));

describe('row tables', () => {
  it('CSV: header, quoting only where needed, empty cells for null, undefined and non-finite numbers', () => {
    expect(tableCsv(table(ROWS.slice(0, 3)))).toBe(
      'name,n,seed,ok,x\n' +
        'plain,0,9007199254740991,true,0.1\n' +
        '"with, comma and ""quotes""\nand a newline",-7,3,false,-1.5e-300\n' +
        ',2147483647,0,,\n',
    );
  });

  it('Parquet reads back (hyparquet) to exactly the CSV rows, with typed columns', async () => {
    const t = table(ROWS);
    const file = join(tmp(), 'rows.parquet');
    writeFileSync(file, tableParquet(t));
    const p = await expectParquetMatchesCsv(file, tableCsv(t));
    expect(p.schemaNames).toEqual(p.header);
    expect(p.asCsv).toEqual(p.csvRows);
    expect(p.types).toEqual({ name: 'STRING', n: 'INT32', seed: 'INT64', ok: 'BOOLEAN', x: 'DOUBLE' });
    // The same table gives the same bytes (no timestamps in the file).
    expect(tableParquet(t)).toEqual(tableParquet(table(ROWS)));
  });

  it('a seed that is not an integer makes the seed column text', async () => {
    const t = table([...ROWS, { name: 'a', n: 1, seed: 'batch-7', ok: true, x: 1 }]);
    const file = join(tmp(), 'rows.parquet');
    writeFileSync(file, tableParquet(t));
    const p = await expectParquetMatchesCsv(file, tableCsv(t));
    expect(p.types.seed).toBe('STRING');
    expect(p.asCsv).toEqual(p.csvRows);
  });

  it('a value of the wrong type is refused, naming the column and row', () => {
    const bad = table(ROWS);
    bad.columns[1].values[2] = 1.5;
    expect(() => tableParquet(bad)).toThrow('column "n" (int32), row 2: got 1.5');
    bad.columns[1].values[2] = 'seven';
    expect(() => tableParquet(bad)).toThrow('column "n" (int32), row 2: got "seven"');
  });

  it('the format follows the file extension: .parquet is Parquet, anything else CSV', () => {
    expect(tableFormatName('/a/rows.parquet')).toBe('parquet');
    expect(tableFormatName('rows.PARQUET')).toBe('parquet');
    expect(tableFormatName('rows.csv')).toBe('csv');
    expect(tableFormatName('rows.txt')).toBe('csv');
    expect(tableFormatName('rows')).toBe('csv');
    expect(typeof encodeTable('rows.csv', table(ROWS))).toBe('string');
    expect(encodeTable('rows.parquet', table(ROWS))).toBeInstanceOf(Uint8Array);
  });

  it('writing where it cannot: a UsageError naming the flag and why, and no file left behind', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'plain-file'), 'x');
    const under = join(dir, 'plain-file', 'rows.parquet');
    expect(() => writeOutputFile(under, new Uint8Array([1]), '--rows')).toThrow(UsageError);
    expect(() => writeOutputFile(under, new Uint8Array([1]), '--rows')).toThrow(
      `--rows ${under}: cannot write there: ${join(dir, 'plain-file')} is a file, not a folder`,
    );
    expect(() => writeOutputFile(dir, 'x', '--rows')).toThrow(
      `--rows ${dir}: cannot write there: it is a folder`,
    );
    expect(readdirSync(dir)).toEqual(['plain-file']);
    expect(existsSync(under)).toBe(false);
  });
});
