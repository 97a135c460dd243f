import { tableCsv } from '../table/csv';
import { seedColumn, type Table, tableOf } from '../table/table';
import type { Comparison, ReplicationRow } from './compare';

/**
 * Per-replication rows (`--rows`): target, replication, seed, ok, warm-up, value per hour, stable, error,
 * then every KPI (sorted). A failed replication has only the first four and the error.
 */
export function rowsTable(c: Comparison): Table {
  const kpis = [...new Set(c.rows.flatMap((r) => Object.keys(r.kpis)))].sort();
  return tableOf<ReplicationRow>(c.rows, [
    { name: 'target', type: 'string', get: (r) => r.target },
    { name: 'replication', type: 'int32', get: (r) => r.replication },
    seedColumn(c.rows, (r) => r.seed),
    { name: 'ok', type: 'boolean', get: (r) => r.ok },
    { name: 'warmupH', type: 'double', get: (r) => r.warmupH },
    { name: 'valueEurPerHour', type: 'double', get: (r) => r.valueEurPerHour },
    { name: 'stable', type: 'boolean', get: (r) => r.stable },
    { name: 'error', type: 'string', get: (r) => r.error },
    ...kpis.map((k) => ({ name: k, type: 'double' as const, get: (r: ReplicationRow) => r.kpis[k] })),
  ]);
}

/** The rows as CSV. */
export const rowsCsv = (c: Comparison): string => tableCsv(rowsTable(c));
