/** A value of one cell; null and undefined are empty (a non-finite number is empty too). */
export type Cell = string | number | boolean | null | undefined;

/** What a column holds: the CSV writes them all as text, Parquet keeps the type. */
export type ColumnType = 'string' | 'int32' | 'int64' | 'double' | 'boolean';

export interface Column {
  name: string;
  type: ColumnType;
  values: Cell[];
}

/** Rows as typed columns, every column as long as the others: one model for the CSV and the Parquet file. */
export interface Table {
  columns: Column[];
}

/** True when the cell is empty: null, undefined or a non-finite number (NaN: nothing was measured). */
export const isEmpty = (v: Cell): boolean =>
  v === null || v === undefined || (typeof v === 'number' && !Number.isFinite(v));

export interface ColumnSpec<R> {
  name: string;
  type: ColumnType;
  get: (r: R) => Cell;
}

/** The seed column: INT64 when every seed is an integer (replicationSeed gives them below 2^53), else text. */
export function seedColumn<R>(rows: readonly R[], get: (r: R) => number | string): ColumnSpec<R> {
  const integers = rows.every((r) => Number.isSafeInteger(get(r)));
  return integers
    ? { name: 'seed', type: 'int64', get }
    : { name: 'seed', type: 'string', get: (r) => String(get(r)) };
}

/** Builds a table from rows and column specs (`get` reads one cell of a row). */
export function tableOf<R>(rows: readonly R[], specs: ColumnSpec<R>[]): Table {
  return { columns: specs.map((s) => ({ name: s.name, type: s.type, values: rows.map(s.get) })) };
}

export const rowCount = (t: Table): number => t.columns[0]?.values.length ?? 0;
