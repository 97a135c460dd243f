import { readFileSync } from 'node:fs';
import { parquetMetadata, parquetReadObjects } from 'hyparquet';

/** A Parquet file read back with hyparquet (the reader of hyparquet-writer's authors): rows and leaf schema. */
export async function readParquet(file: string) {
  const bytes = readFileSync(file);
  const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  const schema = parquetMetadata(buffer).schema.slice(1); // [0] is the root
  const rows = await parquetReadObjects({ file: buffer });
  return { schema, rows };
}

/** RFC 4180 CSV to rows of cells (quoted cells may hold commas, quotes and newlines). */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const endCell = () => {
    row.push(cell);
    cell = '';
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted && ch === '"' && text[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (quoted) {
      if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') endCell();
    else if (ch === '\n') {
      endCell();
      rows.push(row);
      row = [];
    } else cell += ch;
  }
  return rows;
}

/** The Parquet type of each column as one word: the physical type, or STRING for UTF8 byte arrays. */
export const parquetTypes = (schema: Awaited<ReturnType<typeof readParquet>>['schema']) =>
  Object.fromEntries(
    schema.map((s) => [s.name, s.converted_type === 'UTF8' ? 'STRING' : (s.type as string)]),
  );

/**
 * Checks a Parquet file against the CSV of the same rows: the same header, and every cell the same once
 * written the way the CSV writes it (null is an empty cell). Returns the rows as the CSV has them.
 */
export async function expectParquetMatchesCsv(parquetFile: string, csvText: string) {
  const { schema, rows } = await readParquet(parquetFile);
  const csv = parseCsv(csvText);
  const header = csv[0];
  const asCsv = rows.map((r) => header.map((h) => (r[h] === null || r[h] === undefined ? '' : String(r[h]))));
  return {
    header,
    schemaNames: schema.map((s) => s.name),
    asCsv,
    csvRows: csv.slice(1),
    types: parquetTypes(schema),
  };
}
