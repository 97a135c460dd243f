import {
  addSpurs,
  addStationBays,
  aisleGrid,
  baselineVariantFiles,
  gnbLayout,
  nodeId,
  range,
  standardVariants,
  wifiGrid,
} from './layout-helpers';

/**
 * Crankshaft line after 天润工业 (Tianrun Industry, Weihai): CNC cells linked by AGVs to a raw-material and a
 * finished-goods warehouse, one crankshaft released every 2 minutes by the control system. 40 stations, 14 AGVs.
 * Cycle times and failure rates are assumptions: the stations can make ~39 crankshafts an hour, 30 are released.
 */
export function engineParts() {
  const W = 160;
  const D = 80;
  const grid = aisleGrid(range(10, 15, 10), [10, 30, 50, 70], true);
  const machines: Record<string, unknown>[] = [];
  const buffers: Record<string, unknown>[] = [];
  const tri = (c: number) => ({
    kind: 'triangular',
    min: Math.round(c * 0.95),
    mode: c,
    max: Math.round(c * 1.15),
  });

  // One operation group: `count` identical machines side by side in a band, all sharing input and output.
  const ops: {
    op: string;
    type: string;
    count: number;
    cycleS: number;
    band: number;
    x0: number;
    legacy?: string;
    mtbfH?: number;
    mttrMin?: number;
  }[] = [
    { op: 'OP10', type: 'cnc-centering', count: 3, cycleS: 250, band: 20, x0: 15, mtbfH: 30, mttrMin: 25 },
    {
      op: 'OP20',
      type: 'cnc-lathe',
      count: 5,
      cycleS: 430,
      band: 20,
      x0: 45,
      legacy: 'GW-A',
      mtbfH: 20,
      mttrMin: 35,
    },
    { op: 'OP30', type: 'cnc-turn-broach', count: 4, cycleS: 340, band: 20, x0: 95, mtbfH: 25, mttrMin: 30 },
    { op: 'OP40', type: 'cnc-drill', count: 5, cycleS: 430, band: 40, x0: 15, mtbfH: 25, mttrMin: 30 },
    {
      op: 'OP50',
      type: 'induction-hardening',
      count: 3,
      cycleS: 250,
      band: 40,
      x0: 65,
      legacy: 'GW-B',
      mtbfH: 40,
      mttrMin: 45,
    },
    { op: 'OP90', type: 'balancing', count: 2, cycleS: 170, band: 40, x0: 105, mtbfH: 60, mttrMin: 20 },
    { op: 'OP100', type: 'inspection', count: 3, cycleS: 250, band: 40, x0: 125 },
    { op: 'OP60', type: 'cnc-grinder-main', count: 6, cycleS: 510, band: 60, x0: 15, mtbfH: 25, mttrMin: 30 },
    { op: 'OP70', type: 'cnc-grinder-pin', count: 6, cycleS: 510, band: 60, x0: 75, mtbfH: 25, mttrMin: 30 },
    { op: 'OP80', type: 'polishing', count: 3, cycleS: 250, band: 60, x0: 135, mtbfH: 50, mttrMin: 20 },
  ];
  // Stations: where each group takes from and delivers to. Cells are linked inside by gantry loaders (a shared
  // buffer), and between cells by AGVs (buffers at aisle nodes).
  const station = (id: string, xM: number, yM: number, capacity: number | null, node?: [number, number]) =>
    buffers.push({ id, xM, yM, capacity, ...(node ? { nodeId: nodeId(node[0], node[1]) } : {}) });
  station('WH-RAW', 5, 6, null, [10, 10]);
  station('A-IN', 40, 11.5, 12, [40, 10]);
  station('A-10-20', 40, 25, 4);
  station('A-20-30', 90, 25, 4);
  station('A-OUT', 130, 28.5, 12, [130, 30]);
  station('B-IN', 20, 31.5, 12, [20, 30]);
  station('B-40-50', 60, 45, 4);
  station('B-OUT', 90, 48.5, 12, [90, 50]);
  station('C-IN', 20, 51.5, 12, [20, 50]);
  station('C-60-70', 70, 65, 4);
  station('C-70-80', 130, 65, 4);
  station('C-OUT', 150, 68.5, 12, [150, 70]);
  station('D-IN', 100, 31.5, 12, [100, 30]);
  station('D-90-100', 120, 45, 4);
  station('D-OUT', 140, 48.5, 12, [140, 50]);
  const io: Record<string, [string, string]> = {
    OP10: ['A-IN', 'A-10-20'],
    OP20: ['A-10-20', 'A-20-30'],
    OP30: ['A-20-30', 'A-OUT'],
    OP40: ['B-IN', 'B-40-50'],
    OP50: ['B-40-50', 'B-OUT'],
    OP60: ['C-IN', 'C-60-70'],
    OP70: ['C-60-70', 'C-70-80'],
    OP80: ['C-70-80', 'C-OUT'],
    OP90: ['D-IN', 'D-90-100'],
    OP100: ['D-90-100', 'D-OUT'],
  };
  const byOp: Record<string, string[]> = {};
  for (const g of ops) {
    byOp[g.op] = [];
    for (let k = 0; k < g.count; k++) {
      const id = `${g.op}-${k + 1}`;
      byOp[g.op].push(id);
      machines.push({
        id,
        type: g.type,
        xM: g.x0 + 10 * k,
        yM: g.band,
        widthM: 6,
        depthM: 4,
        inputBufferId: io[g.op][0],
        outputBufferId: io[g.op][1],
        cycleTimeS: tri(g.cycleS),
        ...(g.mtbfH === undefined ? {} : { failures: { mtbfH: g.mtbfH, mttrMin: g.mttrMin } }),
        ...(g.legacy === undefined ? {} : { legacy: true, gatewayId: g.legacy }),
      });
    }
  }
  const sequence = ['OP10', 'OP20', 'OP30', 'OP40', 'OP50', 'OP60', 'OP70', 'OP80', 'OP90', 'OP100'];
  const cycleOf = Object.fromEntries(ops.map((g) => [g.op, g.cycleS]));
  const products = [
    {
      id: 'CS4',
      label: '4-cylinder crankshaft',
      marginEurPerPart: 45,
      routing: sequence.map((op) => ({ operation: op, machineIds: byOp[op] })),
    },
    {
      id: 'CS6',
      label: '6-cylinder crankshaft (longer cycles)',
      marginEurPerPart: 70,
      routing: sequence.map((op) => ({
        operation: op,
        machineIds: byOp[op],
        cycleTimeS: tri(Math.round(cycleOf[op] * 1.25)),
      })),
    },
  ];
  const sinks = [
    {
      id: 'WH-FG',
      label: 'Finished-goods warehouse',
      xM: 120,
      yM: 76,
      kind: 'warehouse',
      nodeId: nodeId(120, 70),
    },
  ];
  addStationBays(grid, [...buffers, ...sinks]);
  const parking = addSpurs(
    grid,
    // 14 AGVs (14 spurs on the south aisle, none at the finished-goods dock at x = 120).
    [...range(10, 11, 10), 130, 140, 150].map((x) => [x, 70] as [number, number]),
    4,
    'P',
  );
  const vehicles = parking.map((p, i) => ({ id: `AGV${i + 1}`, startNodeId: p }));
  // Chargers on spurs off the top aisle (like the parking spurs), so a charging AGV never blocks it.
  const chargers = addSpurs(
    grid,
    [140, 150].map((x) => [x, 10] as [number, number]),
    -5,
    'C',
  ).map((node, i) => ({ id: `CHG${i + 1}`, nodeId: node }));
  const legacyIds = new Set(machines.filter((m) => m.legacy).map((m) => m.id as string));
  const cameras = [
    [40, 78],
    [120, 78],
    [40, 2],
    [120, 2],
  ].map(([x, y], i) => ({ id: `CAM${i + 1}`, xM: x, yM: y, heightM: 6, bitrateMbps: 8 }));
  const devices = [
    ...machines
      .filter((m) => !legacyIds.has(m.id as string))
      .map((m) => ({ id: `UE-${m.id}`, kind: 'machine', attachedTo: m.id })),
    { id: 'UE-GW-A', kind: 'gateway', attachedTo: 'GW-A' },
    { id: 'UE-GW-B', kind: 'gateway', attachedTo: 'GW-B' },
    ...vehicles.map((v) => ({ id: `UE-${v.id}`, kind: 'agv', attachedTo: v.id })),
    ...cameras.map((c) => ({ id: `UE-${c.id}`, kind: 'camera', attachedTo: c.id, heightM: 6 })),
  ];
  const scenario = {
    $schema: '../../scenario.schema.json',
    name: 'Crankshaft line (engine parts)',
    description:
      'Engine-parts plant after 天润工业 (Weihai): 40 CNC and inspection stations in four cells, a raw and a finished-goods warehouse, 14 AGVs on one-way aisles, a crankshaft released by the control system every 2 minutes.',
    floor: { widthM: W, depthM: D, ceilingHeightM: 10 },
    zones: [
      { id: 'ZA', label: 'Cell A: centering, turning, broaching', xM: 10, yM: 10, widthM: 140, depthM: 20 },
      { id: 'ZB', label: 'Cell B: drilling, hardening', xM: 10, yM: 30, widthM: 90, depthM: 20 },
      { id: 'ZD', label: 'Cell D: balancing, inspection', xM: 100, yM: 30, widthM: 50, depthM: 20 },
      { id: 'ZC', label: 'Cell C: grinding, polishing', xM: 10, yM: 50, widthM: 150, depthM: 20 },
      { id: 'ZW', label: 'Warehouses', xM: 0, yM: 0, widthM: 10, depthM: 80 },
    ],
    machines,
    buffers,
    sinks,
    gateways: [
      { id: 'GW-A', xM: 70, yM: 24, conversionDelayMs: 20 },
      { id: 'GW-B', xM: 80, yM: 44, conversionDelayMs: 20 },
    ],
    cameras,
    products,
    sources: [
      {
        id: 'MES-ORDERS',
        bufferId: 'WH-RAW',
        // The control system releases one crankshaft every 2 minutes (30 an hour, about 77 % of the line's
        // capacity), 5 CS4 to 1 CS6, for as long as the run lasts; each due 8 hours after release.
        interarrivalS: { kind: 'constant', value: 120 },
        productMix: { CS4: 5, CS6: 1 },
        dueInH: 8,
      },
    ],
    transport: { kind: 'agv' },
    paths: grid,
    agvs: {
      dispatch: 'nearestIdle',
      speedMps: 1.6,
      accelMps2: 0.5,
      decelMps2: 0.5,
      loadTimeS: 15,
      unloadTimeS: 15,
      // Assumption: 48 V lithium pack derated to 2 kWh usable, ~200 W at 1 m/s.
      battery: { capacityWh: 2000, consumptionWhPerM: 0.06, chargeThreshold: 0.3, chargeRateW: 2000 },
      chargers,
      vehicles,
    },
    network: {
      // The flow fidelity passes its validation against packet fidelity on this plant (sim-core network
      // README, `pnpm bench flow-validation`): the default here; `--fidelity packet` or a variant for packets.
      fidelity: 'flow',
      deployment: 'public',
      carrier: { frequencyGHz: 3.5, bandwidthMHz: 100, scsKHz: 30, tddPattern: 'DDDSU' },
      // Assumption: CNC hall, machines ~3 m high over ~40 % of the floor.
      clutter: { density: 0.4, heightM: 3, sizeM: 5 },
      scheduler: 'proportionalFair',
      gnbs: gnbLayout(2, W, D, 8, 24),
      devices,
      traffic: [
        { id: 'status', trafficClass: 'machineStatus', deviceKinds: ['machine', 'gateway'], sizeBytes: 256 },
        {
          id: 'orders',
          trafficClass: 'controlOrder',
          deviceKinds: ['machine', 'gateway', 'agv'],
          sizeBytes: 128,
        },
        {
          id: 'telemetry',
          trafficClass: 'telemetry',
          deviceKinds: ['machine', 'gateway'],
          intervalMs: 1000,
          sizeBytes: 400,
        },
        // Assumption: fleet-manager position/command updates at 10 Hz (navigation is on board).
        {
          id: 'motion',
          trafficClass: 'motionControl',
          deviceKinds: ['agv'],
          intervalMs: 100,
          sizeBytes: 64,
          survivalTimeMs: 300,
        },
        { id: 'video', trafficClass: 'video', deviceKinds: ['camera'], intervalMs: 100, sizeBytes: 100000 },
      ],
      interferenceZones: [
        // Assumption: a neighbouring plant's unsynchronised 3.5 GHz network leaking through the east wall
        // (a 23 dBm UE behind ~38 dB of wall and equipment losses).
        { id: 'IZ-NEIGHBOUR', xM: 158, yM: 40, radiusM: 15, powerDbm: -15, heightM: 6 },
      ],
    },
    costs: { baselineVariant: 'public', currency: 'CNY' }, // Weihai plants: amounts shown in yuan
    run: { lengthH: 18, warmupH: 6, seed: 2021, replications: 5 },
    variants: standardVariants(W, D, 8, 24),
  };
  const variantFiles = {
    'private-4gnb-ul.json': {
      $schema: '../../../scenario.schema.json',
      extends: '../scenario.json',
      name: 'Crankshaft line: private network, 4 gNBs, uplink-enhanced TDD',
      network: {
        deployment: 'private',
        carrier: { tddPattern: 'DSUUU' },
        gnbs: { $replace: gnbLayout(4, W, D, 8, 24) },
      },
    },
    'no-agv.json': {
      $schema: '../../../scenario.schema.json',
      extends: '../scenario.json',
      name: 'Crankshaft line: forklifts instead of AGVs (fixed 4-minute moves)',
      transport: { kind: 'fixedDelay', delayS: 240 },
    },
    // Assumptions: four maintenance crews at the tool room by the south-east corner; in the status quo a
    // setter walks the line every 30 minutes.
    ...baselineVariantFiles({
      plant: 'Crankshaft line',
      crews: { count: 4, homeAt: { xM: 150, yM: 5 }, walkSpeedMps: 1.2 },
      patrolIntervalMin: 30,
      statusQuoTransport: { kind: 'fixedDelay', delayS: 240 },
      statusQuoNote: 'setters on rounds every 30 min, forklifts instead of AGVs',
      accessPoints: wifiGrid(W, D, 4, 2, 6),
      monitored5g: true,
    }),
  };
  return { scenario, variantFiles };
}
