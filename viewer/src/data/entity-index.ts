import { entityPath, type Layout } from '@factory-twin/sim-core';
import type { EntityKind, EntityRef } from './run-model';

/** Paths for layout objects that have no recorded entity of their own (picking only). */
export const localPath = {
  gateway: (id: string) => `/factory/gateway/${id}`,
  camera: (id: string) => `/factory/camera/${id}`,
};

const PATHS: Record<EntityKind, ((id: string) => string) | undefined> = {
  machine: entityPath.machine,
  buffer: entityPath.buffer,
  agv: entityPath.agv,
  gnb: entityPath.gnb,
  device: entityPath.device,
  interference: entityPath.interference,
  gateway: localPath.gateway,
  camera: localPath.camera,
  other: undefined,
};

const LISTS: [EntityKind, (l: Layout) => { id: string }[]][] = [
  ['machine', (l) => l.machines],
  ['buffer', (l) => l.buffers],
  ['agv', (l) => l.agvs],
  ['gnb', (l) => l.gnbs],
  ['device', (l) => l.devices],
  ['interference', (l) => l.interferenceZones],
  ['gateway', (l) => l.gateways],
  ['camera', (l) => l.cameras],
];

export interface EntityIndex {
  byPath: Map<string, EntityRef>;
  pathOf(kind: EntityKind, index: number): string;
  /** Recording entity index of each layout object of a kind (-1 when not recorded). */
  recorded(kind: EntityKind): Int32Array;
}

/** Joins the layout's lists and the recording's entity table by path. */
export function buildEntityIndex(
  layout: Layout,
  recordedPaths: readonly { path: string; kind: string }[],
): EntityIndex {
  const byPath = new Map<string, EntityRef>();
  const paths = new Map<EntityKind, string[]>();
  for (const [kind, list] of LISTS) {
    const ps = list(layout).map((o) => PATHS[kind]!(o.id));
    paths.set(kind, ps);
    ps.forEach((path, index) => {
      byPath.set(path, { path, kind, index, id: path.slice(path.lastIndexOf('/') + 1) });
    });
  }
  for (const e of recordedPaths) {
    if (!byPath.has(e.path)) {
      byPath.set(e.path, {
        path: e.path,
        kind: 'other',
        index: -1,
        id: e.path.slice(e.path.lastIndexOf('/') + 1),
      });
    }
  }
  const rowOf = new Map(recordedPaths.map((e, i) => [e.path, i]));
  const recorded = new Map<EntityKind, Int32Array>();
  for (const [kind, ps] of paths)
    recorded.set(
      kind,
      Int32Array.from(ps, (p) => rowOf.get(p) ?? -1),
    );
  return {
    byPath,
    pathOf: (kind, index) => paths.get(kind)?.[index] ?? '',
    recorded: (kind) => recorded.get(kind) ?? new Int32Array(0),
  };
}
