import { extname } from 'node:path';
import { Registry } from '@factory-twin/sim-core';
import { tableCsv } from './csv';
import { tableParquet } from './parquet';
import type { Table } from './table';

/** A file format for row tables, named by its file extension. */
export interface TableFormat {
  encode(t: Table): string | Uint8Array;
}

/** Row-table formats by file extension (lower case, no dot); a file with any other extension is CSV. */
export const tableFormats = new Registry<TableFormat>('rows format')
  .register('csv', { encode: tableCsv })
  .register('parquet', { encode: tableParquet });

/** The format of a file, from its extension: `.parquet` is Parquet, anything else CSV. */
export function tableFormatName(file: string): string {
  const ext = extname(file).slice(1).toLowerCase();
  return tableFormats.has(ext) ? ext : 'csv';
}

export const encodeTable = (file: string, t: Table): string | Uint8Array =>
  tableFormats.get(tableFormatName(file)).encode(t);
