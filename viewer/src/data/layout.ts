import type { CoverageGrid, Layout } from '@factory-twin/sim-core';

/** What a layout entry's field must hold; `?` marks an optional field (a default fills it in). */
type FieldKind = 'string' | 'number' | 'boolean' | 'string?' | 'number?' | 'boolean?' | 'number|null?';
type Shape = Record<string, FieldKind>;

const POINT: Shape = { id: 'string', xM: 'number', yM: 'number' };

/** The fields each list's entries need (sim-core's Layout), checked before anything reads them. */
const SHAPES = {
  zones: { id: 'string', label: 'string?', xM: 'number', yM: 'number', widthM: 'number', depthM: 'number' },
  machines: {
    ...POINT,
    widthM: 'number',
    depthM: 'number',
    type: 'string?',
    legacy: 'boolean?',
    gatewayId: 'string?',
  },
  buffers: { ...POINT, capacity: 'number|null?' },
  gateways: POINT,
  nodes: POINT,
  edges: { from: 'string', to: 'string', twoWay: 'boolean?' },
  agvs: { id: 'string', startNodeId: 'string' },
  chargers: POINT,
  gnbs: { ...POINT, heightM: 'number?' },
  devices: { id: 'string', endpointId: 'string', kind: 'string?' },
  cameras: POINT,
  interferenceZones: { ...POINT, radiusM: 'number', powerDbm: 'number?' },
} satisfies Record<string, Shape>;

const DEFAULTS: Record<string, Record<string, unknown>> = {
  zones: { label: '' },
  machines: { type: '', legacy: false },
  buffers: { capacity: null },
  edges: { twoWay: false },
  gnbs: { heightM: 6 },
  devices: { kind: 'other' },
  interferenceZones: { powerDbm: 0 },
};

const num = (v: unknown, d: number) => (typeof v === 'number' && Number.isFinite(v) && v > 0 ? v : d);

/**
 * The header's layout is opaque JSON to the format, and a file may be damaged or crafted: check every entry
 * the scene will read, leave out the ones that are not usable (each list says how many, and why the first
 * was), fill in what is optional, and report it all in `problems`. The scene can then always draw something.
 */
export function normalizeLayout(raw: unknown, problems: string[]): Layout {
  const isObject = raw !== null && typeof raw === 'object' && !Array.isArray(raw);
  if (!isObject) problems.push('the recording has no layout: only the timeline and charts are shown');
  const o = (isObject ? raw : {}) as Record<string, unknown>;
  const paths = (isRecord(o.paths) ? o.paths : {}) as Record<string, unknown>;
  const floor = (isRecord(o.floor) ? o.floor : {}) as Record<string, unknown>;
  const list = <T>(name: keyof typeof SHAPES, value: unknown, path: string) =>
    entries<T>(name, value, path, problems);
  const layout: Layout = {
    name: typeof o.name === 'string' ? o.name : '',
    floor: { widthM: num(floor.widthM, 50), depthM: num(floor.depthM, 30) },
    zones: list('zones', o.zones, 'zones'),
    machines: list('machines', o.machines, 'machines'),
    buffers: list('buffers', o.buffers, 'buffers'),
    gateways: list('gateways', o.gateways, 'gateways'),
    paths: {
      nodes: list('nodes', paths.nodes, 'paths.nodes'),
      edges: list('edges', paths.edges, 'paths.edges'),
    },
    agvs: list('agvs', o.agvs, 'agvs'),
    chargers: list('chargers', o.chargers, 'chargers'),
    gnbs: list('gnbs', o.gnbs, 'gnbs'),
    devices: list('devices', o.devices, 'devices'),
    cameras: list('cameras', o.cameras, 'cameras'),
    interferenceZones: list('interferenceZones', o.interferenceZones, 'interferenceZones'),
  };
  const coverage = isRecord(o.coverage)
    ? {
        ...optionalGrid('ul', o.coverage.ul, problems),
        ...optionalGrid('dl', o.coverage.dl, problems),
      }
    : undefined;
  return coverage === undefined ? layout : { ...layout, coverage };
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/** The usable entries of a list (defaults filled in); one problem names how many were left out and why. */
function entries<T>(name: keyof typeof SHAPES, value: unknown, path: string, problems: string[]): T[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) {
    problems.push(`layout.${path}: expected a list, got ${describe(value)}; left out`);
    return [];
  }
  const shape: Shape = SHAPES[name];
  const kept: T[] = [];
  let firstWhy: string | undefined;
  let dropped = 0;
  value.forEach((entry: unknown, i) => {
    const why = mismatch(entry, shape);
    if (why === undefined)
      kept.push({ ...DEFAULTS[name], ...definedOnly(entry as Record<string, unknown>) } as T);
    else {
      dropped++;
      firstWhy ??= `${path}[${i}]${why}`;
    }
  });
  if (dropped > 0)
    problems.push(
      `layout.${path}: ${dropped} of ${value.length} entries left out (first: layout.${firstWhy})`,
    );
  return kept;
}

function definedOnly(o: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== null));
}

/** Why `entry` does not fit `shape` (`.field: expected …, got …`), or undefined when it does. */
function mismatch(entry: unknown, shape: Shape): string | undefined {
  if (!isRecord(entry)) return `: expected an object, got ${describe(entry)}`;
  for (const [field, kind] of Object.entries(shape)) {
    const v = entry[field];
    const optional = kind.endsWith('?');
    if (optional && (v === undefined || v === null)) continue;
    const ok = kind.startsWith('number')
      ? typeof v === 'number' && Number.isFinite(v)
      : typeof v === kind.replace('?', '');
    if (!ok) return `.${field}: expected ${kind.replace('?', '').replace('|null', '')}, got ${describe(v)}`;
  }
  return undefined;
}

/** A coverage grid whose numbers agree (rows × cols SINR values), else nothing and a problem. */
function optionalGrid(
  direction: 'ul' | 'dl',
  g: unknown,
  problems: string[],
): { ul?: CoverageGrid; dl?: CoverageGrid } {
  if (g === undefined || g === null) return {};
  const grid = g as Partial<CoverageGrid>;
  const finite = (v: unknown) => typeof v === 'number' && Number.isFinite(v);
  const count = (v: unknown) => Number.isSafeInteger(v) && (v as number) >= 0;
  const ok =
    isRecord(g) &&
    finite(grid.x0M) &&
    finite(grid.y0M) &&
    finite(grid.cellSizeM) &&
    (grid.cellSizeM as number) > 0 &&
    count(grid.cols) &&
    count(grid.rows) &&
    Array.isArray(grid.sinrDb) &&
    grid.sinrDb.length === (grid.cols as number) * (grid.rows as number) &&
    grid.sinrDb.every((v) => v === null || typeof v === 'number');
  if (!ok) {
    problems.push(
      `layout.coverage.${direction}: expected x0M, y0M, cellSizeM > 0, whole cols and rows, and rows × cols SINR values; left out`,
    );
    return {};
  }
  return { [direction]: grid as CoverageGrid };
}

function describe(v: unknown): string {
  if (v === undefined) return 'nothing';
  const json = JSON.stringify(v) ?? String(v);
  return json.length > 40 ? `${json.slice(0, 37)}…` : json;
}
