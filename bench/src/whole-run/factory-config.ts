// A synthetic plant for the whole-run benchmarks, generated from a few numbers: machines in operation
// groups (parallel machines per operation, in cells that share an input and an output station),
// product families with their own goods-in and goods-out docks, a one-way Manhattan aisle grid for the
// AGVs with every station and parking place on a two-way bay beside an aisle crossing, and the 5G
// network's devices for the same floor (the network benchmark's UEs).
import type {
  AgvConfig,
  AgvEdgeConfig,
  AgvNodeConfig,
  AgvStationConfig,
  BufferConfig,
  DeviceConfig,
  FactoryConfig,
  MachineConfig,
  NetworkConfig,
  SourceConfig,
  StreamSpec,
} from '@factory-twin/sim-core';
import { exampleDevice, exampleGnb, exampleNetwork } from '@factory-twin/sim-core/testing';

export interface BenchFactoryOptions {
  machines: number;
  agvs: number;
  /** Machines per operation (parallel machines, any of which can do the operation; default 20). */
  machinesPerOperation?: number;
  /** Machines per cell: they share one input and one output station (default 4). */
  machinesPerCell?: number;
  /** Product families, each with its own goods-in dock (source) and goods-out dock (sink); default 4. */
  products?: number;
  /** Mean machine cycle time, s (lognormal, 10 % spread; default 600). */
  cycleS?: number;
  /** Mean time between part arrivals over all families, s (exponential); default: machines ~50 % busy. */
  interarrivalS?: number;
}

export interface BenchNetworkOptions {
  /** UEs in total: one per machine and AGV, `cameras` cameras, the rest are sensors (telemetry). */
  ues: number;
  gnbs: number;
  /** Cameras among the UEs (4 Mbit/s video each; default 20). */
  cameras?: number;
}

export interface BenchPlant {
  factory: FactoryConfig;
  agv: AgvConfig;
  /** Fixed positions of machines, stations and cameras (AGVs: from the fleet). */
  positions: Map<string, { xM: number; yM: number }>;
  hallXM: number;
  hallYM: number;
  operations: number;
}

const AISLE_SPACING_M = 24;
const BAY_OFFSET_M = 4;
const BLOCK_M = 6;
const S = 1000;

/**
 * The plant: `machines / machinesPerOperation` operations in series; every part visits one machine of
 * each. Stations: `IN-f` and `OUT-f` per product family f, `OPk.Cj.in` / `OPk.Cj.out` per cell j of
 * operation k; AGVs carry parts between them. A station is one dock (one node), so an operation needs
 * several cells and the goods flow several docks, or the docks, not the machines, limit the line.
 */
export function benchPlant(options: BenchFactoryOptions): BenchPlant {
  const perOp = options.machinesPerOperation ?? 20;
  const perCell = options.machinesPerCell ?? 4;
  const families = options.products ?? 4;
  const operations = Math.max(1, Math.ceil(options.machines / perOp));
  const cycleS = options.cycleS ?? 600;
  // Each operation has perOp machines: capacity perOp / cycle parts per second. At 50 % of it (one part
  // a minute) the 30 AGVs of the benchmark, carrying each part six times, are about 60 % busy.
  const interarrivalS = options.interarrivalS ?? cycleS / perOp / 0.5;
  const cellsPerOp = Math.ceil(perOp / perCell);

  // Aisle grid: even counts keep the alternating one-way aisles strongly connected.
  const stationCount = 2 * families + 2 * operations * cellsPerOp;
  const bays = stationCount + options.agvs;
  let cols = 4;
  let rows = 4;
  // Enough crossings for two bays each, and enough blocks between the aisles for the machines (two per
  // block in each of the rows + 1 bands between aisles, see the machine positions below).
  while (cols * rows * 2 < bays || 2 * cols * (rows + 1) < options.machines) {
    if (cols <= rows) cols += 2;
    else rows += 2;
  }
  const hallXM = (cols + 1) * AISLE_SPACING_M;
  const hallYM = (rows + 1) * AISLE_SPACING_M;
  const nodes: AgvNodeConfig[] = [];
  const edges: AgvEdgeConfig[] = [];
  const crossing = (c: number, r: number) => `X${c}_${r}`;
  for (let r = 0; r < rows; r++)
    for (let c = 0; c < cols; c++)
      nodes.push({ id: crossing(c, r), xM: (c + 1) * AISLE_SPACING_M, yM: (r + 1) * AISLE_SPACING_M });
  // An aisle between crossings is split into blocks of at most BLOCK_M (one AGV per block: the block
  // length sets how closely AGVs can follow each other).
  const coords = new Map(nodes.map((n) => [n.id, n]));
  const aisle = (from: string, to: string) => {
    const a = coords.get(from)!;
    const b = coords.get(to)!;
    const blocks = Math.ceil(Math.hypot(b.xM - a.xM, b.yM - a.yM) / BLOCK_M);
    let prev = from;
    for (let i = 1; i < blocks; i++) {
      const id = `${from}>${to}.${i}`;
      nodes.push({ id, xM: a.xM + ((b.xM - a.xM) * i) / blocks, yM: a.yM + ((b.yM - a.yM) * i) / blocks });
      edges.push({ from: prev, to: id, twoWay: false });
      prev = id;
    }
    edges.push({ from: prev, to, twoWay: false });
  };
  // Rows: even eastbound, odd westbound. Columns: even southbound, odd northbound (a ring outside).
  for (let r = 0; r < rows; r++)
    for (let c = 0; c + 1 < cols; c++)
      if (r % 2 === 0) aisle(crossing(c, r), crossing(c + 1, r));
      else aisle(crossing(c + 1, r), crossing(c, r));
  for (let c = 0; c < cols; c++)
    for (let r = 0; r + 1 < rows; r++)
      if (c % 2 === 0) aisle(crossing(c, r + 1), crossing(c, r));
      else aisle(crossing(c, r), crossing(c, r + 1));
  // Bays: up to two per crossing (above and below it), spread over the grid.
  const bayAt: { nodeId: string; xM: number; yM: number }[] = [];
  for (let side = 0; side < 2; side++)
    for (let r = 0; r < rows; r++)
      for (let c = 0; c < cols; c++) {
        const id = `B${side}_${c}_${r}`;
        const xM = (c + 1) * AISLE_SPACING_M + BAY_OFFSET_M;
        const yM = (r + 1) * AISLE_SPACING_M + (side === 0 ? BAY_OFFSET_M : -BAY_OFFSET_M);
        nodes.push({ id, xM, yM });
        edges.push({ from: crossing(c, r), to: id, twoWay: true });
        bayAt.push({ nodeId: id, xM, yM });
      }
  // Interleave so consecutive stations sit on different crossings, spread across the hall.
  const order = bayAt
    .map((_, i) => i)
    .sort((a, b) => ((a * 7919) % bayAt.length) - ((b * 7919) % bayAt.length));
  const nextBay = (() => {
    let i = 0;
    return () => bayAt[order[i++]];
  })();

  const positions = new Map<string, { xM: number; yM: number }>();
  const buffers: BufferConfig[] = [];
  const stations: AgvStationConfig[] = [];
  const station = (id: string) => {
    const bay = nextBay();
    stations.push({ id, nodeId: bay.nodeId, kind: 'buffer' });
    positions.set(id, { xM: bay.xM, yM: bay.yM });
    return { xM: bay.xM, yM: bay.yM };
  };
  const sources: SourceConfig[] = [];
  const sinks: FactoryConfig['sinks'] = [];
  for (let f = 1; f <= families; f++) {
    buffers.push({ id: `IN-${f}`, capacity: null, position: station(`IN-${f}`) });
    sources.push({
      id: `IN-${f}`,
      stationId: `IN-${f}`,
      interarrival: { kind: 'exponential', mean: interarrivalS * families * S },
      productMix: { [`P${f}`]: 1 },
      orders: { dueInMs: 8 * 3600 * S },
    });
  }
  const machines: MachineConfig[] = [];
  const routing: FactoryConfig['products'][number]['routing'] = [];
  for (let k = 1; k <= operations; k++) {
    const ids: string[] = [];
    for (let m = 0; m < perOp && machines.length < options.machines; m++) {
      const cell = `OP${k}.C${Math.floor(m / perCell) + 1}`;
      if (m % perCell === 0) {
        buffers.push({ id: `${cell}.in`, capacity: null, position: station(`${cell}.in`) });
        buffers.push({ id: `${cell}.out`, capacity: null, position: station(`${cell}.out`) });
      }
      const id = `M${k}_${m + 1}`;
      ids.push(id);
      // Machines in the blocks between aisles, row by row.
      const slot = machines.length;
      const position = {
        xM: AISLE_SPACING_M * (0.5 + (slot % (2 * cols)) / 2) + 2,
        yM: AISLE_SPACING_M * (0.5 + Math.floor(slot / (2 * cols))) + 2,
      };
      positions.set(id, position);
      machines.push({
        id,
        type: 'cnc',
        position,
        sizeM: { w: 3, d: 2 },
        inputBufferId: `${cell}.in`,
        outputBufferId: `${cell}.out`,
        failures: { kind: 'time', mtbfMs: 8 * 3600 * S, mttrMs: 20 * 60 * S },
      });
    }
    routing.push({
      operation: `op${k}`,
      machines: ids,
      cycleTime: { kind: 'lognormal', mean: cycleS * S, sd: 0.1 * cycleS * S },
    });
  }
  for (let f = 1; f <= families; f++) sinks.push({ id: `OUT-${f}`, position: station(`OUT-${f}`) });

  const factory: FactoryConfig = {
    products: Array.from({ length: families }, (_, i) => ({
      id: `P${i + 1}`,
      routing,
      sinkId: `OUT-${i + 1}`,
    })),
    machines,
    buffers,
    sources,
    sinks,
    transport: 'agv',
  };
  const agv: AgvConfig = {
    network: { nodes, edges, stations },
    fleet: Array.from({ length: options.agvs }, (_, i) => ({
      id: `AGV${i + 1}`,
      startNodeId: nextBay().nodeId,
      maxSpeedMps: 1.5,
      accelMps2: 0.5,
      decelMps2: 0.5,
      loadTimeMs: 10 * S,
      unloadTimeMs: 10 * S,
      battery: { capacityWh: 2000, consumptionWhPerM: 0.05, chargeThreshold: 0, chargeRateW: 2000 },
    })),
    dispatch: 'nearestIdle',
  };
  return { factory, agv, positions, hallXM, hallYM, operations };
}

export interface BenchNetwork {
  config: NetworkConfig;
  /** Machine telemetry (200 B/s each) and camera video (4 Mbit/s, 30 frames/s) to the control endpoint. */
  streams: StreamSpec[];
}

/**
 * The plant's 5G network: gNBs on a grid across the hall on two carriers (neighbours differ), one UE per
 * machine and AGV (the factory's messages and the AGVs' motion control), cameras along the walls and
 * telemetry sensors over the floor for the rest of `ues`. Their positions are added to `plant.positions`.
 */
export function benchNetwork(plant: BenchPlant, options: BenchNetworkOptions): BenchNetwork {
  const { hallXM, hallYM } = plant;
  const cols = options.gnbs >= 4 ? 2 : options.gnbs;
  const rows = Math.ceil(options.gnbs / cols);
  const gnbs = Array.from({ length: options.gnbs }, (_, i) => {
    const c = i % cols;
    const r = Math.floor(i / cols);
    return exampleGnb(`gNB${i + 1}`, ((c + 0.5) * hallXM) / cols, ((r + 0.5) * hallYM) / rows, {
      carrierGHz: (c + r) % 2 === 0 ? 3.5 : 3.7,
    });
  });
  const devices: DeviceConfig[] = [];
  for (const m of plant.factory.machines) devices.push(exampleDevice(`ue-${m.id}`, m.id, { mobile: false }));
  for (const v of plant.agv.fleet) devices.push(exampleDevice(`ue-${v.id}`, v.id, { mobile: true }));
  const streams: StreamSpec[] = plant.factory.machines.map((m) => ({
    id: `telemetry-${m.id}`,
    from: m.id,
    to: 'control',
    trafficClass: 'telemetry',
    intervalMs: 1000,
    sizeBytes: 200,
  }));
  const extra = Math.max(0, options.ues - devices.length);
  const cameras = Math.min(extra, options.cameras ?? 20);
  for (let i = 0; i < extra; i++) {
    const camera = i < cameras;
    const id = camera ? `CAM${i + 1}` : `SENSOR${i - cameras + 1}`;
    // Cameras along the walls; sensors spread over the floor.
    const along = ((i % 20) + 0.5) / 20;
    const position = camera
      ? { xM: along * hallXM, yM: i % 40 < 20 ? 2 : hallYM - 2 }
      : { xM: ((i * 0.618034) % 1) * hallXM, yM: ((i * 0.754877) % 1) * hallYM };
    plant.positions.set(id, position);
    devices.push(exampleDevice(`ue-${id}`, id, { mobile: false }));
    streams.push(
      camera
        ? {
            id: `video-${id}`,
            from: id,
            to: 'control',
            trafficClass: 'video',
            intervalMs: 1000 / 30,
            sizeBytes: Math.round(4e6 / 8 / 30),
          }
        : {
            id: `telemetry-${id}`,
            from: id,
            to: 'control',
            trafficClass: 'telemetry',
            intervalMs: 1000,
            sizeBytes: 200,
          },
    );
  }
  return { config: exampleNetwork({ gnbs, devices, scheduler: 'proportionalFair' }), streams };
}
