import type { Scenario } from '../scenario/schema';

/** Kinds of entity a sim-core message may name; each has its own id namespace in the scenario. */
export type EntityKind =
  | 'machine'
  | 'buffer'
  | 'sink'
  | 'source'
  | 'gateway'
  | 'camera'
  | 'product'
  | 'node'
  | 'charger'
  | 'vehicle'
  | 'gnb'
  | 'device'
  | 'flow'
  | 'slice'
  | 'interferenceZone';

type Path = PropertyKey[];

/**
 * Where each entity of a scenario sits (its JSON path), by kind and id: the way back from the ids of
 * sim-core's configs (which keep the scenario's ids) to the scenario file.
 */
export class EntityPaths {
  private readonly byKind = new Map<EntityKind, Map<string, Path>>();

  constructor(s: Scenario) {
    const add = (kind: EntityKind, list: readonly { id: string }[] | undefined, base: Path) => {
      const m = this.byKind.get(kind) ?? new Map<string, Path>();
      (list ?? []).forEach((e, i) => {
        if (!m.has(e.id)) m.set(e.id, [...base, i]);
      });
      this.byKind.set(kind, m);
    };
    add('machine', s.machines, ['machines']);
    add('buffer', s.buffers, ['buffers']);
    add('sink', s.sinks, ['sinks']);
    add('source', s.sources, ['sources']);
    add('gateway', s.gateways, ['gateways']);
    add('camera', s.cameras, ['cameras']);
    add('product', s.products, ['products']);
    add('node', s.paths?.nodes, ['paths', 'nodes']);
    add('charger', s.agvs?.chargers, ['agvs', 'chargers']);
    add('vehicle', s.agvs?.vehicles, ['agvs', 'vehicles']);
    add('gnb', s.network.gnbs, ['network', 'gnbs']);
    add('device', s.network.devices, ['network', 'devices']);
    add('flow', s.network.traffic, ['network', 'traffic']);
    add('slice', s.network.slices, ['network', 'slices']);
    add('interferenceZone', s.network.interferenceZones, ['network', 'interferenceZones']);
  }

  /** The path of entity `id` of one of `kinds` (the first kind that has it), or undefined. */
  of(id: string, ...kinds: EntityKind[]): Path | undefined {
    for (const kind of kinds) {
      const p = this.byKind.get(kind)?.get(id);
      if (p !== undefined) return [...p];
    }
    return undefined;
  }

  /** Any entity with this id, searching the kinds in declaration order. */
  any(id: string): Path | undefined {
    for (const m of this.byKind.values()) {
      const p = m.get(id);
      if (p !== undefined) return [...p];
    }
    return undefined;
  }
}
