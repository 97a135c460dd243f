import { connectivityReferenceProblems } from './connectivity-schema';
import { quote } from './errors';
import { maintenanceReferenceProblems } from './maintenance-schema';
import { isPlainObject } from './merge';
import { firstOverlaps } from './overlaps';
import { qualityReferenceProblems } from './quality-schema';
import { ranShareReferenceProblems } from './ran-share-schema';
import type { SchemaProblem } from './zod-issues';

/**
 * Traffic-flow fields that set a network class option, one value per class (`deadlineMs` is also each
 * stream's own deadline, so flows of a class may differ in it).
 */
const CLASS_WIDE_TRAFFIC_SETTINGS = ['gbrMbps', 'availabilityPct'] as const;

/**
 * Cross-references and geometry that a schema cannot express: ids that must exist, duplicate ids,
 * overlapping machines, things outside the floor. Works on unvalidated data (it skips what is malformed,
 * which the schema reports), so schema and reference problems are reported together.
 */
export function referenceProblems(data: unknown): SchemaProblem[] {
  const problems: SchemaProblem[] = [];
  if (!isPlainObject(data)) return problems;
  const say = (path: PropertyKey[], message: string) => problems.push({ path, message });

  const machines = entities(data.machines);
  const buffers = entities(data.buffers);
  const gateways = entities(data.gateways);
  const cameras = entities(data.cameras);
  const sinks = entities(data.sinks);
  const products = entities(data.products);
  const sources = entities(data.sources);
  const zones = entities(data.zones);
  const paths = isPlainObject(data.paths) ? data.paths : {};
  const nodes = entities(paths.nodes);
  const agvs = isPlainObject(data.agvs) ? data.agvs : {};
  const vehicles = entities(agvs.vehicles);
  const network = isPlainObject(data.network) ? data.network : {};
  const gnbs = entities(network.gnbs);
  const devices = entities(network.devices);
  const traffic = entities(network.traffic);
  const interference = entities(network.interferenceZones);

  // One id namespace for everything that can be a network endpoint or sits on the floor.
  const endpointGroups: [string, Entity[], PropertyKey[]][] = [
    ['machines', machines, ['machines']],
    ['buffers', buffers, ['buffers']],
    ['sinks', sinks, ['sinks']],
    ['sources', sources, ['sources']],
    ['gateways', gateways, ['gateways']],
    ['cameras', cameras, ['cameras']],
    ['agvs.vehicles', vehicles, ['agvs', 'vehicles']],
    ['network.gnbs', gnbs, ['network', 'gnbs']],
    ['network.devices', devices, ['network', 'devices']],
    ['network.interferenceZones', interference, ['network', 'interferenceZones']],
  ];
  const seen = new Map<string, string>();
  for (const [name, group, base] of endpointGroups) {
    for (const e of group) {
      const first = seen.get(e.id);
      if (first !== undefined)
        say([...base, e.index, 'id'], `duplicate id ${quote(e.id)} (already used at ${first})`);
      else seen.set(e.id, `${name}[${e.index}]`);
    }
  }
  for (const [name, group, base] of [
    ['products', products, ['products']],
    ['zones', zones, ['zones']],
    ['paths.nodes', nodes, ['paths', 'nodes']],
    ['network.traffic', traffic, ['network', 'traffic']],
  ] as const) {
    const local = new Map<string, number>();
    for (const e of group) {
      const first = local.get(e.id);
      if (first !== undefined)
        say([...base, e.index, 'id'], `duplicate id ${quote(e.id)} (already used at ${name}[${first}])`);
      else local.set(e.id, e.index);
    }
  }

  const ids = (group: Entity[]) => new Set(group.map((e) => e.id));
  const machineById = new Map<string, Entity>();
  for (const m of machines) if (!machineById.has(m.id)) machineById.set(m.id, m);
  const machineIds = ids(machines);
  const bufferIds = ids(buffers);
  const sinkIds = ids(sinks);
  const stationIds = new Set([...bufferIds, ...sinkIds]);
  const gatewayIds = ids(gateways);
  const nodeIds = ids(nodes);
  const productIds = ids(products);
  const deviceIds = ids(devices);
  const mustExist = (value: unknown, set: Set<string>, what: string, path: PropertyKey[]) => {
    if (typeof value === 'string' && !set.has(value)) say(path, `${what} ${quote(value)} does not exist`);
  };

  for (const m of machines) {
    const at: PropertyKey[] = ['machines', m.index];
    if (typeof m.raw.inputBufferId === 'string' && sinkIds.has(m.raw.inputBufferId)) {
      say(
        [...at, 'inputBufferId'],
        `${quote(String(m.raw.inputBufferId))} is a sink: a machine takes its parts from a buffer`,
      );
    } else mustExist(m.raw.inputBufferId, bufferIds, 'buffer', [...at, 'inputBufferId']);
    mustExist(m.raw.outputBufferId, stationIds, 'buffer or sink', [...at, 'outputBufferId']);
    mustExist(m.raw.gatewayId, gatewayIds, 'gateway', [...at, 'gatewayId']);
    if (m.raw.legacy === true && m.raw.gatewayId === undefined) {
      say([...at, 'gatewayId'], 'a legacy machine needs a gatewayId (it has no 5G module of its own)');
    }
    if (m.raw.legacy !== true && typeof m.raw.gatewayId === 'string') {
      say([...at, 'gatewayId'], 'only a legacy machine reports through a gateway (set "legacy": true)');
    }
    const setups = m.raw.setupTimesS;
    if (isPlainObject(setups)) {
      const where = [...at, 'setupTimesS'];
      if (isPlainObject(setups.byProduct))
        for (const pid of Object.keys(setups.byProduct))
          mustExist(pid, productIds, 'product', [...where, 'byProduct', pid]);
      if (isPlainObject(setups.matrix))
        for (const [from, row] of Object.entries(setups.matrix)) {
          mustExist(from, productIds, 'product', [...where, 'matrix', from]);
          if (isPlainObject(row))
            for (const to of Object.keys(row))
              mustExist(to, productIds, 'product', [...where, 'matrix', from, to]);
        }
    }
  }
  for (const p of products) {
    const at: PropertyKey[] = ['products', p.index];
    mustExist(p.raw.sinkId, sinkIds, 'sink', [...at, 'sinkId']);
    arrayOf(p.raw.routing).forEach((step, s) => {
      if (!isPlainObject(step)) return;
      arrayOf(step.machineIds).forEach((mid, k) => {
        mustExist(mid, machineIds, 'machine', [...at, 'routing', s, 'machineIds', k]);
        const machine = typeof mid === 'string' ? machineById.get(mid) : undefined;
        if (machine !== undefined && step.cycleTimeS === undefined && machine.raw.cycleTimeS === undefined) {
          say(
            [...at, 'routing', s, 'cycleTimeS'],
            `no cycle time: neither this step nor machine ${quote(String(mid))} sets cycleTimeS`,
          );
        }
      });
    });
  }
  for (const src of sources) {
    const at: PropertyKey[] = ['sources', src.index];
    mustExist(src.raw.bufferId, bufferIds, 'buffer', [...at, 'bufferId']);
    if (src.raw.interarrivalS === undefined && src.raw.schedule === undefined) {
      say(at, 'no work: give "interarrivalS" (random arrivals) or "schedule" (orders)');
    }
    if (isPlainObject(src.raw.productMix)) {
      for (const pid of Object.keys(src.raw.productMix))
        mustExist(pid, productIds, 'product', [...at, 'productMix', pid]);
    }
    arrayOf(src.raw.schedule).forEach((entry, k) => {
      if (isPlainObject(entry))
        mustExist(entry.productId, productIds, 'product', [...at, 'schedule', k, 'productId']);
    });
    if (
      typeof src.raw.startH === 'number' &&
      typeof src.raw.stopH === 'number' &&
      src.raw.stopH <= src.raw.startH
    ) {
      say([...at, 'stopH'], `stops (${src.raw.stopH} h) before it starts (${src.raw.startH} h)`);
    }
  }
  const shifts = isPlainObject(data.shifts) ? data.shifts : {};
  arrayOf(shifts.periods).forEach((period, k) => {
    if (!isPlainObject(period) || typeof period.startH !== 'number' || typeof period.endH !== 'number')
      return;
    if (!(period.startH < period.endH)) say(['shifts', 'periods', k], 'a shift must end after it starts');
    if (typeof shifts.cycleH === 'number' && period.endH > shifts.cycleH) {
      say(['shifts', 'periods', k, 'endH'], `ends after the calendar cycle (${shifts.cycleH} h)`);
    }
  });

  // AGV path network.
  const nodeById = new Map(nodes.map((n) => [n.id, n.raw]));
  const directed = new Set<string>();
  arrayOf(paths.edges).forEach((e, i) => {
    if (!isPlainObject(e)) return;
    mustExist(e.from, nodeIds, 'path node', ['paths', 'edges', i, 'from']);
    mustExist(e.to, nodeIds, 'path node', ['paths', 'edges', i, 'to']);
    if (typeof e.from !== 'string' || typeof e.to !== 'string') return;
    if (e.from === e.to) say(['paths', 'edges', i], `edge from ${quote(String(e.from))} to itself`);
    const a = nodeById.get(e.from);
    const b = nodeById.get(e.to);
    if (a !== undefined && b !== undefined && e.from !== e.to && a.xM === b.xM && a.yM === b.yM) {
      say(
        ['paths', 'edges', i],
        `edge ${quote(String(e.from))} → ${quote(String(e.to))} has zero length (both nodes at one position)`,
      );
    }
    for (const [from, to] of e.twoWay === false
      ? [[e.from, e.to]]
      : [
          [e.from, e.to],
          [e.to, e.from],
        ]) {
      const key = `${from}\u0000${to}`;
      if (directed.has(key))
        say(
          ['paths', 'edges', i],
          `duplicate edge: travel from ${quote(String(from))} to ${quote(String(to))} is already defined`,
        );
      directed.add(key);
    }
  });
  for (const b of buffers) mustExist(b.raw.nodeId, nodeIds, 'path node', ['buffers', b.index, 'nodeId']);
  for (const b of sinks) mustExist(b.raw.nodeId, nodeIds, 'path node', ['sinks', b.index, 'nodeId']);
  const startNodes = new Map<unknown, string>();
  for (const v of vehicles) {
    mustExist(v.raw.startNodeId, nodeIds, 'path node', ['agvs', 'vehicles', v.index, 'startNodeId']);
    const other = startNodes.get(v.raw.startNodeId);
    if (other !== undefined)
      say(
        ['agvs', 'vehicles', v.index, 'startNodeId'],
        `AGV ${quote(String(other))} already starts at this node`,
      );
    else startNodes.set(v.raw.startNodeId, v.id);
  }
  const chargers = entities(agvs.chargers);
  for (const c of chargers)
    mustExist(c.raw.nodeId, nodeIds, 'path node', ['agvs', 'chargers', c.index, 'nodeId']);
  const battery = isPlainObject(agvs.battery) ? agvs.battery : {};
  if (typeof battery.chargeThreshold === 'number' && battery.chargeThreshold > 0 && chargers.length === 0) {
    say(['agvs', 'chargers'], 'AGVs go charging (battery.chargeThreshold > 0) but there is no charger');
  }
  const transport = isPlainObject(data.transport) ? data.transport : {};
  if (transport.kind === 'agv') {
    if (!isPlainObject(data.agvs)) say(['agvs'], 'transport "agv" needs an "agvs" fleet');
    if (!isPlainObject(data.paths)) say(['paths'], 'transport "agv" needs a "paths" network');
    // Stations at either end of a move between different stations need a node; a machine's output
    // buffer that is the next machine's input buffer never needs a carrier.
    const used = transferEnds(machines, sources, products, sinks[0]?.id);
    for (const [group, base] of [
      [buffers, 'buffers'],
      [sinks, 'sinks'],
    ] as const) {
      for (const b of group) {
        if (used.has(b.id) && b.raw.nodeId === undefined) {
          say(
            [base, b.index, 'nodeId'],
            'with AGV transport a station that parts are carried to or from needs a path node',
          );
        }
      }
    }
  }

  // Network.
  const targets: Record<string, [Set<string>, string]> = {
    machine: [machineIds, 'machine'],
    gateway: [gatewayIds, 'gateway'],
    camera: [ids(cameras), 'camera'],
    agv: [ids(vehicles), 'AGV'],
  };
  for (const d of devices) {
    const at: PropertyKey[] = ['network', 'devices', d.index];
    const kind = d.raw.kind;
    if (typeof kind !== 'string') continue;
    if (kind === 'other') {
      if (typeof d.raw.xM !== 'number' || typeof d.raw.yM !== 'number') {
        say(at, 'a device of kind "other" needs a position (xM, yM)');
      }
      continue;
    }
    const target = targets[kind];
    if (target === undefined) continue;
    if (d.raw.attachedTo === undefined)
      say([...at, 'attachedTo'], `a ${kind} device needs "attachedTo" (the ${target[1]} it sits on)`);
    else mustExist(d.raw.attachedTo, target[0], target[1], [...at, 'attachedTo']);
    if (kind === 'machine') {
      const m = typeof d.raw.attachedTo === 'string' ? machineById.get(d.raw.attachedTo) : undefined;
      if (m?.raw.legacy === true)
        say(
          [...at, 'attachedTo'],
          `machine ${quote(m.id)} is legacy: it reports through its gateway, not a device`,
        );
    }
  }
  for (const t of traffic) {
    arrayOf(t.raw.deviceIds).forEach((did, k) => {
      mustExist(did, deviceIds, 'device', ['network', 'traffic', t.index, 'deviceIds', k]);
    });
    if (t.raw.deviceIds === undefined && t.raw.deviceKinds === undefined) {
      say(['network', 'traffic', t.index], 'say who sends this flow: "deviceKinds" or "deviceIds"');
    }
  }
  // Class-wide settings: flows of one class may each give them, but not differently.
  const classSetting = new Map<string, { value: unknown; index: number }>();
  for (const t of traffic)
    for (const key of CLASS_WIDE_TRAFFIC_SETTINGS) {
      const value = t.raw[key];
      if (value === undefined || typeof t.raw.trafficClass !== 'string') continue;
      const seen = classSetting.get(`${t.raw.trafficClass}.${key}`);
      if (seen === undefined) classSetting.set(`${t.raw.trafficClass}.${key}`, { value, index: t.index });
      else if (seen.value !== value)
        say(
          ['network', 'traffic', t.index, key],
          `${key} applies to the whole class ${quote(String(t.raw.trafficClass))}, and network.traffic[${seen.index}] gives it ${String(seen.value)}`,
        );
    }

  // Geometry.
  const floor = isPlainObject(data.floor) ? data.floor : {};
  const widthM = num(floor.widthM);
  const depthM = num(floor.depthM);
  const rect = (e: Entity) => {
    const x = num(e.raw.xM);
    const y = num(e.raw.yM);
    const w = num(e.raw.widthM);
    const d = num(e.raw.depthM);
    if (x === undefined || y === undefined || w === undefined || d === undefined || w <= 0 || d <= 0)
      return undefined;
    return { x0: x - w / 2, x1: x + w / 2, y0: y - d / 2, y1: y + d / 2 };
  };
  if (widthM !== undefined && depthM !== undefined) {
    const inside = (x: number, y: number) => x >= 0 && y >= 0 && x <= widthM && y <= depthM;
    const floorText = `the ${widthM} × ${depthM} m floor`;
    for (const m of machines) {
      const r = rect(m);
      if (r !== undefined && !(inside(r.x0, r.y0) && inside(r.x1, r.y1))) {
        say(['machines', m.index], `machine ${quote(m.id)} (${fmtRect(r)}) lies outside ${floorText}`);
      }
    }
    const points: [Entity[], PropertyKey[], string][] = [
      [gnbs, ['network', 'gnbs'], 'gNB'],
      [buffers, ['buffers'], 'buffer'],
      [sinks, ['sinks'], 'sink'],
      [gateways, ['gateways'], 'gateway'],
      [cameras, ['cameras'], 'camera'],
      [nodes, ['paths', 'nodes'], 'path node'],
    ];
    for (const [group, base, what] of points) {
      for (const e of group) {
        const x = num(e.raw.xM);
        const y = num(e.raw.yM);
        if (x !== undefined && y !== undefined && !inside(x, y)) {
          say([...base, e.index], `${what} ${quote(e.id)} at (${x}, ${y}) lies outside ${floorText}`);
        }
      }
    }
  }
  // Overlapping machines: each machine is reported once, against the first earlier machine it overlaps.
  for (const [later, earlier] of firstOverlaps(machines.map(rect))) {
    const a = machines[later];
    say(['machines', a.index], `machine ${quote(a.id)} overlaps machine ${quote(machines[earlier].id)}`);
  }

  const run = isPlainObject(data.run) ? data.run : {};
  if (typeof run.warmupH === 'number' && typeof run.lengthH === 'number' && run.warmupH >= run.lengthH) {
    say(['run', 'warmupH'], `warm-up (${run.warmupH} h) must be shorter than the run (${run.lengthH} h)`);
  }
  problems.push(...maintenanceReferenceProblems(data));
  problems.push(...connectivityReferenceProblems(data));
  problems.push(...qualityReferenceProblems(data));
  problems.push(...ranShareReferenceProblems(data));
  return problems;
}

interface Entity {
  id: string;
  index: number;
  raw: Record<string, unknown>;
}

function entities(value: unknown): Entity[] {
  const out: Entity[] = [];
  arrayOf(value).forEach((raw, index) => {
    if (isPlainObject(raw) && typeof raw.id === 'string') out.push({ id: raw.id, index, raw });
  });
  return out;
}

function arrayOf(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

function num(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

function fmtRect(r: { x0: number; x1: number; y0: number; y1: number }): string {
  const f = (v: number) => Number(v.toFixed(2));
  return `x ${f(r.x0)}–${f(r.x1)}, y ${f(r.y0)}–${f(r.y1)}`;
}

/** Stations that are the start or end of a move between two different stations (defensive on raw data). */
function transferEnds(
  machines: Entity[],
  sources: Entity[],
  products: Entity[],
  firstSink: string | undefined,
): Set<string> {
  const ends = new Set<string>();
  const machineById = new Map(machines.map((m) => [m.id, m.raw]));
  const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
  const stationsOf = (ids: unknown, key: 'inputBufferId' | 'outputBufferId') =>
    arrayOf(ids).flatMap((id) => {
      const s = str(machineById.get(str(id) ?? '')?.[key]);
      return s === undefined ? [] : [s];
    });
  const link = (from: string[], to: string[]) => {
    for (const a of from) {
      for (const b of to) {
        if (a !== b) {
          ends.add(a);
          ends.add(b);
        }
      }
    }
  };
  const sourceStations = sources.flatMap((s) =>
    str(s.raw.bufferId) === undefined ? [] : [str(s.raw.bufferId)!],
  );
  for (const p of products) {
    const steps = arrayOf(p.raw.routing).filter(isPlainObject);
    if (steps.length === 0) continue;
    link(sourceStations, stationsOf(steps[0].machineIds, 'inputBufferId'));
    for (let i = 0; i + 1 < steps.length; i++) {
      link(
        stationsOf(steps[i].machineIds, 'outputBufferId'),
        stationsOf(steps[i + 1].machineIds, 'inputBufferId'),
      );
    }
    const sink = str(p.raw.sinkId) ?? firstSink;
    if (sink !== undefined) link(stationsOf(steps[steps.length - 1].machineIds, 'outputBufferId'), [sink]);
  }
  return ends;
}
