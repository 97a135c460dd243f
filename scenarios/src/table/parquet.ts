import { type BasicType, parquetWriteBuffer } from 'hyparquet-writer';
import { SOFTWARE_VERSION } from '../version';
import { type Cell, type Column, type ColumnType, isEmpty, type Table } from './table';

/** Parquet physical/logical type per column type (Apache Parquet format spec, LogicalTypes.md). */
const PARQUET_TYPE: Record<ColumnType, BasicType> = {
  string: 'STRING', // BYTE_ARRAY annotated UTF8
  int32: 'INT32',
  int64: 'INT64',
  double: 'DOUBLE',
  boolean: 'BOOLEAN',
};

const JS_TYPE: Record<ColumnType, string> = {
  string: 'string',
  int32: 'number',
  int64: 'number',
  double: 'number',
  boolean: 'boolean',
};

/** One column's values as hyparquet-writer wants them: nulls for empty cells, bigints for INT64. */
function columnData(c: Column): unknown[] {
  return c.values.map((v: Cell, row) => {
    if (isEmpty(v)) return null;
    const integer = c.type === 'int32' || c.type === 'int64';
    if (typeof v !== JS_TYPE[c.type] || (integer && !Number.isSafeInteger(v)))
      throw new TypeError(`column "${c.name}" (${c.type}), row ${row}: got ${JSON.stringify(v)}`);
    return c.type === 'int64' ? BigInt(v as number) : v;
  });
}

/**
 * The table as one Parquet file (one row group, Snappy-compressed), every column OPTIONAL (empty cells are
 * nulls). Same bytes for the same table: no timestamps in the file.
 */
export function tableParquet(t: Table): Uint8Array {
  const buffer = parquetWriteBuffer({
    columnData: t.columns.map((c) => ({
      name: c.name,
      type: PARQUET_TYPE[c.type],
      nullable: true,
      data: columnData(c),
    })),
    rowGroupSize: Math.max(1, t.columns[0]?.values.length ?? 1),
    createdBy: `factory-twin ${SOFTWARE_VERSION}`,
  });
  return new Uint8Array(buffer);
}
