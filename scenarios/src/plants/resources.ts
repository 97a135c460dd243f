import type { Scenario } from '../scenario/schema';

/** What a resource is: a station (machines sharing one routing step), the AGV fleet, its chargers, crews, a cell. */
export type ResourceKind = 'station' | 'agvFleet' | 'chargers' | 'crews' | 'cellUplink' | 'cellDownlink';

/** One resource's utilisation in one run. */
export interface ResourceUse {
  /** Station: its operation, its machine (one machine) or its machines' type; else the kind's name or the cell id. */
  id: string;
  kind: ResourceKind;
  /** How many servers it has: machines, vehicles, chargers, crews (1 for a cell). */
  servers: number;
  /**
   * Busy share: machines busy over their planned (on-shift) time, the fleet's vehicles not idle, chargers
   * occupied, crews not at home, a cell's PRBs in use. A station's is the mean over its machines.
   */
  utilization: number;
  /** Stations of several machines: each machine's (they take work in list order, so the first are busiest). */
  machines?: Record<string, number>;
}

/** Production resources (all but the network's cells): what must stay below saturation for a steady state. */
export const isProductionResource = (r: Pick<ResourceUse, 'kind'>): boolean =>
  r.kind !== 'cellUplink' && r.kind !== 'cellDownlink';

/**
 * Every resource of a plant with its utilisation in one run, from the run's flat KPIs (sim-core's
 * flattenKpis names). Stations are the distinct machine sets of the products' routing steps, in routing order.
 */
export function resourceUses(scenario: Scenario, kpis: Record<string, number>): ResourceUse[] {
  const out: ResourceUse[] = [];
  const machineType = new Map(scenario.machines.map((m) => [m.id, m.type]));
  const seen = new Set<string>();
  for (const product of scenario.products) {
    for (const step of product.routing) {
      const ids = step.machineIds;
      const key = [...ids].sort().join('|');
      if (seen.has(key)) continue;
      seen.add(key);
      const types = new Set(ids.map((id) => machineType.get(id)));
      const id =
        step.operation ??
        (ids.length === 1 ? ids[0] : types.size === 1 ? String([...types][0]) : ids.join('+'));
      const machines = Object.fromEntries(ids.map((m) => [m, onShiftUtilization(kpis, m)]));
      const values = Object.values(machines);
      out.push({
        id,
        kind: 'station',
        servers: ids.length,
        utilization: values.reduce((s, u) => s + u, 0) / values.length,
        ...(ids.length > 1 ? { machines } : {}),
      });
    }
  }
  const agvs = scenario.agvs;
  if (agvs !== undefined && kpis['agv.utilization'] !== undefined) {
    const vehicles = agvs.vehicles.length;
    out.push({ id: 'AGV fleet', kind: 'agvFleet', servers: vehicles, utilization: kpis['agv.utilization'] });
    const chargers = agvs.chargers?.length ?? 0;
    if (chargers > 0)
      out.push({
        id: 'chargers',
        kind: 'chargers',
        servers: chargers,
        utilization: ((kpis['agv.share.charging'] ?? 0) * vehicles) / chargers,
      });
  }
  const crews = scenario.maintenance?.crews?.count;
  if (crews !== undefined && kpis['maintenance.crewUtilization'] !== undefined)
    out.push({
      id: 'crews',
      kind: 'crews',
      servers: crews,
      utilization: kpis['maintenance.crewUtilization'],
    });
  for (const name of Object.keys(kpis).sort()) {
    const cell = /^cell\.(.+)\.(ul|dl)Utilization$/.exec(name);
    if (cell === null) continue;
    out.push({
      id: cell[1],
      kind: cell[2] === 'ul' ? 'cellUplink' : 'cellDownlink',
      servers: 1,
      utilization: kpis[name],
    });
  }
  return out;
}

/** A machine's busy share of its planned time (the window less its off-shift time). */
function onShiftUtilization(kpis: Record<string, number>, machineId: string): number {
  const busy = kpis[`machine.${machineId}.utilization`];
  const offShift = kpis[`machine.${machineId}.time.off-shift`] ?? 0;
  return offShift < 1 ? busy / (1 - offShift) : Number.NaN;
}
