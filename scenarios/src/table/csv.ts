import { type Cell, isEmpty, rowCount, type Table } from './table';

/** RFC 4180 CSV: a header row, then one line per row; empty cells stay empty; quotes only where needed. */
export function tableCsv(t: Table): string {
  const cell = (v: Cell) => {
    const s = isEmpty(v) ? '' : String(v);
    return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  const lines = [t.columns.map((c) => cell(c.name)).join(',')];
  for (let r = 0; r < rowCount(t); r++) lines.push(t.columns.map((c) => cell(c.values[r])).join(','));
  return `${lines.join('\n')}\n`;
}
