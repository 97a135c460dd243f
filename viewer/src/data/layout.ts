import type { Layout } from '@factory-twin/sim-core';

const arr = <T>(v: unknown): T[] => (Array.isArray(v) ? (v as T[]) : []);
const num = (v: unknown, d = 0) => (typeof v === 'number' && Number.isFinite(v) ? v : d);

/**
 * The header's layout is opaque JSON to the format: fill in what is missing so the scene can always
 * draw something, and report what was missing.
 */
export function normalizeLayout(raw: unknown, problems: string[]): Layout {
  const o = (raw && typeof raw === 'object' ? raw : {}) as Partial<Layout>;
  if (!raw || typeof raw !== 'object')
    problems.push('the recording has no layout: only the timeline and charts are shown');
  const paths = (o.paths ?? {}) as Partial<Layout['paths']>;
  const layout: Layout = {
    name: typeof o.name === 'string' ? o.name : '',
    floor: { widthM: num(o.floor?.widthM, 50), depthM: num(o.floor?.depthM, 30) },
    zones: arr(o.zones),
    machines: arr(o.machines),
    buffers: arr(o.buffers),
    gateways: arr(o.gateways),
    paths: { nodes: arr(paths.nodes), edges: arr(paths.edges) },
    agvs: arr(o.agvs),
    gnbs: arr<Layout['gnbs'][number]>(o.gnbs).map((g) => ({ ...g, heightM: num(g.heightM, 6) })),
    devices: arr(o.devices),
    cameras: arr(o.cameras),
    interferenceZones: arr(o.interferenceZones),
    coverage: o.coverage,
  };
  return layout;
}
